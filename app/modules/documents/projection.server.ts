/**
 * The projection writer: durable Yjs state → canonical form → content hash + projection columns
 * of `documents` (title, key fields, competencies, completeness, validation errors), so lists,
 * search and the other documents read a document without loading its Y.Doc.
 *
 * Runs on the server only, in three places: the collaboration server after durable writes
 * (debounced, server/collab/projection.ts; server/app-server.ts hands it `refreshProjection`),
 * document creation, and the demo seed.
 *
 * Order of work, and why:
 *  1. Load the DURABLE state (snapshot + log), never a room's in-memory Y.Doc: the hash written
 *     here is what approvals bind to, so it must describe content the database already holds.
 *  2. Repairs (ensureLayout; an assessment plan written one row per competency migrated to
 *     assessments and a coverage matrix; a specification's copied competency rows linked to the
 *     framework library)
 *     run on that copy; what they change is one Yjs update handed to `applyUpdate` (the live room,
 *     which stores it before broadcasting) and awaited before anything is projected from it.
 *     No transaction is open meanwhile: the room's write goes through another connection (or the
 *     same PGlite one) and must not wait for us.
 *  3. One short transaction writes every projection column together and reads the previous hash.
 *  4. After commit, the caller's `onContentChanged` hears about a changed hash (sign-off outdates
 *     approvals). The row is the record: a crash between 3 and 4 is repaired by the next
 *     projection of the document.
 */
