/**
 * Keeps documents' projections (app/modules/documents/projection.server.ts) current while people
 * edit: each durable write of a document (re)starts a short timer, and when the document has been
 * quiet for `debounceMs` — or at the latest `maxWaitMs` after the first unprojected write, so a
 * document typed in without pause is still projected — its projection is recomputed.
 *
 * Runs one projection at a time for the whole process (it loads and hashes a whole document: CPU
 * work on the event loop, with two cores shared), which also means one document is never
 * projected twice at once. Documents that read the projected one's competencies (its dependents)
 * are scheduled in turn. A failed run is logged and retried on the next write or load: the
 * projection is derived data and can always be recomputed.
 */
export type ProjectionRun = (documentId: string) => Promise<readonly string[]>;

export type ProjectionSchedulerOptions = {
  debounceMs: number;
  maxWaitMs: number;
  onError: (documentId: string, error: unknown) => void;
};

export class ProjectionScheduler {
  /**
   * One timer per waiting document, re-armed only when it fires: writes arrive hundreds of times a
   * second under load, and clearing and setting a timer for each would churn the timer queue.
   */
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; since: number; lastWrite: number }>();
  private readonly queue: string[] = [];
  private running: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly run: ProjectionRun,
    private readonly options: ProjectionSchedulerOptions,
  ) {}

  /** A durable write (or a load) of the document: project it once it has been quiet for a moment. */
  schedule(documentId: string): void {
    if (this.closed) return;
    const now = Date.now();
    const entry = this.waiting.get(documentId);
    if (entry) {
      entry.lastWrite = now;
      return;
    }
    this.arm(documentId, { since: now, lastWrite: now }, this.options.debounceMs);
  }

  private arm(documentId: string, times: { since: number; lastWrite: number }, delay: number): void {
    const timer = setTimeout(() => this.due(documentId), delay);
    timer.unref();
    this.waiting.set(documentId, { timer, ...times });
  }

  /** Quiet for debounceMs, or waiting for maxWaitMs: project; otherwise wait for the rest. */
  private due(documentId: string): void {
    const entry = this.waiting.get(documentId);
    if (!entry) return;
    const now = Date.now();
    const wait = Math.min(entry.lastWrite + this.options.debounceMs, entry.since + this.options.maxWaitMs) - now;
    if (wait > 0) return this.arm(documentId, entry, wait);
    this.waiting.delete(documentId);
    this.enqueue(documentId);
  }

  /** Documents waiting or queued (operators, tests). */
  get pending(): number {
    return this.waiting.size + this.queue.length;
  }

  private enqueue(documentId: string): void {
    if (!this.queue.includes(documentId)) this.queue.push(documentId);
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const documentId = this.queue.shift()!;
        try {
          for (const dependent of await this.run(documentId)) this.schedule(dependent);
        } catch (error) {
          this.options.onError(documentId, error);
        }
      }
    } finally {
      this.running = null;
    }
  }

  /**
   * Shutdown: projects what is still waiting now (the content is durable, its projection should be
   * too), bounded by `timeoutMs`; what does not finish is recomputed when the document next loads.
   */
  async close(timeoutMs: number): Promise<void> {
    const waiting = [...this.waiting.keys()];
    for (const entry of this.waiting.values()) clearTimeout(entry.timer);
    this.waiting.clear();
    for (const documentId of waiting) this.enqueue(documentId);
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running ?? Promise.resolve(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    this.queue.length = 0;
  }
}
