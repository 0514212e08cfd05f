/**
 * Comment threads on documents: start a thread on a field or a range of text, reply, edit one's
 * own comment, resolve and reopen; `@Name` mentions of the people of the project's participating
 * organizations. Anyone who can comment (editors, QA reviewers) may do all of it; anyone who can
 * view may read. Every multi-row write is one transaction.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Queryable } from "~/db.server";
import { withStoredDocument } from "~/modules/documents/store/stored-document.server";
import { users } from "../../../db/schema/auth";
import { comments, commentThreads } from "../../../db/schema/comments";
import { documents } from "../../../db/schema/documents";
import { memberships, organizations } from "../../../db/schema/organizations";
import { projectParticipants } from "../../../db/schema/projects";
import { canonicalFrom, parsePath, readFields, type CanonicalFields, type DocumentKind } from "~/modules/documents/model";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";
import { AnchorError, AnchorSchema, checkAnchor, type Anchor } from "~/modules/comments/anchors";
import { forbidden, loadProjectFacts, notFound, requireDocument } from "~/modules/permissions/require.server";
import { parseMentions, type Mentionable } from "~/modules/comments/mentions";
import { notifyComment } from "~/modules/notifications/notify.server";

export { AnchorError };

export const COMMENT_MAX = 5000;

export const CommentBodySchema = z
  .string({ error: "Write a comment" })
  .trim()
  .min(1, "Write a comment")
  .max(COMMENT_MAX, `A comment is ${COMMENT_MAX.toLocaleString("en-CA")} characters at most`);

export const NewThreadSchema = z.object({ anchor: AnchorSchema, body: CommentBodySchema });
export type NewThreadInput = z.infer<typeof NewThreadSchema>;

export type Person = Mentionable & { organization: string };

/** Everyone who may be mentioned: the members of the project's participating organizations. */
export async function mentionablePeople(projectId: string, q: Queryable = db()): Promise<Person[]> {
  const rows = await q
    .select({ id: users.id, name: users.name, organization: organizations.name })
    .from(projectParticipants)
    .innerJoin(memberships, eq(memberships.organizationId, projectParticipants.organizationId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(eq(projectParticipants.projectId, projectId))
    .orderBy(asc(users.name), asc(organizations.name));
  // A person in two participating organizations is listed once.
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && seen.add(row.id));
}

/** Current canonical fields, for naming rows in anchor labels ("Competencies › CAP-1.1"). */
async function currentFields(documentId: string, kind: DocumentKind): Promise<CanonicalFields> {
  return withStoredDocument(db(), documentId, (ydoc) => canonicalFrom(kind, readFields(ydoc), {}).fields);
}

async function labelledAnchor(documentId: string, kind: DocumentKind, anchor: Anchor): Promise<Anchor> {
  // Only a path through a row needs the content (for the row's title); the rest is the kind's labels.
  const needsRows = anchor.type === "field" && ["row", "cell"].includes(parsePath(anchor.path).type);
  return checkAnchor(kind, anchor, needsRows ? await currentFields(documentId, kind) : {});
}

export async function startThread(actor: Actor, documentId: string, input: NewThreadInput): Promise<{ threadId: string; commentId: string }> {
  const document = await requireDocument(actor, documentId, "document.comment");
  const anchor = await labelledAnchor(document.id, document.kind, input.anchor);
  const mentions = parseMentions(input.body, await mentionablePeople(document.projectId));
  const threadId = generateId();
  const commentId = generateId();
  await db().transaction(async (tx) => {
    await tx.insert(commentThreads).values({ id: threadId, documentId: document.id, anchor, createdBy: actor.userId });
    await tx.insert(comments).values({ id: commentId, threadId, authorId: actor.userId, body: input.body, mentions });
    await notifyComment(tx, { documentId: document.id, threadId, authorId: actor.userId, mentions, isReply: false });
  });
  return { threadId, commentId };
}

/** The thread, checked to belong to the document and to be reachable by the actor. */
async function requireThread(actor: Actor, documentId: string, threadId: string, action: "document.view" | "document.comment") {
  const document = await requireDocument(actor, documentId, action);
  const thread = await db().query.commentThreads.findFirst({
    where: and(eq(commentThreads.id, threadId), eq(commentThreads.documentId, document.id)),
    columns: { id: true, status: true },
  });
  if (!thread) throw notFound();
  return { document, thread };
}

/** Replying to a resolved thread reopens it: the discussion is evidently not over. */
export async function reply(actor: Actor, documentId: string, threadId: string, body: string): Promise<string> {
  const { document, thread } = await requireThread(actor, documentId, threadId, "document.comment");
  const text = CommentBodySchema.parse(body);
  const mentions = parseMentions(text, await mentionablePeople(document.projectId));
  const commentId = generateId();
  await db().transaction(async (tx) => {
    await tx.insert(comments).values({ id: commentId, threadId: thread.id, authorId: actor.userId, body: text, mentions });
    await notifyComment(tx, { documentId: document.id, threadId: thread.id, authorId: actor.userId, mentions, isReply: true });
    await tx
      .update(commentThreads)
      .set({ status: "open", resolvedAt: null, resolvedBy: null, updatedAt: new Date() })
      .where(eq(commentThreads.id, thread.id));
  });
  return commentId;
}

/**
 * Resolve or reopen. Compare-and-set on the current status: two people resolving at once both
 * succeed, and the first resolution (who and when) is the one kept.
 */
export async function setThreadStatus(actor: Actor, documentId: string, threadId: string, status: "open" | "resolved"): Promise<boolean> {
  const { thread } = await requireThread(actor, documentId, threadId, "document.comment");
  const now = new Date();
  const changed = await db()
    .update(commentThreads)
    .set(status === "resolved" ? { status, resolvedAt: now, resolvedBy: actor.userId, updatedAt: now } : { status, resolvedAt: null, resolvedBy: null, updatedAt: now })
    .where(and(eq(commentThreads.id, thread.id), eq(commentThreads.status, status === "resolved" ? "open" : "resolved")))
    .returning({ id: commentThreads.id });
  return changed.length > 0;
}

/** Authors may correct their own words (the edit is marked); nobody edits someone else's. */
export async function editComment(actor: Actor, documentId: string, commentId: string, body: string): Promise<void> {
  const document = await requireDocument(actor, documentId, "document.comment");
  const [found] = await db()
    .select({ id: comments.id, authorId: comments.authorId })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(comments.id, commentId), eq(commentThreads.documentId, document.id)));
  if (!found) throw notFound();
  if (found.authorId !== actor.userId) throw forbidden("Only the author can edit a comment.");
  const text = CommentBodySchema.parse(body);
  const mentions = parseMentions(text, await mentionablePeople(document.projectId));
  await db().update(comments).set({ body: text, mentions, editedAt: new Date() }).where(eq(comments.id, found.id));
}

