/**
 * The Node entry. Boot order matters: environment → database (migrated) → demo seed → HTTP.
 */
import { parseEnv } from "../app/env.server";
import { openDatabase } from "../db/client";
import { CONSORTIUM_ACCOUNTS, DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoIfEmpty } from "../db/seed/demo";
import { startServer } from "./app-server";
import { log } from "../app/utils/log.server";

async function main() {
  const env = parseEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });
  log.info(`database ready (${database.kind === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "Postgres"})`);
  if (database.kind === "pglite" && env.SEED_DEMO && (await seedDemoIfEmpty(database.db))) {
    log.info("seeded the demo workspace");
  }

  const running = await startServer(env, database);
  log.info(`Concord is running at ${running.url}`);
  if (database.kind === "pglite" && env.SEED_DEMO) {
    log.info(`demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const account of [...DEMO_ACCOUNTS, ...CONSORTIUM_ACCOUNTS]) log.info(`  ${account.email.padEnd(32)} ${account.organization}`);
  }
  await running.startDevReload?.();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await running.close();
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
