/**
 * Importing a demand-signal CSV as a background job, the way framework imports run
 * (frameworks/imports.server.ts): the request checks who may import and how much, records a queued
 * `demand_imports` row and returns; the same process then parses the file (./parse.ts, all or
 * nothing) and stores every row in ONE transaction. Live progress is kept in memory for the same
 * reason as there (PGlite's one connection is held by the storing transaction).
 *
 * Re-importing a source: rows the importing organization imported earlier from a source the file
 * names, for a period the file holds for that source, are deleted in the same transaction, so a
 * corrected or updated file replaces what it covers and leaves other periods alone.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Transaction } from "~/db.server";
import { demandImports, demandSignals } from "../../../db/schema/demand";
import { assertWithinLimit } from "~/modules/abuse/limits.server";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { parseDemandFile, MAX_DEMAND_FILE_BYTES, type DemandMapping, type DemandProblem, type DemandRow } from "~/modules/demand/parse";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";
import { forbidden, notFound } from "~/modules/permissions/require.server";
import { notifyImportFinished } from "~/modules/notifications/notify.server";

export type DemandImportStatus = "queued" | "parsing" | "storing" | "done" | "failed";

export type DemandImportProgress = {
  status: DemandImportStatus;
  total: number;
  stored: number;
  replaced: number;
  problems: DemandProblem[];
  sources: string[];
};

export type StartDemandImportInput = {
  organizationId: string;
  fileName: string;
  bytes: Uint8Array;
  mapping?: DemandMapping;
};

/** A refusal before anything is queued (empty or too large), shown on the form. */
export class DemandImportError extends Error {
  readonly field = "file";
  constructor(message: string) {
    super(message);
    this.name = "DemandImportError";
  }
}

type RunningImport = { organizationId: string; progress: DemandImportProgress; finished: Promise<void> };
const running = new Map<string, RunningImport>();
const NO_META: RequestMeta = { ip: null, userAgent: null };

export async function startDemandImport(actor: Actor, input: StartDemandImportInput, meta: RequestMeta = NO_META): Promise<{ importId: string }> {
  if (!can(actor, "demand.import", { type: "organization", organizationId: input.organizationId })) {
    throw forbidden("You can import demand data only for an organization you belong to.");
  }
  if (input.bytes.byteLength === 0) throw new DemandImportError("The file is empty.");
  if (input.bytes.byteLength > MAX_DEMAND_FILE_BYTES) throw new DemandImportError(`The file is larger than ${MAX_DEMAND_FILE_BYTES / 1024 / 1024} MiB, the limit.`);
  const importId = generateId();
  await db().transaction(async (tx) => {
    await assertWithinLimit(actor.userId, "demand.import", tx);
    await tx.insert(demandImports).values({ id: importId, organizationId: input.organizationId, userId: actor.userId, fileName: input.fileName.slice(0, 300), status: "queued" });
  });
  const progress: DemandImportProgress = { status: "queued", total: 0, stored: 0, replaced: 0, problems: [], sources: [] };
  const job: RunningImport = { organizationId: input.organizationId, progress, finished: Promise.resolve() };
  running.set(importId, job);
  // Not awaited: the page polls demandImportProgress.
  job.finished = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => runImport(importId, actor, input, progress, meta))
    .finally(() => running.delete(importId));
  return { importId };
}

async function runImport(importId: string, actor: Actor, input: StartDemandImportInput, progress: DemandImportProgress, meta: RequestMeta): Promise<void> {
  try {
    progress.status = "parsing";
    const parsed = parseDemandFile(input.bytes, input.mapping);
    if (parsed.status === "needs-mapping") {
      Object.assign(progress, { status: "failed", problems: [{ kind: "missing-column", message: "This file is not in the standard layout: choose which columns hold what." }] });
    } else if (parsed.status === "failed") {
      Object.assign(progress, { status: "failed", problems: parsed.problems });
    } else {
      progress.total = parsed.rows.length;
      progress.status = "storing";
      const stored = await db().transaction((tx) =>
        storeDemandRows(tx, { importId, organizationId: input.organizationId, userId: actor.userId, rows: parsed.rows, meta, onProgress: (n) => (progress.stored = n) }),
      );
      Object.assign(progress, { status: "done", stored: parsed.rows.length, replaced: stored.replaced, sources: stored.sources });
      return;
    }
  } catch (error) {
    console.error(`Demand import ${importId} failed`, error);
    Object.assign(progress, { status: "failed", stored: 0, problems: [{ kind: "malformed", message: "The data could not be stored; nothing of it was imported. Please try again." }] });
  }
  await db()
    .update(demandImports)
    .set({ status: progress.status, total: progress.total, stored: 0, problems: progress.problems, finishedAt: new Date() })
    .where(eq(demandImports.id, importId))
    .catch((failure: unknown) => console.error(`Demand import ${importId}: could not record its final state`, failure));
  await notifyImportFinished(db(), { userId: actor.userId, name: "demand data", link: `/demand/imports/${importId}`, failed: true }).catch(() => {});
}

