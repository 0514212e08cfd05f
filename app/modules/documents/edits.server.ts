/**
 * Authorship of edits in the database: the collaboration server's recorder writes what each person
 * touched (recordEdits, in batches beside the update log — docs/decisions/0015); the document page
 * reads who changed each field and row last (lastChanges), the Activity page a document's edits,
 * comments and sign-off events (documentActivity), and the history's diff who edited between two
 * versions (editorsBetween).
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf } from "~/modules/audit/chain";
import type { Anchor } from "~/modules/comments/anchors";
import { actingOrganization, describeEditedFields, editedFieldLabel, editedFields, type EditedField, type LastChange, type LastChanges } from "~/modules/documents/edits";
import type { Actor } from "~/modules/permissions/can";
import { requireDocument } from "~/modules/permissions/require.server";
import type { AuditWhat } from "~/modules/signoff/audit-what";
import { auditTrailRows } from "~/modules/signoff/read-models/audit-trail.server";
import { users } from "../../../db/schema/auth";
import { comments, commentThreads } from "../../../db/schema/comments";
import { documentEdits } from "../../../db/schema/edits";
import { memberships, organizations } from "../../../db/schema/organizations";

/** What one person did to one place of a document in one minute. */
export type EditRecord = {
  documentId: string;
  userId: string;
  organizationId: string | null;
  fieldKey: string;
  rowId: string | null;
  /** Truncated to the minute. */
  minute: Date;
  edits: number;
};

/** Rows per INSERT: well under the drivers' parameter limits (7 per row). */
const RECORD_CHUNK = 1000;

/**
 * Adds the records to their counters (one per person, place and minute). A batch must hold each
 * key once (the recorder aggregates before it writes): ON CONFLICT cannot update a row twice.
 */
export async function recordEdits(q: Queryable, records: readonly EditRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += RECORD_CHUNK) {
    const rows = records
      .slice(start, start + RECORD_CHUNK)
      .map((r) => sql`(${r.documentId}, ${r.userId}, ${r.organizationId}, ${r.fieldKey}, ${r.rowId}, ${r.minute.toISOString()}::timestamptz, ${r.edits})`);
    // Raw SQL: the conflict target is the unique index's expression (coalesce), which drizzle's onConflict cannot name.
    await q.execute(sql`
      insert into document_edits (document_id, user_id, organization_id, field_key, row_id, minute, edits)
      values ${sql.join(rows, sql`, `)}
      on conflict (document_id, user_id, field_key, (coalesce(row_id, '')), minute)
      do update set edits = document_edits.edits + excluded.edits, organization_id = excluded.organization_id`);
  }
}


/**
 * The latest edit of each field (any of its rows) and of each row (`"<fieldKey>.<rowId>"`, the
 * row's path) of a document. Callers have passed the document's gate.
 */
export async function lastChanges(documentId: string, q: Queryable = db()): Promise<LastChanges> {
  const rowKey = sql`coalesce(${documentEdits.rowId}, '')`;
  const latest = await q
    .selectDistinctOn([documentEdits.fieldKey, rowKey], {
      fieldKey: documentEdits.fieldKey,
      rowId: documentEdits.rowId,
      minute: documentEdits.minute,
      person: users.name,
      organization: organizations.name,
    })
    .from(documentEdits)
    .innerJoin(users, eq(users.id, documentEdits.userId))
    .leftJoin(organizations, eq(organizations.id, documentEdits.organizationId))
    .where(eq(documentEdits.documentId, documentId))
    .orderBy(documentEdits.fieldKey, rowKey, desc(documentEdits.minute), desc(documentEdits.edits));
  const fields: Record<string, LastChange> = {};
  const rows: Record<string, LastChange> = {};
  for (const edit of latest) {
    const change: LastChange = { person: edit.person, organization: edit.organization, at: edit.minute.toISOString() };
    if (edit.rowId !== null) rows[`${edit.fieldKey}.${edit.rowId}`] = change;
    const field = fields[edit.fieldKey];
    if (!field || field.at < change.at) fields[edit.fieldKey] = change;
  }
  return { fields, rows };
}

export type ActivityItem = {
  kind: "edit" | "comment" | "event";
  at: string;
  person: string | null;
  organization: string | null;
  /** "edited Purpose, Competencies (3 rows)", "commented on Purpose: “…”", an audit sentence. */
  what: string;
  /** The line's parts, for wording it in the reader's language (issue #20): `what` is its English. */
  edited?: EditedField[];
  comment?: { reply: boolean; place: string; body: string };
  event?: AuditWhat;
};

export type DocumentActivity = {
  document: { id: string; title: string; kind: string };
  items: ActivityItem[];
};

/** The newest edits read for the feed: months of a busy document, bounded. */
const FEED_EDIT_ROWS = 5000;
const QUOTE_CHARS = 120;

/**
 * A document's Activity, newest first: edits grouped per person, organization and minute; comments
 * (with the field they are on); sign-off decisions and events from its audit trail. Anyone who may
 * view the document may read it (the gate's 404 otherwise).
 */
