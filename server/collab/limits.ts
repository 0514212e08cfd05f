/**
 * Per-connection limits. Message size is enforced by `ws` itself (maxPayload → close 1009); this
 * module holds the rate limits and the slow-consumer rule.
 */

/** Token bucket: `ratePerSecond` sustained, `burst` at once. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export type ConnectionLimits = {
  updatesPerSecond: number;
  awarenessPerSecond: number;
  /** Bytes queued for a client beyond which it is dropped instead of buffered without bound. */
  maxBufferedBytes: number;
  /** Edit attempts tolerated on a read-only connection before it is closed. */
  readOnlyStrikes: number;
};

export function rateLimiters(limits: ConnectionLimits) {
  return {
    updates: new TokenBucket(limits.updatesPerSecond, limits.updatesPerSecond * 5),
    awareness: new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond * 5),
  };
}
