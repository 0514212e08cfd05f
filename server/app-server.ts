/**
 * Builds the whole server (HTTP app + collaboration) around an open database, and wires the
 * collaboration server to the app: the document store, the access check and the projection with
 * its content-change hook come from app/modules and are handed in here; nothing in app/ knows the
 * server. Used by server/index.ts and by integration tests, which start the real thing on a free port.
 */
import http from "node:http";
import type { Env } from "../app/env.server";
import { setDatabase } from "../app/db.server";
import { refreshProjection, type DocumentContentChanged } from "../app/modules/documents/projection.server";
import { syncSignoffContent } from "../app/modules/signoff/signoff.server";
import { startNotifications, stopNotifications } from "../app/modules/notifications/live.server";
import { jobsConfig, startJobs } from "../app/modules/jobs/queue.server";
import type { DatabaseHandle } from "../db/client";
import { resolveAccess } from "./collab/access";
import { createCollaboration, type Collaboration } from "./collab/index";
import { collaborationStore } from "./collab/store";
import { createHttpApp } from "./http-app";

export type RunningServer = {
  url: string;
  port: number;
  server: http.Server;
  collaboration: Collaboration;
  /** Stops accepting, closes sockets (1001), drops HTTP connections. Does not close the database. */
  close: () => Promise<void>;
};

export type ServerHooks = {
  /** Hears every content-hash change after the sign-off has (integration tests). */
  onContentChanged?: (event: DocumentContentChanged) => Promise<void>;
  /** Awaited before every group commit of edits (integration tests hold commits to force races). */
  beforeCommit?: () => Promise<void>;
};

export async function startServer(env: Env, database: DatabaseHandle, hooks: ServerHooks = {}): Promise<RunningServer & { startDevReload?: () => Promise<void> }> {
  setDatabase(database);
  const db = database.db;
  // The HTTP app serves requests only once the server listens, below: by then `collaboration` is set.
  const { app, reloadBuild } = await createHttpApp(env, { collaboration: () => collaboration });
  const server = http.createServer(app);
  const collaboration = await createCollaboration({
    env,
    server,
    store: collaborationStore(db, { beforeCommit: hooks.beforeCommit }),
    access: (sessionId, documentId, cache) => resolveAccess(db, sessionId, documentId, cache),
    project: (documentId, options) =>
      refreshProjection(db, documentId, {
        ...options,
        onContentChanged: async (event) => {
          try {
            // Content saved during review outdates approvals of older versions (re-read under the lock).
            await syncSignoffContent(event.documentId);
          } finally {
            await hooks.onContentChanged?.(event);
          }
        },
      }),
  });
  // Live notifications and their e-mail follow committed NOTIFYs from now on (live.server.ts).
  await startNotifications();
  // The daily digest and reminders: scheduled in the database, run once across instances (ADR 0018).
  const jobs = env.JOBS_ENABLED ? await startJobs(jobsConfig(env, database)) : null;
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
      await jobs?.stop();
      await stopNotifications();
    },
  };
}
