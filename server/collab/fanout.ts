/**
 * Fan-out between app instances. With REDIS_URL set, every instance that has a document open
 * subscribes to the document's channel; an instance publishes an update only after committing it
 * to Postgres, so Redis carries nothing that is not already durable. Postgres stays the single
 * source of truth: a message lost in Redis is recovered from the log (see `onResubscribed`) or by
 * the client's own sync handshake. Without REDIS_URL there is one instance and nothing to do.
 */
import { randomBytes } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { log } from "../../app/utils/log.server";

export type FanoutMessage =
  | { kind: "update"; from: string; update: Uint8Array }
  | { kind: "awareness"; from: string; userId: string; connectionId: string; update: Uint8Array }
  | { kind: "query-awareness"; from: string };

export type FanoutHandler = (message: FanoutMessage) => void;

export interface Fanout {
  readonly instanceId: string;
  readonly enabled: boolean;
  /** Subscribes; resolves once messages for the document are being received. */
  join(documentId: string, handler: FanoutHandler): Promise<void>;
  leave(documentId: string): Promise<void>;
  publish(documentId: string, message: FanoutMessage): void;
  /** Called after Redis reconnected: messages may have been missed while it was away. */
  onResubscribed(listener: () => void): void;
  close(): Promise<void>;
}

const KIND = { update: 0, awareness: 1, query: 2 } as const;

export function encodeFanoutMessage(message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.from);
  switch (message.kind) {
    case "update":
      encoding.writeVarUint(encoder, KIND.update);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awareness":
      encoding.writeVarUint(encoder, KIND.awareness);
      encoding.writeVarString(encoder, message.userId);
      encoding.writeVarString(encoder, message.connectionId);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "query-awareness":
      encoding.writeVarUint(encoder, KIND.query);
      break;
  }
  return encoding.toUint8Array(encoder);
}

export function decodeFanoutMessage(data: Uint8Array): FanoutMessage {
  const decoder = decoding.createDecoder(data);
  const from = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  switch (kind) {
    case KIND.update:
      return { kind: "update", from, update: decoding.readVarUint8Array(decoder) };
    case KIND.awareness: {
      const userId = decoding.readVarString(decoder);
      const connectionId = decoding.readVarString(decoder);
      return { kind: "awareness", from, userId, connectionId, update: decoding.readVarUint8Array(decoder) };
    }
    case KIND.query:
      return { kind: "query-awareness", from };
    default:
      throw new Error(`unknown fan-out message kind ${kind}`);
  }
}

class SingleInstance implements Fanout {
  readonly instanceId = randomBytes(8).toString("hex");
  readonly enabled = false;
  async join() {}
  async leave() {}
  publish() {}
  onResubscribed() {}
  async close() {}
}

class RedisFanout implements Fanout {
  readonly instanceId = randomBytes(8).toString("hex");
  readonly enabled = true;
  private handlers = new Map<string, FanoutHandler>();
  private resubscribed: Array<() => void> = [];
  private everReady = false;

  private readonly prefix: string;

  constructor(
    private readonly publisher: import("ioredis").Redis,
    private readonly subscriber: import("ioredis").Redis,
    namespace: string,
  ) {
    this.prefix = `concord:collab:${namespace}:`;
    subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      const documentId = channel.toString("utf8").slice(this.prefix.length);
      const handler = this.handlers.get(documentId);
      if (!handler) return;
      let decoded: FanoutMessage;
      try {
        decoded = decodeFanoutMessage(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      } catch (error) {
        log.warn("collab: ignoring a malformed fan-out message", error instanceof Error ? error.message : error);
        return;
      }
      if (decoded.from === this.instanceId) return;
      handler(decoded);
    });
    subscriber.on("ready", () => {
      // ioredis re-subscribes by itself after a reconnect; anything published meanwhile is lost.
      if (this.everReady) for (const listener of this.resubscribed) listener();
      this.everReady = true;
    });
    for (const client of [publisher, subscriber]) {
      client.on("error", (error: Error) => log.warn(`collab: redis ${error.message}`));
    }
  }

  async join(documentId: string, handler: FanoutHandler) {
    this.handlers.set(documentId, handler);
    await this.subscriber.subscribe(this.prefix + documentId);
  }

  async leave(documentId: string) {
    this.handlers.delete(documentId);
    try {
      await this.subscriber.unsubscribe(this.prefix + documentId);
    } catch (error) {
      log.warn("collab: redis unsubscribe failed", error instanceof Error ? error.message : error);
    }
  }

  publish(documentId: string, message: FanoutMessage) {
    this.publisher.publish(this.prefix + documentId, Buffer.from(encodeFanoutMessage(message))).catch((error: unknown) => {
      // Durable already; other instances catch up from Postgres after Redis comes back.
      log.warn("collab: redis publish failed", error instanceof Error ? error.message : error);
    });
  }

  onResubscribed(listener: () => void) {
    this.resubscribed.push(listener);
  }

  async close() {
    this.handlers.clear();
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()]);
  }
}

/**
 * `namespace` separates deployments (and test databases) that share one Redis: instances share
 * documents only when they also share the database, so it is derived from the database's name.
 */
export async function createFanout(redisUrl: string | undefined, namespace: string): Promise<Fanout> {
  if (!redisUrl) return new SingleInstance();
  const { Redis } = await import("ioredis");
  const options = { maxRetriesPerRequest: null, lazyConnect: true } as const;
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, options);
  const fanout = new RedisFanout(publisher, subscriber, namespace);
  await Promise.all([publisher.connect(), subscriber.connect()]);
  log.info("collab: sharing documents with other instances through Redis");
  return fanout;
}
