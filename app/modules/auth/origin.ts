/**
 * Cross-site request forgery and cross-site WebSocket hijacking defence: state-changing requests
 * and socket upgrades must come from one of our own origins. Browsers always send Origin on
 * POST and on WebSocket upgrades.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * `host` is the Host header the request reached us on; `allowedOrigins` are extra full origins
 * (e.g. "https://concord.example.org") from ALLOWED_ORIGINS.
 */
export function isAllowedOrigin(origin: string | null | undefined, host: string | null | undefined, allowedOrigins: readonly string[]): boolean {
  if (!origin) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (host && parsed.host.toLowerCase() === host.toLowerCase()) return true;
  return allowedOrigins.some((allowed) => {
    try {
      return new URL(allowed).origin === parsed.origin;
    } catch {
      return false;
    }
  });
}
