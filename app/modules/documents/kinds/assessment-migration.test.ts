import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { methodLabel } from "~/modules/coverage/methods";
import { migratePerCompetencyRows } from "~/modules/documents/kinds/assessment-migration";
import { planCoverage } from "~/modules/documents/kinds/assessment-plan";
import { demoSpecCompetencies, fillDemoAssessmentPlan } from "~/modules/documents/kinds/demo/index";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { coveragePairs } from "~/modules/documents/model/coverage-cells";
import type { CanonicalFields, JsonValue } from "~/modules/documents/model/types";
import { fieldsMap } from "~/modules/documents/model/ydoc";

// ---------------------------------------------------------------------------------------------
// A plan as the OLD layout stored it: `assessments` holds one Y.Map per competency, with its
// methods and evidence as Y.Arrays. Built by hand: nothing in the model writes this layout now.
// ---------------------------------------------------------------------------------------------

type OldRow = { id: string; competencyId?: string; competencyCode?: string; competencyTitle?: string; methods?: string[]; evidence?: string[] } & Record<string, JsonValue | undefined>;

function oldPlan(rows: readonly OldRow[], fields: Record<string, JsonValue> = {}): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    ydoc.getMap("meta").set("kind", "assessment_plan");
    ydoc.getMap("meta").set("layout", 1);
    const map = fieldsMap(ydoc);
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
    const array = new Y.Array<Y.Map<unknown>>();
    map.set("assessments", array);
    array.push(
      rows.map((values) => {
        const row = new Y.Map<unknown>();
        // A row not yet in the document cannot be read back (Y.Map#has), so the defaults go first.
        for (const [key, value] of Object.entries({ methods: [], evidence: [], ...values })) {
          if (value === undefined) continue;
          if (key === "methods" || key === "evidence") {
            const list = new Y.Array<string>();
            list.push(value as string[]);
            row.set(key, list);
          } else row.set(key, value);
        }
        return row;
      }),
    );
  });
  return ydoc;
}

// The demo plan's designs as they were before issue #14 (git show HEAD:…/demo/assessment-plan.ts).
const RUBRIC = "1 Not yet — needs substantial guidance. 2 Developing — completes the task with guidance. 3 Proficient — completes the task independently to workplace standard. 4 Advanced — adapts the method to new situations and coaches others.";
const PORTFOLIO = "Learner's e-portfolio, shared with the host employer's supervisor";
const OLD_DEMO_DESIGNS: Record<string, Omit<OldRow, "id">> = {
  "CAP.1.1": {
    methods: ["written_test", "oral"],
    evidence: ["test_result", "observation_record"],
    employerAccess: "Results summary in the learner's e-portfolio",
    assessor: "institution",
    identityVerification: "online_id",
    proctoring: "remote_live",
  },
  "CAP.2.1": { methods: ["work_product", "oral"], evidence: ["artefact", "observation_record"], employerAccess: PORTFOLIO, assessor: "joint", identityVerification: "known_to_assessor", proctoring: "not_proctored" },
  "CAP.3.1": {
    methods: ["simulation", "work_product"],
    evidence: ["artefact", "test_result"],
    employerAccess: "Model files and exposure maps in the e-portfolio",
    assessor: "institution",
    identityVerification: "photo_id",
    proctoring: "in_person",
  },
  "CAP.3.3": {
    methods: ["observation", "work_product"],
    evidence: ["observation_record", "artefact"],
    employerAccess: "Observation record signed by the workplace assessor, kept by Northwind Energy and in the e-portfolio",
    assessor: "employer",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
  },
  "CAP.4.1": { methods: ["work_product", "oral"], evidence: ["artefact", "observation_record"], employerAccess: PORTFOLIO, assessor: "joint", identityVerification: "known_to_assessor", proctoring: "not_proctored" },
  "CAP.4.3": {
    methods: ["work_product", "e_portfolio", "logbook_signoff"],
    evidence: ["artefact", "log"],
    employerAccess: PORTFOLIO,
    assessor: "employer",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
  },
  "CAP.5.1": {
    methods: ["observation"],
    evidence: ["video", "observation_record"],
    employerAccess: "Recording of the briefing, held by Northwind Energy; observation record in the e-portfolio",
    assessor: "joint",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
  },
  "CAP.5.3": { methods: ["e_portfolio", "self_report"], evidence: ["artefact", "log"], employerAccess: PORTFOLIO, assessor: "institution", identityVerification: "online_id", proctoring: "not_proctored" },
};

const NEW_METHOD: Record<string, string> = {
  observation: "observation",
  work_product: "work_product",
  simulation: "simulation",
  oral: "oral_examination",
  written_test: "written_examination",
  e_portfolio: "portfolio",
  logbook_signoff: "logbook_signoff",
  self_report: "self_report",
};

