/**
 * One WebSocket: decodes y-websocket messages and applies the rules for this person — edits only
 * with edit permission, carets only under their own identity, within the rate limits. Anything
 * malformed closes the socket with a log line; nothing a client sends can throw out of here.
 */
import { randomBytes } from "node:crypto";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { encodeStored } from "../../app/modules/collab/acknowledgements";
import { CollabCloseCode } from "../../app/modules/collab/close-codes";
import { log } from "../../app/utils/log.server";
import { checkAwarenessUpdate, type Identity } from "./awareness-identity";
import { rawSocket, type PreparedMessage } from "./frames";
import { rateLimiters, type ConnectionLimits } from "./limits";
import type { CollabMetrics } from "./metrics";
import {
  assertDecodableUpdate,
  changesDocument,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  ProtocolError,
  type IncomingMessage,
} from "./protocol";
import type { DocumentRoom, RoomConnection } from "./room";

export type ConnectionOptions = {
  ws: WebSocket;
  room: DocumentRoom;
  identity: Identity;
  sessionId: string;
  canEdit: boolean;
  /** The organization the person edits for in the document's project (access.ts), for authorship records. */
  organizationId?: string | null;
  /** Tell this client when its updates are stored (it connected with `?ack=1`). */
  wantsAcknowledgements?: boolean;
  limits: ConnectionLimits;
  metrics: CollabMetrics;
  onClosed: (connection: CollabConnection) => void;
};

export class CollabConnection implements RoomConnection {
  readonly id = randomBytes(8).toString("hex");
  readonly userId: string;
  readonly sessionId: string;
  readonly organizationId: string | null;
  readonly room: DocumentRoom;
  canEdit: boolean;
  /** Set by the keep-alive sweep; a socket that misses a pong between two sweeps is dead. */
  alive = true;
  private closed = false;
  private closeCodeSent: number | undefined;
  private readOnlyStrikes = 0;
  /** Update-carrying sync messages received on this connection (what acknowledgements count). */
  private updatesReceived = 0;
  /** An update was not stored: nothing from it on may be acknowledged (the count is cumulative). */
  private acknowledgementsStopped = false;
  private readonly ws: WebSocket;
  private readonly identity: Identity;
  private readonly rates;

  constructor(private readonly options: ConnectionOptions) {
    this.ws = options.ws;
    this.room = options.room;
    this.identity = options.identity;
    this.userId = options.identity.userId;
    this.sessionId = options.sessionId;
    this.organizationId = options.organizationId ?? null;
    this.canEdit = options.canEdit;
    this.rates = rateLimiters(options.limits);

    this.ws.binaryType = "nodebuffer";
    this.ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    this.ws.on("pong", () => {
      this.alive = true;
    });
    // ws reports oversized (1009) and invalid frames (1002) here and closes the socket itself.
    this.ws.on("error", (error: Error & { code?: string }) => {
      log.warn(`collab: socket error on ${this.room.documentId} (user ${this.userId}): ${error.code ?? ""} ${error.message}`);
    });
    this.ws.on("close", (code) => {
      this.options.metrics.closed(this.closeCodeSent ?? code);
      this.finish();
    });
  }

  /** Registers with the room and starts the sync handshake. */
  open(): void {
    this.room.addConnection(this);
    this.options.metrics.counters.connectionsOpened++;
    this.send(encodeSyncStep1(this.room.doc));
    const states = [...this.room.awareness.getStates().keys()];
    if (states.length > 0) this.send(encodeAwareness(this.room.awareness, states));
  }

  send(message: Uint8Array): void {
    if (!this.canSend()) return;
    this.ws.send(message, this.onSent);
  }

  /** A broadcast framed once for every socket of the room (frames.ts). */
  sendPrepared(message: PreparedMessage): void {
    if (!this.canSend()) return;
    const socket = rawSocket(this.ws);
    if (socket) socket.write(message.frame, this.onSent);
    else this.ws.send(message.payload, this.onSent);
  }

