/**
 * How to scroll something into view: smoothly, unless the person asked their system for reduced
 * motion (`prefers-reduced-motion`, WCAG 2.3.3) — CSS cannot override a script's `behavior: "smooth"`.
 */
export function scrollBehavior(): ScrollBehavior {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return "auto";
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}
