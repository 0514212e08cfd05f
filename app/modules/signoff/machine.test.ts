import { describe, expect, it } from "vitest";
import { DOCUMENT_STATUSES, type DocumentStatus } from "~/modules/permissions/roles";
import {
  SIGNOFF_EVENT_TYPES,
  TRANSITIONS,
  applyEvent,
  availableEvents,
  decisionSeatsFor,
  evaluateRound,
  type ApplyContext,
  type ApplyResult,
  type DecisionRecord,
  type RoundState,
  type SignoffActor,
  type SignoffEffect,
  type SignoffEvent,
  type SignoffEventType,
  type SignoffState,
} from "~/modules/signoff/machine";
import { defaultTemplate, resolveTemplate, type ResolvedStage } from "~/modules/signoff/template";

const H1 = "1".repeat(64);
const H2 = "2".repeat(64);
const H3 = "3".repeat(64);

function idGenerator(prefix = "id") {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

let clock = Date.UTC(2026, 0, 1);
const tick = () => new Date((clock += 1000));

/**
 * A user acting for organizations: lead when one of them is the lead institution; an editor of the
 * document unless `reviewer` (a QA reviewer reads and comments but never edits).
 */
function actor(options: { lead?: boolean; reviewer?: boolean; signatoryFor?: string[]; userId?: string } = {}): SignoffActor {
  return {
    userId: options.userId ?? "user",
    projectRoles: options.lead
      ? [{ organizationId: "college", role: "lead_institution" }]
      : options.reviewer
        ? [{ organizationId: "qa", role: "qa_reviewer" }]
        : [{ organizationId: "employer", role: "employer_partner" }],
    signatoryFor: options.signatoryFor ?? [],
    mayEdit: !options.reviewer,
  };
}

function ctx(a: SignoffActor, newId = idGenerator()): ApplyContext {
  return { actor: a, now: tick(), newId };
}

const lead = actor({ lead: true, userId: "lead-user" });
const signatory = (organizationId: string) => actor({ signatoryFor: [organizationId], userId: `${organizationId}-user` });

function expectOk(result: ApplyResult): Extract<ApplyResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
  return result;
}

function expectRefused(result: ApplyResult, reason: string) {
  expect(result.ok ? "ok" : result.reason).toBe(reason);
}

const effectTypes = (effects: SignoffEffect[]) => effects.map((e) => (e.type === "audit" ? `audit:${e.event.type}` : e.type));

// ---------------------------------------------------------------------------------------------
// The transition table, every state × every event.

