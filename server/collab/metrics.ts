/**
 * Operator figures: connections, open documents, updates/s, persistence latency, how long edits
 * wait before others see them and how long the event loop was held up. Aggregates only;
 * per-document detail is added by the caller behind METRICS_TOKEN.
 */
import { createHistogram, monitorEventLoopDelay, type IntervalHistogram, type RecordableHistogram } from "node:perf_hooks";
import { closeCodeName } from "../../app/modules/collab/close-codes";

const WINDOW_MS = 10_000;

/** Events per second over the last WINDOW_MS, in one-second buckets. */
class RateWindow {
  private buckets = new Map<number, number>();
  add(count = 1, now = Date.now()) {
    const second = Math.floor(now / 1000);
    this.buckets.set(second, (this.buckets.get(second) ?? 0) + count);
    for (const key of this.buckets.keys()) if (key < second - WINDOW_MS / 1000) this.buckets.delete(key);
  }
  perSecond(now = Date.now()): number {
    const second = Math.floor(now / 1000);
    let total = 0;
    for (const [key, count] of this.buckets) if (key > second - WINDOW_MS / 1000 && key <= second) total += count;
    return Math.round((total / (WINDOW_MS / 1000)) * 10) / 10;
  }
}

/** Latency samples of the last N commits, for percentiles. */
class LatencySamples {
  private samples: number[] = [];
  constructor(private readonly size = 512) {}
  add(ms: number) {
    this.samples.push(ms);
    if (this.samples.length > this.size) this.samples.shift();
  }
  summary() {
    if (this.samples.length === 0) return { p50: 0, p95: 0, max: 0 };
    const sorted = [...this.samples].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
    return { p50: at(0.5), p95: at(0.95), max: Math.round(sorted[sorted.length - 1]! * 10) / 10 };
  }
}

const roundMs = (ns: number) => Math.round(ns / 1e5) / 10;

/** A histogram whose percentiles are reported for the last completed WINDOW_MS. */
class WindowedHistogram {
  private last = { p50: 0, p99: 0, max: 0 };
  private readonly timer: NodeJS.Timeout;
  constructor(private readonly histogram: IntervalHistogram | RecordableHistogram) {
    this.timer = setInterval(() => this.rotate(), WINDOW_MS);
    this.timer.unref();
  }
  private rotate() {
    const h = this.histogram;
    this.last = h.count === 0 ? { p50: 0, p99: 0, max: 0 } : { p50: roundMs(h.percentile(50)), p99: roundMs(h.percentile(99)), max: roundMs(h.max) };
    h.reset();
  }
  summary() {
    return this.last;
  }
  stop() {
    clearInterval(this.timer);
  }
}

/**
 * How long the event loop was held up: every edit waits for the event loop twice (to be
 * committed, then to be broadcast), so stalls show up as fan-out latency.
 */
class EventLoopDelay extends WindowedHistogram {
  private readonly monitor: IntervalHistogram;
  constructor() {
    const monitor = monitorEventLoopDelay({ resolution: 5 });
    super(monitor);
    this.monitor = monitor;
    monitor.enable();
  }
  override stop() {
    super.stop();
    this.monitor.disable();
  }
}

/** Work the server does beside live editing, on the same event loop. */
export type BackgroundWork = "compaction" | "projection" | "permission-recheck";

/** Runs of background work listed by /metrics (about a minute's worth under heavy typing). */
const RECENT_BACKGROUND_RUNS = 256;

export type BackgroundRun = { work: BackgroundWork; startedAt: number; ms: number };

export class CollabMetrics {
  readonly startedAt = Date.now();
  readonly eventLoopDelay = new EventLoopDelay();
  /** Edit applied → broadcast to the other clients (its commit included), in nanoseconds. */
  private readonly deliveryHistogram = createHistogram();
  readonly deliveryDelay = new WindowedHistogram(this.deliveryHistogram);
  private updates = new RateWindow();
  private awareness = new RateWindow();
  private persistenceLatency = new LatencySamples();
  private loadLatency = new LatencySamples();
  counters = {
    updatesApplied: 0,
    updatesDropped: 0,
    awarenessUpdates: 0,
    rowsCommitted: 0,
    bytesCommitted: 0,
    batchesCommitted: 0,
    persistenceFailures: 0,
    compactions: 0,
    rowsCompacted: 0,
    documentsLoaded: 0,
    documentsUnloaded: 0,
    connectionsOpened: 0,
    upgradesRefused: 0,
  };
  closes: Record<string, number> = {};
  refusals: Record<string, number> = {};
  /** Recent runs of background work, oldest first: a latency spike can be matched to one. */
  private recentBackground: BackgroundRun[] = [];

  /** Runs `work` and lists it with its start (epoch ms) and duration. */
  async background<T>(work: BackgroundWork, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.recentBackground.push({ work, startedAt: Math.round((performance.timeOrigin + started) * 10) / 10, ms: Math.round((performance.now() - started) * 10) / 10 });
      if (this.recentBackground.length > RECENT_BACKGROUND_RUNS) this.recentBackground.shift();
    }
  }

  updateApplied() {
    this.counters.updatesApplied++;
    this.updates.add();
  }
  awarenessApplied() {
    this.counters.awarenessUpdates++;
    this.awareness.add();
  }
  committed(rows: number, bytes: number, latencyMs: number) {
    this.counters.rowsCommitted += rows;
    this.counters.bytesCommitted += bytes;
    this.counters.batchesCommitted++;
    this.persistenceLatency.add(latencyMs);
  }
  /** An edit reached the other clients `ms` after it was applied. */
  delivered(ms: number) {
    this.deliveryHistogram.record(Math.max(1, Math.round(ms * 1e6)));
  }
  stop() {
    this.eventLoopDelay.stop();
    this.deliveryDelay.stop();
  }
  loaded(latencyMs: number) {
    this.counters.documentsLoaded++;
    this.loadLatency.add(latencyMs);
  }
  closed(code: number) {
    const name = `${code} ${closeCodeName(code)}`;
    this.closes[name] = (this.closes[name] ?? 0) + 1;
  }
  refused(status: number) {
    this.counters.upgradesRefused++;
    this.refusals[status] = (this.refusals[status] ?? 0) + 1;
  }

  snapshot(live: { connections: number; documents: number; pendingWrites: number; redis: boolean }) {
    return {
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      connections: live.connections,
      openDocuments: live.documents,
      updatesPerSecond: this.updates.perSecond(),
      awarenessPerSecond: this.awareness.perSecond(),
      persistence: {
        pendingWrites: live.pendingWrites,
        commitLatencyMs: this.persistenceLatency.summary(),
        batches: this.counters.batchesCommitted,
        rows: this.counters.rowsCommitted,
        bytes: this.counters.bytesCommitted,
        failures: this.counters.persistenceFailures,
      },
      documentLoadMs: this.loadLatency.summary(),
      eventLoopDelayMs: this.eventLoopDelay.summary(),
      deliveryDelayMs: this.deliveryDelay.summary(),
      backgroundRuns: this.recentBackground.map((run) => ({ ...run })),
      redis: live.redis,
      totals: { ...this.counters },
      closes: { ...this.closes },
      refusedUpgrades: { ...this.refusals },
    };
  }
}

export type CollabMetricsSnapshot = ReturnType<CollabMetrics["snapshot"]>;
