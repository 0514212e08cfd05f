/**
 * The durable-commit floor: how long the benchmark's keystroke stream waits for Postgres alone.
 *
 * Run as its own process, pinned to the core our server gets, while nothing else runs: the same
 * typists at the same rate append real keystroke updates through the server's own group commit
 * (`GroupCommitWriter` → `collab_append_updates`) to documents of their own, and every update's
 * wait from append to commit is timed. No sockets, no Yjs on the server side, no other work on the
 * core. Any server that commits an update before broadcasting it — which the issue requires — adds
 * at least this wait to its fan-out latency, so its p99 is a lower bound on ours that the reference
 * (which stores nothing) does not pay.
 *
 *   node --import tsx bench/collab/commit-floor.ts   (input: BENCH_COMMIT_FLOOR as JSON, output: one JSON line)
 */
import * as Y from "yjs";
import { z } from "zod";
import { openDatabase } from "../../db/client";
import { GroupCommitWriter } from "../../app/modules/documents/store/group-commit.server";
import { typeAtRate } from "./client";
import { sleep } from "./servers";
import { percentile } from "./stats";

const Input = z.object({
  databaseUrl: z.string().min(1),
  documentIds: z.array(z.string().min(1)).min(1),
  typists: z.number().int().positive(),
  rate: z.number().positive(),
  warmupSeconds: z.number().nonnegative(),
  durationSeconds: z.number().positive(),
});
export type CommitFloorInput = z.infer<typeof Input>;

const Output = z.object({
  updates: z.number(),
  commits: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  p999: z.number(),
  max: z.number(),
});
export type CommitFloor = z.infer<typeof Output>;

export function parseCommitFloorOutput(stdout: string): CommitFloor {
  const line = stdout.trim().split("\n").at(-1) ?? "";
  return Output.parse(JSON.parse(line));
}

/** One typist's keystrokes as the editor would send them: one character appended per update. */
function keystrokes(): () => Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText("floor");
  let last: Uint8Array = new Uint8Array();
  doc.on("update", (update: Uint8Array) => (last = update));
  return () => {
    text.insert(text.length, "a");
    return last;
  };
}

async function main(): Promise<void> {
  const input = Input.parse(JSON.parse(process.env.BENCH_COMMIT_FLOOR ?? "{}"));
  const database = await openDatabase({ url: input.databaseUrl, dataDir: "", migrate: false });
  let commits = 0;
  const writer = new GroupCommitWriter(database.db, { onCommit: () => commits++ });
  const waits: number[] = [];
  let measuring = false;
  const period = 1000 / input.rate;
  // The benchmark's typists' own schedule, each with a random phase.
  const stops = Array.from({ length: input.typists }, (_, i) => {
    const next = keystrokes();
    const documentId = input.documentIds[i % input.documentIds.length]!;
    return typeAtRate(input.rate, Math.random() * period, () => {
      const appended = performance.now();
      const counted = measuring;
      void writer.append(documentId, next()).then(() => {
        if (counted) waits.push(performance.now() - appended);
      });
    });
  });
  await sleep(input.warmupSeconds * 1000);
  const commitsBefore = commits;
  measuring = true;
  await sleep(input.durationSeconds * 1000);
  measuring = false;
  stops.forEach((stop) => stop());
  await writer.drain();
  await database.close();
  const sorted = Float64Array.from(waits).sort();
  const output: CommitFloor = {
    updates: waits.length,
    commits: commits - commitsBefore,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
  process.stdout.write(`${JSON.stringify(output)}\n`);
}

if (process.env.BENCH_COMMIT_FLOOR) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`commit floor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