describe("transition table: every document status × every event", () => {
  // One seat ("employer"), quorum all: approve completes, reject is decisive.
  const oneSeat: ResolvedStage[] = [{ name: "Partners", organizationIds: ["employer"], quorum: { kind: "all" } }];
  const closedRound = (status: RoundState["status"], decisions: DecisionRecord[] = []): RoundState => ({
    id: "round-1",
    number: 1,
    status,
    stages: oneSeat,
    requestedVersionHash: H1,
    revision: 3,
    decisions,
  });
  const decision = (d: DecisionRecord["decision"]): DecisionRecord => ({
    id: "d-1",
    stageIndex: 0,
    organizationId: "employer",
    decision: d,
    versionHash: H1,
    decidedBy: "employer-user",
    comment: d === "approved" ? null : "why",
    decidedAt: new Date(0),
    outdated: false,
  });
  const stateIn = (status: DocumentStatus): SignoffState => ({
    status,
    currentVersionHash: H1,
    round: {
      draft: null,
      in_review: closedRound("open"),
      changes_requested: closedRound("changes_requested", [decision("changes_requested")]),
      approved: closedRound("approved", [decision("approved")]),
      rejected: closedRound("rejected", [decision("rejected")]),
      withdrawn: closedRound("withdrawn"),
    }[status],
  });
  const eventOf = (type: SignoffEventType): SignoffEvent => {
    switch (type) {
      case "request_signoff":
      case "resubmit":
        return { type, stages: oneSeat };
      case "approve":
        return { type, organizationId: "employer", versionHash: H1 };
      case "request_changes":
        return { type, organizationId: "employer", versionHash: H1, comment: "Add the WSIB clause" };
      case "reject":
        return { type, organizationId: "employer", versionHash: H1, reason: "Out of scope" };
      case "content_changed":
        return { type, newHash: H2 };
      case "withdraw":
      case "reopen":
        return { type };
    }
  };
  // Written out by hand from the design (not derived from TRANSITIONS): "→x" = ok, next status x.
  const EXPECTED: Record<DocumentStatus, Record<SignoffEventType, string>> = {
    draft: {
      request_signoff: "→in_review",
      approve: "wrong_status",
      request_changes: "wrong_status",
      reject: "wrong_status",
      content_changed: "→draft",
      withdraw: "wrong_status",
      reopen: "wrong_status",
      resubmit: "wrong_status",
    },
    in_review: {
      request_signoff: "wrong_status",
      approve: "→approved",
      request_changes: "→changes_requested",
      reject: "→rejected",
      content_changed: "→in_review",
      withdraw: "→withdrawn",
      reopen: "wrong_status",
      resubmit: "wrong_status",
    },
    changes_requested: {
      request_signoff: "wrong_status",
      approve: "wrong_status",
      request_changes: "wrong_status",
      reject: "wrong_status",
      content_changed: "→changes_requested",
      withdraw: "→withdrawn",
      reopen: "wrong_status",
      resubmit: "→in_review",
    },
    approved: {
      request_signoff: "wrong_status",
      approve: "wrong_status",
      request_changes: "wrong_status",
      reject: "wrong_status",
      content_changed: "locked",
      withdraw: "wrong_status",
      reopen: "→draft",
      resubmit: "wrong_status",
    },
    rejected: {
      request_signoff: "wrong_status",
      approve: "wrong_status",
      request_changes: "wrong_status",
      reject: "wrong_status",
      content_changed: "locked",
      withdraw: "wrong_status",
      reopen: "→draft",
      resubmit: "wrong_status",
    },
    withdrawn: {
      request_signoff: "wrong_status",
      approve: "wrong_status",
      request_changes: "wrong_status",
      reject: "wrong_status",
      content_changed: "locked",
      withdraw: "wrong_status",
      reopen: "→draft",
      resubmit: "wrong_status",
    },
  };
  // The lead who is also the employer's signatory passes every role guard, so the table decides.
  const everything = actor({ lead: true, signatoryFor: ["employer"] });
  const cells = DOCUMENT_STATUSES.flatMap((status) => SIGNOFF_EVENT_TYPES.map((type) => [status, type] as const));

  it("covers 6 statuses × 8 events", () => {
    expect(cells).toHaveLength(48);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...DOCUMENT_STATUSES].sort());
  });

  it.each(cells)("%s + %s", (status, type) => {
    const result = applyEvent(stateIn(status), eventOf(type), ctx(everything));
    expect(result.ok ? `→${result.next.status}` : result.reason).toBe(EXPECTED[status][type]);
    const rule = TRANSITIONS[status][type];
    expect(rule.allowed).toBe(result.ok);
    if (!result.ok) expect(result.message).toMatch(/\w/);
  });

  // Invariants that hold for every cell and every kind of actor, allowed or refused.
  const actors = {
    "lead + signatory": everything,
    lead: actor({ lead: true }),
    signatory: signatory("employer"),
    "signatory of another organization": signatory("college"),
    editor: actor(),
    reviewer: actor({ reviewer: true, signatoryFor: ["qa"] }),
  };
  it.each(cells)("%s + %s: effects agree with the result for every actor", (status, type) => {
    for (const [name, a] of Object.entries(actors)) {
      const state = stateIn(status);
      const result = applyEvent(state, eventOf(type), ctx(a));
      if (!result.ok) continue;
      const rule = TRANSITIONS[status][type];
      expect(rule.allowed && rule.to, name).toContain(result.next.status);
      const statusEffects = result.effects.filter((e) => e.type === "set_status");
      if (result.next.status === status) {
        expect(statusEffects, name).toEqual([]);
      } else {
        // Exactly one compare-and-set from the status the decision was made on.
        expect(statusEffects, name).toEqual([{ type: "set_status", from: status, to: result.next.status }]);
        expect(result.effects.some((e) => e.type === "audit"), `${name}: status change without audit`).toBe(true);
      }
      // Any change to an open round claims its revision first.
      const touchesOpenRound = result.effects.some((e) => ["record_decision", "mark_outdated", "set_round_version", "close_round"].includes(e.type));
      if (touchesOpenRound && state.round?.status === "open") {
        expect(result.effects[0], name).toEqual({ type: "claim_round", roundId: "round-1", expectedRevision: 3 });
      }
    }
  });

  it("refuses role-guarded cells to the wrong actor", () => {
    const reviewer = actor({ reviewer: true, signatoryFor: ["qa"] });
    expectRefused(applyEvent(stateIn("draft"), eventOf("request_signoff"), ctx(reviewer)), "not_editor");
    expectRefused(applyEvent(stateIn("changes_requested"), eventOf("resubmit"), ctx(reviewer)), "not_editor");
    expectRefused(applyEvent(stateIn("in_review"), eventOf("withdraw"), ctx(signatory("employer"))), "not_lead");
    for (const status of ["approved", "rejected", "withdrawn"] as const) {
      expectRefused(applyEvent(stateIn(status), eventOf("reopen"), ctx(signatory("employer"))), "not_lead");
    }
    for (const type of ["approve", "request_changes", "reject"] as const) {
      expectRefused(applyEvent(stateIn("in_review"), eventOf(type), ctx(lead)), "not_signatory");
    }
  });

  it("lets any editor request sign-off and resubmit, acting for their organization", () => {
    const editor = actor({ userId: "employer-editor" });
    const requested = expectOk(applyEvent(stateIn("draft"), eventOf("request_signoff"), ctx(editor)));
    expect(requested.next.status).toBe("in_review");
    expect(requested.effects.at(-1)).toMatchObject({ type: "audit", organizationId: "employer" });
    const resubmitted = expectOk(applyEvent(stateIn("changes_requested"), eventOf("resubmit"), ctx(editor)));
    expect(resubmitted.next.status).toBe("in_review");
  });

  it("checks the table before the role: a refused cell says why, whoever asks", () => {
    expectRefused(applyEvent(stateIn("approved"), eventOf("withdraw"), ctx(actor())), "wrong_status");
  });
});

