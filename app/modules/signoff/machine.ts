/**
 * The sign-off state machine: the one place that decides document status changes. Pure: the DB
 * layer loads a `SignoffState`, calls `applyEvent`, and applies the returned effects in order in
 * one transaction; it writes nothing the effects do not name, and nothing when the result is a
 * refusal.
 *
 * Concurrency contract for the DB layer (the machine decides on a snapshot; the database makes the
 * snapshot authoritative):
 * - `set_status` is compare-and-set: `UPDATE documents SET status = to WHERE id = $1 AND status =
 *   from`; zero rows means someone else moved first → roll back, report a conflict.
 * - `claim_round` is compare-and-set on the round's revision: `UPDATE signoff_rounds SET revision =
 *   revision + 1 WHERE id = $1 AND revision = $expected AND status = 'open'`. Every change to an
 *   open round claims it first, so two decisions evaluated on the same snapshot cannot both commit
 *   (the second sees zero rows). The partial unique index on live decisions is the second lock:
 *   one party, one live decision per round and stage, even if a writer forgot the claim.
 * - `set_round_version` is compare-and-set on the round's current version hash.
 */
import { auditEvent, type AuditEvent } from "~/modules/audit/events";
import type { DocumentStatus, ProjectRole } from "~/modules/permissions/roles";
import { checkResolvedStages, requiredApprovals, type Quorum, type ResolvedStage } from "~/modules/signoff/template";

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const SIGNOFF_EVENT_TYPES = [
  "request_signoff",
  "approve",
  "request_changes",
  "reject",
  "content_changed",
  "withdraw",
  "reopen",
  "resubmit",
] as const;
export type SignoffEventType = (typeof SIGNOFF_EVENT_TYPES)[number];

/** What a party can record. */
export const DECISIONS = ["approved", "changes_requested", "rejected"] as const;
export type Decision = (typeof DECISIONS)[number];
/** What a party's seat shows: its live decision, `pending`, or `outdated` (approved an older version). */
export const EFFECTIVE_DECISIONS = ["pending", "approved", "changes_requested", "rejected", "outdated"] as const;
export type EffectiveDecision = (typeof EFFECTIVE_DECISIONS)[number];

