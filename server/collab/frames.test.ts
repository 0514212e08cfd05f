import { describe, expect, it } from "vitest";
import WebSocket, { Sender } from "ws";
import { binaryFrame, rawSocket } from "./frames";

describe("binaryFrame", () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])("frames %i bytes exactly as ws frames a server's binary send", (length) => {
    const payload = Uint8Array.from({ length }, (_, i) => i % 251);
    const fromWs = Buffer.concat(Sender.frame(Buffer.from(payload), { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false }) as Buffer[]);
    expect(binaryFrame(payload).equals(fromWs)).toBe(true);
  });
});

describe("rawSocket", () => {
  it("finds the socket under a ws WebSocket of the installed version, and nothing when it is gone", async () => {
    const { WebSocketServer } = await import("ws");
    const server = new WebSocketServer({ port: 0, perMessageDeflate: false });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`, { perMessageDeflate: false });
    const received = new Promise<Buffer>((resolve) => client.once("message", (data) => resolve(data as Buffer)));
    const serverSide = await accepted;
    const socket = rawSocket(serverSide);
    expect(socket).toBeDefined();
    // A frame written straight to the socket arrives as one ordinary binary message.
    socket!.write(binaryFrame(Uint8Array.from([0, 2, 1, 42])));
    expect([...(await received)]).toEqual([0, 2, 1, 42]);
    client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(rawSocket({} as WebSocket)).toBeUndefined();
  });
});
