/**
 * Read models of sign-off for the UI: the document's panel, the inbox, the audit trail and the
 * approval certificate. Reads only; every button they offer is still checked by the verb that runs
 * it (signoff.server.ts calls the machine).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { documents } from "../../../db/schema/documents";
import { memberships, organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { signoffDecisions, signoffRounds, signoffVersions } from "../../../db/schema/signoff";
import { readAuditChain } from "../audit/audit.server";
import { chainOf, verifyChain, type ChainVerification } from "../audit/chain";
import { parseAuditEvent } from "../audit/events";
import { DOCUMENT_STATUS_LABELS } from "../documents/labels";
import { can } from "../permissions/can";
import { PROJECT_ROLES, type DocumentStatus, type ProjectRole } from "../permissions/roles";
import { availableEvents, decisionSeatsFor, evaluateRound, type EffectiveDecision, type RoundStatus } from "./machine";
import { loadCurrentContent, loadDocument, loadRound, loadSignoffActor, loadTemplate, type LoadedDocument, type LoadedRound } from "./signoff.server";
import { mayAdjustTemplate, resolveTemplate, type ResolvedStage, type SignoffTemplate } from "./template";
import { quorumLabel, shortHash } from "./format";
import { snapshotIsIntact } from "./version";

async function organizationNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function userNames(q: Queryable, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

// ---------------------------------------------------------------------------------------------
// The panel

export type PartyView = {
  organizationId: string;
  organizationName: string;
  decision: EffectiveDecision;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** For an outdated approval: the version that was approved (to diff against the current one). */
  approvedVersionHash: string | null;
};

export type StageView = {
  index: number;
  name: string;
  quorum: string;
  complete: boolean;
  /** The stage deciding now. */
  open: boolean;
  parties: PartyView[];
};

export type SeatView = { stageIndex: number; organizationId: string; organizationName: string; outdatedVersionHash: string | null };

export type SignoffPanelData = {
  documentId: string;
  status: DocumentStatus;
  currentHash: string;
  round: { number: number; status: RoundStatus; requestedAt: string; requestedBy: string | null; requestedVersionHash: string } | null;
  /** True when the stages come from the template: sign-off has not been requested (again) yet. */
  preview: boolean;
  stages: StageView[];
  templateProblems: string[];
  seats: SeatView[];
  actions: { request: boolean; resubmit: boolean; withdraw: boolean; reopen: boolean; adjustTemplate: boolean };
  /** Number of the latest approved round, whose certificate can be shown. */
  certificateRound: number | null;
};

/** Whether the round describes the document's present state (else: a new draft after a reopen). */
function roundIsCurrent(status: DocumentStatus, round: LoadedRound | null): round is LoadedRound {
  return round !== null && status !== "draft";
}

