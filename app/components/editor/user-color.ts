/**
 * Caret and avatar colours. Every client derives a person's colour from their user id, so one
 * person has the same colour on every screen and in every tab without anyone storing it.
 * All of them carry white text at a contrast of 4.5:1 or more (caret labels, avatar initials).
 */
export const USER_COLORS = [
  "#1f5f8b", // blue
  "#2f7d4f", // green
  "#a23b72", // magenta
  "#b04a12", // burnt orange
  "#5b4bb7", // violet
  "#0f6f73", // teal
  "#8a5a00", // ochre
  "#b42342", // crimson
  "#3d5a80", // slate
  "#6b4f2a", // brown
] as const;

export type UserColor = (typeof USER_COLORS)[number];

/** FNV-1a: cheap, stable across platforms and well spread for short ids. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function colorForUser(userId: string): UserColor {
  return USER_COLORS[hash(userId) % USER_COLORS.length] ?? USER_COLORS[0];
}

/** "Ada Lovelace" → "AL", "qa" → "Q": up to two letters for an avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}
