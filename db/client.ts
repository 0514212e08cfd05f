import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The one database type the app codes against: PGlite and postgres.js both satisfy it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database itself or an open transaction. */
export type Queryable = Database | Transaction;

/** The rows of a raw `db.execute(sql…)` result: postgres.js answers an array of rows, PGlite `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /** Runs raw SQL (used by health checks and tests). */
  ping: () => Promise<void>;
  /** LISTEN on a channel; NOTIFY sent inside a transaction arrives only after it commits. Absent on stand-in handles. */
  listen?: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  /** The server's postgres:// URL (Postgres only): the job queue opens its own small pool on it. */
  url?: string;
  /**
   * Raw SQL on the embedded database's one connection (PGlite only), for the job queue: with no
   * parameters the text may hold several statements (BEGIN; …; COMMIT;), and the last result is returned.
   */
  executeSql?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  /** postgres:// URL; when absent the embedded PGlite database is used. */
  url?: string;
  /** Where PGlite keeps its files; "memory://" keeps nothing on disk (tests). */
  dataDir: string;
  /** Apply committed migrations before returning (default true). */
  migrate?: boolean;
  poolSize?: number;
};

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export class DataDirectoryLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already in use by another Concord process (pid ${pid}). ` +
        `PGlite allows one process per data directory: stop that process, or set DATA_DIR to another folder ` +
        `(or DATABASE_URL to use a Postgres server).`,
    );
    this.name = "DataDirectoryLockedError";
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite does not guard its data directory; two processes writing it corrupt it. A lock file with
 * our pid, created exclusively, makes the second process fail fast with a clear message. A lock
 * left by a dead process (kill -9) is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "concord.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isProcessAlive(owner)) {
        throw new DataDirectoryLockedError(dataDir, owner);
      }
      fs.unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.url ? await openPostgres(options.url, options.poolSize) : await openPglite(options.dataDir);
  if (options.migrate !== false) await migrateDatabase(handle);
  return handle;
}

async function openPostgres(url: string, poolSize = 10): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: poolSize, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    url,
    ping: async () => {
      await client`select 1`;
    },
    listen: async (channel, onPayload) => {
      const { unlisten } = await client.listen(channel, onPayload);
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PGlite runs Postgres inside a WebAssembly memory that never shrinks, and Postgres's default
 * shared_buffers (128 MB) is allocated in it at start: ~200 MiB of RSS before the first query.
 * The embedded default holds a small workspace whose files the OS caches anyway; 16 MB of buffers
 * cut the process by ~110 MiB (measured with bench/collab/memory.ts, issue #21).
 */
const PGLITE_CONFIG = ["shared_buffers=16MB"];

/**
 * Creates a new data directory (initdb) in a short-lived child process. PGlite runs initdb in a
 * second WebAssembly instance whose memory (~450 MiB with the file-system bundle) stays reachable
 * from the instance that created it, and what V8 frees of it is not returned to the OS: a first
 * `npm start` sat at ~850 MiB RSS against ~340 MiB for the same server restarted on that directory.
 */
async function initializePglite(directory: string): Promise<void> {
  const script = [
    `const { PGlite } = await import("@electric-sql/pglite");`,
    `const db = new PGlite(${JSON.stringify(directory)}, { postgresqlconf: ${JSON.stringify(PGLITE_CONFIG)} });`,
    `await db.waitReady;`,
    `await db.close();`,
  ].join("\n");
  // Bare imports in `-e` resolve from the working directory: the project's, where node_modules is.
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`creating the embedded database in ${directory} failed (${signal ?? `exit ${code}`})`))));
  });
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDirectory(dataDir);
  try {
    const directory = inMemory ? dataDir : path.join(dataDir, "pglite");
    if (!inMemory && !fs.existsSync(path.join(directory, "PG_VERSION"))) await initializePglite(directory);
    const client = new PGlite(directory, { postgresqlconf: PGLITE_CONFIG });
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      ping: async () => {
        await client.query("select 1");
      },
      listen: (channel, onPayload) => client.listen(channel, onPayload),
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
