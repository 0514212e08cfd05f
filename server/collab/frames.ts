/**
 * Broadcast frames. `ws` frames every `send` separately (a header buffer, cork, a writev of two
 * buffers); a room broadcasting one update to 40 sockets would pay that 40 times, and under load
 * those sends are most of the server's CPU. A broadcast is framed once here — an unmasked, final,
 * binary WebSocket frame (RFC 6455 §5.2), what `ws` itself writes for a server's `send` — and the
 * same bytes are written to each socket.
 */
import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";

export type PreparedMessage = { payload: Uint8Array; frame: Buffer };

export function prepareMessage(payload: Uint8Array): PreparedMessage {
  return { payload, frame: binaryFrame(payload) };
}

export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82; // FIN + opcode 2 (binary)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/**
 * The socket under a `ws` WebSocket, when writing a whole frame to it is safe: `ws` writes its own
 * frames synchronously unless it is compressing (we never enable permessage-deflate) or waiting for
 * Blob data (we never send Blobs), so a frame written here cannot land inside one of its frames.
 * Undefined when `ws` no longer exposes it, and the caller falls back to `ws.send`.
 */
export function rawSocket(ws: WebSocket): Duplex | undefined {
  const socket = (ws as unknown as { _socket?: Duplex })._socket;
  return socket && typeof socket.write === "function" && !socket.destroyed ? socket : undefined;
}
