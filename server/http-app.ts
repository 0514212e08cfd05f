/**
 * The HTTP side: CSRF origin check, static files, the operator's /metrics, and the Remix build
 * with its load context (the client's address and the collaboration server's live documents).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type { Env } from "../app/env.server";
import { isAllowedOrigin, isSafeMethod } from "../app/modules/auth/origin";
import type { LiveDocuments } from "../app/modules/documents/live-documents";
import { log } from "../app/utils/log.server";
import type { Collaboration } from "./collab/index";

const BUILD_PATH = path.resolve("build/index.js");

async function importBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(BUILD_PATH)) {
    throw new Error(`No server build at ${BUILD_PATH}: run "npm run build" (npm start does it when it is missing).`);
  }
  // The query string makes Node load a fresh copy after a dev rebuild.
  const url = `${pathToFileURL(BUILD_PATH).href}?t=${fs.statSync(BUILD_PATH).mtimeMs}`;
  return (await import(url)) as ServerBuild;
}

export type HttpAppOptions = {
  /** The running collaboration server (started after the app: it needs our HTTP server). */
  collaboration: () => Collaboration;
};

export async function createHttpApp(env: Env, { collaboration }: HttpAppOptions) {
  const app = express();
  app.disable("x-powered-by");
  // Behind a proxy the client's address comes from X-Forwarded-For (used by sign-in rate limits).
  app.set("trust proxy", "loopback");

  // CSRF: every state-changing request must come from one of our origins.
  app.use((req, res, next) => {
    if (isSafeMethod(req.method) || isAllowedOrigin(req.get("origin"), req.get("host"), env.ALLOWED_ORIGINS)) return next();
    // RFC 8058 one-click unsubscribe: mail clients POST without an Origin; the signed token, not a session, authorizes it.
    if (req.method === "POST" && req.path === "/notifications/unsubscribe") return next();
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
  });

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  // Operator figures of the collaboration server (aggregates; detail with the METRICS_TOKEN bearer).
  app.get("/metrics", (req, res) => {
    collaboration().handleMetricsRequest(req, res);
  });

  const liveDocuments: LiveDocuments = {
    refreshPermissions: (documentId) => collaboration().refreshPermissions(documentId),
    setContentLocked: (documentId, locked) => collaboration().setContentLocked(documentId, locked),
    readForPage: (documentId, read) => collaboration().readForPage(documentId, read),
  };
  const loadContext = (req: express.Request): AppLoadContext => ({ clientIp: req.ip ?? "", liveDocuments });

  let build = await importBuild();
  const development = env.NODE_ENV === "development";
  app.all(
    "*",
    development
      ? (req, res, next) => createRequestHandler({ build, mode: "development", getLoadContext: () => loadContext(req) })(req, res, next)
      : createRequestHandler({ build, mode: build.mode, getLoadContext: loadContext }),
  );

  // In development `remix dev --manual` rebuilds into build/; reload it and tell the dev server.
  const reloadBuild = development
    ? {
        start: async () => {
          await broadcastDevReady(build);
          fs.watchFile(BUILD_PATH, { interval: 200 }, async () => {
            try {
              build = await importBuild();
              await broadcastDevReady(build);
              log.info("rebuilt");
            } catch (error) {
              log.error("could not reload the build", error);
            }
          });
        },
      }
    : undefined;

  return { app, reloadBuild };
}
