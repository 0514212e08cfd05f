/**
 * The two servers under test, each a child process pinned to one core, and what the kernel says
 * about them. CPU and memory come from /proc, not from the server itself, so both servers are
 * measured the same way and neither can under-report.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type ServerKind = "reference" | "ours";

export type ServerProcess = {
  kind: ServerKind;
  pid: number;
  port: number;
  baseUrl: string;
  logPath: string;
  /** Socket URL of a document. */
  socketUrl: (documentId: string) => string;
  /** SIGTERM and wait; SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** SIGKILL (a crash: nothing is flushed on the way out) and wait. */
  kill: () => Promise<void>;
  exited: Promise<number | null>;
};

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds a process has used so far (children not included). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may contain spaces and parentheses: fields start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of proc(5) are utime and stime; `fields` starts at field 3.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** Resident and peak resident memory in bytes (VmRSS, VmHWM). */
export function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib("VmRSS"), peak: kib("VmHWM") };
}

/** CPU seconds of every process with this command name (e.g. all of Postgres), by pid. */
export function processesCpu(command: string): Map<number, number> {
  const result = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() === command) result.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // the process ended while we looked
    }
  }
  return result;
}

/** CPU seconds used between two `processesCpu` readings (processes started in between count from zero). */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

export type CpuTimes = { busy: number; idle: number; steal: number };

/** Per-core busy/idle/steal seconds since boot (/proc/stat), to see what else ran during a window. */
export function coreTimes(): CpuTimes[] {
  const cores: CpuTimes[] = [];
  for (const line of fs.readFileSync("/proc/stat", "utf8").split("\n")) {
    const match = /^cpu(\d+) (.*)$/.exec(line);
    if (!match) continue;
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = match[2]!.trim().split(/\s+/).map(Number);
    cores[Number(match[1])] = {
      busy: (user + nice + system + irq + softirq) / CLOCK_TICKS_PER_SECOND,
      idle: (idle + iowait) / CLOCK_TICKS_PER_SECOND,
      steal: steal / CLOCK_TICKS_PER_SECOND,
    };
  }
  return cores;
}

/**
 * Waits until the whole machine has been mostly idle for a few seconds (other people's tests
 * share these two cores), at most `maxMs`. Resolves with whether it got quiet.
 */
export async function waitForQuiet(maxMs: number, onWait: () => void, idleShare = 0.85): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  let told = false;
  for (;;) {
    const before = coreTimes();
    await sleep(3000);
    const after = coreTimes();
    let idle = 0;
    let total = 0;
    after.forEach((core, i) => {
      const was = before[i];
      if (!was) return;
      idle += core.idle - was.idle;
      total += core.busy - was.busy + core.idle - was.idle + core.steal - was.steal;
    });
    if (total > 0 && idle / total >= idleShare) return true;
    if (Date.now() > deadline) return false;
    if (!told) onWait();
    told = true;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Every child we start, so that an error or Ctrl-C anywhere still leaves no server behind. */
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

type SpawnOptions = {
  kind: ServerKind;
  cpu: number | null;
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  logDir: string;
  logName: string;
  ready: (baseUrl: string) => Promise<boolean>;
  socketUrl: (baseUrl: string, documentId: string) => string;
  readyTimeoutMs?: number;
};

async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const logPath = path.join(options.logDir, options.logName);
  const logFd = fs.openSync(logPath, "a");
  // taskset execs node in place: the pid we get is the server's own, which /proc reports on.
  const [command, args] = options.cpu === null ? [process.execPath, options.args] : ["taskset", ["-c", String(options.cpu), process.execPath, ...options.args]];
  const child = spawn(command, args, { cwd: process.cwd(), env: options.env, stdio: ["ignore", logFd, logFd] });
  fs.closeSync(logFd);
  children.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  if (child.pid === undefined) throw new Error(`could not start the ${options.kind} server`);
  const pid = child.pid;
  const baseUrl = `http://127.0.0.1:${options.port}`;

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let dead = false;
  void exited.then(() => (dead = true));
  for (;;) {
    if (dead) throw new Error(`the ${options.kind} server exited during start-up; see ${logPath}`);
    if (await options.ready(baseUrl).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the ${options.kind} server did not become ready; see ${logPath}`);
    }
    await sleep(100);
  }

  const waitExit = async (graceMs: number) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return {
    kind: options.kind,
    pid,
    port: options.port,
    baseUrl,
    logPath,
    socketUrl: (documentId) => options.socketUrl(baseUrl, documentId),
    exited,
    stop: async (graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await waitExit(graceMs);
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

/** Environment of a server child: ours must not inherit a database, Redis or test settings from the shell. */
function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", "LANG", "TZ", "TMPDIR"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { NODE_ENV: "production", ...env, ...extra };
}

/** `@y/websocket-server@0.1.1` exactly as shipped: its bin (`src/server.js`), which wires `setupWSConnection`. */
export async function startReferenceServer(options: { cpu: number | null; logDir: string; cpuProfileDir?: string }): Promise<ServerProcess> {
  const port = await freePort();
  const bin = path.resolve("node_modules/@y/websocket-server/src/server.js");
  const version = JSON.parse(fs.readFileSync(path.resolve("node_modules/@y/websocket-server/package.json"), "utf8")) as { version: string };
  if (version.version !== "0.1.1") throw new Error(`expected @y/websocket-server 0.1.1, found ${version.version}`);
  return spawnServer({
    kind: "reference",
    cpu: options.cpu,
    // Node writes a CPU profile only on a normal exit; the reference has no SIGTERM handler, so
    // when profiling one is preloaded that exits normally.
    args: options.cpuProfileDir
      ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir, "--import", "data:text/javascript,process.once('SIGTERM',()=>process.exit(0))", bin]
      : [bin],
    env: baseEnv({ HOST: "127.0.0.1", PORT: String(port), NODE_ENV: "production" }),
    port,
    logDir: options.logDir,
    logName: "reference.log",
    ready: async (baseUrl) => (await fetch(baseUrl)).ok,
    socketUrl: (baseUrl, documentId) => `${baseUrl.replace(/^http/, "ws")}/${encodeURIComponent(documentId)}`,
  });
}

/** Our server (server/index.ts: HTTP app + collaboration) on a database of its own (server Postgres or the embedded default). */
export async function startOurServer(options: {
  cpu: number | null;
  logDir: string;
  /** Log file name in logDir (default ours.log). */
  logName?: string;
  /** postgres:// URL, or "" for the embedded default (then pass DATA_DIR in env). */
  databaseUrl: string;
  port?: number;
  env?: Record<string, string>;
  cpuProfileDir?: string;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const nodeArgs = ["--import", "tsx"];
  if (options.cpuProfileDir) nodeArgs.push("--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir);
  return spawnServer({
    kind: "ours",
    cpu: options.cpu,
    args: [...nodeArgs, "server/index.ts"],
    env: baseEnv({
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      SEED_DEMO: "false",
      ...options.env,
    }),
    port,
    logDir: options.logDir,
    logName: options.logName ?? "ours.log",
    ready: async (baseUrl) => (await fetch(`${baseUrl}/healthz`)).ok,
    socketUrl: (baseUrl, documentId) => `${baseUrl.replace(/^http/, "ws")}/collab/${encodeURIComponent(documentId)}`,
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
