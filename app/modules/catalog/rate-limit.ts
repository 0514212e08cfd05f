/**
 * Per-client request limit of the public read API (issue #17), counted in this process: a fixed
 * window per IP address. A read API only needs to stop one client from drowning the instance, so
 * counts are not shared between instances or kept across restarts (the README says so); the
 * creation limits that protect other people's inboxes are database-counted (abuse/limits.server.ts).
 *
 * Headers follow the IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "api";q=300;w=300` and `RateLimit: "api";r=<remaining>;t=<seconds to reset>`.
 */
export type RateLimitPolicy = { name: string; max: number; windowSeconds: number };

export type RateLimitDecision = { allowed: boolean; remaining: number; resetSeconds: number; policy: RateLimitPolicy };

/** 300 requests per 5 minutes per IP address: a crawler at one request a second fits. */
export const API_RATE_LIMIT: RateLimitPolicy = { name: "api", max: 300, windowSeconds: 300 };

/** Clients remembered before expired windows are swept. */
const SWEEP_AT = 10_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(readonly policy: RateLimitPolicy = API_RATE_LIMIT) {}

  /** Counts one request of `client` at `now` (ms) and says whether it is within the limit. */
  take(client: string, now: number = Date.now()): RateLimitDecision {
    const windowMs = this.policy.windowSeconds * 1000;
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    let window = this.windows.get(client);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
    return { allowed: window.count <= this.policy.max, remaining: Math.max(0, this.policy.max - window.count), resetSeconds, policy: this.policy };
  }

  private sweep(now: number): void {
    const windowMs = this.policy.windowSeconds * 1000;
    for (const [client, window] of this.windows) if (now - window.start >= windowMs) this.windows.delete(client);
  }
}

export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const { policy } = decision;
  return {
    "RateLimit-Policy": `"${policy.name}";q=${policy.max};w=${policy.windowSeconds}`,
    RateLimit: `"${policy.name}";r=${decision.remaining};t=${decision.resetSeconds}`,
  };
}
