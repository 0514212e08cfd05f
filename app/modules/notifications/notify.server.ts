/**
 * Who is told about what. Each hook is called by the module that writes the event, inside the
 * same transaction: the notification exists exactly when the event does. The live push rides on
 * Postgres NOTIFY, which is delivered only after the transaction commits, so an open page never
 * hears of a notification that a rollback removed (see live.server.ts).
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "~/db.server";
import { generateId } from "~/modules/ids.server";
import type { RoundState, SignoffState } from "~/modules/signoff/machine";
import { evaluateRound } from "~/modules/signoff/machine";
import { users } from "../../../db/schema/auth";
import { comments, commentThreads } from "../../../db/schema/comments";
import { documents } from "../../../db/schema/documents";
import { documentEdits } from "../../../db/schema/edits";
import { frameworks } from "../../../db/schema/frameworks";
import { notifications } from "../../../db/schema/notifications";
import { memberships } from "../../../db/schema/organizations";
import type { NotificationKind } from "./kinds";
import { notificationTitle, type NotificationParams } from "./titles";

export const NOTIFY_CHANNEL = "concord_notifications";

/** What happened (kind + the title's values) and where: the title is worded per reader's language (titles.ts). */
export type NewNotification = { kind: NotificationKind; params: NotificationParams; link: string };

/**
 * Writes one notification per recipient (deduplicated; the person who acted is never told of
 * their own action) and queues the live push and the e-mail.
 */
export async function notify(tx: Queryable, recipients: Iterable<string | null | undefined>, notification: NewNotification, actorUserId?: string | null): Promise<string[]> {
  const userIds = [...new Set([...recipients].filter((id): id is string => Boolean(id) && id !== actorUserId))];
  if (userIds.length === 0) return [];
  // The English title is kept beside the params: what older rows (and plain SQL) read.
  const title = notificationTitle("en", notification);
  await tx.insert(notifications).values(userIds.map((userId) => ({ id: generateId(), userId, ...notification, title })));
  for (const userId of userIds) await wake(tx, userId);
  return userIds;
}

/** Delivered to listeners after COMMIT, never on rollback: the wake-up for the person's open pages and the mailer. */
export async function wake(q: Queryable, userId: string): Promise<void> {
  await q.execute(sql`select pg_notify(${NOTIFY_CHANNEL}, ${userId})`);
}

/** Everyone in these organizations. */
export async function membersOf(tx: Queryable, organizationIds: readonly string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(inArray(memberships.organizationId, [...organizationIds]));
  return rows.map((row) => row.userId);
}

/** "People who edit" a document: its creator and everyone with a recorded edit. */
async function editorsOf(tx: Queryable, documentId: string): Promise<string[]> {
  const [document] = await tx.select({ createdBy: documents.createdBy }).from(documents).where(eq(documents.id, documentId));
  const edits = await tx.selectDistinct({ userId: documentEdits.userId }).from(documentEdits).where(eq(documentEdits.documentId, documentId));
  return [document?.createdBy, ...edits.map((row) => row.userId)].filter((id): id is string => Boolean(id));
}

function openStage(round: RoundState | null, hash: string): { index: number; organizationIds: string[] } | null {
  if (!round) return null;
  const evaluation = evaluateRound(round, hash);
  if (evaluation.openStageIndex === null) return null;
  return { index: evaluation.openStageIndex, organizationIds: evaluation.mayDecide.map((seat) => seat.organizationId) };
}

export type SignoffChange = {
  document: { id: string; title: string };
  before: SignoffState;
  after: SignoffState;
  command: { type: string };
  actorUserId: string | null;
};

const OUTCOMES: Partial<Record<string, string>> = { approved: "approved", rejected: "rejected", withdrawn: "withdrawn" };