// ---------------------------------------------------------------------------------------------
// Scenarios on the project's default template.

const participants = [
  { organizationId: "college", role: "lead_institution" as const },
  { organizationId: "university", role: "partner_institution" as const },
  { organizationId: "employer", role: "employer_partner" as const },
  { organizationId: "body", role: "professional_body" as const },
  { organizationId: "qa", role: "qa_reviewer" as const },
];
const resolved = resolveTemplate(defaultTemplate("credential_spec", participants), participants);
if (!resolved.ok) throw new Error("default template must resolve");
const DEFAULT_STAGES = resolved.stages;
const PARTNERS = ["college", "university", "employer", "body"];

const draft = (hash = H1): SignoffState => ({ status: "draft", currentVersionHash: hash, round: null });

/** Applies a sequence, failing loudly on a refusal; returns the final state and all effects. */
function run(state: SignoffState, steps: Array<[SignoffEvent, SignoffActor]>, newId = idGenerator()) {
  const effects: SignoffEffect[][] = [];
  for (const [event, a] of steps) {
    const result = expectOk(applyEvent(state, event, ctx(a, newId)));
    state = result.next;
    effects.push(result.effects);
  }
  return { state, effects };
}

const approve = (organizationId: string, versionHash = H1): [SignoffEvent, SignoffActor] => [
  { type: "approve", organizationId, versionHash },
  signatory(organizationId),
];

function inReview(stages: ResolvedStage[] = DEFAULT_STAGES, hash = H1) {
  return run(draft(hash), [[{ type: "request_signoff", stages }, lead]]).state;
}