const competencies = demoSpecCompetencies();

function oldDemoRows(): OldRow[] {
  return competencies.map((competency, position) => ({
    id: `cap-as${String(position + 1).padStart(2, "0")}`,
    competencyId: competency.id,
    competencyCode: competency.code ?? undefined,
    competencyTitle: competency.title ?? undefined,
    ...OLD_DEMO_DESIGNS[competency.code!]!,
    rubric: RUBRIC,
    requiredLevel: competency.essential === false ? "Level 2 — Developing" : "Level 3 — Proficient",
    validatedBy: "Samuel Kwan, P.Eng., Senior Resilience Engineer, Northwind Energy",
  }));
}

type NewRow = { id: string; name?: string; method?: string; setting?: string; evidence?: string[]; assessmentOnlyRoute?: boolean } & Record<string, JsonValue>;

function planOf(ydoc: Y.Doc): { fields: CanonicalFields; rows: NewRow[]; cells: Array<[string, string]> } {
  const fields = canonicalDocument(ydoc, "assessment_plan").fields;
  return { fields, rows: fields.assessments as NewRow[], cells: coveragePairs(fields.coverage) };
}

function assessmentsOf(plan: ReturnType<typeof planOf>, competencyId: string): NewRow[] {
  const ids = new Set(plan.cells.filter(([, c]) => c === competencyId).map(([a]) => a));
  return plan.rows.filter((row) => ids.has(row.id));
}

const CARRIED = ["assessor", "identityVerification", "proctoring", "rubric", "requiredLevel", "validatedBy", "employerAccess"] as const;

/** Every (old row × method) has an assessment ticked for its competency that carries all its values. */
function expectNothingLost(oldRows: readonly OldRow[], plan: ReturnType<typeof planOf>): void {
  for (const old of oldRows) {
    if (!old.competencyId) continue;
    const assessments = assessmentsOf(plan, old.competencyId);
    const methods = (old.methods ?? []).map((m) => NEW_METHOD[m] ?? m);
    const hasValues = CARRIED.some((cell) => old[cell] !== undefined && old[cell] !== "") || (old.evidence ?? []).length > 0;
    for (const method of methods.length ? methods : hasValues ? [undefined] : []) {
      const match = assessments.find(
        (row) =>
          (row.method ?? undefined) === method &&
          CARRIED.every((cell) => (row[cell] ?? undefined) === (old[cell] || undefined)) &&
          JSON.stringify([...(row.evidence ?? [])].sort()) === JSON.stringify([...(old.evidence ?? [])].sort()),
      );
      expect(match, `${old.competencyId} × ${method}`).toBeDefined();
    }
  }
}

