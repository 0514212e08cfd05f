/**
 * Lets pending I/O callbacks run before the caller goes on. Long CPU work beside live editing
 * (compaction, projection, permission sweeps) yields between slices: every broadcast waits for the
 * event loop, so one long task would show up as latency for everyone typing.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
