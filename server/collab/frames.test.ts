import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { binaryFrame, rawSocket } from "./frames";

let server: WebSocketServer;
let serverSide: WebSocket;
let client: WebSocket;
const received: Buffer[] = [];

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, perMessageDeflate: false });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const accepted = new Promise<WebSocket>((resolve) => server.once("connection", resolve));
  client = new WebSocket(`ws://127.0.0.1:${(server.address() as { port: number }).port}`, { perMessageDeflate: false });
  client.on("message", (data, isBinary) => {
    expect(isBinary).toBe(true);
    received.push(data as Buffer);
  });
  serverSide = await accepted;
});
afterAll(async () => {
  client.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function nextMessage(): Promise<Buffer> {
  const deadline = Date.now() + 5_000;
  while (received.length === 0) {
    if (Date.now() > deadline) throw new Error("no message");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return received.shift()!;
}

describe("binaryFrame written to the raw socket", () => {
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 200_000])("arrives as one binary message of %i bytes", async (length) => {
    const payload = Uint8Array.from({ length }, (_, i) => i % 251);
    const socket = rawSocket(serverSide);
    expect(socket).toBeDefined();
    socket!.write(binaryFrame(payload));
    expect((await nextMessage()).equals(Buffer.from(payload))).toBe(true);
  });

  it("interleaves with ws's own sends in order", async () => {
    serverSide.send(Uint8Array.from([1]));
    rawSocket(serverSide)!.write(binaryFrame(Uint8Array.from([2])));
    serverSide.send(Uint8Array.from([3]));
    expect([...(await nextMessage()), ...(await nextMessage()), ...(await nextMessage())]).toEqual([1, 2, 3]);
  });

  it("finds no socket where ws exposes none (callers fall back to ws.send)", () => {
    expect(rawSocket({} as WebSocket)).toBeUndefined();
  });
});
