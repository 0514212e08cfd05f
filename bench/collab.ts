/**
 * Collaboration benchmark: our server (auth + durable persistence) side by side with the reference
 * `@y/websocket-server@0.1.1` (no auth, no persistence), in one run, same load; ours once on the
 * embedded default database (PGlite in a fresh DATA_DIR) and once on server Postgres (a fresh
 * database), one column each.
 *
 *   npm run bench:collab                       120 clients on 3 documents, 5 keystrokes/s each, 20 s
 *   npm run bench:collab -- --clients 60 --docs 2 --rate 3 --duration 10 --servers reference
 *
 * Flags (or env BENCH_<NAME>, e.g. BENCH_CLIENTS=60):
 *   --clients N  --docs M  --rate keystrokes/s per typist  --typists T (default: every client)
 *   --duration s  --warmup s  --mem-docs K  --cold-updates U (0 skips)  --servers reference,ours
 *   --cpu-prof DIR   write V8 CPU profiles of both servers (ours: graceful stop, no crash test)
 *   --ours-env A=1,B=2  extra environment for our server (e.g. COLLAB_PERMISSION_RECHECK_MS=60000)
 *   --no-pin         do not pin (taskset) the server to CPU 0 and the generator to CPU 1
 *   --quiet-wait s   before each measured window, wait up to s seconds (default 300) for the
 *                    machine to be ≥85% idle: other people's builds on these two cores would be
 *                    measured too (--no-wait: do not wait). What else ran in the window is reported,
 *   --attempts n     and a window where other processes used more than 10% of a core is measured
 *                    again on fresh documents, up to n windows per server (default 3).
 *   --no-commit-floor  skip the durable-commit floor (below).
 *   --database embedded|postgres|both   which databases ours runs on (default both: two columns,
 *                    ours-embedded and ours-postgres; each on a fresh database of its own).
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) is where a fresh database is
 * created for our server and dropped at the end. Needs the Remix build (npm run build).
 *
 * Setup: each server is a child process under `taskset -c 0` (the reference: its own bin; ours:
 * `node --import tsx server/index.ts`, NODE_ENV=production, no Redis, COLLAB_UNLOAD_GRACE_MS=1000
 * so the cold-open phase can watch a document unload); this script re-runs itself under
 * `taskset -c 1` as the load generator. Documents are credential specifications created from the
 * app's template; every client is a typist with its own paragraph in the first rich-text block.
 *
 * What is measured, per server, while every client is connected to its document:
 * - saved-acknowledgement latency (ours only; our clients connect with `?ack=1`, as our editor
 *   does): an update sent → its author told it is stored (message type 100, cumulative count,
 *   app/modules/collab/acknowledgements.ts); p50/p90/p99/max over the window's keystrokes,
 * - fan-out latency: keystroke sent by one client → received by each other client on the document
 *   (one process, one clock); p50/p90/p99/p99.9/max over every delivery in the window; for ours
 *   also which share of the deliveries at or above p99 were typed while it ran background work
 *   (compaction, projection, permission re-check: the runs its /metrics lists),
 * - deliveries/s, server CPU seconds (/proc utime+stime of the server process) and CPU per
 *   delivery; for ours on Postgres also the CPU of its Postgres backends (per delivery too), which
 *   is real cost the reference does not have (the embedded database runs inside the server: its
 *   CPU is in the server's),
 * - RSS at the end of the load and peak RSS,
 * - lost updates and divergence: each client's document is rebuilt from what it received and must
 *   hold every keystroke of every typist and be identical to the others and to a fresh client's;
 *   for ours the server is then killed (SIGKILL: nothing flushed) and restarted, and a fresh client
 *   must find exactly the same document in the database,
 * - kill -9 under load (ours): clients asking for acknowledgements type on the load's documents,
 *   the server is killed while they type and restarted; (a) every keystroke whose author was told
 *   "stored" before the kill must be there before anyone reconnects ("acknowledged missing"), and
 *   (b) once the clients reconnect (the sync handshake re-sends what the server lacks) every
 *   keystroke any client holds must be there ("held missing"),
 * - the generator's own CPU and event-loop delay (its stalls would count as fan-out latency), and
 *   other processes' CPU during the window,
 * - memory per open document (RSS delta over K freshly opened documents),
 * - cold open of a document of U single-keystroke updates: for ours straight from the update log
 *   (as written), then from the compacted snapshot, then warm (in memory); the reference has no
 *   storage, so only its warm full sync is shown,
 * - the durable-commit floor, after the servers (server Postgres only): the same keystroke stream
 *   through our group commit alone (bench/collab/commit-floor.ts, pinned to the server's core,
 *   nothing else running). Since ADR 0019 fan-out is sent from memory and does not wait for the
 *   commit; the author's saved acknowledgement does, so the floor bounds the acknowledgement
 *   latency from below and is printed beside it (ack p99 against the floor's p99).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { like, sql } from "drizzle-orm";
import * as Y from "yjs";
import { newDocumentFromTemplate } from "../app/modules/documents/model/template";
import { BenchClient, fingerprint, LatencyBook, paragraphsByTypist, Typist, TYPING_FRAGMENT } from "./collab/client";
import {
  coreTimes,
  cpuDelta,
  cpuSeconds,
  memory,
  processesCpu,
  sleep,
  startOurServer,
  startReferenceServer,
  waitForQuiet,
  type CpuTimes,
  type ServerKind,
  type ServerProcess,
} from "./collab/servers";
import { parseCommitFloorOutput, type CommitFloor, type CommitFloorInput } from "./collab/commit-floor";
import { percentile } from "./collab/stats";

// ---------------------------------------------------------------------------------------------
// Configuration

type Config = {
  clients: number;
  docs: number;
  rate: number;
  typists: number;
  duration: number;
  warmup: number;
  memDocs: number;
  coldUpdates: number;
  servers: ServerKind[];
  cpuProfileDir: string | undefined;
  pin: boolean;
  /** Longest wait for a quiet machine before each server's run, in seconds (0: do not wait). */
  quietWait: number;
  /** Windows measured at most per server when other processes disturb them. */
  attempts: number;
  /** Extra environment for our server (experiments: `--ours-env COLLAB_PERMISSION_RECHECK_MS=60000`). */
  oursEnv: Record<string, string>;
  /** Also measure the durable-commit floor (bench/collab/commit-floor.ts) after the servers. */
  commitFloor: boolean;
  databaseUrl: string;
  /** Which databases our server runs on, one column each: the embedded default (PGlite) and/or server Postgres. */
  databases: DatabaseKind[];
};

type DatabaseKind = "embedded" | "postgres";

