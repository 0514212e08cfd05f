/**
 * The y-websocket wire format (y-protocols sync + awareness), decoded by hand so that the server
 * decides what to do with each update (persist first, drop from read-only connections) instead of
 * letting y-protocols apply it straight to the document.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SyncType = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

export type IncomingMessage =
  | { type: "sync-step1"; stateVector: Uint8Array }
  | { type: "sync-update"; update: Uint8Array; step2: boolean }
  | { type: "awareness"; update: Uint8Array }
  | { type: "query-awareness" };

export class ProtocolError extends Error {
  constructor(
    message: string,
    /** 1002 for malformed content, 1003 for data we do not accept at all. */
    readonly closeCode: 1002 | 1003,
  ) {
    super(message);
  }
}

/** Decodes one frame; throws ProtocolError for anything malformed or unknown. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  try {
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SyncType.step1) return { type: "sync-step1", stateVector: payload };
        if (syncType === SyncType.step2 || syncType === SyncType.update) return { type: "sync-update", update: payload, step2: syncType === SyncType.step2 };
        throw new ProtocolError(`unknown sync message type ${syncType}`, 1002);
      }
      case MessageType.awareness:
        return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
      case MessageType.queryAwareness:
        return { type: "query-awareness" };
      default:
        throw new ProtocolError(`unknown message type ${messageType}`, 1003);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${error instanceof Error ? error.message : String(error)}`, 1002);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what `doc` has that the peer with `stateVector` lacks. Throws on a malformed vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncType.step2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

export type AwarenessEntry = { clientID: number; clock: number; state: unknown };

/** Decodes an awareness update (count, then clientID, clock, JSON state per entry). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientID, clock, state });
    }
    return entries;
  } catch (error) {
    throw new ProtocolError(`malformed awareness update: ${error instanceof Error ? error.message : String(error)}`, 1002);
  }
}

/** Throws ProtocolError when `update` is not a decodable Yjs update. */
export function assertDecodableUpdate(update: Uint8Array): void {
  try {
    Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(`malformed document update: ${error instanceof Error ? error.message : String(error)}`, 1002);
  }
}

/**
 * Would applying `update` change `doc`? A read-only client legitimately sends updates that change
 * nothing: its sync step 2 repeats the whole delete set even when it has no new content. Only
 * updates carrying new content or new deletions count as edit attempts.
 */
export function changesDocument(doc: Y.Doc, update: Uint8Array): boolean {
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) {
    if (clock > Y.getState(doc.store, client)) return true;
  }
  const { ds } = Y.decodeUpdate(update);
  if (ds.clients.size === 0) return false;
  const current = Y.mergeDeleteSets([Y.createDeleteSetFromStructStore(doc.store)]);
  const combined = Y.mergeDeleteSets([current, ds]);
  return !Y.equalDeleteSets(current, combined);
}