/** Sign-off events: requests, stages opening, decisions and outcomes. */
export async function notifySignoffChange(tx: Queryable, change: SignoffChange): Promise<void> {
  const { document, before, after, command, actorUserId } = change;
  const link = `/documents/${document.id}#signoff`;
  const params = { document: document.title };
  const wasOpen = openStage(before.round, before.currentVersionHash);
  const nowOpen = openStage(after.round, after.currentVersionHash);
  const newRound = after.round?.id !== before.round?.id || command.type === "resubmit";
  if (nowOpen && (newRound || wasOpen?.index !== nowOpen.index)) {
    await notify(
      tx,
      await membersOf(tx, nowOpen.organizationIds),
      { kind: newRound && nowOpen.index === 0 ? "signoff_requested" : "stage_opened", params, link },
      actorUserId,
    );
  }
  const editors = await editorsOf(tx, document.id);
  if (command.type === "request_changes") {
    await notify(tx, editors, { kind: "changes_requested", params, link }, actorUserId);
  } else if (command.type === "approve" || command.type === "reject") {
    await notify(tx, editors, { kind: "decision", params: { ...params, decision: command.type }, link }, actorUserId);
  }
  if (after.status !== before.status) {
    const word = command.type === "reopen" ? "reopened" : OUTCOMES[after.status];
    if (word) {
      const parties = after.round ? await membersOf(tx, after.round.stages.flatMap((stage) => stage.organizationIds)) : [];
      await notify(tx, [...editors, ...parties], { kind: "signoff_outcome", params: { ...params, outcome: word }, link }, actorUserId);
    }
  }
}

export function threadLink(documentId: string, threadId: string): string {
  return `/documents/${documentId}#thread-${threadId}`;
}

/** A new comment: its mentions are told, and everyone else already in the thread gets a reply notification. */
export async function notifyComment(
  tx: Queryable,
  comment: { documentId: string; threadId: string; authorId: string; mentions: readonly string[]; isReply: boolean },
): Promise<void> {
  const [context] = await tx
    .select({ title: documents.title, author: users.name })
    .from(documents)
    .innerJoin(users, eq(users.id, comment.authorId))
    .where(eq(documents.id, comment.documentId));
  const link = threadLink(comment.documentId, comment.threadId);
  // A deleted document or account leaves "" — worded per language by titles.ts.
  const params = { document: context?.title ?? "", who: context?.author ?? "" };
  await notify(tx, comment.mentions, { kind: "mention", params, link }, comment.authorId);
  if (!comment.isReply) return;
  const [thread] = await tx.select({ createdBy: commentThreads.createdBy }).from(commentThreads).where(eq(commentThreads.id, comment.threadId));
  const authors = await tx.selectDistinct({ userId: comments.authorId }).from(comments).where(eq(comments.threadId, comment.threadId));
  const mentioned = new Set(comment.mentions);
  const inThread = [thread?.createdBy, ...authors.map((row) => row.userId)].filter((id): id is string => Boolean(id) && !mentioned.has(id!));
  await notify(tx, inThread, { kind: "reply", params, link }, comment.authorId);
}

/** A project invitation: every member of the invited organization. */
export async function notifyInvitation(tx: Queryable, invitation: { id: string; organizationId: string; projectTitle: string; actorUserId: string }): Promise<void> {
  await notify(
    tx,
    await membersOf(tx, [invitation.organizationId]),
    { kind: "invitation", params: { place: invitation.projectTitle }, link: `/project-invitations/${invitation.id}` },
    invitation.actorUserId,
  );
}

/** An import job ended: the person who started it. */
export async function notifyImportFinished(tx: Queryable, job: { userId: string | null; name: string; link: string; failed: boolean }): Promise<void> {
  await notify(tx, [job.userId], { kind: "import_finished", params: { name: job.name, failed: job.failed ? "yes" : "no" }, link: job.link });
}

/**
 * A new version of a framework was stored: the editors of every specification that references one
 * of its earlier versions are told (they move to it from the Competencies section). Matched on the
 * stored projection's competencies, so no document is loaded.
 */
export async function notifyFrameworkVersion(
  tx: Queryable,
  version: { frameworkId: string; name: string; sourceIdentifier: string; versionNumber: number; actorUserId: string | null },
): Promise<void> {
  const earlier = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.sourceIdentifier, version.sourceIdentifier), sql`${frameworks.versionNumber} < ${version.versionNumber}`));
  if (earlier.length === 0) return;
  const references = sql.join(
    earlier.map((row) => sql`${documents.projection} -> 'competencies' @> ${JSON.stringify([{ frameworkId: row.id }])}::jsonb`),
    sql` OR `,
  );
  const affected = await tx.select({ id: documents.id, title: documents.title }).from(documents).where(and(eq(documents.kind, "credential_spec"), sql`(${references})`));
  for (const document of affected) {
    await notify(
      tx,
      await editorsOf(tx, document.id),
      { kind: "framework_version", params: { framework: version.name, version: version.versionNumber, document: document.title }, link: `/documents/${document.id}?edit` },
      version.actorUserId,
    );
  }
}

export async function unreadCount(q: Queryable, userId: string): Promise<number> {
  const [row] = await q
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.count ?? 0);
}