export async function signoffPanel(userId: string, documentId: string): Promise<SignoffPanelData | null> {
  const q = db();
  const document = await loadDocument(q, documentId);
  if (!document) return null;
  const { actor, signoff } = await loadSignoffActor(q, userId, document);
  if (!can(actor, "document.view", document.resource)) return null;
  const [round, content] = await Promise.all([loadRound(q, documentId), loadCurrentContent(q, documentId, document.kind)]);
  // Buttons and outdated marks use the durable content now, so a seat whose approval a recent
  // edit outdated shows "Outdated" even before the change listener has recorded it.
  const state = { status: document.status, currentVersionHash: content.hash, round };
  const events = availableEvents(state, signoff);
  const names = await organizationNames(q, [...document.participants.map((p) => p.organizationId), ...(round?.stages.flatMap((s) => s.organizationIds) ?? [])]);
  const nameOf = (id: string) => names.get(id) ?? id;

  let stages: StageView[] = [];
  let templateProblems: string[] = [];
  const current = roundIsCurrent(document.status, round);
  if (current) {
    const evaluation = evaluateRound(round, content.hash);
    const people = await userNames(q, round.decisions.map((d) => d.decidedBy));
    stages = evaluation.stages.map((stage) => ({
      index: stage.index,
      name: stage.name,
      quorum: quorumLabel(stage.quorum, stage.parties.length),
      complete: stage.complete,
      open: evaluation.openStageIndex === stage.index && document.status === "in_review",
      parties: stage.parties.map((party) => {
        const shown = party.live ?? (party.decision === "outdated" ? party.lastApproval : null);
        return {
          organizationId: party.organizationId,
          organizationName: nameOf(party.organizationId),
          decision: party.decision,
          decidedBy: shown ? (people.get(shown.decidedBy) ?? null) : null,
          decidedAt: shown ? shown.decidedAt.toISOString() : null,
          comment: shown?.comment ?? null,
          approvedVersionHash: party.decision === "outdated" ? (party.lastApproval?.versionHash ?? null) : null,
        };
      }),
    }));
  } else {
    const { template } = await loadTemplate(q, document);
    const resolved = resolveTemplate(template, document.participants);
    if (resolved.ok) stages = previewStages(resolved.stages, nameOf);
    else templateProblems = resolved.issues.map((issue) => issue.message);
  }

  const seats = decisionSeatsFor(state, signoff).map((seat): SeatView => {
    const party = current ? stages[seat.stageIndex]?.parties.find((p) => p.organizationId === seat.organizationId) : undefined;
    return { ...seat, organizationName: nameOf(seat.organizationId), outdatedVersionHash: party?.approvedVersionHash ?? null };
  });
  const [approved] = await q
    .select({ number: signoffRounds.number })
    .from(signoffRounds)
    .where(and(eq(signoffRounds.documentId, documentId), eq(signoffRounds.status, "approved")))
    .orderBy(desc(signoffRounds.number))
    .limit(1);

  return {
    documentId,
    status: document.status,
    currentHash: content.hash,
    round: current
      ? {
          number: round.number,
          status: round.status,
          requestedAt: round.requestedAt.toISOString(),
          requestedBy: round.requestedBy ? ((await userNames(q, [round.requestedBy])).get(round.requestedBy) ?? null) : null,
          requestedVersionHash: round.requestedVersionHash,
        }
      : null,
    preview: !current,
    stages,
    templateProblems,
    seats,
    actions: {
      request: events.includes("request_signoff"),
      resubmit: events.includes("resubmit"),
      withdraw: events.includes("withdraw"),
      reopen: events.includes("reopen"),
      adjustTemplate: mayAdjustTemplate(document.status, signoff.projectRoles.map((r) => r.role)),
    },
    certificateRound: approved?.number ?? null,
  };
}

function previewStages(stages: ResolvedStage[], nameOf: (id: string) => string): StageView[] {
  return stages.map((stage, index) => ({
    index,
    name: stage.name,
    quorum: quorumLabel(stage.quorum, stage.organizationIds.length),
    complete: false,
    open: false,
    parties: stage.organizationIds.map((organizationId) => ({
      organizationId,
      organizationName: nameOf(organizationId),
      decision: "pending" as const,
      decidedBy: null,
      decidedAt: null,
      comment: null,
      approvedVersionHash: null,
    })),
  }));
}

// ---------------------------------------------------------------------------------------------
// The inbox

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

/**
 * What awaits the person or their organizations, oldest first: seats of their organizations in the
 * open stage of a review, and documents sent back with changes requested that they can resubmit.
 * Uses the version the round is bound to (kept current by the content listener and every
 * decision), not a fresh hash per document: the inbox lists many documents.
 */
