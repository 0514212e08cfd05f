/**
 * Importing a framework file into the library as a background job: the request validates who may
 * import and how much, records a queued `framework_imports` row and returns at once; the same
 * process then parses the file (the pure parsers in ./import) and stores the whole framework in ONE
 * transaction, so a bad or failing import never leaves half a framework behind.
 *
 * Live progress is kept in memory (`running`), not in the row: PGlite has a single connection and
 * the storing transaction holds it, so neither a progress UPDATE outside that transaction nor a
 * poll reading the row could run until it commits. The row holds the final state (done/failed,
 * counts, problems, changes); a job lost to a restart is reported failed when next read.
 *
 * Importing a file whose source identifier matches a framework already in the library stores it
 * as that framework's next version and records what changed (added / removed / reworded) — when
 * an admin of the owning organization imports it for that organization; anyone else's import of
 * it fails with a problem saying so (the issue: "its organization's admins may import a new
 * version").
 *
 * On PGlite the storing transaction holds the one connection: a request that needs the database
 * (e.g. the session lookup of a progress poll) waits until the framework is stored — about 5 s for
 * 50,000 competencies — and parsing is synchronous CPU work. Postgres answers polls throughout.
 *
 * Contract notes (for the routes): `changes` lists are `FrameworkChange` objects, not strings;
 * refusals before queueing are a 403 Response (not a member), RateLimitedError (the per-account
 * limit) or FrameworkImportError (empty or too large; `field` says where to show it);
 * `importSettled(importId)` waits for a job of this process (tests, scripts).
 */
import { desc, eq, sql } from "drizzle-orm";
import { db, type Transaction } from "~/db.server";
import { frameworkCompetencies, frameworkImports, frameworks } from "../../../db/schema/frameworks";
import { organizations } from "../../../db/schema/organizations";
import { assertWithinLimit } from "~/modules/abuse/limits.server";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { decodeFile } from "~/modules/frameworks/import/decode";
import { detectFormat } from "~/modules/frameworks/import/detect";
import { importFrameworkFile, inspectCsvFile, type CsvInspection } from "~/modules/frameworks/import/import-framework";
import type { ColumnMapping } from "~/modules/frameworks/import/mapped-csv";
import { MAX_FILE_BYTES, type ImportedFramework, type ImportProblem } from "~/modules/frameworks/import/types";
import { generateId } from "~/modules/ids.server";
import type { Actor } from "~/modules/permissions/can";
import { forbidden, notFound } from "~/modules/permissions/require.server";
import { notifyFrameworkVersion, notifyImportFinished } from "~/modules/notifications/notify.server";

export type ImportStatus = "queued" | "parsing" | "storing" | "done" | "failed";

/** One competency named in a version's changes. */
export type FrameworkChange = {
  sourceId: string;
  code: string | null;
  statement: string;
};

/** What a new version changed against the previous one, matched by sourceId. */
export type FrameworkChanges = {
  added: FrameworkChange[];
  removed: FrameworkChange[];
  /** Same sourceId, different statement (`statement` is the new text, `previousStatement` the old). */
  reworded: Array<FrameworkChange & { previousStatement: string }>;
};

export type ImportProgress = {
  status: ImportStatus;
  /** Competencies in the file (0 until parsed). */
  total: number;
  /** Competencies stored so far (all of them, once done). */
  stored: number;
  problems: ImportProblem[];
  ignored: string[];
  /** Null for a first version, or until done. */
  changes: FrameworkChanges | null;
  frameworkId: string | null;
  frameworkName: string | null;
};

export type StartImportInput = {
  organizationId: string;
  fileName: string;
  bytes: Uint8Array;
  mapping?: ColumnMapping;
  /** A name for a file that carries none (a plain CSV); the file's own name wins. */
  name?: string;
};

/** A refusal before anything is queued, shown on the form (`field`: "file" or "form"). */
export class FrameworkImportError extends Error {
  constructor(message: string, readonly field: "file" | "form" = "file") {
    super(message);
    this.name = "FrameworkImportError";
  }
}

type RunningImport = {
  organizationId: string;
  progress: ImportProgress;
  /** Settles when the job has finished (never rejects: failures are recorded). */
  finished: Promise<void>;
};

/** Live jobs of this process, by import id (see the file comment for why memory). */
const running = new Map<string, RunningImport>();

const NO_META: RequestMeta = { ip: null, userAgent: null };

/**
 * Validates and queues an import; the parse and store run in the background. A plain CSV without
 * a mapping is not queued: its inspection (columns, samples, suggested mapping) comes back for the
 * mapping step. Throws 403 when the actor is not a member of the organization, RateLimitedError
 * past the per-account limit, FrameworkImportError for an empty or too-large file.
 */
