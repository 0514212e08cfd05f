/**
 * A y-websocket client reduced to what a benchmark needs: raw `ws` + y-protocols sync messages.
 * The stock WebsocketProvider would apply every incoming update to a Y.Doc as it arrives; with
 * 120 clients in one process that integration work would saturate the load generator's core and
 * inflate the latency of whichever server is being measured. So during the run a client only
 * stamps what it receives (parseUpdateMeta: which keystrokes of which typist arrived) and keeps
 * the bytes; the full Y.Doc is rebuilt afterwards to check that nothing was lost or diverged.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as Y from "yjs";
import { ACK_PARAM, ACK_PARAM_VALUE, carriesUpdate, MESSAGE_STORED, readStoredCount } from "../../app/modules/collab/acknowledgements";

const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** Send times of measured keystrokes, per typist (Yjs client id), in clock order. */
type SendTable = { clocks: number[]; times: number[] };

/**
 * Fan-out latency bookkeeping shared by every client of the generator (one process, one clock).
 * Only keystrokes typed while `measuring` is on are timed.
 */
export class LatencyBook {
  measuring = false;
  readonly sends = new Map<number, SendTable>();
  latencies: number[] = [];
  /** When the keystroke of each entry of `latencies` was sent (this process's performance.now()). */
  sentAt: number[] = [];
  deliveries = 0;
  /** Deliveries of measured keystrokes expected so far (sends × other clients on the document). */
  expected = 0;
  /**
   * Saved-acknowledgement latency (ms): an update message sent while measuring → the server's
   * "stored" acknowledgement covering it reached its author (clients connected with `ack`).
   */
  ackLatencies: number[] = [];

  /** Forgets a previous window (its late deliveries are no longer timed). */
  reset(): void {
    this.measuring = false;
    this.ackLatencies = [];
    this.sends.clear();
    this.latencies = [];
    this.sentAt = [];
    this.deliveries = 0;
    this.expected = 0;
  }

  recordSend(clientId: number, clock: number, receivers: number): void {
    if (!this.measuring) return;
    let table = this.sends.get(clientId);
    if (!table) this.sends.set(clientId, (table = { clocks: [], times: [] }));
    table.clocks.push(clock);
    table.times.push(performance.now());
    this.expected += receivers;
  }

  /** A client received an update: time every measured keystroke in it that this client had not seen yet. */
  recordReceipt(receiver: BenchClient, update: Uint8Array): void {
    const now = performance.now();
    const meta = Y.parseUpdateMeta(update);
    for (const [client, from] of meta.from) {
      if (client === receiver.doc.clientID) continue;
      const to = meta.to.get(client) ?? from;
      const seen = receiver.seen.get(client) ?? 0;
      const table = this.sends.get(client);
      if (table) {
        // A server may merge updates or resend content: count each keystroke once per receiver.
        let index = lowerBound(table.clocks, Math.max(from, seen));
        for (; index < table.clocks.length && table.clocks[index]! < to; index++) {
          this.latencies.push(now - table.times[index]!);
          this.sentAt.push(table.times[index]!);
          this.deliveries++;
        }
      }
      if (to > seen) receiver.seen.set(client, to);
    }
  }
}

