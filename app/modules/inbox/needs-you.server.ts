/**
 * The "Needs you" inbox (/inbox): everything that waits for the person, in one list — decisions
 * and changes to resubmit (sign-off), mentions and replies in comment threads, recognitions their
 * institution is asked to sign, and invitations for the organizations they administer. Each item
 * links straight to the place where it is answered.
 */
import { and, eq, inArray, or, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { consortiumInvitationsAwaitingActor } from "~/modules/consortia/consortia.server";
import { threadLink } from "~/modules/notifications/notify.server";
import type { Actor } from "~/modules/permissions/can";
import type { ProjectRole } from "~/modules/permissions/roles";
import { invitationsAwaitingActor } from "~/modules/projects/participation.server";
import { recognitionsAwaiting } from "~/modules/recognitions/recognitions.server";
import { inbox as signoffInbox, type InboxItem } from "~/modules/signoff/read-models/inbox.server";
import { users } from "../../../db/schema/auth";
import { comments, commentThreads } from "../../../db/schema/comments";
import { documents } from "../../../db/schema/documents";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { threadAwaiting, type ThreadFacts } from "./conversations";

export type InboxOrder = "oldest" | "newest";

export type ProjectInvitationFacts = {
  id: string;
  projectTitle: string;
  organizationName: string;
  invitingOrganizationName: string;
  invitedByName: string | null;
  role: ProjectRole;
  createdAt: string;
};

type Common = { key: string; since: string };
export type NeedsYouItem = Common &
  (
    | { kind: "signoff"; signoff: InboxItem }
    | { kind: "mention" | "reply"; documentTitle: string; projectTitle: string; by: string | null; link: string }
    | { kind: "recognition"; documentTitle: string; program: string; organizationName: string; link: string }
    | { kind: "project_invitation"; invitation: ProjectInvitationFacts }
    | { kind: "consortium_invitation"; consortiumName: string; organizationName: string; invitingOrganizationName: string; link: string }
  );

/** Open threads on documents the person's organizations take part in, that wait for their answer. */
export async function threadsAwaiting(actor: Actor, q: Queryable = db()) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  const me = actor.userId;
  const visibleProjects = q.selectDistinct({ projectId: projectParticipants.projectId }).from(projectParticipants).where(inArray(projectParticipants.organizationId, orgIds));
  const mine = q
    .selectDistinct({ threadId: comments.threadId })
    .from(comments)
    .where(or(eq(comments.authorId, me), sql`${comments.mentions} @> ARRAY[${me}]::text[]`));
  const candidates = await q
    .select({ id: commentThreads.id, createdBy: commentThreads.createdBy, documentId: documents.id, documentTitle: documents.title, projectTitle: projects.title })
    .from(commentThreads)
    .innerJoin(documents, eq(documents.id, commentThreads.documentId))
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(and(eq(commentThreads.status, "open"), inArray(documents.projectId, visibleProjects), or(eq(commentThreads.createdBy, me), inArray(commentThreads.id, mine))));
  if (candidates.length === 0) return [];
  const rows = await q
    .select({ threadId: comments.threadId, authorId: comments.authorId, author: users.name, mentions: comments.mentions, createdAt: comments.createdAt })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(inArray(comments.threadId, candidates.map((c) => c.id)));
  const names = new Map(rows.map((r) => [r.authorId, r.author]));
  return candidates.flatMap((candidate) => {
    const facts: ThreadFacts = { id: candidate.id, status: "open", createdBy: candidate.createdBy, comments: rows.filter((r) => r.threadId === candidate.id) };
    const awaiting = threadAwaiting(me, facts);
    if (!awaiting) return [];
    return [{ ...awaiting, by: awaiting.by ? (names.get(awaiting.by) ?? null) : null, documentId: candidate.documentId, documentTitle: candidate.documentTitle, projectTitle: candidate.projectTitle }];
  });
}

export async function needsYou(actor: Actor, order: InboxOrder = "oldest"): Promise<NeedsYouItem[]> {
  const [signoff, threads, recognitions, projectInvitations, consortiumInvitations] = await Promise.all([
    signoffInbox(actor.userId),
    threadsAwaiting(actor),
    recognitionsAwaiting(actor),
    invitationsAwaitingActor(actor),
    consortiumInvitationsAwaitingActor(actor),
  ]);
  const items: NeedsYouItem[] = [
    ...signoff.map((item): NeedsYouItem => ({ key: `signoff:${item.documentId}:${item.organizationName ?? item.kind}`, kind: "signoff", since: item.since, signoff: item })),
    ...threads.map(
      (thread): NeedsYouItem => ({
        key: `thread:${thread.threadId}`,
        kind: thread.kind,
        since: thread.since.toISOString(),
        documentTitle: thread.documentTitle,
        projectTitle: thread.projectTitle,
        by: thread.by,
        link: threadLink(thread.documentId, thread.threadId),
      }),
    ),
    ...recognitions.map(
      (r): NeedsYouItem => ({
        key: `recognition:${r.documentId}:${r.rowId}`,
        kind: "recognition",
        since: r.since.toISOString(),
        documentTitle: r.documentTitle,
        program: r.program,
        organizationName: r.organizationName,
        link: `/documents/${r.documentId}/recognitions`,
      }),
    ),
    ...projectInvitations.map(
      (invitation): NeedsYouItem => ({ key: `project-invitation:${invitation.id}`, kind: "project_invitation", since: invitation.createdAt.toISOString(), invitation: { ...invitation, createdAt: invitation.createdAt.toISOString() } }),
    ),
    ...consortiumInvitations.map(
      (invitation): NeedsYouItem => ({
        key: `consortium-invitation:${invitation.id}`,
        kind: "consortium_invitation",
        since: invitation.createdAt.toISOString(),
        consortiumName: invitation.consortiumName,
        organizationName: invitation.organizationName,
        invitingOrganizationName: invitation.invitingOrganizationName,
        link: "/consortia",
      }),
    ),
  ];
  const sign = order === "oldest" ? 1 : -1;
  return items.sort((a, b) => sign * (Date.parse(a.since) - Date.parse(b.since)) || a.key.localeCompare(b.key));
}
