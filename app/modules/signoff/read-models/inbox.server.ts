/**
 * The inbox: what awaits the person or their organizations, oldest first. Seats of their
 * organizations in the open stage of a review, and documents sent back with changes requested
 * that they can resubmit. One query per kind of data (documents, participants, rounds, decisions,
 * signatories, names) for all their documents at once: the inbox lists many documents.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "~/db.server";
import { documents } from "../../../../db/schema/documents";
import { projectParticipants, projects } from "../../../../db/schema/projects";
import { loadActor } from "~/modules/orgs/actor.server";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { evaluateRound, type SignoffActor } from "~/modules/signoff/machine";
import { organizationNames } from "~/modules/signoff/read-models/names.server";
import { loadLatestRounds, loadNamedSignatories, signoffActorOf, type LoadedDocument, type LoadedRound } from "~/modules/signoff/signoff.server";
import type { ProjectParticipant } from "~/modules/signoff/template";

export type InboxItem = {
  kind: "decide" | "resubmit";
  documentId: string;
  documentTitle: string;
  projectTitle: string;
  status: DocumentStatus;
  organizationName: string | null;
  stageName: string | null;
  /** The current version was decided on before (approval outdated by an edit). */
  outdated: boolean;
  /** Whether this person may act (signatory / editor), or only their organization awaits. */
  mayAct: boolean;
  since: string;
};

type Base = Pick<InboxItem, "documentId" | "documentTitle" | "projectTitle" | "status">;

/**
 * Uses the version each round is bound to (kept current by the content listener and every
 * decision), not a fresh hash per document.
 */
export async function inbox(userId: string): Promise<InboxItem[]> {
  const q = db();
  const actor = await loadActor(userId, q);
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  // Visible documents: those of projects one of the person's organizations takes part in.
  const visibleProjects = q.selectDistinct({ projectId: projectParticipants.projectId }).from(projectParticipants).where(inArray(projectParticipants.organizationId, orgIds));
  const candidates = await q
    .select({ id: documents.id, kind: documents.kind, title: documents.title, status: documents.status, projectId: documents.projectId, projectTitle: projects.title })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(and(inArray(documents.projectId, visibleProjects), inArray(documents.status, ["in_review", "changes_requested"])))
    .orderBy(asc(documents.id));
  if (candidates.length === 0) return [];

  const projectIds = [...new Set(candidates.map((c) => c.projectId))];
  const [participantRows, rounds, namedSignatories, names] = await Promise.all([
    q
      .select({ projectId: projectParticipants.projectId, organizationId: projectParticipants.organizationId, role: projectParticipants.role })
      .from(projectParticipants)
      .where(inArray(projectParticipants.projectId, projectIds)),
    loadLatestRounds(q, candidates.map((c) => c.id)),
    loadNamedSignatories(q, actor),
    organizationNames(q, orgIds),
  ]);
  const participantsOf = new Map<string, ProjectParticipant[]>();
  for (const { projectId, ...participant } of participantRows) participantsOf.set(projectId, [...(participantsOf.get(projectId) ?? []), participant]);

  const items: InboxItem[] = [];
  for (const { projectTitle, ...row } of candidates) {
    const round = rounds.get(row.id);
    if (!round) continue;
    const participants = participantsOf.get(row.projectId) ?? [];
    const document: LoadedDocument = { ...row, participants, resource: { type: "document", status: row.status, project: { participants } } };
    const signoff = signoffActorOf(actor, document, namedSignatories);
    const base: Base = { documentId: row.id, documentTitle: row.title, projectTitle, status: row.status };
    if (document.status === "in_review" && round.status === "open") items.push(...seatsAwaiting(base, round, orgIds, signoff, names));
    else if (document.status === "changes_requested" && signoff.mayEdit) items.push(resubmission(base, round));
  }
  return items.sort((a, b) => a.since.localeCompare(b.since));
}

/** The person's organizations' seats in the open stage. */
function seatsAwaiting(base: Base, round: LoadedRound, orgIds: readonly string[], signoff: SignoffActor, names: Map<string, string>): InboxItem[] {
  const evaluation = evaluateRound(round, round.currentVersionHash);
  return evaluation.mayDecide
    .filter((seat) => orgIds.includes(seat.organizationId))
    .map((seat) => {
      const stage = evaluation.stages[seat.stageIndex];
      const party = stage?.parties.find((p) => p.organizationId === seat.organizationId);
      // Waiting since the stage opened: the last approval that completed the previous stage.
      const previous = evaluation.stages[seat.stageIndex - 1];
      const opened = previous
        ? Math.max(...previous.parties.map((p) => p.live?.decidedAt.getTime() ?? 0), round.requestedAt.getTime())
        : round.requestedAt.getTime();
      return {
        ...base,
        kind: "decide",
        organizationName: names.get(seat.organizationId) ?? seat.organizationId,
        stageName: stage?.name ?? null,
        outdated: party?.decision === "outdated",
        mayAct: signoff.signatoryFor.includes(seat.organizationId),
        since: new Date(opened).toISOString(),
      };
    });
}

/** A document sent back: its editors resubmit, waiting since the changes were requested. */
function resubmission(base: Base, round: LoadedRound): InboxItem {
  const request = round.decisions.filter((d) => d.decision === "changes_requested").at(-1);
  return {
    ...base,
    kind: "resubmit",
    organizationName: null,
    stageName: null,
    outdated: false,
    mayAct: true,
    since: (request?.decidedAt ?? round.requestedAt).toISOString(),
  };
}