function readConfig(argv: string[]): Config {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (name === "no-pin" || name === "no-wait" || name === "no-commit-floor") flags.set(name, "true");
    else if (inline !== undefined) flags.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) flags.set(name, argv[++i]!);
    else throw new Error(`--${name} needs a value`);
  }
  const known = new Set(["clients", "docs", "rate", "typists", "duration", "warmup", "mem-docs", "cold-updates", "servers", "cpu-prof", "no-pin", "no-wait", "quiet-wait", "attempts", "ours-env", "no-commit-floor", "database"]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}`);
  const value = (name: string) => flags.get(name) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  const number = (name: string, fallback: number, { min = 0, integer = true } = {}) => {
    const raw = value(name);
    if (raw === undefined || raw === "") return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < min || (integer && !Number.isInteger(parsed))) throw new Error(`--${name}: bad value ${raw}`);
    return parsed;
  };
  const clients = number("clients", 120, { min: 2 });
  const docs = number("docs", 3, { min: 1 });
  if (clients < docs * 2) throw new Error("need at least two clients per document");
  const servers = (value("servers") ?? "reference,ours").split(",").map((s) => s.trim());
  for (const server of servers) if (server !== "reference" && server !== "ours") throw new Error(`--servers: unknown server ${server}`);
  const database = value("database") ?? "both";
  if (database !== "embedded" && database !== "postgres" && database !== "both") throw new Error(`--database: expected embedded, postgres or both, got ${database}`);
  return {
    clients,
    docs,
    rate: number("rate", 5, { min: 0.1, integer: false }),
    typists: Math.min(clients, number("typists", clients, { min: 1 })),
    duration: number("duration", 20, { min: 1, integer: false }),
    warmup: number("warmup", 3, { min: 0, integer: false }),
    memDocs: number("mem-docs", 100, { min: 1 }),
    coldUpdates: number("cold-updates", 100_000),
    servers: servers as ServerKind[],
    cpuProfileDir: value("cpu-prof") ? path.resolve(value("cpu-prof")!) : undefined,
    pin: value("no-pin") !== "true" && os.cpus().length >= 2,
    quietWait: value("no-wait") === "true" ? 0 : number("quiet-wait", 300),
    attempts: number("attempts", 3, { min: 1 }),
    oursEnv: Object.fromEntries(
      (value("ours-env") ?? "")
        .split(",")
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf("=");
          if (at <= 0) throw new Error(`--ours-env: expected NAME=value, got ${pair}`);
          return [pair.slice(0, at), pair.slice(at + 1)];
        }),
    ),
    commitFloor: value("no-commit-floor") !== "true",
    databaseUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
    databases: database === "both" ? ["embedded", "postgres"] : [database],
  };
}

const SERVER_CPU = 0;
const GENERATOR_CPU = 1;

/**
 * The generator must not compete with the server for its core: re-run this very script (same node
 * flags, i.e. the tsx loader) under `taskset -c 1`; the servers are started under `taskset -c 0`.
 */
async function pinGenerator(): Promise<number> {
  const child = spawn("taskset", ["-c", String(GENERATOR_CPU), process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, BENCH_COLLAB_PINNED: "1" },
  });
  // Ctrl-C reaches the child too (same process group); it cleans up, we wait for it.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGTERM"));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

// ---------------------------------------------------------------------------------------------
// The fixture: documents, users, the big document for the cold open

const LOAD_DOC = (attempt: number, i: number) => `bench-load-${attempt}-${i}`;
const MEM_DOC = (i: number) => `bench-mem-${i}`;
const MEM_DOC_PATTERN = "bench-mem-%";
const COLD_DOC = "bench-cold";
/** Documents the commit-floor process writes to (never opened by a server). */
const FLOOR_DOC = (i: number) => `bench-floor-${i}`;

type ColdDocument = { updates: Uint8Array[]; state: Uint8Array; fingerprint: string };

/**
 * Every bench document starts as the app creates one: a credential specification from its
 * template (layout, initial values, one empty paragraph per rich-text block).
 */
function templateState(): Uint8Array {
  return newDocumentFromTemplate("credential_spec", { title: "Bench credential" });
}

/**
 * One person typing `count` keystrokes into a rich-text block, a new paragraph every 60
 * characters, each its own update, after the template (the first update).
 */
function generateColdDocument(count: number, template: Uint8Array): ColdDocument {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  Y.applyUpdate(doc, template);
  const fragment = doc.getXmlFragment(TYPING_FRAGMENT);
  let text: Y.XmlText | undefined;
  for (let i = 0; i < count; i++) {
    if (text === undefined || i % 60 === 0) {
      const paragraph = new Y.XmlElement("paragraph");
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
      fragment.push([paragraph]);
    } else {
      text.insert(text.length, String.fromCharCode(97 + (i % 26)));
    }
  }
  const result = { updates, state: Y.encodeStateAsUpdate(doc), fingerprint: fingerprint(doc) };
  doc.destroy();
  return result;
}

type OurDatabase = {
  kind: DatabaseKind;
  /** Postgres: the server's DATABASE_URL; embedded: its DATA_DIR (the bench cannot open it while the server runs). */
  url?: string;
  dataDir?: string;
  /** Postgres only: backend pids of the server's connections (the bench's own are left out). */
  backendPids: () => Promise<number[]>;
  /** Update-log rows not yet compacted, for documents whose id is LIKE `pattern`; undefined on the embedded database (the server holds it). */
  loggedUpdates: (pattern: string) => Promise<number | undefined>;
  drop: () => Promise<void>;
};

/** The fixture every database gets: the demo workspace, the bench documents with the template, the big document's log. */
async function fillDatabase(db: import("../db/client").Database, config: Config, template: Uint8Array, cold: ColdDocument | undefined): Promise<void> {
  const { seedDemo, DEMO_PROJECT_ID } = await import("../db/seed/demo");
  const { documents } = await import("../db/schema/index");
  const { appendUpdates } = await import("../app/modules/documents/store/stored-document.server");
  await seedDemo(db);
  const ids = [
    ...Array.from({ length: config.attempts * config.docs }, (_, i) => LOAD_DOC(1 + Math.floor(i / config.docs), i % config.docs)),
    ...Array.from({ length: config.memDocs }, (_, i) => MEM_DOC(i)),
    ...Array.from({ length: config.docs }, (_, i) => FLOOR_DOC(i)),
  ];
  // As the app's createDocument does: the row and its first Yjs state (the template) together.
  await db.transaction(async (tx) => {
    await tx
      .insert(documents)
      .values([...ids, COLD_DOC].map((id) => ({ id, projectId: DEMO_PROJECT_ID, kind: "credential_spec" as const, title: id, createdBy: "demo-user-college" })));
    await appendUpdates(
      tx,
      ids.map((id) => ({ documentId: id, update: template })),
    );
  });
  if (cold) {
    // Written in the server's own log format with its own function, as its group commit would.
    for (let i = 0; i < cold.updates.length; i += 1000) {
      await appendUpdates(
        db,
        cold.updates.slice(i, i + 1000).map((update) => ({ documentId: COLD_DOC, update })),
      );
    }
  }
}

/**
 * The embedded default: a fresh DATA_DIR, filled by this process and closed again before the
 * server opens it (PGlite allows one process per data directory).
 */
async function prepareEmbeddedDatabase(config: Config, template: Uint8Array, cold: ColdDocument | undefined): Promise<OurDatabase> {
  const { openDatabase } = await import("../db/client");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-data-"));
  const drop = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  try {
    const handle = await openDatabase({ dataDir });
    try {
      await fillDatabase(handle.db, config, template, cold);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { kind: "embedded", dataDir, backendPids: async () => [], loggedUpdates: async () => undefined, drop };
}

async function preparePostgresDatabase(config: Config, template: Uint8Array, cold: ColdDocument | undefined): Promise<OurDatabase> {
  process.env.TEST_DATABASE_URL = config.databaseUrl;
  const { openTestDatabase } = await import("../test/support/database");
  const { collabUpdates } = await import("../db/schema/collaboration");
  const { resultRows } = await import("../db/client");
  const database = await openTestDatabase();
  if (!database.url) throw new Error("expected a Postgres database (BENCH_DATABASE_URL)");
  try {
    await fillDatabase(database.db, config, template, cold);
    const pids = async () => {
      const result = await database.db.execute(sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      return resultRows<{ pid: number }>(result).map((row) => Number(row.pid));
    };
    const ownPid = resultRows<{ pid: number }>(await database.db.execute(sql`select pg_backend_pid() as pid`));
    const ownPids = new Set([...(await pids()), ...ownPid.map((row) => Number(row.pid))]);
    return {
      kind: "postgres",
      url: database.url,
      backendPids: async () => (await pids()).filter((pid) => !ownPids.has(pid)),
      loggedUpdates: async (pattern) => {
        const [row] = await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(collabUpdates)
          .where(like(collabUpdates.documentId, pattern));
        return Number(row?.n ?? 0);
      },
      drop: () => database.drop(),
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// One server's run

/** One column of the report: a server, and for ours the database it runs on. */
type Variant = { kind: ServerKind; label: string; database: OurDatabase | undefined };

type CrashFigures = {
  /** Keystrokes whose author had been told "stored" before the kill, and how many of them the restarted server lacks. */
  acknowledged: number;
  acknowledgedMissing: number;
  /** Keystrokes the clients held at the kill (typed, sent or not), and how many are missing once they reconnected. */
  held: number;
  heldMissing: number;
  /** Typed after the last acknowledgement: what the clients had to re-send. */
  unacknowledgedAtKill: number;
  note?: string;
};

type ServerResult = {
  kind: ServerKind;
  label: string;
  databaseKind: DatabaseKind | undefined;
  /** Saved-acknowledgement latencies (sorted, ms); ours only. */
  ack: Float64Array | undefined;
  crash: CrashFigures | undefined;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  deliveries: number;
  expectedDeliveries: number;
  windowSeconds: number;
  keystrokes: number;
  serverCpu: number;
  postgresCpu: number | undefined;
  generatorCpuShare: number;
  generatorLagP99: number;
  generatorLagMax: number;
  /** Other processes' CPU during the window (in cores), and VM steal (share per core). */
  disturbance: number;
  steal: number | undefined;
  rss: number;
  peakRss: number;
  lostKeystrokes: number;
  contentMismatches: number;
  divergedDocuments: number;
  serverViewMismatches: number;
  reopen: { mismatches: number; how: string } | undefined;
  memoryPerDocument: number;
  commits: CommitFigures | undefined;
  background: BackgroundFigures | undefined;
  cold: { rawLog?: number; compacted?: number; warm: number; compactedRows?: number } | undefined;
  notes: string[];
};

type Connector = {
  server: ServerProcess;
  headers: (clientIndex: number) => Record<string, string>;
};

async function connectorFor(server: ServerProcess): Promise<Connector> {
  if (server.kind === "reference") return { server, headers: () => ({}) };
  // Browsers send the session cookie and their Origin; several clients share a person, as tabs do.
  const { signInCookie } = await import("../test/support/server");
  const { DEMO_ACCOUNTS } = await import("../db/seed/demo");
  const editors = DEMO_ACCOUNTS.filter((account) => account.projectRole !== "qa_reviewer");
  const cookies: string[] = [];
  for (const editor of editors) cookies.push(await signInCookie(server.baseUrl, editor.email));
  return { server, headers: (i) => ({ Origin: server.baseUrl, Cookie: cookies[i % cookies.length]! }) };
}

async function openClient(connector: Connector, documentId: string, index: number, book?: LatencyBook, adoptInitialState = false): Promise<BenchClient> {
  // Ours' clients ask for "stored" acknowledgements, as our editor does; the reference's are stock.
  const ack = connector.server.kind === "ours";
  const client = new BenchClient({ url: connector.server.socketUrl(documentId), headers: connector.headers(index), book, adoptInitialState, ack });
  await client.connect();
  return client;
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => run(item, i + j)))));
  return results;
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await sleep(stepMs);
  }
  return true;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body of a fresh client's document (what a person opening it now would see). */
async function freshView(connector: Connector, documentId: string): Promise<{ body: string; paragraphs: Map<number, string> }> {
  const client = await openClient(connector, documentId, 0);
  try {
    await withTimeout(client.synced, 30_000, `sync of ${documentId}`);
    const doc = client.rebuild();
    const view = { body: fingerprint(doc), paragraphs: paragraphsByTypist(doc) };
    doc.destroy();
    return view;
  } finally {
    await client.close();
  }
}

type Context = { config: Config; logDir: string; template: Uint8Array; cold: ColdDocument | undefined };

async function startServer(variant: Variant, context: Context, port?: number): Promise<ServerProcess> {
  const cpu = context.config.pin ? SERVER_CPU : null;
  if (variant.kind === "reference") return startReferenceServer({ cpu, logDir: context.logDir, cpuProfileDir: context.config.cpuProfileDir });
  const database = variant.database!;
  return startOurServer({
    cpu,
    logDir: context.logDir,
    logName: `${variant.label}.log`,
    // The embedded default: no DATABASE_URL, PGlite in DATA_DIR inside the server process.
    databaseUrl: database.url ?? "",
    port,
    // Short grace so that the cold-open phase can watch a document unload; no effect under load.
    env: { COLLAB_UNLOAD_GRACE_MS: "1000", ...(database.dataDir ? { DATA_DIR: database.dataDir } : {}), ...context.config.oursEnv },
    cpuProfileDir: context.config.cpuProfileDir,
  });
}

async function postgresCpu(database: OurDatabase | undefined): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (database?.kind !== "postgres") return result;
  for (const pid of await database.backendPids()) {
    try {
      result.set(pid, cpuSeconds(pid));
    } catch {
      // the backend ended between the query and the read
    }
  }
  return result;
}

/** Above this much CPU (in cores) used by other processes, a window is measured again. */
const DISTURBED = 0.1;

type LoadWindow = {
  latencies: Float64Array;
  /** Saved-acknowledgement latencies of the window's keystrokes (ours; empty for the reference). */
  ackLatencies: Float64Array;
  deliveries: number;
  expected: number;
  keystrokes: number;
  windowSeconds: number;
  drained: boolean;
  serverCpu: number;
  postgresCpu: number | undefined;
  generatorSeconds: number;
  /** How late the generator's own event loop ran (ms): its stalls would count as fan-out latency. */
  generatorLagP99: number;
  generatorLagMax: number;
  /**
   * CPU used by other processes on the machine during the window, in cores (0.1 = 10% of one
   * core): everything busy minus the server, the generator and (for ours) Postgres.
   */
  disturbance: number;
  steal: number | undefined;
  quiet: boolean;
  /** Ours only: its group commit during the window, from its own GET /metrics. */
  commits: CommitFigures | undefined;
  /** Ours only: how much of the latency tail was typed while it ran background work. */
  background: BackgroundFigures | undefined;
};

type BackgroundRun = { work: string; startedAt: number; ms: number };

type BackgroundFigures = {
  /** Per kind of work: runs and milliseconds within the window. */
  runs: Map<string, { count: number; ms: number }>;
  /** Deliveries at or above the window's p99, and how many of them were typed during each kind. */
  tail: number;
  tailDuring: Map<string, number>;
  /** Share of all deliveries typed during background work. */
  shareDuring: number;
  /** p99 of the deliveries typed while no background work ran. */
  p99Outside: number;
};

/**
 * Matches the latency tail to the background runs our server lists in /metrics (compaction,
 * projection, permission re-checks): which share of the slowest deliveries were typed while one
 * ran. Same machine, so the two processes' wall clocks agree.
 */
function attributeTail(latencies: readonly number[], sentAt: readonly number[], runs: readonly BackgroundRun[], from: number, to: number): BackgroundFigures {
  const inWindow = runs.filter((run) => run.startedAt + run.ms >= from && run.startedAt <= to).sort((a, b) => a.startedAt - b.startedAt);
  const byWork = new Map<string, { count: number; ms: number }>();
  for (const run of inWindow) {
    const entry = byWork.get(run.work) ?? { count: 0, ms: 0 };
    entry.count++;
    entry.ms += run.ms;
    byWork.set(run.work, entry);
  }
  const duringWhich = (epoch: number): string | undefined => inWindow.find((run) => epoch >= run.startedAt && epoch <= run.startedAt + run.ms)?.work;
  const p99 = percentile(Float64Array.from(latencies).sort(), 99);
  const tailDuring = new Map<string, number>();
  const outside: number[] = [];
  let tail = 0;
  let during = 0;
  for (let i = 0; i < latencies.length; i++) {
    const work = duringWhich(performance.timeOrigin + sentAt[i]!);
    if (work) during++;
    else outside.push(latencies[i]!);
    if (latencies[i]! < p99) continue;
    tail++;
    if (work) tailDuring.set(work, (tailDuring.get(work) ?? 0) + 1);
  }
  return { runs: byWork, tail, tailDuring, shareDuring: latencies.length ? during / latencies.length : 0, p99Outside: percentile(Float64Array.from(outside).sort(), 99) };
}

type CommitFigures = { batches: number; rows: number; latencyP50: number; latencyP95: number; latencyMax: number; loopDelayP99: number; loopDelayMax: number; serverP50: number; serverP99: number };

type MetricsSnapshot = {
  persistence?: { batches?: number; rows?: number; commitLatencyMs?: { p50?: number; p95?: number; max?: number } };
  eventLoopDelayMs?: { p99?: number; max?: number };
  deliveryDelayMs?: { p50?: number; p99?: number; max?: number };
  backgroundRuns?: BackgroundRun[];
};

/** Our server's operator figures (GET /metrics); undefined when it does not answer them. */
async function ourMetrics(server: ServerProcess): Promise<MetricsSnapshot | undefined> {
  if (server.kind !== "ours") return undefined;
  try {
    const response = await fetch(`${server.baseUrl}/metrics`);
    return response.ok ? ((await response.json()) as MetricsSnapshot) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Typists type for the warm-up, then for `duration` with every keystroke timed; the window ends
 * when every keystroke has reached every other client (or 30 s later).
 */
async function measureWindow(options: {
  config: Config;
  server: ServerProcess;
  book: LatencyBook;
  typists: Typist[];
  database: OurDatabase | undefined;
}): Promise<LoadWindow> {
  const { config, server, book, typists, database } = options;
  book.reset();
  const period = 1000 / config.rate;
  typists.forEach((typist) => typist.start(config.rate, Math.random() * period));
  await sleep(config.warmup * 1000);
  const pgBefore = await postgresCpu(database);
  const onPostgres = database?.kind === "postgres";
  const pgAllBefore = onPostgres ? processesCpu("postgres") : undefined;
  const metricsBefore = await ourMetrics(server);
  const cpuBefore = cpuSeconds(server.pid);
  const coresBefore = coreTimes();
  const generatorBefore = process.cpuUsage();
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const started = performance.now();
  const startedEpoch = performance.timeOrigin + started;
  book.measuring = true;
  await sleep(config.duration * 1000);
  book.measuring = false;
  typists.forEach((typist) => typist.stop());
  const keystrokes = [...book.sends.values()].reduce((sum, table) => sum + table.clocks.length, 0);
  const drained = await waitUntil(() => book.deliveries >= book.expected, 30_000, 5);
  // Ours: the authors' acknowledgements of the last keystrokes (one per update message sent while measuring).
  if (server.kind === "ours") await waitUntil(() => book.ackLatencies.length >= keystrokes, 10_000, 5);
  const ended = performance.now();
  const cpuAfter = cpuSeconds(server.pid);
  const coresAfter = coreTimes();
  const generatorUsage = process.cpuUsage(generatorBefore);
  lag.disable();
  const pgAllAfter = onPostgres ? processesCpu("postgres") : undefined;
  const pgAfter = await postgresCpu(database);
  const metricsAfter = await ourMetrics(server);
  let commits: CommitFigures | undefined;
  const [was, now] = [metricsBefore?.persistence, metricsAfter?.persistence];
  if (was?.batches !== undefined && now?.batches !== undefined && now.rows !== undefined && was.rows !== undefined) {
    commits = {
      batches: now.batches - was.batches,
      rows: now.rows - was.rows,
      // The server keeps its last 512 commits: at the end of the window those are all in it.
      latencyP50: now.commitLatencyMs?.p50 ?? NaN,
      latencyP95: now.commitLatencyMs?.p95 ?? NaN,
      latencyMax: now.commitLatencyMs?.max ?? NaN,
      // Its last completed 10-second window, within our window.
      loopDelayP99: metricsAfter?.eventLoopDelayMs?.p99 ?? NaN,
      loopDelayMax: metricsAfter?.eventLoopDelayMs?.max ?? NaN,
      serverP50: metricsAfter?.deliveryDelayMs?.p50 ?? NaN,
      serverP99: metricsAfter?.deliveryDelayMs?.p99 ?? NaN,
    };
  }

  const background = metricsAfter?.backgroundRuns
    ? attributeTail(book.latencies, book.sentAt, metricsAfter.backgroundRuns, startedEpoch, performance.timeOrigin + ended)
    : undefined;

  const windowSeconds = (ended - started) / 1000;
  const generatorSeconds = (generatorUsage.user + generatorUsage.system) / 1e6;
  const serverCpu = cpuAfter - cpuBefore;
  const sumCores = (cores: CpuTimes[], field: "busy" | "steal") => cores.reduce((sum, core) => sum + (core?.[field] ?? 0), 0);
  const busy = sumCores(coresAfter, "busy") - sumCores(coresBefore, "busy");
  const postgresAll = pgAllBefore && pgAllAfter ? cpuDelta(pgAllBefore, pgAllAfter) : 0;
  const disturbance = Math.max(0, busy - serverCpu - generatorSeconds - postgresAll) / windowSeconds;
  const steal = (sumCores(coresAfter, "steal") - sumCores(coresBefore, "steal")) / coresAfter.length / windowSeconds;
  let postgresSeconds: number | undefined;
  if (onPostgres) {
    postgresSeconds = 0;
    for (const [pid, after] of pgAfter) postgresSeconds += after - (pgBefore.get(pid) ?? 0);
  }
  return {
    latencies: Float64Array.from(book.latencies).sort(),
    ackLatencies: Float64Array.from(book.ackLatencies).sort(),
    deliveries: book.deliveries,
    expected: book.expected,
    keystrokes,
    windowSeconds,
    drained,
    serverCpu,
    postgresCpu: postgresSeconds,
    generatorSeconds,
    generatorLagP99: lag.percentile(99) / 1e6,
    generatorLagMax: lag.max / 1e6,
    disturbance,
    steal,
    quiet: true,
    commits,
    background,
  };
}

type LoadSet = { clients: BenchClient[]; typists: Typist[]; docOf: (client: number) => number; documentIds: string[] };

/** Connects every client to its document, then every typist creates its paragraph (not measured). */
async function openLoad(connector: Connector, config: Config, attempt: number, book: LatencyBook, template: Uint8Array): Promise<LoadSet> {
  const documentIds = Array.from({ length: config.docs }, (_, d) => LOAD_DOC(attempt, d));
  // Ours has the template since the documents were created; the reference gets it first.
  if (connector.server.kind === "reference") for (const id of documentIds) await seedReference(connector, id, template);
  const docOf = (i: number) => i % config.docs;
  const clients = await inBatches(
    Array.from({ length: config.clients }, (_, i) => i),
    20,
    (i) => openClient(connector, documentIds[docOf(i)]!, i, book, true),
  );
  await withTimeout(Promise.all(clients.map((client) => client.synced)), 60_000, "initial sync of every client");
  const clientsOn = (doc: number) => clients.filter((_, i) => docOf(i) === doc).length;
  const typists = clients.slice(0, config.typists).map((client, i) => new Typist(client, i, clientsOn(docOf(i)) - 1, book));
  // Everyone has everyone's paragraph before the clock starts.
  const setUp = await waitUntil(
    () =>
      clients.every((client, i) =>
        typists.every((t) => t.client === client || docOf(t.index) !== docOf(i) || (client.seen.get(t.client.doc.clientID) ?? 0) >= Y.getState(t.client.doc.store, t.client.doc.clientID)),
      ),
    30_000,
    50,
  );
  if (!setUp) throw new Error("the typists' paragraphs did not reach every client within 30 s");
  return { clients, typists, docOf, documentIds };
}

async function runServer(variant: Variant, context: Context): Promise<ServerResult> {
  const { config } = context;
  const { kind, label: name } = variant;
  const notes: string[] = [];
  log(`\n[${name}] starting`);
  let server = await startServer(variant, context);
  log(`[${name}] server pid ${server.pid}, log ${server.logPath}`);
  try {
    let connector = await connectorFor(server);

    // --- the load: measured again (on fresh documents, so both servers always measure the same
    // thing) when someone else's work got in the way
    const database = variant.database;
    const book = new LatencyBook();
    let window: LoadWindow;
    let load: LoadSet;
    for (let attempt = 1; ; attempt++) {
      let quiet = true;
      if (config.quietWait > 0) {
        quiet = await waitForQuiet(config.quietWait * 1000, () => log(`[${name}] waiting for the machine to be quiet (up to ${config.quietWait} s)`));
      }
      load = await openLoad(connector, config, attempt, book, context.template);
      log(`[${name}] ${load.clients.length} clients connected on ${config.docs} documents, ${load.typists.length} typists`);
      window = await measureWindow({ config, server, book, typists: load.typists, database });
      window.quiet = quiet;
      if (window.disturbance <= DISTURBED || attempt >= config.attempts) {
        if (attempt > 1) notes.push(`window ${attempt} of ${attempt} kept: the earlier ones were disturbed by other processes`);
        break;
      }
      log(`[${name}] other processes took ${(window.disturbance * 100).toFixed(0)}% of a core during the window; measuring again`);
      await Promise.all(load.clients.map((client) => client.close()));
    }
    const { clients, typists, docOf, documentIds } = load;
    const { rss, peak } = memory(server.pid);
    if (!window.drained) notes.push(`${window.expected - window.deliveries} deliveries still missing 30 s after typing stopped`);
    if (!window.quiet) notes.push(`the machine was still busy after waiting ${config.quietWait} s`);
    const { windowSeconds, keystrokes, latencies } = window;
    log(`[${name}] window ${windowSeconds.toFixed(1)} s: ${keystrokes} keystrokes, ${window.deliveries} deliveries; verifying`);

    // --- verification: every client's document, then what the server itself holds
    await sleep(500);
    let lostKeystrokes = 0;
    let contentMismatches = 0;
    let divergedDocuments = 0;
    let serverViewMismatches = 0;
    const bodies = new Map<number, string>();
    for (let d = 0; d < config.docs; d++) {
      const onDoc = typists.filter((typist) => docOf(typist.index) === d);
      // What the server holds, as a person opening the document now would get it.
      const view = await freshView(connector, documentIds[d]!);
      for (const typist of onDoc) if (view.paragraphs.get(typist.index) !== typist.expected) serverViewMismatches++;
      bodies.set(d, view.body);
      const seenBodies = new Set<string>();
      clients.forEach((client, i) => {
        if (docOf(i) !== d) return;
        const doc = client.rebuild();
        for (const typist of onDoc) {
          const id = typist.client.doc.clientID;
          lostKeystrokes += Math.max(0, Y.getState(typist.client.doc.store, id) - Y.getState(doc.store, id));
        }
        const paragraphs = paragraphsByTypist(doc);
        for (const typist of onDoc) if (paragraphs.get(typist.index) !== typist.expected) contentMismatches++;
        const body = fingerprint(doc);
        seenBodies.add(body);
        if (body !== view.body) serverViewMismatches++;
        doc.destroy();
        client.forgetReceived();
      });
      if (seenBodies.size !== 1) divergedDocuments++;
    }
    await Promise.all(clients.map((client) => client.close()));

    // --- ours: crash, restart, and the document must come back from Postgres exactly
    let reopen: ServerResult["reopen"];
    if (kind === "ours") {
      const how = config.cpuProfileDir ? "SIGTERM (profiling)" : "SIGKILL";
      if (config.cpuProfileDir) await server.stop();
      else await server.kill();
      server = await startServer(variant, context, server.port);
      connector = await connectorFor(server);
      let mismatches = 0;
      for (let d = 0; d < config.docs; d++) {
        const view = await freshView(connector, documentIds[d]!);
        if (view.body !== bodies.get(d)) mismatches++;
        const onDoc = typists.filter((typist) => docOf(typist.index) === d);
        for (const typist of onDoc) if (view.paragraphs.get(typist.index) !== typist.expected) mismatches++;
      }
      reopen = { mismatches, how };
    }

    // --- ours: kill -9 while typists type, restart; what was acknowledged must be there, and what
    // the clients still hold must be back once they reconnect
    let crash: CrashFigures | undefined;
    if (kind === "ours" && !config.cpuProfileDir) {
      const restart = async () => {
        server = await startServer(variant, context, server.port);
        connector = await connectorFor(server);
        return connector;
      };
      crash = await crashUnderLoad(name, server, connector, documentIds, context, restart);
    }

    // --- memory per open document, on a fresh process for both: after the load the heap has
    // room to spare and new documents would fit in memory already counted as resident.
    if (kind === "reference") {
      await server.stop();
      server = await startServer(variant, context);
      connector = await connectorFor(server);
    }
    await sleep(1500);
    const before = memory(server.pid).rss;
    const memClients = await inBatches(
      Array.from({ length: config.memDocs }, (_, i) => i),
      20,
      (i) => openClient(connector, MEM_DOC(i), i, undefined, true),
    );
    await withTimeout(Promise.all(memClients.map((client) => client.synced)), 60_000, "sync of the memory-phase documents");
    for (const client of memClients) {
      // The reference stores nothing: its documents get the template from the client, as ours have it from creation.
      if (kind === "reference") Y.applyUpdate(client.doc, context.template);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText("A short paragraph so that the document is not empty. ".repeat(4))]);
      client.doc.getXmlFragment(TYPING_FRAGMENT).push([paragraph]);
    }
    await sleep(1500);
    const memoryPerDocument = (memory(server.pid).rss - before) / config.memDocs;
    await Promise.all(memClients.map((client) => client.close()));
    // Ours unloads (and compacts) those documents after its grace period: let that finish, or it
    // would be timed as part of the cold open below.
    if (kind === "ours" && database) {
      // The embedded database is the server's alone: give it time instead of watching the log.
      const settled = await waitUntil(async () => ((await database.loggedUpdates(MEM_DOC_PATTERN)) ?? 0) === 0, 60_000, 200);
      if (!settled) notes.push("the memory-phase documents were not compacted within 60 s");
      await sleep(database.kind === "embedded" ? 5000 : 500);
    }

    // --- cold open of a big document
    let cold: ServerResult["cold"];
    if (context.cold) cold = await coldOpen(variant, connector, context, notes);

    log(`[${name}] done`);
    return {
      kind,
      label: name,
      databaseKind: database?.kind,
      ack: kind === "ours" ? window.ackLatencies : undefined,
      crash,
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      p999: percentile(latencies, 99.9),
      max: latencies.length ? latencies[latencies.length - 1]! : NaN,
      deliveries: window.deliveries,
      expectedDeliveries: window.expected,
      windowSeconds,
      keystrokes,
      serverCpu: window.serverCpu,
      postgresCpu: window.postgresCpu,
      generatorCpuShare: window.generatorSeconds / windowSeconds,
      generatorLagP99: window.generatorLagP99,
      generatorLagMax: window.generatorLagMax,
      disturbance: window.disturbance,
      steal: window.steal,
      commits: window.commits,
      background: window.background,
      rss,
      peakRss: peak,
      lostKeystrokes,
      contentMismatches,
      divergedDocuments,
      serverViewMismatches,
      reopen,
      memoryPerDocument,
      cold,
      notes,
    };
  } finally {
    await server.stop();
  }
}

/** Index offset of the crash phase's typists, so that their paragraphs never share a tag with the load's. */
const CRASH_TYPIST = 100_000;

/**
 * kill -9 under load: clients asking for acknowledgements type on the load's documents, the server
 * is killed while they type, then restarted on the same database. (a) Every keystroke whose author
 * had been told "stored" before the kill must be in the restarted server's document, before any
 * client reconnects; (b) once the clients reconnect (their sync handshake re-sends what the server
 * lacks, as y-websocket does) every keystroke any of them holds must be there too.
 */
async function crashUnderLoad(
  name: string,
  server: ServerProcess,
  connector: Connector,
  documentIds: string[],
  context: Context,
  restart: () => Promise<Connector>,
): Promise<CrashFigures> {
  const { config } = context;
  const book = new LatencyBook();
  const docOf = (i: number) => i % config.docs;
  const clients = await inBatches(
    Array.from({ length: config.clients }, (_, i) => i),
    20,
    (i) => openClient(connector, documentIds[docOf(i)]!, i, book, true),
  );
  await withTimeout(Promise.all(clients.map((client) => client.synced)), 60_000, "crash phase: sync of every client");
  const clientsOn = (doc: number) => clients.filter((_, i) => docOf(i) === doc).length;
  const typists = clients.slice(0, config.typists).map((client, i) => new Typist(client, CRASH_TYPIST + i, clientsOn(docOf(i)) - 1, book));
  const period = 1000 / config.rate;
  typists.forEach((typist) => typist.start(config.rate, Math.random() * period));
  // Long enough for several commits and acknowledgements, and keystrokes in flight at the kill.
  await sleep(Math.max(2000, 3 * period));
  log(`[${name}] crash check: SIGKILL while ${typists.length} typists type`);
  // A few keystrokes each sent in the same tick as the kill: certainly not acknowledged, maybe not
  // even read by the server — what the clients must re-send.
  typists.forEach((typist) => typist.burst(3));
  await server.kill();
  // Keystrokes typed after the kill stay in their authors' documents: held, never sent or stored.
  await sleep(Math.min(200, period));
  typists.forEach((typist) => typist.stop());
  const own = (client: BenchClient) => Y.getState(client.doc.store, client.doc.clientID);
  const acknowledgedAt = clients.map((client) => client.acknowledgedClock);
  const heldAt = clients.map(own);
  // Clocks count this client's own items since it connected (the template and its paragraph tag included).
  const acknowledged = acknowledgedAt.reduce((sum, n) => sum + n, 0);
  const held = heldAt.reduce((sum, n) => sum + n, 0);
  const fresh = await restart();

  const missing = async (expected: number[]): Promise<number> => {
    let total = 0;
    for (let d = 0; d < config.docs; d++) {
      const viewer = await openClient(fresh, documentIds[d]!, 0);
      try {
        await withTimeout(viewer.synced, 30_000, `crash phase: sync of ${documentIds[d]}`);
        const doc = viewer.rebuild();
        clients.forEach((client, i) => {
          if (docOf(i) === d) total += Math.max(0, expected[i]! - Y.getState(doc.store, client.doc.clientID));
        });
        doc.destroy();
      } finally {
        await viewer.close();
      }
    }
    return total;
  };
  // (a) before any of the crash phase's clients is back: only what was stored can be there.
  const acknowledgedMissing = await missing(acknowledgedAt);
  // (b) the clients reconnect; each one's re-sent content is stored once it is acknowledged.
  await inBatches(clients, 20, (client, i) => client.reconnect(fresh.server.socketUrl(documentIds[docOf(i)]!)));
  await withTimeout(Promise.all(clients.map((client) => client.synced)), 60_000, "crash phase: sync after the restart");
  const stored = await waitUntil(() => clients.every((client, i) => client.acknowledgedClock >= heldAt[i]!), 30_000, 20);
  const heldMissing = await missing(heldAt);
  await Promise.all(clients.map((client) => client.close()));
  return {
    acknowledged,
    acknowledgedMissing,
    held,
    heldMissing,
    unacknowledgedAtKill: held - acknowledged,
    ...(stored ? {} : { note: "not every client's re-sent content was acknowledged within 30 s of reconnecting" }),
  };
}

/** Connect → sync step 2 received (the whole document), in milliseconds; checks the content. */
async function timedFullSync(connector: Connector, cold: ColdDocument): Promise<{ ms: number; client: BenchClient }> {
  const started = performance.now();
  const client = await openClient(connector, COLD_DOC, 0);
  await withTimeout(client.synced, 120_000, "full sync of the big document");
  const ms = performance.now() - started;
  const doc = client.rebuild();
  const print = fingerprint(doc);
  doc.destroy();
  client.forgetReceived();
  if (print !== cold.fingerprint) throw new Error(`the big document came back different (${print.length} vs ${cold.fingerprint.length} characters)`);
  return { ms, client };
}

/**
 * Gives a reference-server document its content (it stores nothing): one client sends it while a
 * second one, connected before, watches for it — its copy proves the server has applied it. The
 * reference keeps a document in memory for as long as the process runs.
 */
async function seedReference(connector: Connector, documentId: string, state: Uint8Array): Promise<void> {
  const writer = await openClient(connector, documentId, 0);
  const watcher = await openClient(connector, documentId, 1);
  try {
    await withTimeout(Promise.all([writer.synced, watcher.synced]), 30_000, "writer and watcher sync");
    Y.applyUpdate(writer.doc, state);
    if (!(await waitUntil(() => watcher.updatesReceived > 0, 60_000))) throw new Error(`${documentId} never reached the reference server`);
  } finally {
    await Promise.all([writer.close(), watcher.close()]);
  }
}

async function coldOpen(variant: Variant, connector: Connector, context: Context, notes: string[]): Promise<ServerResult["cold"]> {
  const { kind } = variant;
  const cold = context.cold!;
  if (kind === "reference") {
    // Nothing is stored: the content has to be sent first, then a second client's sync is timed.
    await seedReference(connector, COLD_DOC, cold.state);
    const warm = await timedFullSync(connector, cold);
    await warm.client.close();
    return { warm: warm.ms };
  }
  const database = variant.database!;
  const rows = (await database.loggedUpdates(COLD_DOC)) ?? cold.updates.length;
  const rawLog = await timedFullSync(connector, cold);
  // Opening a document with a long log asks for a compaction; wait for it, then let it unload.
  // (The embedded database is the server's alone: a fixed wait instead.)
  if (database.kind === "embedded") await sleep(15_000);
  const compacted = await waitUntil(async () => ((await database.loggedUpdates(COLD_DOC)) ?? 0) === 0, 120_000, 200);
  if (!compacted) notes.push("the big document was not compacted within 120 s");
  await rawLog.client.close();
  await sleep(3000);
  const fromSnapshot = await timedFullSync(connector, cold);
  const warm = await timedFullSync(connector, cold);
  await Promise.all([fromSnapshot.client.close(), warm.client.close()]);
  return { rawLog: rawLog.ms, compacted: fromSnapshot.ms, warm: warm.ms, compactedRows: rows };
}

// ---------------------------------------------------------------------------------------------
// Report

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "—" : value < 10 ? value.toFixed(2) : value.toFixed(1));
const fixed = (digits: number) => (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits));

function report(config: Config, results: ServerResult[], floor: CommitFloor | undefined): void {
  const reference = results.find((r) => r.kind === "reference");
  const oursAll = results.filter((r) => r.kind === "ours");
  const cpuPerDelivery = (r: ServerResult) => (r.serverCpu / r.deliveries) * 1e6;
  const databaseCpuPerDelivery = (r: ServerResult) => (r.postgresCpu === undefined ? undefined : (r.postgresCpu / r.deliveries) * 1e6);
  const cpuPerDeliveryWithPg = (r: ServerResult) => ((r.serverCpu + (r.postgresCpu ?? 0)) / r.deliveries) * 1e6;
  const ackAt = (q: number) => (r: ServerResult) => (r.ack?.length ? (q === 100 ? r.ack[r.ack.length - 1] : percentile(r.ack, q)) : undefined);
  type Row = [label: string, pick: (r: ServerResult) => number | undefined, format: (v: number | undefined) => string, ratio?: boolean];
  const rows: Row[] = [
    ["fan-out latency p50 (ms)", (r) => r.p50, ms, true],
    ["fan-out latency p90 (ms)", (r) => r.p90, ms, true],
    ["fan-out latency p99 (ms)", (r) => r.p99, ms, true],
    ["fan-out latency p99.9 (ms)", (r) => r.p999, ms, true],
    ["fan-out latency max (ms)", (r) => r.max, ms, true],
    ["saved-ack latency p50 (ms)", ackAt(50), ms],
    ["saved-ack latency p90 (ms)", ackAt(90), ms],
    ["saved-ack latency p99 (ms)", ackAt(99), ms],
    ["saved-ack latency max (ms)", ackAt(100), ms],
    ["acknowledgements timed", (r) => r.ack?.length, fixed(0)],
    ["keystrokes sent", (r) => r.keystrokes, fixed(0)],
    ["deliveries", (r) => r.deliveries, fixed(0)],
    ["deliveries/s", (r) => r.deliveries / r.windowSeconds, fixed(0), true],
    ["server CPU (s)", (r) => r.serverCpu, fixed(2), true],
    ["server CPU per delivery (µs)", cpuPerDelivery, fixed(1), true],
    ["database CPU, Postgres backends (s)", (r) => r.postgresCpu, fixed(2)],
    ["database CPU per delivery (µs)", databaseCpuPerDelivery, fixed(1)],
    ["CPU per delivery incl. database (µs)", cpuPerDeliveryWithPg, fixed(1), true],
    ["server RSS at end of load (MiB)", (r) => r.rss / 1024 / 1024, fixed(1), true],
    ["server peak RSS (MiB)", (r) => r.peakRss / 1024 / 1024, fixed(1), true],
    ["memory per open document (KiB)", (r) => r.memoryPerDocument / 1024, fixed(1), true],
    ["lost updates (keystrokes missing)", (r) => r.lostKeystrokes, fixed(0)],
    ["paragraphs not as typed", (r) => r.contentMismatches, fixed(0)],
    ["diverged documents", (r) => r.divergedDocuments, fixed(0)],
    ["clients ≠ server's document", (r) => r.serverViewMismatches, fixed(0)],
    ["reopened after crash ≠ before", (r) => r.reopen?.mismatches, fixed(0)],
    ["kill under load: acknowledged keystrokes", (r) => r.crash?.acknowledged, fixed(0)],
    ["kill under load: acknowledged missing", (r) => r.crash?.acknowledgedMissing, fixed(0)],
    ["kill under load: held by clients", (r) => r.crash?.held, fixed(0)],
    ["kill under load: held missing", (r) => r.crash?.heldMissing, fixed(0)],
    [`cold open, ${config.coldUpdates} updates in the log (ms)`, (r) => r.cold?.rawLog, ms],
    ["cold open, compacted snapshot (ms)", (r) => r.cold?.compacted, ms],
    ["full sync, document in memory (ms)", (r) => r.cold?.warm, ms, true],
    ["load generator CPU (% of its core)", (r) => r.generatorCpuShare * 100, fixed(0)],
    ["load generator event-loop delay p99 (ms)", (r) => r.generatorLagP99, ms],
    ["load generator event-loop delay max (ms)", (r) => r.generatorLagMax, ms],
    ["other processes' CPU (% of one core)", (r) => r.disturbance * 100, fixed(0)],
    ["VM steal (% per core)", (r) => (r.steal === undefined ? undefined : r.steal * 100), fixed(0)],
  ];
  const visibleRows = rows.filter(([label, pick]) => {
    if (label.startsWith("cold") || label.startsWith("full sync")) return config.coldUpdates > 0 && results.some((r) => pick(r) !== undefined);
    return true;
  });
  const width = Math.max(...visibleRows.map(([label]) => label.length)) + 2;
  const column = 15;
  const ratioLabel = (r: ServerResult) => `${r.databaseKind === "embedded" ? "emb" : "pg"}/ref`;
  const header = ["", ...results.map((r) => r.label), ...(reference ? oursAll.map(ratioLabel) : [])];
  log("");
  log(
    `Collaboration fan-out: ${config.clients} clients on ${config.docs} documents, ${config.typists} typing ${config.rate} keystrokes/s each, ` +
      `${config.duration} s measured after ${config.warmup} s warm-up` +
      (config.pin ? `; server pinned to CPU ${SERVER_CPU}, load generator to CPU ${GENERATOR_CPU}` : "; not pinned"),
  );
  log("reference = @y/websocket-server 0.1.1 (no auth, no persistence); ours = server/collab (session + Origin + permissions, broadcast from memory, database commit beside it, the stored ack after the commit; ours-embedded: PGlite in the server process, ours-postgres: server Postgres)");
  log("");
  log(header.map((cell, i) => (i === 0 ? cell.padEnd(width) : cell.padStart(column))).join(""));
  for (const [label, pick, format, ratio] of visibleRows) {
    const cells = results.map((r) => format(pick(r)).padStart(column));
    let ratioCell = "";
    if (reference) {
      const b = pick(reference);
      for (const ours of oursAll) {
        const a = pick(ours);
        ratioCell += (ratio && a !== undefined && b !== undefined && b > 0 ? (a / b).toFixed(2) : "").padStart(column);
      }
    }
    log(label.padEnd(width) + cells.join("") + ratioCell);
  }
  log('("—": not measured for that column: the reference stores nothing and sends no acknowledgements; the embedded database runs inside the server process, so its CPU is in the server\'s)');
  for (const result of results) for (const note of result.notes) log(`note (${result.label}): ${note}`);
  for (const result of results) if (result.crash?.note) log(`note (${result.label}): ${result.crash.note}`);
  for (const result of results) {
    // Someone else's build on these cores stalls the server (or the clients) for whole time slices.
    if (result.disturbance > DISTURBED) {
      log(`WARNING (${result.label}): other processes used ${(result.disturbance * 100).toFixed(0)}% of a core during the window: latencies are not trustworthy, run again on a quiet machine.`);
    }
  }
  for (const ours of oursAll) {
    if (ours.commits) {
      const c = ours.commits;
      log(
        `${ours.label}' group commit in the window: ${c.rows} updates in ${c.batches} commits (${(c.rows / Math.max(1, c.batches)).toFixed(1)} per commit), ` +
          `commit latency of its last 512 commits p50 ${ms(c.latencyP50)} ms, p95 ${ms(c.latencyP95)} ms, max ${ms(c.latencyMax)} ms; ` +
          `over its last 10 s: edit applied → broadcast p50 ${ms(c.serverP50)} ms, p99 ${ms(c.serverP99)} ms; ` +
          `event-loop delay p99 ${ms(c.loopDelayP99)} ms, max ${ms(c.loopDelayMax)} ms (its /metrics)`,
      );
    }
    if (ours.background) {
      const b = ours.background;
      const label = (work: string) => work.replace("-", " ");
      const runs = [...b.runs].map(([work, r]) => `${label(work)} ${r.count}× (${Math.round(r.ms)} ms)`).join(", ") || "none";
      const share = (n: number) => `${Math.round((100 * n) / Math.max(1, b.tail))}%`;
      const during = [...b.tailDuring.values()].reduce((sum, n) => sum + n, 0);
      const which = [...b.tailDuring].map(([work, n]) => `${label(work)} ${share(n)}`).join(", ");
      log(
        `${ours.label}' background work in the window: ${runs}; it ran while ${(b.shareDuring * 100).toFixed(1)}% of deliveries were typed and ` +
          `${share(during)} of the ${b.tail} at or above p99${which ? ` (${which})` : ""}; p99 of the deliveries typed outside it ${ms(b.p99Outside)} ms`,
      );
    }
    if (ours.reopen) log(`${ours.label} was stopped with ${ours.reopen.how} after the load (every client gone) and restarted on the same database before the reopen check.`);
    if (ours.crash) {
      const c = ours.crash;
      log(
        `${ours.label} killed (SIGKILL) while its typists typed, restarted: acknowledged missing: ${c.acknowledgedMissing} (of ${c.acknowledged} keystrokes told "stored"); ` +
          `held missing: ${c.heldMissing} (of ${c.held} the clients held, ${c.unacknowledgedAtKill} of them not yet acknowledged at the kill) after the clients reconnected` +
          (c.unacknowledgedAtKill === 0 ? " — nothing was unacknowledged at the kill, so (b) tested nothing this time" : ""),
      );
    }
    if (ours.cold?.compactedRows !== undefined) log(`${ours.label} cold open: ${ours.cold.compactedRows} log rows, no snapshot; "compacted" is after the server merged them and unloaded the document.`);
  }
  if (floor) {
    // After ADR 0019 nothing a colleague sees waits for the commit; the author's "stored" acknowledgement does.
    log(
      `durable commit alone (the same ${floor.updates} keystrokes through ours' group commit on server Postgres, no sockets, nothing else running, pinned like ours): ` +
        `append → committed p50 ${ms(floor.p50)} ms, p90 ${ms(floor.p90)} ms, p99 ${ms(floor.p99)} ms, p99.9 ${ms(floor.p999)} ms, max ${ms(floor.max)} ms ` +
        `(${(floor.updates / Math.max(1, floor.commits)).toFixed(1)} per commit): every saved acknowledgement waits at least this long (fan-out does not: it is sent from memory)`,
    );
    for (const ours of oursAll) {
      const ackP50 = ackAt(50)(ours);
      const ackP99 = ackAt(99)(ours);
      if (ackP99 === undefined) continue;
      log(
        `  ${ours.label}: saved-ack p50 ${ms(ackP50)} ms, p99 ${ms(ackP99)} ms against the commit floor's p50 ${ms(floor.p50)} ms, p99 ${ms(floor.p99)} ms ` +
          `(ack p99 = ${(ackP99 / floor.p99).toFixed(2)}× the floor's; above it: the socket, the server's queueing and the batch wait` +
          `${ours.databaseKind === "embedded" ? "; the floor is server Postgres, this column commits to PGlite" : ""})`,
      );
    }
  }
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  for (const ours of oursAll) {
    const ackP99 = ackAt(99)(ours);
    log("");
    if (ackP99 !== undefined) log(`${ours.label}: target saved-ack p99 ≤ 25 ms: ${ms(ackP99)} ms — ${verdict(ackP99 <= 25)}`);
    if (ours.databaseKind === "embedded") log(`${ours.label}: target RSS after the load ≤ 300 MiB: ${(ours.rss / 1024 / 1024).toFixed(1)} MiB — ${verdict(ours.rss <= 300 * 1024 * 1024)}`);
    if (ours.crash) log(`${ours.label}: acknowledged missing: ${ours.crash.acknowledgedMissing}, held missing: ${ours.crash.heldMissing} — ${verdict(ours.crash.acknowledgedMissing === 0 && ours.crash.heldMissing === 0)}`);
    if (!reference) continue;
    const p50Ratio = ours.p50 / reference.p50;
    const p99Ratio = ours.p99 / reference.p99;
    const cpuRatio = cpuPerDelivery(ours) / cpuPerDelivery(reference);
    log(`${ours.label}: target fan-out p50 ${ours.label}/ref ≤ 1.0: ${p50Ratio.toFixed(2)} — ${verdict(p50Ratio <= 1.0)}`);
    log(`${ours.label}: target fan-out p99 ${ours.label}/ref ≤ 1.0: ${p99Ratio.toFixed(2)} — ${verdict(p99Ratio <= 1.0)}`);
    const withDatabase = ours.postgresCpu === undefined ? "the embedded database's CPU is inside the server's" : `incl. Postgres: ${(cpuPerDeliveryWithPg(ours) / cpuPerDelivery(reference)).toFixed(2)}`;
    log(`${ours.label}: target CPU per delivery ${ours.label}/ref ≤ 1.5: ${cpuRatio.toFixed(2)} — ${verdict(cpuRatio <= 1.5)} (${withDatabase})`);
  }
  for (const r of results) {
    const failures =
      r.lostKeystrokes + r.contentMismatches + r.divergedDocuments + r.serverViewMismatches + (r.reopen?.mismatches ?? 0) + (r.expectedDeliveries - r.deliveries) + (r.crash ? r.crash.acknowledgedMissing + r.crash.heldMissing : 0);
    log(`${r.label}: ${failures === 0 ? "zero lost updates, zero divergence" : `LOST OR DIVERGED (${failures} problems, see the table)`}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The durable-commit floor

/**
 * The same keystroke stream through our group commit alone, in its own process on the server's
 * core, with no server and no load generator running (bench/collab/commit-floor.ts).
 */
async function measureCommitFloor(config: Config, database: OurDatabase): Promise<CommitFloor> {
  log("\n[commit floor] the same keystrokes through the group commit alone, no sockets");
  if (config.quietWait > 0) await waitForQuiet(config.quietWait * 1000, () => log(`[commit floor] waiting for the machine to be quiet (up to ${config.quietWait} s)`));
  const input: CommitFloorInput = {
    databaseUrl: database.url!,
    documentIds: Array.from({ length: config.docs }, (_, i) => FLOOR_DOC(i)),
    typists: config.typists,
    rate: config.rate,
    warmupSeconds: config.warmup,
    durationSeconds: config.duration,
  };
  const args = [...process.execArgv, path.join("bench", "collab", "commit-floor.ts")];
  const [command, commandArgs] = config.pin ? ["taskset", ["-c", String(SERVER_CPU), process.execPath, ...args]] : [process.execPath, args];
  const child = spawn(command, commandArgs, { env: { ...process.env, BENCH_COMMIT_FLOOR: JSON.stringify(input) }, stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  if (code !== 0) throw new Error(`the commit-floor process failed (exit ${code})`);
  const floor = parseCommitFloorOutput(stdout);
  log(`[commit floor] ${floor.updates} updates in ${floor.commits} commits; done`);
  return floor;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2));
  if (config.pin && process.env.BENCH_COLLAB_PINNED !== "1") return pinGenerator();
  const load = os.loadavg()[0]!;
  if (load > 1) log(`warning: load average ${load.toFixed(2)} on ${os.cpus().length} cores: other work is running, figures will be noisy`);
  if (config.servers.includes("ours") && !fs.existsSync("build/index.js")) throw new Error("no Remix build: run npm run build first");

  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-bench-"));
  log(`server logs in ${logDir}`);
  const template = templateState();
  let cold: ColdDocument | undefined;
  if (config.coldUpdates > 0) {
    const started = performance.now();
    cold = generateColdDocument(config.coldUpdates, template);
    log(`generated a document of the template + ${config.coldUpdates} keystroke updates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const databases: OurDatabase[] = [];
  const cleanup = async () => {
    const dropping = databases.splice(0);
    for (const database of dropping) await database.drop().catch(() => {});
  };
  const interrupted = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", interrupted);
  process.on("SIGTERM", interrupted);
  try {
    const variants: Variant[] = [];
    for (const kind of config.servers) {
      if (kind === "reference") {
        variants.push({ kind, label: "reference", database: undefined });
        continue;
      }
      for (const databaseKind of config.databases) {
        const started = performance.now();
        const database = databaseKind === "embedded" ? await prepareEmbeddedDatabase(config, template, cold) : await preparePostgresDatabase(config, template, cold);
        databases.push(database);
        log(`prepared a fresh ${databaseKind === "embedded" ? `embedded database (DATA_DIR ${database.dataDir})` : "Postgres database"} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        variants.push({ kind, label: `ours-${databaseKind}`, database });
      }
    }
    const context: Context = { config, logDir, template, cold };
    const results: ServerResult[] = [];
    for (const variant of variants) results.push(await runServer(variant, context));
    // The floor is the group commit on server Postgres (the embedded database is PGlite inside the server).
    const postgres = databases.find((database) => database.kind === "postgres");
    const floor = postgres && config.commitFloor ? await measureCommitFloor(config, postgres) : undefined;
    report(config, results, floor);
    if (config.cpuProfileDir) log(`\nCPU profiles (CPU.<date>.<pid>.*.cpuprofile; pids above) in ${config.cpuProfileDir}`);
    return 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:collab failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