export async function startFrameworkImport(
  actor: Actor,
  input: StartImportInput,
  meta: RequestMeta = NO_META,
): Promise<{ importId: string } | { needsMapping: CsvInspection }> {
  if (!actor.memberships.some((m) => m.organizationId === input.organizationId)) {
    throw forbidden("You can import frameworks only for an organization you belong to.");
  }
  if (input.bytes.byteLength === 0) throw new FrameworkImportError("The file is empty.");
  if (input.bytes.byteLength > MAX_FILE_BYTES) {
    throw new FrameworkImportError(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the limit.`);
  }
  if (!input.mapping && isPlainCsv(input.bytes)) {
    const inspection = inspectCsvFile(input.bytes);
    if (inspection.status === "inspected") return { needsMapping: inspection };
    // Not readable as CSV after all: the job records the same problems.
  }

  const importId = generateId();
  await db().transaction(async (tx) => {
    await assertWithinLimit(actor.userId, "framework.import", tx);
    await tx.insert(frameworkImports).values({
      id: importId,
      organizationId: input.organizationId,
      userId: actor.userId,
      fileName: input.fileName.slice(0, 300),
      status: "queued",
    });
  });

  const progress: ImportProgress = {
    status: "queued",
    total: 0,
    stored: 0,
    problems: [],
    ignored: [],
    changes: null,
    frameworkId: null,
    frameworkName: null,
  };
  const job: RunningImport = {
    organizationId: input.organizationId,
    progress,
    finished: Promise.resolve(),
  };
  running.set(importId, job);
  // Not awaited: the request answers with the import id and the page polls importProgress.
  job.finished = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => runImport(importId, actor, input, progress, meta))
    .finally(() => running.delete(importId));
  return { importId };
}

function isPlainCsv(bytes: Uint8Array): boolean {
  const decoded = decodeFile(bytes, MAX_FILE_BYTES);
  if (!decoded.ok) return false;
  return detectFormat(decoded.text).format === "csv";
}

async function runImport(
  importId: string,
  actor: Actor,
  input: StartImportInput,
  progress: ImportProgress,
  meta: RequestMeta,
): Promise<void> {
  try {
    progress.status = "parsing";
    const outcome = importFrameworkFile(input.bytes, {
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.name ? { defaults: { name: input.name } } : {}),
    });
    if (outcome.status !== "imported") {
      const problems: ImportProblem[] =
        outcome.status === "failed"
          ? outcome.problems
          : [
              {
                kind: "missing-column",
                message: "This CSV needs a column mapping: choose which columns hold the code, the statement and the parent.",
              },
            ];
      Object.assign(progress, { status: "failed", problems });
    } else {
      await store(importId, actor, input, outcome, progress, meta);
    }
  } catch (error) {
    if (error instanceof FrameworkVersionRefusedError) {
      Object.assign(progress, { status: "failed", stored: 0, problems: [{ kind: "duplicate-id", message: error.message }] });
      await finish(importId, progress).catch((failure: unknown) => console.error(`Framework import ${importId}`, failure));
      return;
    }
    console.error(`Framework import ${importId} failed`, error);
    Object.assign(progress, {
      status: "failed",
      stored: 0,
      problems: [
        {
          kind: "malformed",
          message: "The framework could not be stored; nothing of it was imported. Please try again.",
        },
      ],
    });
  }
  try {
    await finish(importId, progress);
  } catch (error) {
    console.error(`Framework import ${importId}: could not record its final state`, error);
  }
}

async function store(
  importId: string,
  actor: Actor,
  input: StartImportInput,
  outcome: ImportedFramework,
  progress: ImportProgress,
  meta: RequestMeta,
): Promise<void> {
  progress.total = outcome.competencies.length;
  progress.ignored = outcome.ignored;
  progress.status = "storing";
  const stored = await db().transaction((tx) =>
    storeImportedFramework(tx, {
      organizationId: input.organizationId,
      userId: actor.userId,
      actor,
      framework: outcome,
      meta,
      onProgress: (count) => {
        progress.stored = count;
      },
      importId,
    }),
  );
  Object.assign(progress, {
    status: "done",
    stored: outcome.competencies.length,
    changes: stored.changes,
    frameworkId: stored.frameworkId,
    frameworkName: outcome.framework.name,
  });
}

/** Writes the final state to the row (a successful import's row is updated inside its own transaction). */
async function finish(importId: string, progress: ImportProgress): Promise<void> {
  await db().transaction(async (tx) => {
    const [job] = await tx
      .update(frameworkImports)
      .set({
        status: progress.status,
        total: progress.total,
        stored: progress.stored,
        problems: progress.problems,
        ignored: progress.ignored,
        changes: progress.changes,
        frameworkId: progress.frameworkId,
        finishedAt: new Date(),
      })
      .where(eq(frameworkImports.id, importId))
      .returning({ userId: frameworkImports.userId, name: frameworkImports.fileName });
    if (job) await notifyImportFinished(tx, { ...job, link: `/frameworks/imports/${importId}`, failed: progress.status === "failed" });
  });
}

/** Rows per INSERT: 13 parameters each stays far below Postgres's 65,535 bind parameters. */
const BATCH_SIZE = 1000;

export type StoreFrameworkInput = {
  organizationId: string;
  /** Who imported it (null for the demo seed's system import). */
  userId: string | null;
  framework: ImportedFramework;
  meta?: RequestMeta;
  onProgress?: (stored: number) => void;
  /** The import job's row, updated to done in the same transaction. */
  importId?: string;
  /**
   * Who imports, when a person does: a new version of a framework already in the library is
   * theirs to import only as an admin of its owning organization (the seed passes none).
   */
  actor?: Actor;
};

/** A new version refused: the framework belongs to an organization the importer does not administer. */
export class FrameworkVersionRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FrameworkVersionRefusedError";
  }
}

/**
 * Stores a parsed framework inside `tx`: the framework row (next version of its source identifier
 * when one exists), its competencies in the parser's order (parents first, so each parent's new id
 * is known), the changes against the previous version and the `framework.imported` audit event.
 * Used by the background job and, synchronously, by the demo seed.
 */
export async function storeImportedFramework(
  tx: Transaction,
  input: StoreFrameworkInput,
): Promise<{
  frameworkId: string;
  versionNumber: number;
  changes: FrameworkChanges | null;
}> {
  const { framework: parsed } = input;
  const meta = parsed.framework;
  const frameworkId = generateId();
  const sourceIdentifier = meta.sourceIdentifier ?? meta.sourceUri ?? `concord:${frameworkId}`;
  // Two imports of one source at once queue here instead of colliding on the version number.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`framework:${sourceIdentifier}`}))`);
  const [previous] = await tx
    .select({
      id: frameworks.id,
      versionNumber: frameworks.versionNumber,
      name: frameworks.name,
      organizationId: frameworks.organizationId,
      organizationName: organizations.name,
    })
    .from(frameworks)
    .innerJoin(organizations, eq(organizations.id, frameworks.organizationId))
    .where(eq(frameworks.sourceIdentifier, sourceIdentifier))
    .orderBy(desc(frameworks.versionNumber))
    .limit(1);
  if (previous && input.actor) {
    const owner = previous.organizationId;
    const adminOfOwner = input.actor.memberships.some((m) => m.organizationId === owner && m.role === "admin");
    if (input.organizationId !== owner || !adminOfOwner) {
      throw new FrameworkVersionRefusedError(
        `“${previous.name}” is already in the library (version ${previous.versionNumber}, owned by ${previous.organizationName}): ` +
          `only an admin of ${previous.organizationName}, importing for it, can add a new version.`,
      );
    }
  }
  const versionNumber = (previous?.versionNumber ?? 0) + 1;

  await tx.insert(frameworks).values({
    id: frameworkId,
    sourceIdentifier,
    versionNumber,
    versionLabel: meta.version ?? null,
    name: meta.name,
    description: meta.description ?? null,
    publisher: meta.publisher ?? null,
    language: meta.language ?? null,
    licence: meta.licence ?? null,
    licenceUri: meta.licenceUri ?? null,
    sourceUri: meta.sourceUri ?? null,
    ctid: meta.ctid ?? null,
    format: parsed.format,
    organizationId: input.organizationId,
    importedBy: input.userId,
    competencyCount: parsed.competencies.length,
    previousVersionId: previous?.id ?? null,
  });

  const ids = new Map<string, string>();
  for (let start = 0; start < parsed.competencies.length; start += BATCH_SIZE) {
    const batch = parsed.competencies.slice(start, start + BATCH_SIZE).map((competency, index) => {
      const id = generateId();
      ids.set(competency.sourceId, id);
      const parentId = competency.parentSourceId === null ? null : ids.get(competency.parentSourceId);
      if (parentId === undefined) throw new Error(`${competency.sourceId} comes before its parent`);
      return {
        id,
        frameworkId,
        sourceId: competency.sourceId,
        code: competency.code ?? null,
        statement: competency.statement,
        description: competency.description ?? null,
        typeLabel: competency.typeLabel ?? null,
        parentId,
        siblingOrder: competency.order,
        depth: competency.depth,
        position: start + index,
        sourceUri: competency.sourceUri ?? null,
        ctid: competency.ctid ?? null,
      };
    });
    await tx.insert(frameworkCompetencies).values(batch);
    input.onProgress?.(start + batch.length);
    // Let the event loop breathe between batches: PGlite runs in this thread and its queries
    // resolve as microtasks, so without this no progress poll (or any request) is answered until
    // the whole framework is stored.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  const changes = previous ? await changesSince(tx, previous.id, parsed) : null;
  await appendAuditEvent(tx, {
    organizationId: input.organizationId,
    actorUserId: input.userId,
    ip: input.meta?.ip ?? null,
    userAgent: input.meta?.userAgent ?? null,
    event: auditEvent("framework.imported", {
      frameworkId,
      name: meta.name,
      sourceIdentifier,
      versionNumber,
      competencyCount: parsed.competencies.length,
    }),
    createdAt: new Date(),
  });
  if (previous) await notifyFrameworkVersion(tx, { frameworkId, name: meta.name, sourceIdentifier, versionNumber, actorUserId: input.userId });
  if (input.importId) {
    await tx
      .update(frameworkImports)
      .set({
        status: "done",
        total: parsed.competencies.length,
        stored: parsed.competencies.length,
        ignored: parsed.ignored,
        changes,
        frameworkId,
        finishedAt: new Date(),
      })
      .where(eq(frameworkImports.id, input.importId));
  }
  return { frameworkId, versionNumber, changes };
}

/** Added, removed and reworded competencies against the previous version, by sourceId. */
async function changesSince(tx: Transaction, previousId: string, parsed: ImportedFramework): Promise<FrameworkChanges> {
  const before = await tx
    .select({
      sourceId: frameworkCompetencies.sourceId,
      code: frameworkCompetencies.code,
      statement: frameworkCompetencies.statement,
    })
    .from(frameworkCompetencies)
    .where(eq(frameworkCompetencies.frameworkId, previousId))
    .orderBy(frameworkCompetencies.position);
  const old = new Map(before.map((row) => [row.sourceId, row]));
  const now = new Set(parsed.competencies.map((c) => c.sourceId));
  const changes: FrameworkChanges = { added: [], removed: [], reworded: [] };
  for (const competency of parsed.competencies) {
    const entry = {
      sourceId: competency.sourceId,
      code: competency.code ?? null,
      statement: competency.statement,
    };
    const was = old.get(competency.sourceId);
    if (!was) changes.added.push(entry);
    else if (was.statement !== competency.statement) changes.reworded.push({ ...entry, previousStatement: was.statement });
  }
  for (const row of before) if (!now.has(row.sourceId)) changes.removed.push(row);
  return changes;
}

/**
 * An import's progress: live from memory while this process runs it, else the row's final state.
 * Only members of the importing organization may read it; anyone else gets 404.
 */
export async function importProgress(actor: Actor, importId: string): Promise<ImportProgress> {
  const mine = new Set(actor.memberships.map((m) => m.organizationId));
  const live = running.get(importId);
  if (live) {
    if (!mine.has(live.organizationId)) throw notFound();
    return structuredClone(live.progress);
  }
  const [row] = await db()
    .select({ importRow: frameworkImports, frameworkName: frameworks.name })
    .from(frameworkImports)
    .leftJoin(frameworks, eq(frameworks.id, frameworkImports.frameworkId))
    .where(eq(frameworkImports.id, importId))
    .limit(1);
  if (!row || !mine.has(row.importRow.organizationId)) throw notFound();
  const r = row.importRow;
  // Queued or running in the database but not in this process: the process that ran it stopped.
  const lost = r.status !== "done" && r.status !== "failed";
  return {
    status: lost ? "failed" : r.status,
    total: r.total,
    stored: lost ? 0 : r.stored,
    problems: lost
      ? [
          {
            kind: "malformed",
            message: "The import was interrupted (the server restarted); nothing of it was imported. Please import the file again.",
          },
        ]
      : (r.problems as ImportProblem[]),
    ignored: r.ignored as string[],
    changes: (r.changes as FrameworkChanges | null) ?? null,
    frameworkId: r.frameworkId,
    frameworkName: row.frameworkName,
  };
}

/** Resolves when a job this process runs has finished (at once when it is not running): for tests and the seed. */
export async function importSettled(importId: string): Promise<void> {
  await running.get(importId)?.finished;
}

/** The organization's imports, newest first (not in the contract; handy for a list of recent imports). */
export async function recentImports(organizationId: string, limit = 20) {
  return db()
    .select({
      id: frameworkImports.id,
      fileName: frameworkImports.fileName,
      status: frameworkImports.status,
      createdAt: frameworkImports.createdAt,
    })
    .from(frameworkImports)
    .where(eq(frameworkImports.organizationId, organizationId))
    .orderBy(desc(frameworkImports.createdAt))
    .limit(limit);
}