describe("migratePerCompetencyRows", () => {
  it("migrates the demo plan as it was: nothing lost, identical designs merged, every competency still assessed directly", () => {
    const old = oldDemoRows();
    const ydoc = oldPlan(old, { title: "Climate Adaptation Practitioner — assessment plan", assessmentOnlyOffered: true });
    const result = migratePerCompetencyRows(ydoc);
    const plan = planOf(ydoc);

    // 16 (competency × method) pairs; CAP.2.1 and CAP.4.1 share both their designs.
    expect(result).toEqual({ migratedRows: 8, assessments: 14, cells: 16 });
    expect(plan.rows).toHaveLength(14);
    expect(plan.rows.every((row) => !("competencyId" in row) && !("competencyCode" in row) && !("methods" in row))).toBe(true);
    expectNothingLost(old, plan);

    // Each competency's cells match its old methods, no more.
    for (const row of old) {
      const methods = assessmentsOf(plan, row.competencyId!).map((a) => a.method);
      expect(methods.sort(), row.competencyCode).toEqual(row.methods!.map((m) => NEW_METHOD[m]).sort());
    }
    const shared = plan.rows.filter((row) => assessmentsOf(plan, "cap-c02").includes(row));
    for (const row of shared) expect(plan.cells.filter(([a]) => a === row.id).map(([, c]) => c)).toEqual(["cap-c02", "cap-c05"]);

    // Names tell assessments of one method apart; every row gets a setting.
    expect(plan.rows.map((row) => row.name)).toEqual([
      "Written examination",
      "Oral examination — Institution",
      "Work product — Employer and institution jointly",
      "Oral examination — Employer and institution jointly",
      "Simulation",
      "Work product — Institution",
      "Direct observation — Employer",
      "Work product — Employer",
      "Work product — Employer 2",
      "Portfolio — Employer",
      "Log-book sign-off",
      "Direct observation — Employer and institution jointly",
      "Portfolio — Institution",
      "Self-report",
    ]);
    expect(new Set(plan.rows.map((row) => row.name)).size).toBe(14);
    const settings = Object.fromEntries(plan.rows.map((row) => [row.name, row.setting]));
    expect(settings).toMatchObject({ "Written examination": "online", Simulation: "institution", "Direct observation — Employer": "workplace", "Portfolio — Institution": "online" });
    // The plan offers the assessment-only route: the old assessments served both routes.
    expect(plan.rows.every((row) => row.assessmentOnlyRoute === true)).toBe(true);

    const coverage = planCoverage(plan.fields, { linkedCompetencies: competencies })!;
    expect(coverage.competencies.map((c) => [c.competency.code, c.status])).toEqual(competencies.map((c) => [c.code, "direct"]));
    expect(coverage.gaps).toBe(0);
  });

  it("keeps everything of hand-made rows: duplicates, a row without methods, an unknown method; drops only empty rows", () => {
    const design = { assessor: "institution", identityVerification: "photo_id", proctoring: "in_person", requiredLevel: "Pass", validatedBy: "A. Expert", evidence: ["test_result", "artefact"] };
    const old: OldRow[] = [
      { id: "r1", competencyId: "c1", competencyCode: "X.1", methods: ["oral", "written_test"], ...design },
      { id: "r2", competencyId: "c2", methods: ["written_test", "oral"], ...design, evidence: ["artefact", "test_result"] }, // same design, evidence in another order
      { id: "r3", competencyId: "c1", methods: ["oral"], ...design }, // a duplicate row for c1
      { id: "r4", competencyId: "c3", rubric: "1 Weak 2 Good" }, // values, no method
      { id: "r5", competencyId: "c4", methods: ["peer_review"], assessor: "third_party" }, // a method we do not know
      { id: "r6", competencyId: "c5", competencyCode: "X.5", competencyTitle: "Nothing typed" }, // nothing at all
      { id: "r7", competencyId: "c6", methods: ["oral"], ...design, rubric: "Another rubric" }, // same method and assessor, another design
      { id: "r8", competencyId: "c7", methods: ["oral", "oral"], assessor: "employer" },
    ];
    const ydoc = oldPlan(old);
    const result = migratePerCompetencyRows(ydoc);
    const plan = planOf(ydoc);

    expect(result.migratedRows).toBe(8);
    expect(plan.rows.map((row) => [row.name, row.method ?? null])).toEqual([
      ["Oral examination — Institution", "oral_examination"],
      ["Written examination", "written_examination"],
      ["Assessment", null],
      ["peer_review", "peer_review"],
      ["Oral examination — Institution 2", "oral_examination"],
      ["Oral examination — Employer", "oral_examination"],
    ]);
    expectNothingLost(old, plan);
    const [oral, written] = plan.rows;
    expect(plan.cells.filter(([a]) => a === oral!.id).map(([, c]) => c)).toEqual(["c1", "c2"]);
    expect(plan.cells.filter(([a]) => a === written!.id).map(([, c]) => c)).toEqual(["c1", "c2"]);
    expect(plan.rows[2]).toMatchObject({ rubric: "1 Weak 2 Good", setting: "institution" });
    expect(plan.rows[3]).toMatchObject({ assessor: "third_party", setting: "institution" });
    expect(plan.rows[5]).toMatchObject({ setting: "workplace" });
    expect(plan.cells.some(([, c]) => c === "c5")).toBe(false);
    expect(result).toEqual({ migratedRows: 8, assessments: 6, cells: plan.cells.length });
    // Not offered: the route is not assumed.
    expect(plan.rows.every((row) => row.assessmentOnlyRoute !== true)).toBe(true);
    expect(methodLabel("peer_review")).toBeNull();
  });

  it("is one transaction with the caller's origin, and idempotent: a second run writes nothing", () => {
    const ydoc = oldPlan(oldDemoRows());
    const origins: unknown[] = [];
    ydoc.on("update", (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const origin = { by: "server" };
    migratePerCompetencyRows(ydoc, origin);
    expect(origins).toEqual([origin]);
    const state = Y.encodeStateAsUpdate(ydoc);
    expect(migratePerCompetencyRows(ydoc, origin)).toEqual({ migratedRows: 0, assessments: 0, cells: 0 });
    expect(origins).toHaveLength(1);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(state);
  });

  it("leaves a plan in the new layout, or one without assessments, untouched", () => {
    const ydoc = new Y.Doc();
    fillDemoAssessmentPlan(ydoc, competencies);
    const before = Y.encodeStateAsUpdate(ydoc);
    let updates = 0;
    ydoc.on("update", () => (updates += 1));
    expect(migratePerCompetencyRows(ydoc)).toEqual({ migratedRows: 0, assessments: 0, cells: 0 });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);

    const empty = new Y.Doc();
    expect(migratePerCompetencyRows(empty)).toEqual({ migratedRows: 0, assessments: 0, cells: 0 });
    expect(Y.encodeStateAsUpdate(empty)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });
});
