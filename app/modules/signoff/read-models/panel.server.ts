/**
 * The sign-off panel of the document page: the stages with each party's decision (or, before
 * sign-off is requested, the template's preview), the seats the person may decide for, and the
 * buttons they may use now. Reads only: every button is checked again by the verb that runs it
 * (signoff.server.ts asks the machine).
 */
import { and, desc, eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { coverageGate, projectedCoverageGate, type CoverageGate } from "~/modules/coverage/coverage-gate.server";
import { gapsHref } from "~/modules/coverage/rules";
import { sectionAnchor } from "~/modules/documents/model/values";
import { stackGate } from "~/modules/stacks/stack.server";
import { listCommitments } from "~/modules/demand/commitments.server";
import { documents } from "../../../../db/schema/documents";
import { signoffRounds } from "../../../../db/schema/signoff";
import { requireAccess } from "~/modules/permissions/require.server";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { quorumLabel } from "~/modules/signoff/format";
import { availableEvents, decisionSeatsFor, evaluateRound, type EffectiveDecision, type RoundStatus } from "~/modules/signoff/machine";
import { organizationNames, userNames } from "~/modules/signoff/read-models/names.server";
import { accessSignoffDocument, loadCurrentContent, loadRound, loadTemplate, type LoadedDocument, type LoadedRound } from "~/modules/signoff/signoff.server";
import { mayAdjustTemplate, resolveTemplate, type ResolvedStage } from "~/modules/signoff/template";
import { loadVersionNamer } from "~/modules/versions/version-names.server";
import type { VersionName } from "~/modules/versions/version-names";

export type PartyView = {
  organizationId: string;
  organizationName: string;
  decision: EffectiveDecision;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** For an outdated approval: the version that was approved (to diff against the current one). */
  approvedVersionHash: string | null;
  /** That version in words ("Version 2 — sent for sign-off …"). */
  approvedVersion: VersionName | null;
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

export type SeatView = { stageIndex: number; organizationId: string; organizationName: string; outdatedVersionHash: string | null; outdatedVersion: VersionName | null };

export type SignoffPanelData = {
  documentId: string;
  status: DocumentStatus;
  currentHash: string;
  /** The current version in words, for the summary and the approval confirmation. */
  currentVersion: VersionName;
  round: { number: number; status: RoundStatus; requestedAt: string; requestedBy: string | null; requestedVersionHash: string } | null;
  /** True when the stages come from the template: sign-off has not been requested (again) yet. */
  preview: boolean;
  stages: StageView[];
  templateProblems: string[];
  seats: SeatView[];
  actions: { request: boolean; resubmit: boolean; withdraw: boolean; reopen: boolean; adjustTemplate: boolean };
  /**
   * Coverage of the assessment plan(s) behind this document: `blocked` says why "Request sign-off"
   * / "Resubmit" are disabled and links to the gaps; `warnings` are for approvers (soft evidence only).
   */
  coverage: { blocked: { message: string; href: string; explanation?: string } | null; warnings: string[] };
  /** Number of the latest approved round, whose certificate can be shown. */
  certificateRound: number | null;
  /** Employers' hiring commitments in force on a specification (app/modules/demand), for approvers. */
  commitments: Array<{ id: string; organizationName: string; hires: number; region: string; months: number }>;
};

/** Whether the round describes the document's present state (else: a new draft after a reopen). */
function roundIsCurrent(status: DocumentStatus, round: LoadedRound | null): round is LoadedRound {
  return round !== null && status !== "draft";
}

/**
 * The version hash and coverage gate the panel shows. While a round is open (or closed), from the
 * durable content: decisions bind to it. A draft's panel binds nothing (requesting sign-off reads
 * the content afresh under the lock), so it reads the projection, which follows the content within
 * the debounce: deriving a 3,000-competency plan's content takes the event loop for hundreds of
 * milliseconds, and every open page polls its panel while people edit (issue #14's benchmark).
 */
async function panelContent(q: Queryable, document: LoadedDocument, round: LoadedRound | null): Promise<{ hash: string; gate: CoverageGate }> {
  if (!roundIsCurrent(document.status, round)) {
    const [projected, gate] = await Promise.all([
      q.select({ hash: documents.contentHash }).from(documents).where(eq(documents.id, document.id)),
      projectedCoverageGate(q, document),
    ]);
    const hash = projected[0]?.hash;
    if (hash && gate) return { hash, gate };
  }
  const content = await loadCurrentContent(q, document.id, document.kind);
  return { hash: content.hash, gate: await coverageGate(q, document, content.canonical, "projections") };
}

/** The panel; throws the access gate's 404 for anyone who may not view the document. */
export async function signoffPanel(userId: string, documentId: string): Promise<SignoffPanelData> {
  const q = db();
  const { document, signoff } = requireAccess(await accessSignoffDocument(q, userId, documentId));
  const [round, nameVersion] = await Promise.all([loadRound(q, documentId), loadVersionNamer(q, documentId)]);
  const { hash: currentHash, gate } = await panelContent(q, document, round);
  // Buttons and outdated marks use the durable content now, so a seat whose approval a recent
  // edit outdated shows "Outdated" even before the change listener has recorded it.
  const state = { status: document.status, currentVersionHash: currentHash, round };
  const events = availableEvents(state, signoff);
  const names = await organizationNames(q, [...document.participants.map((p) => p.organizationId), ...(round?.stages.flatMap((s) => s.organizationIds) ?? [])]);
  const nameOf = (id: string) => names.get(id) ?? id;

  let stages: StageView[] = [];
  let templateProblems: string[] = [];
  const current = roundIsCurrent(document.status, round);
  if (current) {
    const evaluation = evaluateRound(round, currentHash);
    const people = await userNames(q, round.decisions.map((d) => d.decidedBy));
    stages = evaluation.stages.map((stage) => ({
      index: stage.index,
      name: stage.name,
      quorum: quorumLabel(stage.quorum, stage.parties.length),
      complete: stage.complete,
      open: evaluation.openStageIndex === stage.index && document.status === "in_review",
      parties: stage.parties.map((party) => {
        const shown = party.live ?? (party.decision === "outdated" ? party.lastApproval : null);
        const approvedVersionHash = party.decision === "outdated" ? (party.lastApproval?.versionHash ?? null) : null;
        return {
          organizationId: party.organizationId,
          organizationName: nameOf(party.organizationId),
          decision: party.decision,
          decidedBy: shown ? (people.get(shown.decidedBy) ?? null) : null,
          decidedAt: shown ? shown.decidedAt.toISOString() : null,
          comment: shown?.comment ?? null,
          approvedVersionHash,
          approvedVersion: approvedVersionHash ? nameVersion(approvedVersionHash) : null,
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
    return { ...seat, organizationName: nameOf(seat.organizationId), outdatedVersionHash: party?.approvedVersionHash ?? null, outdatedVersion: party?.approvedVersion ?? null };
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
    currentHash,
    currentVersion: nameVersion(currentHash),
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
    commitments: document.kind === "credential_spec" ? (await listCommitments(documentId)).map(({ id, organizationName, hires, region, months }) => ({ id, organizationName, hires, region, months })) : [],
    coverage: { blocked: gate.blocking ? { message: gate.blocking.message, href: gapsHref(`/documents/${gate.blocking.planId}`) } : await stackBlocked(q, document), warnings: gate.warnings },
  };
}

/** A stack whose modules are not all approved (issue #18), from its projected module references. */
async function stackBlocked(q: Queryable, document: LoadedDocument): Promise<SignoffPanelData["coverage"]["blocked"]> {
  if (document.kind !== "credential_spec") return null;
  const [row] = await q.select({ projection: documents.projection }).from(documents).where(eq(documents.id, document.id));
  const message = row?.projection ? await stackGate(q, row.projection.keyFields) : null;
  return message ? { message, href: `#${sectionAnchor("stacking")}`, explanation: "a stack is signed off only when each of its modules is approved." } : null;
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
      approvedVersion: null,
    })),
  }));
}