function lowerBound(values: number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Received updates copied back to back into large chunks. Kept as one small Uint8Array each, the
 * ~500k updates of a run would be ~500k long-lived heap objects, and the generator's major GC
 * pauses would show up as fan-out latency of whichever server is being measured.
 */
class UpdateLog {
  private static readonly CHUNK = 256 * 1024;
  private chunks: Uint8Array[] = [];
  private current = new Uint8Array(0);
  private used = 0;
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly chunkOf: number[] = [];

  append(update: Uint8Array): void {
    if (this.used + update.length > this.current.length) {
      this.current = new Uint8Array(Math.max(UpdateLog.CHUNK, update.length));
      this.chunks.push(this.current);
      this.used = 0;
    }
    this.current.set(update, this.used);
    this.starts.push(this.used);
    this.lengths.push(update.length);
    this.chunkOf.push(this.chunks.length - 1);
    this.used += update.length;
  }

  *[Symbol.iterator](): IterableIterator<Uint8Array> {
    for (let i = 0; i < this.starts.length; i++) {
      const start = this.starts[i]!;
      yield this.chunks[this.chunkOf[i]!]!.subarray(start, start + this.lengths[i]!);
    }
  }

  clear(): void {
    this.chunks = [];
    this.current = new Uint8Array(0);
    this.used = 0;
    this.starts.length = 0;
    this.lengths.length = 0;
    this.chunkOf.length = 0;
  }
}

export type ClientOptions = {
  url: string;
  headers?: Record<string, string>;
  book?: LatencyBook;
  /**
   * Apply the document as received on connect to this client's own Y.Doc, so that its edits are
   * placed after the existing content as an editor's would be (load clients; costs one apply).
   */
  adoptInitialState?: boolean;
  /** Ask for "stored" acknowledgements (`?ack=1`, our server only) and time them into `book`. */
  ack?: boolean;
};

/** One update-carrying message this client sent on its current connection, for the acknowledgements. */
type SentUpdate = { at: number; measured: boolean; clock: number };

export class BenchClient {
  /** Holds only this client's own edits during the run (see the module comment). */
  readonly doc = new Y.Doc();
  /** Everything received from the server (sync step 2 and updates), in order. */
  private readonly received = new UpdateLog();
  /** Per typist: the clock up to which this client has received that typist's content. */
  readonly seen = new Map<number, number>();
  /** Updates received from the server, echoes of our own included. */
  updatesReceived = 0;
  closeCode: number | undefined;
  /** Update-carrying messages sent on the current connection, in order (the server's count indexes them). */
  private sentUpdates: SentUpdate[] = [];
  /** How many of them the server has said are stored. */
  private acknowledged = 0;
  /**
   * This client's own clock (Y.getState of its own id) covered by a "stored" acknowledgement on
   * any connection so far: every keystroke below it is committed, the server said so.
   */
  acknowledgedClock = 0;
  private adopted = false;
  private ws: WebSocket | undefined;
  private syncedResolve: (() => void) | undefined;
  synced: Promise<void>;
  private readonly book: LatencyBook | undefined;

  constructor(private readonly options: ClientOptions) {
    this.book = options.book;
    this.synced = new Promise((resolve) => (this.syncedResolve = resolve));
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.sendUpdate(update);
    });
  }

  /** Opens the socket and starts the sync handshake; resolves once the socket is open. */
  connect(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const url = this.options.ack ? `${this.options.url}${this.options.url.includes("?") ? "&" : "?"}${ACK_PARAM}=${ACK_PARAM_VALUE}` : this.options.url;
      const ws = new WebSocket(url, { headers: this.options.headers, perMessageDeflate: false });
      this.ws = ws;
      // The server's count starts again on every connection.
      this.sentUpdates = [];
      this.acknowledged = 0;
      ws.binaryType = "nodebuffer";
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`timed out opening ${this.options.url}`));
      }, timeoutMs);
      ws.on("unexpected-response", (_request, response) => {
        clearTimeout(timer);
        reject(new Error(`${this.options.url}: HTTP ${response.statusCode} on upgrade`));
      });
      ws.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      ws.on("open", () => {
        clearTimeout(timer);
        // What y-websocket's provider does on open: tell the server what we have.
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, SYNC_STEP1);
        encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
        this.send(encoding.toUint8Array(encoder));
        resolve();
      });
      ws.on("message", (data: Buffer) => this.onMessage(data));
      ws.on("close", (code) => {
        this.closeCode = code;
      });
    });
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private onMessage(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_STORED) return this.onStored(readStoredCount(decoder));
    // Awareness and anything else is not what this benchmark measures.
    if (type !== MESSAGE_SYNC) return;
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    switch (syncType) {
      case SYNC_STEP1: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        encoding.writeVarUint(encoder, SYNC_STEP2);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, payload));
        this.send(encoding.toUint8Array(encoder));
        return;
      }
      case SYNC_STEP2:
        this.received.append(payload);
        if (this.options.adoptInitialState && !this.adopted) {
          this.adopted = true;
          Y.applyUpdate(this.doc, payload, this);
        }
        this.syncedResolve?.();
        return;
      case SYNC_UPDATE:
        this.updatesReceived++;
        this.book?.recordReceipt(this, payload);
        this.received.append(payload);
        return;
    }
  }

  private sendUpdate(update: Uint8Array): void {
    // An edit made before the socket is open would be silently lost: that is a harness bug.
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) throw new Error("edit on a client that is not connected");
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
    this.send(encoding.toUint8Array(encoder));
  }

  /** Every outgoing message goes through here, so that the acknowledgement count lines up with the server's. */
  private send(message: Uint8Array): void {
    if (this.options.ack && carriesUpdate(message)) {
      this.sentUpdates.push({ at: performance.now(), measured: this.book?.measuring ?? false, clock: Y.getState(this.doc.store, this.doc.clientID) });
    }
    this.ws?.send(message);
  }

  /** "Stored": the first `count` update messages of this connection are committed. */
  private onStored(count: number): void {
    const now = performance.now();
    for (; this.acknowledged < Math.min(count, this.sentUpdates.length); this.acknowledged++) {
      const sent = this.sentUpdates[this.acknowledged]!;
      if (sent.measured) this.book?.ackLatencies.push(now - sent.at);
      // The clock after the edit was made: the update carried everything of ours below it.
      if (sent.clock > this.acknowledgedClock) this.acknowledgedClock = sent.clock;
    }
  }

  /** A new connection to the same document (e.g. after a server restart); the sync handshake re-sends what the server lacks. */
  reconnect(url?: string): Promise<void> {
    if (url) this.options.url = url;
    this.ws?.removeAllListeners().on("error", () => {});
    this.ws?.terminate();
    this.synced = new Promise((resolve) => (this.syncedResolve = resolve));
    return this.connect();
  }

  /** The document as this client would see it: its own edits plus everything the server sent. */
  rebuild(): Y.Doc {
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(this.doc));
      for (const update of this.received) Y.applyUpdate(doc, update);
    });
    return doc;
  }

  /** Drops what was received (after verification) so the memory can go. */
  forgetReceived(): void {
    this.received.clear();
  }

  close(): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 2_000);
      ws.once("close", () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close();
    });
  }
}