describe("request sign-off", () => {
  it("opens round 1 on the current version, snapshots it and audits the request", () => {
    const result = expectOk(applyEvent(draft(), { type: "request_signoff", stages: DEFAULT_STAGES }, ctx(lead, idGenerator("r"))));
    expect(result.next.status).toBe("in_review");
    expect(result.next.round).toMatchObject({ id: "r-1", number: 1, status: "open", requestedVersionHash: H1, revision: 0, decisions: [] });
    expect(effectTypes(result.effects)).toEqual(["set_status", "snapshot_version", "open_round", "audit:document.signoff_requested"]);
    expect(result.effects).toContainEqual({ type: "snapshot_version", versionHash: H1 });
    const audit = result.effects.find((e) => e.type === "audit");
    expect(audit).toMatchObject({ organizationId: "college", versionHash: H1, event: { payload: { round: 1, versionHash: H1 } } });
  });

  it("freezes the stages: mutating the caller's array later changes nothing", () => {
    const stages = structuredClone(DEFAULT_STAGES);
    const state = run(draft(), [[{ type: "request_signoff", stages }, lead]]).state;
    stages[0]!.organizationIds.push("intruder");
    expect(state.round?.stages[0]?.organizationIds).not.toContain("intruder");
  });

  it.each([
    ["no stages", []],
    ["an empty stage", [{ name: "Empty", organizationIds: [], quorum: { kind: "all" } }]],
    ["a quorum above the stage", [{ name: "S", organizationIds: ["a"], quorum: { kind: "k_of_n", k: 2 } }]],
    [
      "an organization in two stages",
      [
        { name: "A", organizationIds: ["a"], quorum: { kind: "all" } },
        { name: "B", organizationIds: ["a"], quorum: { kind: "all" } },
      ],
    ],
  ] as const)("refuses %s", (_, stages) => {
    expectRefused(applyEvent(draft(), { type: "request_signoff", stages: stages as unknown as ResolvedStage[] }, ctx(lead)), "invalid_stages");
  });
});

describe("stage order", () => {
  it("the QA reviewer cannot decide before every partner has approved", () => {
    let state = inReview();
    expectRefused(applyEvent(state, { type: "approve", organizationId: "qa", versionHash: H1 }, ctx(signatory("qa"))), "stage_not_open");
    expectRefused(
      applyEvent(state, { type: "request_changes", organizationId: "qa", versionHash: H1, comment: "early" }, ctx(signatory("qa"))),
      "stage_not_open",
    );
    state = run(state, PARTNERS.slice(0, 3).map((org) => approve(org))).state;
    expect(evaluateRound(state.round!, H1).openStageIndex).toBe(0);
    expectRefused(applyEvent(state, { type: "approve", organizationId: "qa", versionHash: H1 }, ctx(signatory("qa"))), "stage_not_open");
    state = run(state, [approve("body")]).state;
    expect(state.status).toBe("in_review");
    expect(evaluateRound(state.round!, H1).openStageIndex).toBe(1);
    const final = expectOk(applyEvent(state, { type: "approve", organizationId: "qa", versionHash: H1 }, ctx(signatory("qa"))));
    expect(final.next.status).toBe("approved");
    expect(final.next.round?.status).toBe("approved");
    expect(effectTypes(final.effects)).toEqual([
      "claim_round",
      "set_status",
      "record_decision",
      "audit:document.decision_recorded",
      "close_round",
      "audit:document.approved",
    ]);
  });

  it("a completed stage no longer takes decisions", () => {
    const stages: ResolvedStage[] = [
      { name: "Employers", organizationIds: ["e1", "e2", "e3"], quorum: { kind: "k_of_n", k: 2 } },
      { name: "QA", organizationIds: ["qa"], quorum: { kind: "all" } },
    ];
    const state = run(inReview(stages), [approve("e1"), approve("e2")]).state;
    expect(evaluateRound(state.round!, H1).openStageIndex).toBe(1);
    expectRefused(applyEvent(state, { type: "approve", organizationId: "e3", versionHash: H1 }, ctx(signatory("e3"))), "stage_complete");
  });

  it("QA requesting changes sends the document back", () => {
    const state = run(inReview(), PARTNERS.map((org) => approve(org))).state;
    const result = expectOk(
      applyEvent(state, { type: "request_changes", organizationId: "qa", versionHash: H1, comment: "  Cite the QA body  " }, ctx(signatory("qa"))),
    );
    expect(result.next.status).toBe("changes_requested");
    expect(result.next.round?.status).toBe("changes_requested");
    expect(result.next.round?.decisions.at(-1)).toMatchObject({ decision: "changes_requested", comment: "Cite the QA body", organizationId: "qa" });
    expect(effectTypes(result.effects)).toContain("audit:document.changes_requested");
  });
});

