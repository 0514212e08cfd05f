/**
 * Real y-websocket clients for integration tests: the stock WebsocketProvider over `ws`, with the
 * session cookie and Origin a browser would send.
 */
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { ACK_PARAM, ACK_PARAM_VALUE, carriesUpdate, MESSAGE_STORED, readStoredCount } from "../../app/modules/collab/acknowledgements";

/** A `ws` WebSocket that sends fixed headers (browsers add Cookie and Origin themselves). */
export function webSocketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as unknown as typeof WebSocket;
}

export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  body: Y.XmlFragment;
  closes: Array<{ code: number; reason: string }>;
  /**
   * With `acknowledgements`: every update-carrying message sent on the current connection has been
   * acknowledged as stored (what the editor shows as "All changes saved").
   */
  allStored: () => boolean;
  destroy: () => void;
};

/** A socket class that counts update-carrying messages, as the editor's does (acknowledging-socket.ts). */
function countingSocket(Base: typeof WebSocket): typeof WebSocket {
  return class extends Base {
    readonly counts = { sent: 0, stored: 0 };
    override send(data: Parameters<WebSocket["send"]>[0], ...rest: unknown[]): void {
      (super.send as (...args: unknown[]) => void)(data, ...rest);
      if (data instanceof Uint8Array && carriesUpdate(data)) this.counts.sent++;
    }
  };
}

export function connectClient(
  baseUrl: string,
  documentId: string,
  options: { cookie?: string; origin?: string; doc?: Y.Doc; acknowledgements?: boolean } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = { Origin: options.origin ?? baseUrl };
  if (options.cookie) headers.Cookie = options.cookie;
  const Socket = countingSocket(webSocketWithHeaders(headers));
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/collab`, documentId, doc, {
    WebSocketPolyfill: Socket as never,
    // Node has BroadcastChannel: without this, two providers in one process would sync with each
    // other directly and the tests would pass without the server.
    disableBc: true,
    maxBackoffTime: 300,
    ...(options.acknowledgements ? { params: { [ACK_PARAM]: ACK_PARAM_VALUE } } : {}),
  });
  if (options.acknowledgements) {
    provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder, current) => {
      const count = readStoredCount(decoder);
      const counts = (current.ws as unknown as { counts?: { stored: number } } | null)?.counts;
      if (counts) counts.stored = Math.max(counts.stored, count);
    };
  }
  const closes: TestClient["closes"] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    body: doc.getXmlFragment("body"),
    closes,
    allStored: () => {
      const counts = (provider.ws as unknown as { counts?: { sent: number; stored: number } } | null)?.counts;
      return counts !== undefined && provider.wsconnected && counts.stored >= counts.sent;
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, { timeoutMs = 5_000, message = "condition" } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function whenSynced(client: TestClient, timeoutMs = 5_000): Promise<void> {
  return waitFor(() => client.provider.synced, { timeoutMs, message: "sync" });
}

/** Appends a paragraph with `text` to the client's body fragment (what the editor would do). */
export function typeParagraph(client: TestClient, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.body.push([paragraph]);
}

export function bodyText(doc: Y.Doc): string {
  return doc.getXmlFragment("body").toString();
}

/** A raw WebSocket upgrade attempt: resolves with the HTTP status of a refusal, or 101 when it opened. */
export function tryUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on("unexpected-response", (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      response.resume();
      socket.terminate();
    });
    socket.on("open", () => resolve({ status: 101, socket }));
    socket.on("error", () => resolve({ status: 0 }));
  });
}

/**
 * Holds the server's group commit (app-server.ts's `beforeCommit` hook) so that tests can force
 * what happens between an edit's broadcast and its commit, on PGlite and Postgres alike.
 */
export function commitGate() {
  let held: Promise<void> | null = null;
  let open: () => void = () => {};
  const gate = {
    /** Batches waiting at the gate now. */
    waiting: 0,
    hook: async (): Promise<void> => {
      if (!held) return;
      gate.waiting++;
      try {
        await held;
      } finally {
        gate.waiting--;
      }
    },
    hold(): void {
      if (held) return;
      held = new Promise<void>((resolve) => (open = resolve));
    },
    release(): void {
      held = null;
      open();
    },
  };
  return gate;
}
