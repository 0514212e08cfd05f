import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { acknowledgingSocketClass, isAcknowledgingSocket, sentKind, type AcknowledgingSocket } from "~/components/editor/acknowledging-socket";
import type { SentKind } from "~/components/editor/save-state";

/** The browser's WebSocket as far as the subclass uses it: records what was sent, throws while connecting. */
class RecordingSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  readyState = RecordingSocket.OPEN;
  readonly sent: unknown[] = [];
  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {}
  send(data: unknown): void {
    if (this.readyState === RecordingSocket.CONNECTING) throw new DOMException("Still in CONNECTING state.", "InvalidStateError");
    this.sent.push(data);
  }
}

const doc = new Y.Doc();
doc.getText("t").insert(0, "hello");

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
const step1 = syncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc));
const step2 = syncMessage((encoder) => syncProtocol.writeSyncStep2(encoder, doc));
const update = syncMessage((encoder) => syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc)));
const awareness = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(new awarenessProtocol.Awareness(doc), [doc.clientID]));
  return encoding.toUint8Array(encoder);
})();

function socketClass() {
  const reports: { connection: number; count: number; kind: SentKind }[] = [];
  const Socket = acknowledgingSocketClass((socket, kind) => reports.push({ connection: socket.connection, count: socket.updatesSent, kind }), RecordingSocket as unknown as typeof WebSocket);
  return { Socket, reports };
}

describe("acknowledging socket", () => {
  it("tells the two update-carrying messages apart and ignores the others", () => {
    expect([step1, step2, update, awareness, new Uint8Array([])].map(sentKind)).toEqual([null, "sync-reply", "update", null, null]);
  });

  it("counts the update-carrying messages it sends, per socket, and still sends everything", () => {
    const { Socket, reports } = socketClass();
    const first = new Socket("ws://example.test/collab/doc?ack=1");
    first.send(step1);
    first.send(step2);
    first.send(awareness);
    first.send(update.buffer.slice(0) as ArrayBuffer);
    const second = new Socket("ws://example.test/collab/doc?ack=1");
    second.send(update);

    expect((first as unknown as RecordingSocket).sent).toHaveLength(4);
    expect(isAcknowledgingSocket(first) && isAcknowledgingSocket(second)).toBe(true);
    const [a, b] = [first as AcknowledgingSocket, second as AcknowledgingSocket];
    expect([a.connection, a.updatesSent, b.connection, b.updatesSent]).toEqual([1, 2, 2, 1]);
    expect(reports).toEqual([
      { connection: 1, count: 1, kind: "sync-reply" },
      { connection: 1, count: 2, kind: "update" },
      { connection: 2, count: 1, kind: "update" },
    ]);
  });

  it("counts nothing the browser refused to send", () => {
    const { Socket, reports } = socketClass();
    const socket = new Socket("ws://example.test/collab/doc?ack=1");
    (socket as unknown as RecordingSocket).readyState = RecordingSocket.CONNECTING;
    expect(() => socket.send(update)).toThrow("CONNECTING");
    expect([(socket as AcknowledgingSocket).updatesSent, reports]).toEqual([0, []]);
  });

  it("recognizes only its own sockets", () => {
    expect([isAcknowledgingSocket(null), isAcknowledgingSocket(new RecordingSocket("ws://x"))]).toEqual([false, false]);
  });
});