describe("quorum", () => {
  const stage = (quorum: ResolvedStage["quorum"]): ResolvedStage[] => [{ name: "Employers", organizationIds: ["e1", "e2", "e3"], quorum }];

  it("all: approved only when every party approved", () => {
    let state = inReview(stage({ kind: "all" }));
    state = run(state, [approve("e1"), approve("e2")]).state;
    expect(state.status).toBe("in_review");
    expect(evaluateRound(state.round!, H1).stages[0]).toMatchObject({ required: 3, approvals: 2, complete: false });
    state = run(state, [approve("e3")]).state;
    expect(state.status).toBe("approved");
  });

  it("k of n: approved once k parties approved; the others are no longer asked", () => {
    let state = inReview(stage({ kind: "k_of_n", k: 2 }));
    state = run(state, [approve("e1")]).state;
    expect(state.status).toBe("in_review");
    expect(decisionSeatsFor(state, signatory("e3"))).toEqual([{ stageIndex: 0, organizationId: "e3" }]);
    state = run(state, [approve("e3")]).state;
    expect(state.status).toBe("approved");
    expect(decisionSeatsFor(state, signatory("e2"))).toEqual([]);
  });

  it("all: one rejection rejects the document", () => {
    const state = inReview(stage({ kind: "all" }));
    const result = expectOk(applyEvent(state, { type: "reject", organizationId: "e2", versionHash: H1, reason: "Unsafe" }, ctx(signatory("e2"))));
    expect(result.next.status).toBe("rejected");
    expect(effectTypes(result.effects)).toContain("audit:document.rejected");
  });

  it("k of n: rejections count only once the quorum becomes unreachable", () => {
    let state = inReview(stage({ kind: "k_of_n", k: 2 }));
    const first = expectOk(applyEvent(state, { type: "reject", organizationId: "e1", versionHash: H1, reason: "No" }, ctx(signatory("e1"))));
    expect(first.next.status).toBe("in_review");
    expect(effectTypes(first.effects)).toEqual(["claim_round", "record_decision", "audit:document.decision_recorded"]);
    state = first.next;
    expect(evaluateRound(state.round!, H1).stages[0]).toMatchObject({ rejections: 1, unreachable: false });
    // The party that rejected keeps its seat's decision for the round.
    expectRefused(applyEvent(state, { type: "approve", organizationId: "e1", versionHash: H1 }, ctx(signatory("e1"))), "already_decided");
    const second = expectOk(applyEvent(state, { type: "reject", organizationId: "e3", versionHash: H1, reason: "No" }, ctx(signatory("e3"))));
    expect(second.next.status).toBe("rejected");
  });

  it("k of n: one rejection and k approvals still approve", () => {
    const state = run(inReview(stage({ kind: "k_of_n", k: 2 })), [
      [{ type: "reject", organizationId: "e1", versionHash: H1, reason: "No" }, signatory("e1")],
      approve("e2"),
      approve("e3"),
    ]).state;
    expect(state.status).toBe("approved");
  });
});

