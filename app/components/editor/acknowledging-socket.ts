/**
 * The WebSocket class the y-websocket provider opens (its `WebSocketPolyfill` option): the browser's
 * own, counting the update-carrying messages it sends. The server's "stored" acknowledgements
 * (app/modules/collab/acknowledgements.ts) count the same messages on the same connection, so
 * comparing the two numbers tells which edits are durable. The provider opens a new socket for
 * every connection, and each counts from 0 — exactly like the server's count for that connection.
 */
import * as decoding from "lib0/decoding";
import { carriesUpdate } from "~/modules/collab/acknowledgements";
import type { SentKind } from "~/components/editor/save-state";

export type AcknowledgingSocket = WebSocket & {
  /** Unique per socket of this class (so per connection), from 1. */
  readonly connection: number;
  /** Update-carrying messages handed to the browser on this socket so far. */
  readonly updatesSent: number;
};

export type SentListener = (socket: AcknowledgingSocket, kind: SentKind) => void;

const SYNC_STEP_2 = 1;

/** Which update-carrying message this is; null for every other message (not counted). */
export function sentKind(message: Uint8Array): SentKind | null {
  if (!carriesUpdate(message)) return null;
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // the y-websocket message type (sync)
  return decoding.readVarUint(decoder) === SYNC_STEP_2 ? "sync-reply" : "update";
}

function asBytes(data: string | ArrayBufferLike | Blob | ArrayBufferView): Uint8Array | null {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}

/**
 * A subclass of `Base` (the page's WebSocket, resolved at call time so this module stays safe to
 * import on the server) that calls `onSent` after each update-carrying message it sent.
 */
export function acknowledgingSocketClass(onSent: SentListener, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  let sockets = 0;
  class CountingSocket extends Base implements AcknowledgingSocket {
    readonly connection = ++sockets;
    updatesSent = 0;

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const bytes = asBytes(data);
      const kind = bytes ? sentKind(bytes) : null;
      // Throws while still connecting: then nothing was sent and nothing is counted.
      super.send(data);
      if (kind === null) return;
      this.updatesSent++;
      onSent(this, kind);
    }
  }
  return CountingSocket;
}

export function isAcknowledgingSocket(socket: unknown): socket is AcknowledgingSocket {
  return typeof socket === "object" && socket !== null && typeof (socket as Partial<AcknowledgingSocket>).connection === "number";
}