export type ThreadView = {
  id: string;
  anchor: Anchor;
  status: "open" | "resolved";
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  resolvedBy: { id: string; name: string } | null;
  /** One of the comments names the viewer. */
  mentionsViewer: boolean;
  comments: Array<{
    id: string;
    author: { id: string; name: string } | null;
    body: string;
    mentions: Array<{ id: string; name: string }>;
    createdAt: Date;
    editedAt: Date | null;
  }>;
};

/** Threads of a document, open ones first, most recent activity first; comments oldest first. */
export async function listThreads(actor: Actor, documentId: string) {
  const document = await requireDocument(actor, documentId, "document.view");
  const threads = await db()
    .select()
    .from(commentThreads)
    .where(eq(commentThreads.documentId, document.id))
    .orderBy(sql`${commentThreads.status} = 'resolved'`, desc(commentThreads.updatedAt), asc(commentThreads.id));
  const rows = threads.length
    ? await db()
        .select({
          id: comments.id,
          threadId: comments.threadId,
          authorId: comments.authorId,
          body: comments.body,
          mentions: comments.mentions,
          createdAt: comments.createdAt,
          editedAt: comments.editedAt,
        })
        .from(comments)
        .where(inArray(comments.threadId, threads.map((t) => t.id)))
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];
  const people = await mentionablePeople(document.projectId);
  const userIds = new Set<string>();
  for (const row of rows) {
    if (row.authorId) userIds.add(row.authorId);
    for (const id of row.mentions) userIds.add(id);
  }
  for (const thread of threads) if (thread.resolvedBy) userIds.add(thread.resolvedBy);
  // Authors who have since left the project still have their names shown.
  const names = new Map<string, string>(
    userIds.size ? (await db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...userIds]))).map((u) => [u.id, u.name]) : [],
  );
  const who = (id: string | null) => (id && names.has(id) ? { id, name: names.get(id)! } : null);
  const views: ThreadView[] = threads.map((thread) => {
    const own = rows.filter((row) => row.threadId === thread.id);
    return {
      id: thread.id,
      anchor: thread.anchor,
      status: thread.status,
      createdAt: thread.createdAt,
      updatedAt: thread.updatedAt,
      resolvedAt: thread.resolvedAt,
      resolvedBy: who(thread.resolvedBy),
      mentionsViewer: own.some((row) => row.mentions.includes(actor.userId)),
      comments: own.map((row) => ({
        id: row.id,
        author: who(row.authorId),
        body: row.body,
        mentions: row.mentions.map(who).filter((p): p is { id: string; name: string } => p !== null),
        createdAt: row.createdAt,
        editedAt: row.editedAt,
      })),
    };
  });
  return { kind: document.kind, threads: views, people, canComment: can(actor, "document.comment", document.resource) };
}

/**
 * Open threads anywhere that mention the user, newest first, limited to documents the user can
 * still see (membership may have changed since the mention).
 */
export async function listMentionsForUser(actor: Actor, limit = 20) {
  const rows = await db()
    .select({
      threadId: commentThreads.id,
      documentId: documents.id,
      documentTitle: documents.title,
      projectId: documents.projectId,
      status: documents.status,
      anchor: commentThreads.anchor,
      commentId: comments.id,
      body: comments.body,
      authorName: users.name,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .innerJoin(documents, eq(documents.id, commentThreads.documentId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(sql`${comments.mentions} @> ARRAY[${actor.userId}]::text[]`, eq(commentThreads.status, "open")))
    .orderBy(desc(comments.createdAt))
    .limit(limit * 2);
  const visible: typeof rows = [];
  const facts = new Map<string, boolean>();
  for (const row of rows) {
    if (!facts.has(row.projectId)) {
      const project = await loadProjectFacts(row.projectId);
      facts.set(row.projectId, can(actor, "document.view", { type: "document", status: row.status, project }));
    }
    if (facts.get(row.projectId)) visible.push(row);
  }
  // One entry per thread (its latest mention).
  const seen = new Set<string>();
  return visible.filter((row) => !seen.has(row.threadId) && seen.add(row.threadId)).slice(0, limit);
}