export const ROUND_STATUSES = ["open", "approved", "changes_requested", "rejected", "withdrawn"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type ClosedRoundStatus = Exclude<RoundStatus, "open">;

export type DecisionRecord = {
  id: string;
  stageIndex: number;
  organizationId: string;
  decision: Decision;
  /** The version the signatory was shown when deciding. */
  versionHash: string;
  decidedBy: string;
  comment: string | null;
  decidedAt: Date;
  /** Set once the approval no longer counts (content changed); frees the seat for a new decision. */
  outdated: boolean;
};

/** One sign-off request (or resubmission) of a document: frozen stages and every decision in it. */
export type RoundState = {
  id: string;
  number: number;
  status: RoundStatus;
  stages: ResolvedStage[];
  requestedVersionHash: string;
  /** Compare-and-set counter of the round row (see claim_round). */
  revision: number;
  decisions: DecisionRecord[];
};

export type SignoffState = {
  status: DocumentStatus;
  /** SHA-256 of the document's canonical content now (signoff/version.ts). */
  currentVersionHash: string;
  /** The latest round, or null before sign-off was ever requested. */
  round: RoundState | null;
};

export type SignoffEvent =
  | { type: "request_signoff"; stages: ResolvedStage[] }
  | { type: "resubmit"; stages: ResolvedStage[] }
  | { type: "approve"; organizationId: string; versionHash: string }
  | { type: "request_changes"; organizationId: string; versionHash: string; comment: string }
  | { type: "reject"; organizationId: string; versionHash: string; reason: string }
  | { type: "content_changed"; newHash: string }
  | { type: "withdraw"; reason?: string | null }
  | { type: "reopen"; reason?: string | null };

export type SignoffActor = {
  userId: string;
  /** The actor's organizations' roles in this document's project. */
  projectRoles: ReadonlyArray<{ organizationId: string; role: ProjectRole }>;
  /** Organizations the actor may decide for (signatories.ts). */
  signatoryFor: readonly string[];
  /**
   * Whether the actor is an editor of the document: `can(actor, "document.edit", document)`
   * (permissions/can.ts decides; the DB layer passes the answer in). Editors request sign-off and
   * resubmit; withdrawing and reopening stay with the lead institution.
   */
  mayEdit: boolean;
};

export type ApplyContext = {
  actor: SignoffActor;
  now: Date;
  /** Id generator for new rounds and decisions (injected to keep this module pure). */
  newId: () => string;
};

export type SignoffEffect =
  | { type: "claim_round"; roundId: string; expectedRevision: number }
  | { type: "set_status"; from: DocumentStatus; to: DocumentStatus }
  /** Store the document's canonical content under this hash (idempotent per document + hash). */
  | { type: "snapshot_version"; versionHash: string }
  | { type: "open_round"; round: { id: string; number: number; stages: ResolvedStage[]; versionHash: string } }
  | { type: "set_round_version"; roundId: string; from: string; to: string }
  | { type: "mark_outdated"; roundId: string; decisionIds: string[] }
  | { type: "record_decision"; roundId: string; decision: DecisionRecord }
  | { type: "close_round"; roundId: string; outcome: ClosedRoundStatus }
  /** Append to the audit chain with the actor, IP and user agent of the request. */
  | { type: "audit"; event: AuditEvent; organizationId: string | null; versionHash: string | null };

export type RefusalReason =
  | "wrong_status" // the transition table refuses this event in this status
  | "locked" // content cannot change in this status
  | "not_lead" // only the lead institution may do this
  | "not_editor" // only an editor of the document may do this
  | "not_signatory" // the actor may not decide for that organization
  | "not_a_party" // that organization holds no seat in this round
  | "stage_not_open" // an earlier stage has not completed yet
  | "stage_complete" // the party's stage already reached its quorum
  | "already_decided" // the party has a live decision on this round
  | "stale_version" // the decision was made on a version that is no longer current
  | "comment_required"
  | "reason_required"
  | "invalid_stages";

export type ApplyResult =
  | { ok: true; next: SignoffState; effects: SignoffEffect[] }
  | { ok: false; reason: RefusalReason; message: string };

// ---------------------------------------------------------------------------------------------
// The transition table: document status × event → allowed next statuses and who may, or refusal.
// Guards below choose among the allowed next statuses; applyEvent asserts they stay inside it.

/**
 * Who may apply an allowed event: the lead institution, a signatory of a seated organization, an
 * editor of the document, or the system (content changes reported by the collaboration layer).
 */
export type TransitionRule =
  | { allowed: true; to: readonly DocumentStatus[]; by: "lead" | "signatory" | "editor" | "system" }
  | { allowed: false; reason: "wrong_status" | "locked"; message: string };

const refuse = (message: string): TransitionRule => ({ allowed: false, reason: "wrong_status", message });
const locked = (message: string): TransitionRule => ({ allowed: false, reason: "locked", message });

const NOT_IN_REVIEW = "The document is not in review.";
const CLOSED_DECISIONS = (what: string) => `The document is ${what}; no decision can be recorded.`;

export const TRANSITIONS: { readonly [S in DocumentStatus]: { readonly [E in SignoffEventType]: TransitionRule } } = {
  draft: {
    request_signoff: { allowed: true, to: ["in_review"], by: "editor" },
    approve: refuse(NOT_IN_REVIEW),
    request_changes: refuse(NOT_IN_REVIEW),
    reject: refuse(NOT_IN_REVIEW),
    content_changed: { allowed: true, to: ["draft"], by: "system" },
    withdraw: refuse("Only a document in sign-off can be withdrawn."),
    reopen: refuse("The document is already a draft."),
    resubmit: refuse("Nothing to resubmit: request sign-off instead."),
  },
  in_review: {
    request_signoff: refuse("Sign-off has already been requested."),
    approve: { allowed: true, to: ["in_review", "approved"], by: "signatory" },
    request_changes: { allowed: true, to: ["changes_requested"], by: "signatory" },
    // A rejection ends the review only when the stage can no longer reach its quorum.
    reject: { allowed: true, to: ["in_review", "rejected"], by: "signatory" },
    // Editing stays possible in review; it outdates approvals of older versions.
    content_changed: { allowed: true, to: ["in_review"], by: "system" },
    withdraw: { allowed: true, to: ["withdrawn"], by: "lead" },
    reopen: refuse("Only an approved, rejected or withdrawn document can be reopened."),
    resubmit: refuse("The document is already in review."),
  },
  changes_requested: {
    request_signoff: refuse("Changes were requested: resubmit the document instead."),
    approve: refuse(CLOSED_DECISIONS("waiting for changes")),
    request_changes: refuse(CLOSED_DECISIONS("waiting for changes")),
    reject: refuse(CLOSED_DECISIONS("waiting for changes")),
    content_changed: { allowed: true, to: ["changes_requested"], by: "system" },
    withdraw: { allowed: true, to: ["withdrawn"], by: "lead" },
    reopen: refuse("The document is already editable; resubmit it when ready."),
    resubmit: { allowed: true, to: ["in_review"], by: "editor" },
  },
  approved: {
    request_signoff: refuse("The document is approved; reopen it to start a new version."),
    approve: refuse(CLOSED_DECISIONS("approved")),
    request_changes: refuse(CLOSED_DECISIONS("approved")),
    reject: refuse(CLOSED_DECISIONS("approved")),
    content_changed: locked("Approved content is locked; reopen the document to edit it."),
    withdraw: refuse("An approved document cannot be withdrawn; reopen it instead."),
    reopen: { allowed: true, to: ["draft"], by: "lead" },
    resubmit: refuse("The document is approved; reopen it to start a new version."),
  },
  rejected: {
    request_signoff: refuse("The document was rejected; reopen it to start again."),
    approve: refuse(CLOSED_DECISIONS("rejected")),
    request_changes: refuse(CLOSED_DECISIONS("rejected")),
    reject: refuse(CLOSED_DECISIONS("rejected")),
    content_changed: locked("Rejected content is locked; reopen the document to edit it."),
    withdraw: refuse("The document was rejected; there is no sign-off to withdraw."),
    reopen: { allowed: true, to: ["draft"], by: "lead" },
    resubmit: refuse("The document was rejected; reopen it to start again."),
  },
  withdrawn: {
    request_signoff: refuse("The document was withdrawn; reopen it to start again."),
    approve: refuse(CLOSED_DECISIONS("withdrawn")),
    request_changes: refuse(CLOSED_DECISIONS("withdrawn")),
    reject: refuse(CLOSED_DECISIONS("withdrawn")),
    content_changed: locked("Withdrawn content is locked; reopen the document to edit it."),
    withdraw: refuse("The document is already withdrawn."),
    reopen: { allowed: true, to: ["draft"], by: "lead" },
    resubmit: refuse("The document was withdrawn; reopen it to start again."),
  },
};

/**
 * Statuses whose table refuses content_changed as "locked". Derived from the table only to test it
 * against the one definition, CONTENT_LOCKED_STATUSES (permissions/roles.ts).
 */
export function statusesRefusingContent(): DocumentStatus[] {
  return (Object.keys(TRANSITIONS) as DocumentStatus[]).filter((status) => {
    const rule = TRANSITIONS[status].content_changed;
    return !rule.allowed && rule.reason === "locked";
  });
}

// ---------------------------------------------------------------------------------------------
// Evaluation of a round: who decided what, which stage is open, is it approved.

export type PartyEvaluation = {
  stageIndex: number;
  organizationId: string;
  decision: EffectiveDecision;
  /** The live decision, if any (an outdated approval is not live once marked). */
  live: DecisionRecord | null;
  /** The latest approval this party gave in the round (the "from" side of the diff it is shown). */
  lastApproval: DecisionRecord | null;
};

export type StageEvaluation = {
  index: number;
  name: string;
  quorum: Quorum;
  required: number;
  /** Approvals of the current version. */
  approvals: number;
  rejections: number;
  complete: boolean;
  /** Too many rejections for the quorum to be reached: the document is rejected. */
  unreachable: boolean;
  parties: PartyEvaluation[];
};

export type RoundEvaluation = {
  stages: StageEvaluation[];
  /** The first incomplete stage of an open round; later stages wait. Null when none. */
  openStageIndex: number | null;
  approved: boolean;
  rejected: boolean;
  changesRequested: boolean;
  /** Seats that may decide now: pending or outdated parties of the open stage of an open round. */
  mayDecide: Array<{ stageIndex: number; organizationId: string }>;
};

function evaluateParty(round: RoundState, stageIndex: number, organizationId: string, currentVersionHash: string): PartyEvaluation {
  const records = round.decisions
    .filter((d) => d.stageIndex === stageIndex && d.organizationId === organizationId)
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  const live = records.filter((d) => !d.outdated).at(-1) ?? null;
  const lastApproval = records.filter((d) => d.decision === "approved").at(-1) ?? null;
  let decision: EffectiveDecision;
  if (live) {
    // An approval binds to the version the signatory saw; on any other version it does not count,
    // even before the DB layer has marked it (so a missed mark can never approve new content).
    decision = live.decision === "approved" && live.versionHash !== currentVersionHash ? "outdated" : live.decision;
  } else {
    decision = records.length > 0 ? "outdated" : "pending";
  }
  return { stageIndex, organizationId, decision, live, lastApproval };
}

export function evaluateRound(round: RoundState, currentVersionHash: string): RoundEvaluation {
  const stages: StageEvaluation[] = round.stages.map((stage, index) => {
    const parties = stage.organizationIds.map((organizationId) => evaluateParty(round, index, organizationId, currentVersionHash));
    const required = requiredApprovals(stage);
    const approvals = parties.filter((p) => p.decision === "approved").length;
    const rejections = parties.filter((p) => p.decision === "rejected").length;
    return {
      index,
      name: stage.name,
      quorum: stage.quorum,
      required,
      approvals,
      rejections,
      complete: approvals >= required,
      unreachable: parties.length - rejections < required,
      parties,
    };
  });
  const firstIncomplete = stages.findIndex((stage) => !stage.complete);
  const openStageIndex = round.status === "open" && firstIncomplete >= 0 ? firstIncomplete : null;
  const openStage = openStageIndex === null ? undefined : stages[openStageIndex];
  return {
    stages,
    openStageIndex,
    approved: stages.length > 0 && stages.every((stage) => stage.complete),
    rejected: stages.some((stage) => stage.unreachable),
    changesRequested: stages.some((stage) => stage.parties.some((p) => p.decision === "changes_requested")),
    mayDecide: openStage
      ? openStage.parties
          .filter((p) => p.decision === "pending" || p.decision === "outdated")
          .map((p) => ({ stageIndex: p.stageIndex, organizationId: p.organizationId }))
      : [],
  };
}

/** The seats `actor` may decide for right now (for buttons); empty unless the document is in review. */
export function decisionSeatsFor(state: SignoffState, actor: SignoffActor): Array<{ stageIndex: number; organizationId: string }> {
  if (state.status !== "in_review" || !state.round) return [];
  return evaluateRound(state.round, state.currentVersionHash).mayDecide.filter((seat) =>
    actor.signatoryFor.includes(seat.organizationId),
  );
}

/** User-initiated events the actor could apply now (for buttons); the DB verb still calls applyEvent. */
export function availableEvents(state: SignoffState, actor: SignoffActor): SignoffEventType[] {
  return SIGNOFF_EVENT_TYPES.filter((type) => {
    const rule = TRANSITIONS[state.status][type];
    if (!rule.allowed || type === "content_changed") return false;
    if (rule.by === "lead") return isLead(actor);
    if (rule.by === "editor") return actor.mayEdit;
    if (rule.by === "signatory") return decisionSeatsFor(state, actor).length > 0;
    return false;
  });
}

// ---------------------------------------------------------------------------------------------
// applyEvent

function isLead(actor: SignoffActor): boolean {
  return actor.projectRoles.some((r) => r.role === "lead_institution");
}

function leadOrganization(actor: SignoffActor): string | null {
  return actor.projectRoles.find((r) => r.role === "lead_institution")?.organizationId ?? null;
}

/** The organization an editor acts for when requesting: the lead's, else their first editing one. */
function editorOrganization(actor: SignoffActor): string | null {
  return leadOrganization(actor) ?? actor.projectRoles.find((r) => r.role !== "qa_reviewer")?.organizationId ?? null;
}

const no = (reason: RefusalReason, message: string): ApplyResult => ({ ok: false, reason, message });

export function applyEvent(state: SignoffState, event: SignoffEvent, context: ApplyContext): ApplyResult {
  const rule = TRANSITIONS[state.status][event.type];
  if (!rule.allowed) return no(rule.reason, rule.message);
  if (rule.by === "lead" && !isLead(context.actor)) {
    return no("not_lead", "Only the lead institution can do this.");
  }
  if (rule.by === "editor" && !context.actor.mayEdit) {
    return no("not_editor", "Only editors of this document can do this.");
  }
  const result = dispatch(state, event, context);
  if (result.ok && !rule.to.includes(result.next.status)) {
    // A guard produced a status the table does not allow: a bug here, never a user error.
    throw new Error(`signoff: ${state.status} --${event.type}--> ${result.next.status} is not in the table`);
  }
  return result;
}

function dispatch(state: SignoffState, event: SignoffEvent, context: ApplyContext): ApplyResult {
  switch (event.type) {
    case "request_signoff":
    case "resubmit":
      return startRound(state, event.type, event.stages, context);
    case "approve":
      return decide(state, event.organizationId, event.versionHash, "approved", null, context);
    case "request_changes": {
      const comment = event.comment.trim();
      if (!comment) return no("comment_required", "Say which changes are needed.");
      return decide(state, event.organizationId, event.versionHash, "changes_requested", comment, context);
    }
    case "reject": {
      const reason = event.reason.trim();
      if (!reason) return no("reason_required", "Give the reason for the rejection.");
      return decide(state, event.organizationId, event.versionHash, "rejected", reason, context);
    }
    case "content_changed":
      return contentChanged(state, event.newHash);
    case "withdraw":
      return withdraw(state, event.reason ?? null, context);
    case "reopen":
      return reopen(state, event.reason ?? null, context);
  }
}

function startRound(
  state: SignoffState,
  type: "request_signoff" | "resubmit",
  stages: ResolvedStage[],
  context: ApplyContext,
): ApplyResult {
  const issues = checkResolvedStages(stages);
  if (issues.length > 0) {
    return no("invalid_stages", `The sign-off template does not resolve: ${issues.map((i) => i.message).join("; ")}`);
  }
  const versionHash = state.currentVersionHash;
  const round: RoundState = {
    id: context.newId(),
    number: (state.round?.number ?? 0) + 1,
    status: "open",
    stages: structuredClone(stages),
    requestedVersionHash: versionHash,
    revision: 0,
    decisions: [],
  };
  const auditPayload = { round: round.number, versionHash, stages: round.stages };
  return {
    ok: true,
    next: { ...state, status: "in_review", round },
    effects: [
      { type: "set_status", from: state.status, to: "in_review" },
      // The snapshot is what every signatory is shown and what the hash is checked against.
      { type: "snapshot_version", versionHash },
      { type: "open_round", round: { id: round.id, number: round.number, stages: round.stages, versionHash } },
      {
        type: "audit",
        event:
          type === "request_signoff"
            ? auditEvent("document.signoff_requested", auditPayload)
            : auditEvent("document.resubmitted", auditPayload),
        organizationId: editorOrganization(context.actor),
        versionHash,
      },
    ],
  };
}

function outdatedAudits(round: RoundState, decisions: readonly DecisionRecord[], currentVersionHash: string): SignoffEffect[] {
  return decisions.map((d) => ({
    type: "audit",
    event: auditEvent("document.approval_outdated", {
      round: round.number,
      decisionId: d.id,
      stageIndex: d.stageIndex,
      organizationId: d.organizationId,
      approvedVersionHash: d.versionHash,
      currentVersionHash,
    }),
    organizationId: d.organizationId,
    versionHash: currentVersionHash,
  }));
}

function decide(
  state: SignoffState,
  organizationId: string,
  versionHash: string,
  decision: Decision,
  text: string | null,
  context: ApplyContext,
): ApplyResult {
  const round = state.round;
  if (!round || round.status !== "open") return no("wrong_status", "There is no open sign-off round.");
  if (!context.actor.signatoryFor.includes(organizationId)) {
    return no("not_signatory", "You are not a signatory of that organization.");
  }
  const stageIndex = round.stages.findIndex((stage) => stage.organizationIds.includes(organizationId));
  if (stageIndex < 0) return no("not_a_party", "That organization does not decide on this document.");

  const before = evaluateRound(round, state.currentVersionHash);
  if (before.openStageIndex === null || stageIndex < before.openStageIndex) {
    return no("stage_complete", `Stage ${stageIndex + 1} has already reached its quorum.`);
  }
  if (stageIndex > before.openStageIndex) {
    return no("stage_not_open", `Stage ${stageIndex + 1} decides once stage ${before.openStageIndex + 1} is complete.`);
  }
  const seat = before.stages[stageIndex]?.parties.find((p) => p.organizationId === organizationId);
  if (!seat || (seat.decision !== "pending" && seat.decision !== "outdated")) {
    return no("already_decided", "This organization has already decided in this round.");
  }
  if (versionHash !== state.currentVersionHash) {
    return no("stale_version", "The document changed since you opened it; review the changes and decide again.");
  }

  // An approval that is outdated only by its hash (not yet marked) still holds the seat's unique
  // slot in the database: mark it first, in the same transaction, then record the new decision.
  const superseded = round.decisions.filter(
    (d) => !d.outdated && d.stageIndex === stageIndex && d.organizationId === organizationId,
  );
  const record: DecisionRecord = {
    id: context.newId(),
    stageIndex,
    organizationId,
    decision,
    versionHash,
    decidedBy: context.actor.userId,
    comment: text,
    decidedAt: context.now,
    outdated: false,
  };
  const supersededIds = new Set(superseded.map((d) => d.id));
  const nextRound: RoundState = {
    ...round,
    revision: round.revision + 1,
    decisions: [...round.decisions.map((d) => (supersededIds.has(d.id) ? { ...d, outdated: true } : d)), record],
  };
  const after = evaluateRound(nextRound, state.currentVersionHash);

  let status: DocumentStatus = "in_review";
  if (decision === "approved" && after.approved) status = "approved";
  if (decision === "changes_requested") status = "changes_requested";
  if (decision === "rejected" && after.rejected) status = "rejected";

  const effects: SignoffEffect[] = [{ type: "claim_round", roundId: round.id, expectedRevision: round.revision }];
  if (status !== state.status) effects.push({ type: "set_status", from: state.status, to: status });
  if (superseded.length > 0) {
    effects.push({ type: "mark_outdated", roundId: round.id, decisionIds: superseded.map((d) => d.id) });
    effects.push(...outdatedAudits(round, superseded, state.currentVersionHash));
  }
  effects.push({ type: "record_decision", roundId: round.id, decision: record });
  effects.push({
    type: "audit",
    event: auditEvent("document.decision_recorded", {
      round: round.number,
      decisionId: record.id,
      stageIndex,
      organizationId,
      decision,
      versionHash,
      comment: text,
    }),
    organizationId,
    versionHash,
  });
  if (status !== "in_review") {
    const outcome: ClosedRoundStatus = status as ClosedRoundStatus;
    nextRound.status = outcome;
    effects.push({ type: "close_round", roundId: round.id, outcome });
    const base = { round: round.number, versionHash };
    const outcomeEvent =
      status === "approved"
        ? auditEvent("document.approved", base)
        : status === "changes_requested"
          ? auditEvent("document.changes_requested", { ...base, organizationId, comment: text ?? "" })
          : auditEvent("document.rejected", { ...base, organizationId, reason: text ?? "" });
    effects.push({ type: "audit", event: outcomeEvent, organizationId, versionHash });
  }
  return { ok: true, next: { ...state, status, round: nextRound }, effects };
}

function contentChanged(state: SignoffState, newHash: string): ApplyResult {
  // Same content (an edit that was undone, a save without changes): nothing happened.
  if (newHash === state.currentVersionHash) return { ok: true, next: state, effects: [] };
  const round = state.round;
  if (state.status !== "in_review" || !round || round.status !== "open") {
    // Outside review nothing is bound to a version yet; the next request snapshots the content.
    return { ok: true, next: { ...state, currentVersionHash: newHash }, effects: [] };
  }
  const stale = round.decisions.filter((d) => !d.outdated && d.decision === "approved" && d.versionHash !== newHash);
  const staleIds = new Set(stale.map((d) => d.id));
  const nextRound: RoundState = {
    ...round,
    revision: round.revision + 1,
    decisions: round.decisions.map((d) => (staleIds.has(d.id) ? { ...d, outdated: true } : d)),
  };
  const effects: SignoffEffect[] = [
    { type: "claim_round", roundId: round.id, expectedRevision: round.revision },
    // Kept so a signatory can be shown the diff from the version they approved to this one; first,
    // because the round's current version references the snapshot (foreign key).
    { type: "snapshot_version", versionHash: newHash },
    { type: "set_round_version", roundId: round.id, from: state.currentVersionHash, to: newHash },
    {
      type: "audit",
      event: auditEvent("document.version_saved", {
        round: round.number,
        previousVersionHash: state.currentVersionHash,
        versionHash: newHash,
      }),
      organizationId: null,
      versionHash: newHash,
    },
  ];
  if (stale.length > 0) {
    effects.push({ type: "mark_outdated", roundId: round.id, decisionIds: stale.map((d) => d.id) });
    effects.push(...outdatedAudits(round, stale, newHash));
  }
  return { ok: true, next: { ...state, currentVersionHash: newHash, round: nextRound }, effects };
}

function withdraw(state: SignoffState, reason: string | null, context: ApplyContext): ApplyResult {
  const round = state.round;
  const open = round?.status === "open";
  const effects: SignoffEffect[] = [];
  if (round && open) effects.push({ type: "claim_round", roundId: round.id, expectedRevision: round.revision });
  effects.push({ type: "set_status", from: state.status, to: "withdrawn" });
  if (round && open) effects.push({ type: "close_round", roundId: round.id, outcome: "withdrawn" });
  effects.push({
    type: "audit",
    event: auditEvent("document.withdrawn", {
      round: round?.number ?? null,
      fromStatus: state.status,
      reason: reason?.trim() || null,
    }),
    organizationId: leadOrganization(context.actor),
    versionHash: state.currentVersionHash,
  });
  const nextRound = round && open ? { ...round, status: "withdrawn" as const, revision: round.revision + 1 } : round;
  return { ok: true, next: { ...state, status: "withdrawn", round: nextRound }, effects };
}

function reopen(state: SignoffState, reason: string | null, context: ApplyContext): ApplyResult {
  // The closed round and its snapshots stay: the approved version remains readable and exportable.
  return {
    ok: true,
    next: { ...state, status: "draft" },
    effects: [
      { type: "set_status", from: state.status, to: "draft" },
      {
        type: "audit",
        event: auditEvent("document.reopened", {
          round: state.round?.number ?? null,
          fromStatus: state.status,
          versionHash: state.currentVersionHash,
          reason: reason?.trim() || null,
        }),
        organizationId: leadOrganization(context.actor),
        versionHash: state.currentVersionHash,
      },
    ],
  };
}