describe("version binding and outdating", () => {
  it("a content change outdates every approval of the older version, with an audit event each", () => {
    let state = run(inReview(), [approve("college"), approve("employer")]).state;
    const approvals = state.round!.decisions.map((d) => d.id);
    const result = expectOk(applyEvent(state, { type: "content_changed", newHash: H2 }, ctx(actor({ userId: "editor" }))));
    expect(result.next.status).toBe("in_review");
    expect(result.next.currentVersionHash).toBe(H2);
    expect(result.effects).toEqual(
      expect.arrayContaining([
        { type: "claim_round", roundId: state.round!.id, expectedRevision: state.round!.revision },
        { type: "set_round_version", roundId: state.round!.id, from: H1, to: H2 },
        { type: "snapshot_version", versionHash: H2 },
        { type: "mark_outdated", roundId: state.round!.id, decisionIds: approvals },
      ]),
    );
    expect(effectTypes(result.effects)).toEqual([
      "claim_round",
      "snapshot_version",
      "set_round_version",
      "audit:document.version_saved",
      "mark_outdated",
      "audit:document.approval_outdated",
      "audit:document.approval_outdated",
    ]);
    const outdated = result.effects.filter((e) => e.type === "audit" && e.event.type === "document.approval_outdated");
    expect(outdated.map((e) => e.type === "audit" && e.organizationId)).toEqual(["college", "employer"]);
    expect(effectTypes(result.effects)).toContain("audit:document.version_saved");

    state = result.next;
    const view = evaluateRound(state.round!, H2);
    const college = view.stages[0]!.parties.find((p) => p.organizationId === "college")!;
    // The seat shows outdated and remembers what was approved, for the diff shown to the signatory.
    expect(college).toMatchObject({ decision: "outdated", live: null, lastApproval: { versionHash: H1 } });
    expect(view.stages[0]!.approvals).toBe(0);
    expect(view.mayDecide.map((s) => s.organizationId)).toEqual(PARTNERS);
  });

  it("an approval must be given on the current version", () => {
    const state = run(inReview(), [[{ type: "content_changed", newHash: H2 }, actor()]]).state;
    expectRefused(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H1 }, ctx(signatory("college"))), "stale_version");
    expectOk(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H2 }, ctx(signatory("college"))));
  });

  it("approves only when every party approved the same, current version", () => {
    let state = run(inReview(), [approve("college"), approve("university"), approve("employer")]).state;
    state = run(state, [[{ type: "content_changed", newHash: H2 }, actor()], approve("body", H2)]).state;
    expect(evaluateRound(state.round!, H2).stages[0]).toMatchObject({ approvals: 1, complete: false });
    state = run(state, [approve("college", H2), approve("university", H2)]).state;
    expect(state.status).toBe("in_review");
    state = run(state, [approve("employer", H2), approve("qa", H2)]).state;
    expect(state.status).toBe("approved");
    expect(state.round!.decisions.filter((d) => !d.outdated).every((d) => d.versionHash === H2)).toBe(true);
  });

  it("a change after stage 1 completed sends the decision back to stage 1", () => {
    let state = run(inReview(), PARTNERS.map((org) => approve(org))).state;
    expect(evaluateRound(state.round!, H1).openStageIndex).toBe(1);
    state = run(state, [[{ type: "content_changed", newHash: H2 }, actor()]]).state;
    expect(evaluateRound(state.round!, H2).openStageIndex).toBe(0);
    expectRefused(applyEvent(state, { type: "approve", organizationId: "qa", versionHash: H2 }, ctx(signatory("qa"))), "stage_not_open");
  });

  it("undoing the change does not revive a marked approval", () => {
    let state = run(inReview(), [approve("college")]).state;
    state = run(state, [
      [{ type: "content_changed", newHash: H2 }, actor()],
      [{ type: "content_changed", newHash: H1 }, actor()],
    ]).state;
    expect(evaluateRound(state.round!, H1).stages[0]!.parties[0]).toMatchObject({ organizationId: "college", decision: "outdated" });
  });

  it("an approval of another version never counts, even when not yet marked", () => {
    // As if a content change had been written without going through the machine.
    let state = run(inReview(), [approve("college")]).state;
    state = { ...state, currentVersionHash: H3 };
    const view = evaluateRound(state.round!, H3);
    expect(view.stages[0]!.parties[0]).toMatchObject({ decision: "outdated", live: { versionHash: H1 } });
    expect(view.stages[0]!.approvals).toBe(0);
    // Re-approving frees the seat's live slot first (the unique index would refuse otherwise).
    const old = state.round!.decisions[0]!.id;
    const result = expectOk(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H3 }, ctx(signatory("college"))));
    expect(effectTypes(result.effects)).toEqual([
      "claim_round",
      "mark_outdated",
      "audit:document.approval_outdated",
      "record_decision",
      "audit:document.decision_recorded",
    ]);
    expect(result.effects[1]).toEqual({ type: "mark_outdated", roundId: state.round!.id, decisionIds: [old] });
  });

  it("saving the same content is a no-op", () => {
    const state = run(inReview(), [approve("college")]).state;
    const result = expectOk(applyEvent(state, { type: "content_changed", newHash: H1 }, ctx(actor())));
    expect(result.effects).toEqual([]);
    expect(result.next).toBe(state);
  });

  it("outside review a content change only moves the current hash", () => {
    for (const state of [draft(), run(inReview(), [[{ type: "request_changes", organizationId: "college", versionHash: H1, comment: "x" }, signatory("college")]]).state]) {
      const result = expectOk(applyEvent(state, { type: "content_changed", newHash: H2 }, ctx(actor())));
      expect(result.effects).toEqual([]);
      expect(result.next.currentVersionHash).toBe(H2);
      expect(result.next.status).toBe(state.status);
    }
  });

  it("rejections and change requests are not outdated by edits", () => {
    const stages: ResolvedStage[] = [{ name: "E", organizationIds: ["e1", "e2", "e3"], quorum: { kind: "k_of_n", k: 2 } }];
    let state = run(inReview(stages), [[{ type: "reject", organizationId: "e1", versionHash: H1, reason: "No" }, signatory("e1")]]).state;
    const result = expectOk(applyEvent(state, { type: "content_changed", newHash: H2 }, ctx(actor())));
    expect(effectTypes(result.effects)).not.toContain("mark_outdated");
    state = result.next;
    expect(evaluateRound(state.round!, H2).stages[0]!.parties[0]!.decision).toBe("rejected");
  });
});

