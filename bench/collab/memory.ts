/**
 * Where our server's memory goes under the benchmark's load — a measurement, not a timing run.
 *
 *   npx tsx bench/collab/memory.ts                          embedded default (PGlite in-process)
 *   npx tsx bench/collab/memory.ts --database-url postgres://postgres@127.0.0.1:5432/test
 *   flags: --clients 120 --docs 3 --rate 5 --duration 30
 *
 * Starts server/index.ts as `npm start` would (NODE_ENV=production; embedded: a fresh DATA_DIR with
 * the demo seeded; server Postgres: a fresh database), connects the clients to the demo documents
 * college may edit, types for `duration` seconds and prints, every 5 s and at the end:
 * - RSS, and what V8 reports (process.memoryUsage through a preloaded sampler: heap used/total,
 *   external, array buffers),
 * - RSS split into anonymous and file-backed (/proc/<pid>/status). With the embedded default,
 *   "external" includes PGlite's whole WebAssembly memory, of which only touched pages are resident.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BenchClient, LatencyBook, Typist } from "./client";
import { freePort, sleep } from "./servers";
import { signInCookie } from "../../test/support/server";

function flag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1]! : fallback;
}

const clients = Number(flag("clients", "120"));
const docs = Number(flag("docs", "3"));
const rate = Number(flag("rate", "5"));
const duration = Number(flag("duration", "30"));
const databaseUrl = flag("database-url", "");
const DOCUMENTS = ["demo-doc-spec", "demo-doc-assessment", "demo-doc-wbl"].slice(0, docs);
const MiB = 1024 * 1024;

type Sample = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };

/** Resident memory by kind (/proc/<pid>/status): anonymous (heaps, wasm memory, code) and file-backed (the node binary). */
function resident(pid: number): { rss: number; anon: number; file: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), anon: kb("RssAnon"), file: kb("RssFile") };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-memory-"));
  const samplesPath = path.join(dataDir, "samples.jsonl");
  let dbUrl = "";
  if (databaseUrl) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const name = `concord_memory_${Date.now().toString(36)}`;
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    dbUrl = url.toString();
    // The server seeds the demo only into the embedded database.
    const { openDatabase } = await import("../../db/client");
    const { seedDemo } = await import("../../db/seed/demo");
    const handle = await openDatabase({ url: dbUrl, dataDir: "unused" });
    await seedDemo(handle.db);
    await handle.close();
  }
  // Preloaded into the server: V8's own figures once a second.
  const sampler = `import fs from "node:fs"; setInterval(() => fs.appendFileSync(${JSON.stringify(samplesPath)}, JSON.stringify(process.memoryUsage()) + "\\n"), 1000).unref();`;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    SEED_DEMO: "true",
    ...(dbUrl ? { DATABASE_URL: dbUrl } : { DATA_DIR: path.join(dataDir, "data") }),
  };
  const child = spawn(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(sampler)}`, "--import", "tsx", "server/index.ts"], {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", fs.openSync(path.join(dataDir, "server.log"), "a"), fs.openSync(path.join(dataDir, "server.log"), "a")],
  });
  const pid = child.pid!;
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false)) break;
    if (i > 1200) throw new Error(`server did not start; see ${dataDir}/server.log`);
    await sleep(100);
  }
  const lastSample = (): Sample | null => {
    const lines = fs.existsSync(samplesPath) ? fs.readFileSync(samplesPath, "utf8").trim().split("\n") : [];
    return lines.length ? (JSON.parse(lines[lines.length - 1]!) as Sample) : null;
  };
  const report = (label: string) => {
    const sample = lastSample();
    const { rss, anon, file } = resident(pid);
    const mb = (n: number | undefined) => (n === undefined ? "?" : `${(n / MiB).toFixed(0)}`);
    console.log(
      `${label.padEnd(12)} rss ${mb(rss)} MiB (anonymous ${mb(anon)}, file ${mb(file)}) | V8 heap used/total ${mb(sample?.heapUsed)}/${mb(sample?.heapTotal)} | external ${mb(sample?.external)} (array buffers ${mb(sample?.arrayBuffers)})`,
    );
  };
  report("started");

  const cookie = await signInCookie(baseUrl, "college@demo.concord.test");
  const headers = { Origin: baseUrl, Cookie: cookie };
  const book = new LatencyBook();
  const all: BenchClient[] = [];
  for (let i = 0; i < clients; i++) {
    const documentId = DOCUMENTS[i % DOCUMENTS.length]!;
    const client = new BenchClient({ url: `${baseUrl.replace(/^http/, "ws")}/collab/${documentId}`, headers, book, adoptInitialState: true });
    await client.connect();
    all.push(client);
  }
  await Promise.all(all.map((client) => client.synced));
  report("connected");
  const typists = all.map((client, i) => new Typist(client, i, Math.ceil(clients / DOCUMENTS.length) - 1, book));
  typists.forEach((typist, i) => typist.start(rate, (i / typists.length) * (1000 / rate)));
  for (let t = 5; t <= duration; t += 5) {
    await sleep(5000);
    // The generator keeps everything it received; it is not what we measure, but let it go.
    for (const client of all) client.forgetReceived();
    report(`load ${t}s`);
  }
  for (const typist of typists) typist.stop();
  await sleep(3000);
  report("after load");
  await Promise.all(all.map((client) => client.close()));
  await sleep(3000);
  report("closed");
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  if (dbUrl) {
    const { default: postgres } = await import("postgres");
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${new URL(dbUrl).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
