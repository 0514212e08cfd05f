/**
 * The real entry point (`node --import tsx server/index.ts`, as `npm start` runs it) in a child
 * process, for tests of what only separate processes show: kill -9, and several instances on one
 * database. Needs the Remix build (npm run build).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export type ChildServer = { url: string; process: ChildProcess; output: string[]; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts server/index.ts and resolves once it listens; `env` values of undefined are removed. */
export async function startChildServer(env: Record<string, string | undefined>, port?: number): Promise<ChildServer> {
  const listenOn = port ?? (await freePort());
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(listenOn), SEED_DEMO: "false", ...env };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  // node --import tsx rather than the tsx CLI: the CLI runs the server in a grandchild process,
  // which a SIGKILL to the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: process.cwd(), env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join("")}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Concord is running at (\S+)/.exec(output.join(""));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited during start:\n${output.join("")}`));
    });
  });
  return { url, process: child, output, exited };
}

/** Reads `unread` events from a /notifications/stream (SSE) response body. */
export function unreadEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(timeoutMs = 5000): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").find((line) => line.startsWith("data: "));
          if (block.includes("event: unread") && data) return (JSON.parse(data.slice(6)) as { unread: number }).unread;
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no unread event in time");
        const chunk = await Promise.race([reader.read(), new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), left))]);
        if (chunk === "timeout") throw new Error("no unread event in time");
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}
