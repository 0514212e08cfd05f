/**
 * The Node entry: one HTTP server for the Remix app, its static assets and the collaboration
 * WebSocket upgrade. Boot order matters: environment → database (migrated) → demo seed → HTTP.
 */
import http from "node:http";
import { parseEnv } from "../app/env.server";
import { setDatabase } from "../app/db.server";
import { openDatabase } from "../db/client";
import { seedDemoIfEmpty, DEMO_ACCOUNTS, DEMO_PASSWORD } from "../db/seed/demo";
import { createHttpApp } from "./http-app";
import { createCollaboration } from "./collab/index";
import { log } from "./log";

async function main() {
  const env = parseEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  setDatabase(database);
  log.info(`database ready (${database.kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "Postgres"})`);

  let seeded = false;
  if (database.kind === "pglite" && env.SEED_DEMO) seeded = await seedDemoIfEmpty(database.db);

  const { app, reloadBuild } = await createHttpApp(env);
  const server = http.createServer(app);
  const collaboration = await createCollaboration({ env, database, server });

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  log.info(`Concord is running at http://localhost:${port}`);
  if (seeded || (database.kind === "pglite" && env.SEED_DEMO)) {
    log.info(`demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) log.info(`  ${account.email.padEnd(32)} ${account.organization}`);
  }
  await reloadBuild?.start();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      server.close();
      await collaboration.close();
      server.closeAllConnections();
      await database.close();
    } catch (error) {
      log.error("error during shutdown", error);
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
