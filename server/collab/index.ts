import type http from "node:http";
import type { Env } from "../../app/env.server";
import type { DatabaseHandle } from "../../db/client";

export type CollaborationOptions = { env: Env; database: DatabaseHandle; server: http.Server };

/** Placeholder until the collaboration server lands: every upgrade is refused. */
export async function createCollaboration({ server }: CollaborationOptions) {
  server.on("upgrade", (_request, socket) => {
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  });
  return { close: async () => {} };
}