/** Rows per INSERT (one JSON parameter): progress moves every 10,000 rows. */
const BATCH_SIZE = 10_000;

/**
 * Stores checked rows inside `tx`, replacing the organization's earlier rows of the same sources
 * and periods, marks the import done and writes `demand.imported`. Used by the job and the seed.
 */
export async function storeDemandRows(
  tx: Transaction,
  input: { importId: string; organizationId: string; userId: string | null; rows: readonly DemandRow[]; meta?: RequestMeta; onProgress?: (stored: number) => void },
): Promise<{ replaced: number; sources: string[] }> {
  const periodsBySource = new Map<string, Set<string>>();
  for (const row of input.rows) {
    let periods = periodsBySource.get(row.sourceName);
    if (!periods) periodsBySource.set(row.sourceName, (periods = new Set()));
    periods.add(row.period);
  }
  const sources = [...periodsBySource.keys()].sort();
  let replaced = 0;
  for (const source of sources) {
    // Two imports of one source at once queue here rather than both keeping their rows.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`demand:${input.organizationId}:${source}`}))`);
    const deleted = await tx
      .delete(demandSignals)
      .where(and(eq(demandSignals.organizationId, input.organizationId), eq(demandSignals.sourceName, source), inArray(demandSignals.period, [...periodsBySource.get(source)!])))
      .returning({ id: demandSignals.id });
    replaced += deleted.length;
  }
  for (let start = 0; start < input.rows.length; start += BATCH_SIZE) {
    const batch = input.rows.slice(start, start + BATCH_SIZE).map((row) => ({
      id: generateId(),
      import_id: input.importId,
      organization_id: input.organizationId,
      subject: row.subject,
      subject_kind: row.subjectKind,
      region: row.region,
      period: row.period,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      metric: row.metric,
      value: row.value,
      source_name: row.sourceName,
      source_url: row.sourceUrl,
      retrieved_on: row.retrievedOn,
    }));
    // One JSON parameter per batch: a multi-row VALUES list costs 14 bind parameters a row, and
    // binding them is most of the time of a 100,000-row import (the bench's target is < 5 s).
    await tx.execute(sql`
      INSERT INTO demand_signals (id, import_id, organization_id, subject, subject_kind, region, period, period_start, period_end, metric, value, source_name, source_url, retrieved_on)
      SELECT id, import_id, organization_id, subject, subject_kind, region, period, period_start, period_end, metric, value, source_name, source_url, retrieved_on
      FROM json_populate_recordset(NULL::demand_signals, ${JSON.stringify(batch)}::json)`);
    input.onProgress?.(start + batch.length);
    // PGlite runs in this thread: let progress polls in between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await appendAuditEvent(tx, {
    organizationId: input.organizationId,
    actorUserId: input.userId,
    ip: input.meta?.ip ?? null,
    userAgent: input.meta?.userAgent ?? null,
    event: auditEvent("demand.imported", { importId: input.importId, sources, rowCount: input.rows.length, replaced }),
    createdAt: new Date(),
  });
  await tx
    .update(demandImports)
    .set({ status: "done", total: input.rows.length, stored: input.rows.length, replaced, sources, finishedAt: new Date() })
    .where(eq(demandImports.id, input.importId));
  await notifyImportFinished(tx, { userId: input.userId, name: "demand data", link: `/demand/imports/${input.importId}`, failed: false });
  return { replaced, sources };
}

/** Live from memory while this process runs it, else the row; 404 outside the importing organization. */
export async function demandImportProgress(actor: Actor, importId: string): Promise<DemandImportProgress> {
  const mine = new Set(actor.memberships.map((m) => m.organizationId));
  const live = running.get(importId);
  if (live) {
    if (!mine.has(live.organizationId)) throw notFound();
    return structuredClone(live.progress);
  }
  const [row] = await db().select().from(demandImports).where(eq(demandImports.id, importId)).limit(1);
  if (!row || !mine.has(row.organizationId)) throw notFound();
  const lost = row.status !== "done" && row.status !== "failed";
  return {
    status: lost ? "failed" : row.status,
    total: row.total,
    stored: lost ? 0 : row.stored,
    replaced: row.replaced,
    problems: lost ? [{ kind: "malformed", message: "The import was interrupted (the server restarted); nothing of it was imported. Please import the file again." }] : (row.problems as DemandProblem[]),
    sources: row.sources as string[],
  };
}

/** Resolves when a job this process runs has finished: for tests, the seed and the bench. */
export async function demandImportSettled(importId: string): Promise<void> {
  await running.get(importId)?.finished;
}