  private canSend(): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    // A client that cannot keep up would make us buffer the whole document's traffic for it.
    if (this.ws.bufferedAmount > this.options.limits.maxBufferedBytes) {
      this.close(CollabCloseCode.SLOW_CONSUMER, "too slow to keep up", { terminate: true });
      return false;
    }
    return true;
  }

  private readonly onSent = (error?: Error | null): void => {
    if (error) this.close(CollabCloseCode.GOING_AWAY, "send failed", { terminate: true });
  };

  close(code: number, reason: string, { terminate = false } = {}): void {
    if (this.closed) return;
    this.closeCodeSent = code;
    try {
      this.ws.close(code, reason);
      if (terminate) this.ws.terminate();
    } catch {
      this.ws.terminate();
    }
    this.finish();
  }

  /** Keep-alive: terminates a socket that did not answer the previous ping. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.closeCodeSent = 1006;
      this.ws.terminate();
      this.finish();
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      // closing already
    }
  }

  /** Permission downgrade/upgrade found by the periodic check. */
  setCanEdit(canEdit: boolean): void {
    this.canEdit = canEdit;
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.room.removeConnection(this);
    this.options.onClosed(this);
  }

  private onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.reject(new ProtocolError("text frame", 1003));
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    let message: IncomingMessage;
    try {
      message = decodeMessage(bytes);
      this.handle(message);
    } catch (error) {
      if (error instanceof ProtocolError) return this.reject(error);
      log.error(`collab: unexpected error on ${this.room.documentId} (user ${this.userId})`, error);
      this.close(CollabCloseCode.PROTOCOL_ERROR, "could not process the message");
    }
  }

  private reject(error: ProtocolError): void {
    log.warn(`collab: closing ${this.room.documentId} socket of user ${this.userId}: ${error.message}`);
    this.close(error.closeCode, error.closeCode === 1003 ? "unsupported data" : "malformed message");
  }

  private handle(message: IncomingMessage): void {
    switch (message.type) {
      case "sync-step1": {
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(this.room.doc, message.stateVector);
        } catch (error) {
          throw new ProtocolError(`malformed state vector: ${error instanceof Error ? error.message : String(error)}`, 1002);
        }
        // From memory, like every broadcast (docs/decisions/0019): what it holds that is not stored
        // yet is being committed, and the clients that saw it keep it until it is.
        this.send(reply);
        return;
      }
      case "sync-update": {
        this.updatesReceived++;
        const stored = this.receiveUpdate(message.update);
        if (!stored) this.acknowledgementsStopped = true;
        else if (this.options.wantsAcknowledgements && !this.acknowledgementsStopped && !this.closed) {
          // After everything applied so far is committed: then this update is stored too.
          this.room.sendWhenDurable(this, encodeStored(this.updatesReceived));
        }
        return;
      }
      case "awareness":
        return this.receiveAwareness(message.update);
      case "query-awareness": {
        const states = [...this.room.awareness.getStates().keys()];
        if (states.length > 0) this.send(encodeAwareness(this.room.awareness, states));
        return;
      }
    }
  }

  /** Applies a received update; false when it is not stored (rate limit, read-only edit, locked document). */
  private receiveUpdate(update: Uint8Array): boolean {
    if (!this.rates.updates.take()) {
      log.warn(`collab: rate limit (updates) for user ${this.userId} on ${this.room.documentId}`);
      this.close(CollabCloseCode.RATE_LIMITED, "too many updates");
      return false;
    }
    assertDecodableUpdate(update);
    const doc = this.room.doc;
    if (!this.canEdit) {
      // Dropped: not applied, not broadcast, not stored. A sync reply that changes nothing is normal.
      if (!changesDocument(doc, update)) return true;
      this.options.metrics.counters.updatesDropped++;
      if (this.room.contentLocked && this.options.wantsAcknowledgements) {
        // Our editor (it asked for acknowledgements) typed while the document was being locked: what
        // it holds will never be stored. Tell it to start over from the durable document. Stock
        // clients are not told (they would reconnect and re-send it forever); they are dropped as before.
        this.close(CollabCloseCode.DOCUMENT_RESET, "document locked; reload it");
        return false;
      }
      this.readOnlyStrikes++;
      if (this.readOnlyStrikes >= this.options.limits.readOnlyStrikes) {
        log.warn(`collab: read-only user ${this.userId} kept editing ${this.room.documentId}; closing`);
        this.close(CollabCloseCode.READ_ONLY, "read-only: edits are not accepted");
      }
      return false;
    }
    if (this.room.contentLocked && changesDocument(doc, update)) {
      // Locked since this socket opened (its permissions are being re-checked): refused before it
      // is applied or shown to anyone. Only its author's screen has it; that client starts over
      // from the durable document, read-only.
      this.options.metrics.counters.updatesDropped++;
      log.warn(`collab: edit to locked document ${this.room.documentId} by user ${this.userId} refused; resetting the client`);
      this.close(CollabCloseCode.DOCUMENT_RESET, "document locked; reload it");
      return false;
    }
    const pendingStructs = doc.store.pendingStructs;
    const pendingDs = doc.store.pendingDs;
    try {
      Y.applyUpdate(doc, update, this);
    } catch (error) {
      throw new ProtocolError(`update could not be applied: ${error instanceof Error ? error.message : String(error)}`, 1002);
    }
    // Yjs replaces these when they change: this update left content waiting for dependencies.
    const addedPending =
      (doc.store.pendingStructs !== null && doc.store.pendingStructs !== pendingStructs) || (doc.store.pendingDs !== null && doc.store.pendingDs !== pendingDs);
    if (addedPending) this.room.persistRaw(update);
    return true;
  }

  private receiveAwareness(update: Uint8Array): void {
    if (!this.rates.awareness.take()) {
      log.warn(`collab: rate limit (awareness) for user ${this.userId} on ${this.room.documentId}`);
      this.close(CollabCloseCode.RATE_LIMITED, "too many awareness updates");
      return;
    }
    const entries = decodeAwarenessUpdate(update);
    const verdict = checkAwarenessUpdate(
      this.room.awareness,
      entries,
      this.identity,
      this.id,
      this.room.owners,
      this.room.ownedBy.get(this.id) ?? new Set(),
    );
    if (!verdict.ok) {
      log.warn(`collab: closing ${this.room.documentId} socket of user ${this.userId}: ${verdict.reason}`);
      this.close(CollabCloseCode[verdict.closeCode], verdict.closeCode === "IDENTITY_MISMATCH" ? "identity mismatch" : "malformed awareness");
      return;
    }
    if (verdict.effective.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, update, this);
  }
}