describe("deciding", () => {
  it("one party, one decision per round: the second is refused", () => {
    const state = run(inReview(), [approve("college")]).state;
    expectRefused(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H1 }, ctx(signatory("college"))), "already_decided");
    expectRefused(
      applyEvent(state, { type: "reject", organizationId: "college", versionHash: H1, reason: "changed my mind" }, ctx(signatory("college"))),
      "already_decided",
    );
  });

  it("two decisions evaluated on the same snapshot claim the same revision (the database lets one win)", () => {
    const state = inReview();
    const a = expectOk(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H1 }, ctx(signatory("college"))));
    const b = expectOk(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H1 }, ctx(signatory("college"))));
    expect(a.effects[0]).toEqual({ type: "claim_round", roundId: state.round!.id, expectedRevision: 0 });
    expect(b.effects[0]).toEqual(a.effects[0]);
    expect(a.next.round!.revision).toBe(1);
  });

  it("records who decided, when, on which version, for which stage", () => {
    const state = inReview();
    const now = new Date("2026-03-04T05:06:07.089Z");
    const result = expectOk(
      applyEvent(state, { type: "approve", organizationId: "employer", versionHash: H1 }, { actor: signatory("employer"), now, newId: () => "dec-1" }),
    );
    expect(result.effects).toContainEqual({
      type: "record_decision",
      roundId: state.round!.id,
      decision: {
        id: "dec-1",
        stageIndex: 0,
        organizationId: "employer",
        decision: "approved",
        versionHash: H1,
        decidedBy: "employer-user",
        comment: null,
        decidedAt: now,
        outdated: false,
      },
    });
    expect(result.effects.at(-1)).toMatchObject({
      type: "audit",
      organizationId: "employer",
      versionHash: H1,
      event: { type: "document.decision_recorded", schemaVersion: 1, payload: { round: 1, decisionId: "dec-1", stageIndex: 0, decision: "approved" } },
    });
  });

  it("refuses a signatory of an organization without a seat, and a non-signatory", () => {
    const state = inReview();
    expectRefused(applyEvent(state, { type: "approve", organizationId: "stranger", versionHash: H1 }, ctx(signatory("stranger"))), "not_a_party");
    expectRefused(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H1 }, ctx(signatory("employer"))), "not_signatory");
    // Being the lead does not make one a signatory.
    expectRefused(applyEvent(state, { type: "approve", organizationId: "college", versionHash: H1 }, ctx(lead)), "not_signatory");
  });

  it("requires a comment to request changes and a reason to reject", () => {
    const state = inReview();
    expectRefused(
      applyEvent(state, { type: "request_changes", organizationId: "college", versionHash: H1, comment: "   " }, ctx(signatory("college"))),
      "comment_required",
    );
    expectRefused(applyEvent(state, { type: "reject", organizationId: "college", versionHash: H1, reason: "" }, ctx(signatory("college"))), "reason_required");
  });
});

