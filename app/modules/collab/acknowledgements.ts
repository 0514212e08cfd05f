/**
 * "Stored" acknowledgements on the collaboration socket (issue 21): a message type of Concord's own
 * that tells the author their edits are durable, so the editor can say "All changes saved" only
 * when it is true. Shared by the server (server/collab) and the browser; plain code, safe anywhere.
 *
 * Opt-in: a client asks for them by connecting with `?ack=1` (y-websocket's `params` option). The
 * stock y-websocket client never asks and never receives this type, so it keeps working unchanged.
 *
 * Wire format: varUint MESSAGE_STORED, then varUint `count` — the number of update-carrying sync
 * messages (sync step 2 and update, y-protocols types 1 and 2) this client has sent on THIS
 * connection that are now committed, counting from the connection's first. Cumulative: a later
 * acknowledgement covers every earlier one. An update the server does not store (refused, dropped)
 * is never acknowledged, and nothing after it on that connection is either.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** Above y-websocket's own types (0 sync, 1 awareness, 2 auth, 3 query awareness). */
export const MESSAGE_STORED = 100;

/** The query parameter (and its value) a client adds to ask for acknowledgements. */
export const ACK_PARAM = "ack";
export const ACK_PARAM_VALUE = "1";

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export function encodeStored(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_STORED);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** The count of a MESSAGE_STORED message whose type has been read already. */
export function readStoredCount(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder);
}

/** Whether an outgoing y-websocket message carries document content (what the server acknowledges). */
export function carriesUpdate(message: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
    const syncType = decoding.readVarUint(decoder);
    return syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE;
  } catch {
    return false;
  }
}