export async function inbox(userId: string): Promise<InboxItem[]> {
  const q = db();
  const mine = await q.select({ organizationId: memberships.organizationId }).from(memberships).where(eq(memberships.userId, userId));
  const orgIds = mine.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  const visibleProjects = q.selectDistinct({ projectId: projectParticipants.projectId }).from(projectParticipants).where(inArray(projectParticipants.organizationId, orgIds));
  const candidates = await q
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.projectId, visibleProjects), inArray(documents.status, ["in_review", "changes_requested"])));
  const items: InboxItem[] = [];
  for (const { id } of candidates) {
    const document = await loadDocument(q, id);
    const round = document ? await loadRound(q, id) : null;
    if (!document || !round) continue;
    const { signoff } = await loadSignoffActor(q, userId, document);
    const [project] = await q.select({ title: projects.title }).from(projects).where(eq(projects.id, document.projectId));
    const base = { documentId: id, documentTitle: document.title, projectTitle: project?.title ?? "", status: document.status };
    if (document.status === "in_review" && round.status === "open") {
      const evaluation = evaluateRound(round, round.currentVersionHash);
      const names = await organizationNames(q, orgIds);
      for (const seat of evaluation.mayDecide.filter((s) => orgIds.includes(s.organizationId))) {
        const stage = evaluation.stages[seat.stageIndex];
        const party = stage?.parties.find((p) => p.organizationId === seat.organizationId);
        // Waiting since the stage opened: the last approval that completed the previous stage.
        const previous = evaluation.stages[seat.stageIndex - 1];
        const opened = previous
          ? Math.max(...previous.parties.map((p) => p.live?.decidedAt.getTime() ?? 0), round.requestedAt.getTime())
          : round.requestedAt.getTime();
        items.push({
          ...base,
          kind: "decide",
          organizationName: names.get(seat.organizationId) ?? seat.organizationId,
          stageName: stage?.name ?? null,
          outdated: party?.decision === "outdated",
          mayAct: signoff.signatoryFor.includes(seat.organizationId),
          since: new Date(opened).toISOString(),
        });
      }
    } else if (document.status === "changes_requested" && signoff.mayEdit) {
      const request = round.decisions.filter((d) => d.decision === "changes_requested").at(-1);
      items.push({
        ...base,
        kind: "resubmit",
        organizationName: null,
        stageName: null,
        outdated: false,
        mayAct: true,
        since: (request?.decidedAt ?? round.requestedAt).toISOString(),
      });
    }
  }
  return items.sort((a, b) => a.since.localeCompare(b.since));
}

// ---------------------------------------------------------------------------------------------
// The audit trail

export type AuditRow = {
  seq: number;
  at: string;
  who: string | null;
  organization: string | null;
  what: string;
  type: string;
  versionHash: string | null;
  ip: string | null;
  userAgent: string | null;
  hash: string;
};

const DECISION_WORDS = { approved: "approved", changes_requested: "requested changes", rejected: "rejected" } as const;

/** A sentence for one event (payloads are validated against their schema version first). */
function describeEvent(type: string, schemaVersion: number, payload: unknown, orgName: (id: string) => string): string {
  const parsed = parseAuditEvent({ type, schemaVersion, payload });
  if (!parsed.ok) return `${type} (unreadable: ${parsed.error})`;
  const p = parsed.event.payload as Record<string, unknown>;
  const round = typeof p.round === "number" ? ` (round ${p.round})` : "";
  const text = (value: unknown) => (typeof value === "string" && value ? `: “${value}”` : "");
  switch (parsed.event.type) {
    case "document.signoff_requested":
      return `Requested sign-off${round}`;
    case "document.resubmitted":
      return `Resubmitted for sign-off${round}`;
    case "document.decision_recorded":
      return `${orgName(String(p.organizationId))} ${DECISION_WORDS[p.decision as keyof typeof DECISION_WORDS] ?? p.decision}${text(p.comment)}`;
    case "document.approval_outdated":
      return `Approval of ${orgName(String(p.organizationId))} outdated by a content change (approved ${shortHash(String(p.approvedVersionHash))})`;
    case "document.version_saved":
      return `Content changed during review (was ${shortHash(p.previousVersionHash as string | null)})`;
    case "document.approved":
      return `Document approved${round}`;
    case "document.changes_requested":
      return `Changes requested — document sent back${text(p.comment)}`;
    case "document.rejected":
      return `Document rejected${text(p.reason)}`;
    case "document.withdrawn":
      return `Sign-off withdrawn (was ${DOCUMENT_STATUS_LABELS[p.fromStatus as DocumentStatus] ?? p.fromStatus})${text(p.reason)}`;
    case "document.reopened":
      return `Reopened as a new draft (was ${DOCUMENT_STATUS_LABELS[p.fromStatus as DocumentStatus] ?? p.fromStatus})${text(p.reason)}`;
    case "document.template_adjusted":
      return "Sign-off template adjusted";
    case "project.participant_added":
      return `${orgName(String(p.organizationId))} joined the project`;
    case "project.participant_removed":
      return `${orgName(String(p.organizationId))} left the project`;
    case "organization.signatory_added":
      return "Signatory named";
    case "organization.signatory_removed":
      return "Signatory removed";
  }
}

