/**
 * The HTTP side of opening a socket: which document, from which origin, by whom. Refusals are
 * plain HTTP responses on the upgrade request, so a refused client never gets a socket and never
 * a byte of the document.
 */
import type http from "node:http";
import type { Duplex } from "node:stream";
import { readSessionId } from "../../app/modules/auth/lucia.server";
import { isAllowedOrigin } from "../../app/modules/auth/origin";
import type { Access, AccessCache } from "./access";
import { ACK_PARAM, ACK_PARAM_VALUE } from "../../app/modules/collab/acknowledgements";

/**
 * Who may do what with a document, for a socket's session (server/app-server.ts injects
 * access.ts's `resolveAccess`). The cache is shared by one sweep over many sockets.
 */
export type AccessCheck = (sessionId: string | null, documentId: string, cache?: AccessCache) => Promise<Access>;

export const COLLAB_PATH_PREFIX = "/collab/";
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** The document id of `/collab/<documentId>[?…]`, or null. The one place room names are parsed. */
export function parseCollabPath(url: string | undefined): string | null {
  if (!url) return null;
  const path = url.split("?")[0]!;
  if (!path.startsWith(COLLAB_PATH_PREFIX)) return null;
  let documentId: string;
  try {
    documentId = decodeURIComponent(path.slice(COLLAB_PATH_PREFIX.length));
  } catch {
    return null;
  }
  return DOCUMENT_ID.test(documentId) ? documentId : null;
}

/** Whether the client asked to be told when its updates are stored (`?ack=1`, app/modules/collab/acknowledgements.ts). */
export function wantsAcknowledgements(url: string | undefined): boolean {
  const query = url?.split("?")[1];
  return query !== undefined && new URLSearchParams(query).get(ACK_PARAM) === ACK_PARAM_VALUE;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  503: "Service Unavailable",
};

/** Answers the upgrade with an HTTP error and closes the TCP connection. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? "Error"}\r\n` +
      "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export type UpgradeDecision =
  | { ok: true; documentId: string; sessionId: string; access: Extract<Access, { kind: "granted" }> }
  | { ok: false; status: number; message: string };

export async function authorizeUpgrade(request: http.IncomingMessage, access: AccessCheck, allowedOrigins: readonly string[]): Promise<UpgradeDecision> {
  const documentId = parseCollabPath(request.url);
  if (!documentId) return { ok: false, status: 404, message: "Not found" };
  // Browsers send cookies with cross-site WebSocket upgrades; only the Origin tells them apart.
  if (!isAllowedOrigin(request.headers.origin, request.headers.host, allowedOrigins)) {
    return { ok: false, status: 403, message: "Forbidden: cross-origin WebSocket" };
  }
  const sessionId = readSessionId(request.headers.cookie);
  const decision = await access(sessionId, documentId);
  switch (decision.kind) {
    case "unauthenticated":
      return { ok: false, status: 401, message: "Sign in first" };
    // Same answer as the document page: whether a document exists is not told to outsiders.
    case "not_found":
    case "forbidden":
      return { ok: false, status: 404, message: "Not found" };
    case "granted":
      return { ok: true, documentId, sessionId: sessionId!, access: decision };
  }
}