describe("resubmit, withdraw, reopen", () => {
  it("resubmitting after changes opens a fresh round; everyone decides again", () => {
    let state = run(inReview(), [
      approve("college"),
      [{ type: "request_changes", organizationId: "employer", versionHash: H1, comment: "Add hours" }, signatory("employer")],
      [{ type: "content_changed", newHash: H2 }, actor()],
    ]).state;
    expect(state.status).toBe("changes_requested");
    const result = expectOk(applyEvent(state, { type: "resubmit", stages: DEFAULT_STAGES }, ctx(lead, idGenerator("r2"))));
    expect(result.next.round).toMatchObject({ id: "r2-1", number: 2, status: "open", requestedVersionHash: H2, decisions: [] });
    expect(effectTypes(result.effects)).toEqual(["set_status", "snapshot_version", "open_round", "audit:document.resubmitted"]);
    state = result.next;
    expect(decisionSeatsFor(state, signatory("employer"))).toEqual([{ stageIndex: 0, organizationId: "employer" }]);
  });

  it("withdrawing an open review closes its round", () => {
    const state = inReview();
    const result = expectOk(applyEvent(state, { type: "withdraw", reason: " Superseded " }, ctx(lead)));
    expect(effectTypes(result.effects)).toEqual(["claim_round", "set_status", "close_round", "audit:document.withdrawn"]);
    expect(result.effects.at(-1)).toMatchObject({ organizationId: "college", event: { payload: { round: 1, fromStatus: "in_review", reason: "Superseded" } } });
    expect(result.next.round?.status).toBe("withdrawn");
  });

  it("withdrawing while changes are requested leaves the closed round alone", () => {
    const state = run(inReview(), [[{ type: "request_changes", organizationId: "college", versionHash: H1, comment: "x" }, signatory("college")]]).state;
    const result = expectOk(applyEvent(state, { type: "withdraw" }, ctx(lead)));
    expect(effectTypes(result.effects)).toEqual(["set_status", "audit:document.withdrawn"]);
    expect(result.next.round?.status).toBe("changes_requested");
  });

  it("reopening an approved document starts a new draft; the approved round stays", () => {
    let state = run(inReview(), [...PARTNERS.map((org) => approve(org)), approve("qa")]).state;
    expect(state.status).toBe("approved");
    const reopened = expectOk(applyEvent(state, { type: "reopen" }, ctx(lead)));
    expect(reopened.next.status).toBe("draft");
    expect(reopened.next.round?.status).toBe("approved");
    expect(effectTypes(reopened.effects)).toEqual(["set_status", "audit:document.reopened"]);
    expect(reopened.effects.at(-1)).toMatchObject({ event: { payload: { round: 1, fromStatus: "approved", versionHash: H1 } } });
    state = run(reopened.next, [
      [{ type: "content_changed", newHash: H2 }, actor()],
      [{ type: "request_signoff", stages: DEFAULT_STAGES }, lead],
    ]).state;
    expect(state.round).toMatchObject({ number: 2, requestedVersionHash: H2 });
  });
});

describe("availableEvents", () => {
  it("offers the lead the lifecycle actions and signatories their decisions", () => {
    expect(availableEvents(draft(), lead)).toEqual(["request_signoff"]);
    // Any editor may request sign-off; a QA reviewer (never an editor) may not.
    expect(availableEvents(draft(), signatory("college"))).toEqual(["request_signoff"]);
    expect(availableEvents(draft(), actor({ reviewer: true, signatoryFor: ["qa"] }))).toEqual([]);
    const state = inReview();
    expect(availableEvents(state, lead)).toEqual(["withdraw"]);
    expect(availableEvents(state, signatory("college"))).toEqual(["approve", "request_changes", "reject"]);
    expect(availableEvents(state, signatory("qa"))).toEqual([]);
    expect(availableEvents({ ...state, status: "approved" }, lead)).toEqual(["reopen"]);
  });
});