export type AuditTrail = { document: { id: string; title: string; status: DocumentStatus }; rows: AuditRow[] };

export async function documentAuditTrail(userId: string, documentId: string): Promise<AuditTrail | null> {
  const q = db();
  const document = await viewableDocument(q, userId, documentId);
  if (!document) return null;
  const records = await readAuditChain(q, chainOf({ documentId }));
  const [people, orgs] = await Promise.all([
    userNames(q, records.map((r) => r.actorUserId)),
    organizationNames(q, [
      ...records.map((r) => r.organizationId).filter((id): id is string => Boolean(id)),
      ...document.participants.map((p) => p.organizationId),
    ]),
  ]);
  const orgName = (id: string) => orgs.get(id) ?? id;
  return {
    document: { id: document.id, title: document.title, status: document.status },
    rows: records.map((r) => ({
      seq: r.seq,
      at: r.createdAt.toISOString(),
      who: r.actorUserId ? (people.get(r.actorUserId) ?? r.actorUserId) : null,
      organization: r.organizationId ? orgName(r.organizationId) : null,
      what: describeEvent(r.type, r.schemaVersion, r.payload, orgName),
      type: r.type,
      versionHash: r.versionHash,
      ip: r.ip,
      userAgent: r.userAgent,
      hash: r.hash,
    })),
  };
}

async function viewableDocument(q: Queryable, userId: string, documentId: string): Promise<LoadedDocument | null> {
  const document = await loadDocument(q, documentId);
  if (!document) return null;
  const { actor } = await loadSignoffActor(q, userId, document);
  return can(actor, "document.view", document.resource) ? document : null;
}

/** Verifies the document's audit chain (participants only). */
export async function verifyDocumentAudit(userId: string, documentId: string): Promise<ChainVerification | null> {
  const q = db();
  if (!(await viewableDocument(q, userId, documentId))) return null;
  return verifyChain(await readAuditChain(q, chainOf({ documentId })));
}

// ---------------------------------------------------------------------------------------------
// The approval certificate

export type Certificate = {
  document: { id: string; title: string; kind: string; projectTitle: string };
  round: { number: number; requestedAt: string; approvedAt: string | null };
  versionHash: string;
  /** The stored snapshot of the approved version still hashes to versionHash. */
  snapshotIntact: boolean;
  stages: Array<{ name: string; quorum: string }>;
  decisions: Array<{
    stage: string;
    organization: string;
    decision: string;
    decidedBy: string;
    decidedAt: string;
    versionHash: string;
    outdated: boolean;
    comment: string | null;
  }>;
  chain: ChainVerification;
  generatedAt: string;
};

const DECISION_LABELS = { approved: "Approved", changes_requested: "Changes requested", rejected: "Rejected" } as const;

/** `?round=<n>` of a certificate URL; absent means the latest approved round. */
export function roundParam(request: Request): number | undefined {
  const value = new URL(request.url).searchParams.get("round");
  if (value === null) return undefined;
  const round = Number(value);
  if (!Number.isInteger(round) || round < 1) throw new Response("Unknown round", { status: 400 });
  return round;
}