/**
 * Where the typists type: the first rich-text block of a credential specification, as the editor
 * stores it (app/modules/documents/model: one Y.XmlFragment "text:<key>" per block).
 */
export const TYPING_FRAGMENT = "text:purpose";

/**
 * A person typing into their own paragraph of a rich-text block, one character per update at a
 * fixed rate (what the editor sends per keystroke). The paragraph starts with a tag naming the
 * typist, so that verification can find it. Create it on a connected client: the paragraph is
 * sent at once.
 */
export class Typist {
  readonly text: Y.XmlText;
  /** What this typist's paragraph must hold everywhere. */
  expected: string;
  private typed = 0;
  private stopTyping: (() => void) | undefined;

  constructor(
    readonly client: BenchClient,
    readonly index: number,
    private readonly receivers: number,
    private readonly book: LatencyBook,
  ) {
    this.expected = typistTag(index);
    const paragraph = new Y.XmlElement("paragraph");
    this.text = new Y.XmlText(this.expected);
    paragraph.insert(0, [this.text]);
    client.doc.getXmlFragment(TYPING_FRAGMENT).push([paragraph]);
  }

  /** Types `rate` keystrokes per second, starting after `phaseMs` (see typeAtRate). */
  start(rate: number, phaseMs: number): void {
    this.stopTyping = typeAtRate(rate, phaseMs, () => this.keystroke());
  }

  stop(): void {
    this.stopTyping?.();
  }

  /** `count` keystrokes at once (each its own update), e.g. to have edits in flight at a crash. */
  burst(count: number): void {
    for (let i = 0; i < count; i++) this.keystroke();
  }

  private keystroke(): void {
    if (!this.client.open) return;
    const character = String.fromCharCode(97 + (this.typed++ % 26));
    const doc = this.client.doc;
    this.book.recordSend(doc.clientID, Y.getState(doc.store, doc.clientID), this.receivers);
    this.text.insert(this.text.length, character);
    this.expected += character;
  }
}

function typistTag(index: number): string {
  return `[typist ${index}] `;
}

/** The text of each typist's paragraph in `doc`, by typist index. */
export function paragraphsByTypist(doc: Y.Doc): Map<number, string> {
  const result = new Map<number, string>();
  for (const node of doc.getXmlFragment(TYPING_FRAGMENT).toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const text = node.get(0);
    if (!(text instanceof Y.XmlText)) continue;
    const content = text.toString();
    const match = /^\[typist (\d+)\] /.exec(content);
    if (match) result.set(Number(match[1]), content);
  }
  return result;
}

/**
 * The whole document as one comparable string: every rich-text fragment and every map, with
 * object keys sorted (a Y.Map's own key order depends on the order updates arrived in).
 */
export function fingerprint(doc: Y.Doc): string {
  const parts: string[] = [];
  for (const name of [...doc.share.keys()].sort()) {
    if (name.startsWith("text:")) parts.push(`${name}=${doc.getXmlFragment(name).toString()}`);
    else parts.push(`${name}=${stableStringify(doc.getMap(name).toJSON())}`);
  }
  return parts.join("\n");
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/**
 * Calls `keystroke` `rate` times per second, starting after `phaseMs` so typists do not move in
 * lockstep; returns a function that stops it. Each keystroke is scheduled against the start time,
 * not the previous keystroke, so a busy event loop does not lower the rate (every run gets the
 * same number of keystrokes).
 */
export function typeAtRate(rate: number, phaseMs: number, keystroke: () => void): () => void {
  const period = 1000 / rate;
  const origin = performance.now() + phaseMs;
  let next = 0;
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    // Catch up on keystrokes that fell behind, as a person's buffered typing would arrive.
    while (origin + next * period <= now) {
      keystroke();
      next++;
    }
    timer = setTimeout(tick, Math.max(0, origin + next * period - performance.now()));
  };
  timer = setTimeout(tick, phaseMs);
  return () => clearTimeout(timer);
}
