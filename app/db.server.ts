import type { Database, DatabaseHandle } from "../db/client";

export type { Database, Queryable, Transaction } from "../db/client";

// Kept on globalThis so the Remix build (re-imported on every dev rebuild) and server/ share one
// connection: a second PGlite on the same data directory would corrupt it. The one global the two
// module graphs share; everything else server/ hands the app through AppLoadContext.
type Registry = { concordDatabase?: DatabaseHandle };
const registry = globalThis as typeof globalThis & Registry;

export function setDatabase(handle: DatabaseHandle | undefined): void {
  registry.concordDatabase = handle;
}

export function databaseHandle(): DatabaseHandle {
  const handle = registry.concordDatabase;
  if (!handle) throw new Error("The database is not open yet: server/index.ts opens it before serving.");
  return handle;
}

export function db(): Database {
  return databaseHandle().db;
}