/** The certificate of the latest approved round (or of round `number`); null when there is none. */
export async function approvalCertificate(userId: string, documentId: string, number?: number): Promise<Certificate | null> {
  const q = db();
  const document = await viewableDocument(q, userId, documentId);
  if (!document) return null;
  const [approved] = await q
    .select({ number: signoffRounds.number })
    .from(signoffRounds)
    .where(
      and(
        eq(signoffRounds.documentId, documentId),
        eq(signoffRounds.status, "approved"),
        ...(number === undefined ? [] : [eq(signoffRounds.number, number)]),
      ),
    )
    .orderBy(desc(signoffRounds.number))
    .limit(1);
  if (!approved) return null;
  const round = await loadRound(q, documentId, approved.number);
  if (!round) return null;
  const [snapshot] = await q
    .select({ canonical: signoffVersions.canonical })
    .from(signoffVersions)
    .where(and(eq(signoffVersions.documentId, documentId), eq(signoffVersions.versionHash, round.currentVersionHash)));
  const [project] = await q.select({ title: projects.title }).from(projects).where(eq(projects.id, document.projectId));
  const decisions = await q
    .select({
      stageIndex: signoffDecisions.stageIndex,
      organization: organizations.name,
      decision: signoffDecisions.decision,
      decidedBy: users.name,
      decidedAt: signoffDecisions.decidedAt,
      versionHash: signoffDecisions.versionHash,
      outdatedAt: signoffDecisions.outdatedAt,
      comment: signoffDecisions.comment,
    })
    .from(signoffDecisions)
    .innerJoin(organizations, eq(organizations.id, signoffDecisions.organizationId))
    .innerJoin(users, eq(users.id, signoffDecisions.decidedBy))
    .where(eq(signoffDecisions.roundId, round.id))
    .orderBy(asc(signoffDecisions.decidedAt));
  const chain = await verifyChain(await readAuditChain(q, chainOf({ documentId })));
  return {
    document: { id: document.id, title: document.title, kind: document.kind, projectTitle: project?.title ?? "" },
    round: { number: round.number, requestedAt: round.requestedAt.toISOString(), approvedAt: round.closedAt?.toISOString() ?? null },
    versionHash: round.currentVersionHash,
    snapshotIntact: snapshot ? await snapshotIsIntact({ canonical: snapshot.canonical, hash: round.currentVersionHash }) : false,
    stages: round.stages.map((stage) => ({ name: stage.name, quorum: quorumLabel(stage.quorum, stage.organizationIds.length) })),
    decisions: decisions.map((d) => ({
      stage: round.stages[d.stageIndex]?.name ?? `Stage ${d.stageIndex + 1}`,
      organization: d.organization,
      decision: DECISION_LABELS[d.decision],
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt.toISOString(),
      versionHash: d.versionHash,
      outdated: d.outdatedAt !== null,
      comment: d.comment,
    })),
    chain,
    generatedAt: new Date().toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// The diff an outdated approver sees

export async function approvedVersionSnapshot(userId: string, documentId: string, versionHash: string) {
  const q = db();
  const document = await viewableDocument(q, userId, documentId);
  if (!document) return null;
  const [row] = await q
    .select({ canonical: signoffVersions.canonical, createdAt: signoffVersions.createdAt })
    .from(signoffVersions)
    .where(and(eq(signoffVersions.documentId, documentId), eq(signoffVersions.versionHash, versionHash)));
  const content = await loadCurrentContent(q, documentId, document.kind);
  return { document, snapshot: row ?? null, current: content };
}

// ---------------------------------------------------------------------------------------------
// The template page

export type TemplateEditorData = {
  document: { id: string; title: string; status: DocumentStatus };
  mayAdjust: boolean;
  adjusted: boolean;
  template: SignoffTemplate;
  /** What a stage can name: each project role present (with its organizations), each organization. */
  roles: Array<{ role: ProjectRole; organizations: string[] }>;
  organizations: Array<{ id: string; name: string; role: ProjectRole }>;
};

export async function templateEditor(userId: string, documentId: string): Promise<TemplateEditorData | null> {
  const q = db();
  const document = await loadDocument(q, documentId);
  if (!document) return null;
  const { actor, signoff } = await loadSignoffActor(q, userId, document);
  if (!can(actor, "document.view", document.resource)) return null;
  const { template, adjusted } = await loadTemplate(q, document);
  const names = await organizationNames(q, document.participants.map((p) => p.organizationId));
  const roles = PROJECT_ROLES.map((role) => ({
    role,
    organizations: document.participants.filter((p) => p.role === role).map((p) => names.get(p.organizationId) ?? p.organizationId),
  })).filter((entry) => entry.organizations.length > 0);
  return {
    document: { id: document.id, title: document.title, status: document.status },
    mayAdjust: mayAdjustTemplate(document.status, signoff.projectRoles.map((r) => r.role)),
    adjusted,
    template,
    roles,
    organizations: document.participants
      .map((p) => ({ id: p.organizationId, name: names.get(p.organizationId) ?? p.organizationId, role: p.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