export async function documentActivity(actor: Actor, documentId: string, q: Queryable = db()): Promise<DocumentActivity> {
  const document = await requireDocument(actor, documentId, "document.view", q);
  const project = document.resource.project;
  const [edits, threadComments, records] = await Promise.all([
    q
      .select({
        userId: documentEdits.userId,
        organizationId: documentEdits.organizationId,
        fieldKey: documentEdits.fieldKey,
        rowId: documentEdits.rowId,
        minute: documentEdits.minute,
        person: users.name,
        organization: organizations.name,
      })
      .from(documentEdits)
      .innerJoin(users, eq(users.id, documentEdits.userId))
      .leftJoin(organizations, eq(organizations.id, documentEdits.organizationId))
      .where(eq(documentEdits.documentId, documentId))
      .orderBy(desc(documentEdits.minute))
      .limit(FEED_EDIT_ROWS),
    q
      .select({
        threadId: comments.threadId,
        authorId: comments.authorId,
        body: comments.body,
        createdAt: comments.createdAt,
        anchor: commentThreads.anchor,
        person: users.name,
      })
      .from(comments)
      .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(commentThreads.documentId, documentId))
      .orderBy(asc(comments.createdAt)),
    readAuditChain(q, chainOf({ documentId })),
  ]);

  const items: ActivityItem[] = [];
  const groups = new Map<string, { first: (typeof edits)[number]; edits: Array<{ fieldKey: string; rowId: string | null }> }>();
  for (const edit of edits) {
    const key = `${edit.userId}|${edit.organizationId ?? ""}|${edit.minute.toISOString()}`;
    const group = groups.get(key) ?? { first: edit, edits: [] };
    group.edits.push(edit);
    groups.set(key, group);
  }
  for (const { first, edits: grouped } of groups.values()) {
    items.push({ kind: "edit", at: first.minute.toISOString(), person: first.person, organization: first.organization, what: `edited ${describeEditedFields(document.kind, grouped)}`, edited: editedFields(document.kind, grouped) });
  }

  // Comments carry no organization: the author's acting one in this project, as for edits.
  const authorIds = [...new Set(threadComments.map((comment) => comment.authorId).filter((id): id is string => id !== null))];
  const authorMemberships = authorIds.length
    ? await q.select({ userId: memberships.userId, organizationId: memberships.organizationId, role: memberships.role }).from(memberships).where(inArray(memberships.userId, authorIds))
    : [];
  const orgIds = new Set<string>();
  const actingOrg = new Map<string, string | null>();
  for (const userId of authorIds) {
    const organizationId = actingOrganization(authorMemberships.filter((m) => m.userId === userId), project);
    actingOrg.set(userId, organizationId);
    if (organizationId) orgIds.add(organizationId);
  }
  const orgNames = orgIds.size
    ? new Map((await q.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...orgIds]))).map((o) => [o.id, o.name]))
    : new Map<string, string>();
  const seenThreads = new Set<string>();
  for (const comment of threadComments) {
    const reply = seenThreads.has(comment.threadId);
    const verb = reply ? "replied on" : "commented on";
    seenThreads.add(comment.threadId);
    const organizationId = comment.authorId ? actingOrg.get(comment.authorId) : null;
    const body = comment.body.length > QUOTE_CHARS ? `${comment.body.slice(0, QUOTE_CHARS - 1)}…` : comment.body;
    items.push({
      kind: "comment",
      at: comment.createdAt.toISOString(),
      person: comment.person,
      organization: organizationId ? (orgNames.get(organizationId) ?? null) : null,
      what: `${verb} ${anchorLabel(document.kind, comment.anchor)}: “${body}”`,
      comment: { reply, place: anchorLabel(document.kind, comment.anchor), body },
    });
  }

  for (const row of await auditTrailRows(q, actor, project, records)) {
    items.push({ kind: "event", at: row.at, person: row.who, organization: row.organization, what: row.what, ...(row.whatMessage ? { event: row.whatMessage } : {}) });
  }
  // Newest first; within one minute, edits (truncated to the minute) after what happened in it.
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { document: { id: document.id, title: document.title, kind: document.kind }, items };
}

function anchorLabel(kind: Parameters<typeof editedFieldLabel>[0], anchor: Anchor): string {
  if (anchor.label) return anchor.label;
  return editedFieldLabel(kind, anchor.type === "field" ? (anchor.path.split(".")[0] ?? anchor.path) : anchor.fragment);
}

/** Who edited which place between two moments (inclusive, at minute precision). */
export type Editor = { fieldKey: string; rowId: string | null; person: string; organization: string | null };

export async function editorsBetween(documentId: string, from: Date, to: Date, q: Queryable = db()): Promise<Editor[]> {
  const [start, end] = from <= to ? [from, to] : [to, from];
  const firstMinute = new Date(Math.floor(start.getTime() / 60_000) * 60_000);
  return q
    .selectDistinct({ fieldKey: documentEdits.fieldKey, rowId: documentEdits.rowId, person: users.name, organization: organizations.name })
    .from(documentEdits)
    .innerJoin(users, eq(users.id, documentEdits.userId))
    .leftJoin(organizations, eq(organizations.id, documentEdits.organizationId))
    .where(and(eq(documentEdits.documentId, documentId), gte(documentEdits.minute, firstMinute), lte(documentEdits.minute, end)));
}