import { and, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import type { Database, Queryable } from "../../../db/client";
import { documents } from "../../../db/schema/documents";
import { isContentLocked } from "~/modules/permissions/roles";
import { putBackSnapshotDocument, takeSnapshotDocument, type SnapshotCache } from "~/modules/documents/store/snapshot-cache";
import {
  appendUpdates,
  applyStoredDocument,
  applyStoredDocumentInSlices,
  loadStoredDocument,
  withStoredDocument,
} from "~/modules/documents/store/stored-document.server";
import { migratePerCompetencyRows } from "~/modules/documents/kinds/assessment-migration";
import { linkRows, rowsAwaitingLink } from "~/modules/documents/kinds/competency-references";
import { resolveCopiedCompetencies } from "~/modules/frameworks/references.server";
import { yieldToEventLoop } from "~/utils/event-loop.server";
import { log } from "~/utils/log.server";
import {
  canonicalDocument,
  canonicalHash,
  ensureLayout,
  jsonEqual,
  LINKED_DOCUMENT,
  projectDocument,
  readFields,
  type CanonicalDocument,
  type DocumentKind,
  type DocumentProjection,
  type ModelContext,
  type ProjectedCompetency,
} from "~/modules/documents/model";

/** Who reads whose competencies: a changed specification re-projects its plans, a plan its agreements. */
const DEPENDENT_KIND: Partial<Record<DocumentKind, DocumentKind>> = {
  credential_spec: "assessment_plan",
  assessment_plan: "wbl_agreement",
};

export type ProjectionOutcome = {
  documentId: string;
  contentHash: string;
  previousHash: string | null;
  projection: DocumentProjection;
  /** Documents that read this one's competencies and must be projected again (they changed). */
  dependents: string[];
  /** The repairs written before projecting (layout, assessment rows), if any. */
  repaired: boolean;
};

export type ProjectionOptions = {
  /**
   * Stores a server-side change (repairs) durably, e.g. through the document's live room so that
   * its clients receive it. Default: appended to the update log directly (no room open: creation,
   * seed, tests).
   */
  applyUpdate?: (update: Uint8Array) => Promise<void>;
  /**
   * Called after commit when the content hash changed (server/app-server.ts: sign-off outdates
   * approvals of older versions). Must be idempotent and re-derivable from the row
   * (documents.content_hash), since a crash between commit and call skips it. A failure is logged
   * and does not fail the projection, which is committed already.
   */
  onContentChanged?: (event: DocumentContentChanged) => Promise<void>;
  /**
   * The document's open room's snapshot cache: start from the stored snapshot it holds applied
   * instead of applying it again (the longest single step of a projection), and leave the result
   * there for the next projection and compaction. Everything added to it is durable: log rows, and
   * repairs once stored.
   */
  snapshotCache?: SnapshotCache;
};

/** A changed content hash, announced after the projection committed it. */
export type DocumentContentChanged = {
  documentId: string;
  /** SHA-256 of the canonical JSON form (app/modules/documents/model canonicalHash). */
  contentHash: string;
  previousHash: string | null;
};

const REPAIR = Symbol("projection repair");

/**
 * Competencies of a linked document of the same project, from its projection (or, when it has
 * never been projected, from its stored state). Null when the id names no such document.
 */
export async function linkedCompetencies(db: Queryable, projectId: string, linkedId: string, kind: DocumentKind): Promise<ProjectedCompetency[] | null> {
  return (await linkedProjection(db, projectId, linkedId, kind))?.competencies ?? null;
}

/**
 * What a document reads of the document it links to (competencies and key fields), from its
 * projection (or, when it has never been projected, from its stored state). Null when the id
 * names no such document of the project.
 */
export async function linkedProjection(db: Queryable, projectId: string, linkedId: string, kind: DocumentKind): Promise<Pick<DocumentProjection, "competencies" | "keyFields"> | null> {
  const [row] = await db
    .select({ id: documents.id, projection: documents.projection })
    .from(documents)
    .where(and(eq(documents.id, linkedId), eq(documents.projectId, projectId), eq(documents.kind, kind)));
  if (!row) return null;
  if (row.projection) return row.projection;
  return withStoredDocument(db, linkedId, (ydoc) => projectDocument(canonicalDocument(ydoc, kind), kind));
}

/** The model context of a document: its linked document's competencies and key fields. */
export async function linkedContextFor(db: Queryable, projectId: string, kind: DocumentKind, fields: Record<string, unknown>): Promise<Omit<ModelContext, "today">> {
  const link = LINKED_DOCUMENT[kind];
  if (!link) return {};
  const linkedId = fields[link.field];
  if (typeof linkedId !== "string" || linkedId === "") return {};
  const linked = await linkedProjection(db, projectId, linkedId, link.kind);
  return linked ? { linkedCompetencies: linked.competencies, linkedKeyFields: linked.keyFields } : {};
}

/** Recomputes and stores a document's projection. Null when the document does not exist. */
export async function refreshProjection(db: Database, documentId: string, options: ProjectionOptions = {}): Promise<ProjectionOutcome | null> {
  const [row] = await db
    .select({ id: documents.id, kind: documents.kind, projectId: documents.projectId, status: documents.status })
    .from(documents)
    .where(eq(documents.id, documentId));
  if (!row) return null;
  const kind = row.kind;

  const cache = options.snapshotCache;
  // Ours while we use it: a compaction meanwhile finds none and loads its own.
  const held = cache ? takeSnapshotDocument(cache) : null;
  const stored = await loadStoredDocument(db, documentId, held?.compactions).catch((error: unknown) => {
    held?.doc.destroy();
    throw error;
  });
  const fromCache = held !== null && stored.compactions === held.compactions;
  if (held && !fromCache) held.doc.destroy();
  let ydoc = fromCache ? held.doc : new Y.Doc();
  /** Whether ydoc holds durable content only, snapshot included (it may go back to the cache). */
  let cacheable = cache !== undefined;
  const repairs: Uint8Array[] = [];
  const collectRepairs = (update: Uint8Array, origin: unknown) => {
    if (origin === REPAIR) repairs.push(update);
  };
  ydoc.on("update", collectRepairs);
  try {
    // CPU work on the event loop that live edits are waiting on: in slices, letting them through in between.
    await applyStoredDocumentInSlices(ydoc, stored);
    await yieldToEventLoop();

    const context = await linkedContextFor(db, row.projectId, kind, readFields(ydoc));
    // Approved (or otherwise locked) content is never changed, not even by a repair: the write
    // path would refuse it, and the approval is bound to the content as it is.
    if (!isContentLocked(row.status)) {
      // Repairs are idempotent: a document already in shape produces no update at all.
      ydoc.transact(() => ensureLayout(ydoc, kind), REPAIR);
      // A plan written one row per competency becomes assessments and a coverage matrix, once (issue #14).
      if (kind === "assessment_plan") migratePerCompetencyRows(ydoc, REPAIR);
      if (kind === "credential_spec") {
        // Copied competency rows become references to the library, once (ADR 0012).
        const awaiting = rowsAwaitingLink(ydoc);
        if (awaiting.length) linkRows(ydoc, await resolveCopiedCompetencies(db, awaiting), REPAIR);
      }
    }
    if (repairs.length > 0) {
      const update = Y.mergeUpdates(repairs);
      const refused = options.applyUpdate ? (await options.applyUpdate(update), false) : (await appendUpdates(db, [{ documentId, update }])).refused.length > 0;
      if (refused) {
        // Locked meanwhile: project the content as stored, without the repairs.
        repairs.length = 0;
        ydoc.destroy();
        ydoc = new Y.Doc();
        cacheable = false;
        applyStoredDocument(ydoc, fromCache ? await loadStoredDocument(db, documentId) : stored);
      }
    }

    await yieldToEventLoop();
    const canonical: CanonicalDocument = canonicalDocument(ydoc, kind);
    await yieldToEventLoop();
    const contentHash = await canonicalHash(canonical);
    const projection = projectDocument(canonical, kind, context);

    const previous = await db.transaction(async (tx) => {
      // Serialises projections of one document across instances, so a slower, older one cannot
      // land after a newer one within the lock's scope.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`projection:${documentId}`}))`);
      const [before] = await tx
        .select({ contentHash: documents.contentHash, projection: documents.projection })
        .from(documents)
        .where(eq(documents.id, documentId));
      const now = new Date();
      await tx
        .update(documents)
        .set({
          contentHash,
          projection,
          completenessPercent: projection.completeness.percent,
          projectedAt: now,
          // The document's own title field names it everywhere once someone has written one.
          ...(projection.title ? { title: projection.title } : {}),
          ...(before?.contentHash !== contentHash ? { updatedAt: now } : {}),
        })
        .where(eq(documents.id, documentId));
      return before ?? null;
    });

    const previousHash = previous?.contentHash ?? null;
    // What dependents read of this document: its competencies and key fields (a plan's coverage depends on both).
    const competenciesChanged =
      !previous?.projection || !jsonEqual(previous.projection.competencies, projection.competencies) || !jsonEqual(previous.projection.keyFields, projection.keyFields);
    const dependents = competenciesChanged ? await dependentsOf(db, row.projectId, documentId, kind) : [];
    if (previousHash !== contentHash && options.onContentChanged) {
      await options.onContentChanged({ documentId, contentHash, previousHash }).catch((error: unknown) => {
        log.warn(`projection: content-change hook for ${documentId} failed`, error instanceof Error ? error.message : error);
      });
    }
    return { documentId, contentHash, previousHash, projection, dependents, repaired: repairs.length > 0 };
  } catch (error) {
    cacheable = false;
    throw error;
  } finally {
    ydoc.off("update", collectRepairs);
    if (cache && cacheable) putBackSnapshotDocument(cache, { doc: ydoc, compactions: stored.compactions ?? 0 });
    else ydoc.destroy();
  }
}

/** Documents of the project that link to this one (by their projected key field). */
async function dependentsOf(db: Queryable, projectId: string, documentId: string, kind: DocumentKind): Promise<string[]> {
  const dependentKind = DEPENDENT_KIND[kind];
  const link = dependentKind ? LINKED_DOCUMENT[dependentKind] : undefined;
  if (!dependentKind || !link) return [];
  const rows = await db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, projectId),
        eq(documents.kind, dependentKind),
        sql`${documents.projection} -> 'keyFields' ->> ${link.field} = ${documentId}`,
      ),
    );
  return rows.map((r) => r.id);
}
