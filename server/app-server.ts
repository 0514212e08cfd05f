/**
 * Builds the whole server (HTTP app + collaboration) around an open database. Used by
 * server/index.ts and by integration tests, which start the real thing on a free port.
 */
import http from "node:http";
import type { Env } from "../app/env.server";
import { setDatabase } from "../app/db.server";
import { onDocumentContentChanged } from "../app/modules/documents/content-changes.server";
import { syncSignoffContent } from "../app/modules/signoff/signoff.server";
import type { DatabaseHandle } from "../db/client";
import { createCollaboration } from "./collab/index";
import { createHttpApp } from "./http-app";

export type RunningServer = {
  url: string;
  port: number;
  server: http.Server;
  collaboration: Awaited<ReturnType<typeof createCollaboration>>;
  /** Stops accepting, closes sockets (1001), drops HTTP connections. Does not close the database. */
  close: () => Promise<void>;
};

export async function startServer(env: Env, database: DatabaseHandle): Promise<RunningServer & { startDevReload?: () => Promise<void> }> {
  setDatabase(database);
  // Content saved during review outdates approvals of older versions (re-read under the lock).
  onDocumentContentChanged("signoff", ({ documentId }) => syncSignoffContent(documentId).then(() => undefined));
  const { app, reloadBuild } = await createHttpApp(env);
  const server = http.createServer(app);
  const collaboration = await createCollaboration({ env, database, server });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  return {
    url: `http://${env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST}:${port}`,
    port,
    server,
    collaboration,
    startDevReload: reloadBuild?.start,
    close: async () => {
      server.close();
      await collaboration.close();
      server.closeAllConnections();
    },
  };
}
