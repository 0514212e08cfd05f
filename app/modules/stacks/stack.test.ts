import { describe, expect, it } from "vitest";
import type { CanonicalFields } from "~/modules/documents/model/types";
import {
  competencyUnion,
  moduleFactsOf,
  moduleState,
  prerequisiteProblems,
  stackModuleRefs,
  stackRuleOf,
  stackTotals,
  unapprovedModulesMessage,
  type CompetencyRef,
  type ModuleFacts,
  type ModuleStatus,
  type StackModuleRef,
} from "~/modules/stacks/stack";

const c = (code: string): CompetencyRef => ({ key: `code:${code.toLowerCase()}`, code, title: `Competency ${code}` });
const mod = (id: string, hours: number, credits: number, cost: number, weeks: number, competencies: string[] = []): ModuleFacts => ({
  documentId: id,
  title: `Module ${id}`,
  owner: "Lakeshore College",
  hours,
  credits,
  cost,
  weeks,
  competencies: competencies.map(c),
});
const A = mod("A", 40, 3, 900, 6, ["C1", "C2"]);
const B = mod("B", 60, 4, 1200, 8, ["C2", "C3"]);
const C = mod("C", 20, 1, 300, 3, ["C4"]);
const D = mod("D", 30, 2, 500, 4);

describe("stackTotals", () => {
  it.each([
    ["all required", [A, B, C], { kind: "all" } as const, 1, { min: 120, max: 120 }, { min: 8, max: 8 }, { min: 2400, max: 2400 }, { min: 17, max: 17 }],
    ["2 of 3", [A, B, C], { kind: "k_of_n", k: 2 } as const, 3, { min: 60, max: 100 }, { min: 4, max: 7 }, { min: 1200, max: 2100 }, { min: 9, max: 14 }],
    ["1 of 4", [A, B, C, D], { kind: "k_of_n", k: 1 } as const, 4, { min: 20, max: 60 }, { min: 1, max: 4 }, { min: 300, max: 1200 }, { min: 3, max: 8 }],
    ["3 of 3 is all", [A, B, C], { kind: "k_of_n", k: 3 } as const, 1, { min: 120, max: 120 }, { min: 8, max: 8 }, { min: 2400, max: 2400 }, { min: 17, max: 17 }],
  ])("%s", (_label, modules, rule, count, hours, credits, cost, weeks) => {
    const totals = stackTotals(modules, rule);
    expect(totals.problem).toBeNull();
    expect(totals.combinationCount).toBe(count);
    expect(totals.hours).toEqual(hours);
    expect(totals.credits).toEqual(credits);
    expect(totals.cost).toEqual(cost);
    expect(totals.weeks).toEqual(weeks);
    expect(totals.combinations).toHaveLength(count);
  });

  it("lists each combination of 2 of 3 with its own totals", () => {
    const totals = stackTotals([A, B, C], { kind: "k_of_n", k: 2 });
    expect(totals.combinations?.map((x) => [x.moduleIds.join("+"), x.hours])).toEqual([
      ["A+B", 100],
      ["A+C", 60],
      ["B+C", 80],
    ]);
  });

  it("does not list more than 10 combinations but still gives exact min and max", () => {
    const many = Array.from({ length: 8 }, (_, i) => mod(`M${i}`, 10 * (i + 1), 1, 100, 1));
    const totals = stackTotals(many, { kind: "k_of_n", k: 3 });
    expect(totals.combinationCount).toBe(56);
    expect(totals.combinations).toBeNull();
    expect(totals.hours).toEqual({ min: 60, max: 210 });
  });

  it.each([
    [{ kind: "k_of_n", k: 4 } as const, "The rule asks for 4 of 3 modules: add modules or lower the number."],
    [{ kind: "k_of_n", k: 0 } as const, "Say how many of the modules a learner takes (at least 1)."],
  ])("refuses a rule that cannot be met: %o", (rule, problem) => {
    expect(stackTotals([A, B, C], rule).problem).toBe(problem);
  });
});

describe("competencyUnion", () => {
  it("finds covered competencies, gaps and overlaps", () => {
    const union = competencyUnion([c("C1"), c("C2"), c("C3"), c("C9")], [A, B, C]);
    expect(union.covered.map((x) => [x.code, x.modules])).toEqual([
      ["C1", ["Module A"]],
      ["C2", ["Module A", "Module B"]],
      ["C3", ["Module B"]],
    ]);
    expect(union.gaps.map((x) => x.code)).toEqual(["C9"]);
    expect(union.overlaps.map((x) => [x.code, x.modules])).toEqual([["C2", ["Module A", "Module B"]]]);
    expect(union.beyond.map((x) => x.code)).toEqual(["C4"]);
  });

  it("has no overlaps when modules cover different competencies, and every competency is a gap with no modules", () => {
    expect(competencyUnion([c("C1")], [A, C]).overlaps).toEqual([]);
    expect(competencyUnion([c("C1"), c("C2")], []).gaps.map((x) => x.code)).toEqual(["C1", "C2"]);
  });

  it("matches framework references by their library node, whatever their code", () => {
    const fields: CanonicalFields = {
      competencies: [
        { id: "r1", source: "framework", frameworkId: "f1", competencyId: "node-7", code: "X", title: "One" },
        { id: "r2", source: "custom", code: "Y-1", title: "Two" },
      ],
    };
    const facts = moduleFactsOf("m", fields, "Owner");
    expect(facts.competencies.map((x) => x.key)).toEqual(["node:node-7", "code:y-1"]);
  });
});

describe("version updates and approval", () => {
  const ref = (id: string, versionHash: string): StackModuleRef => ({ rowId: `row-${id}`, moduleDocumentId: id, versionHash, title: `Module ${id}`, owner: "", prerequisites: [] });
  const status = (id: string, s: string, hashes: string[]): ModuleStatus => ({ documentId: id, title: `Module ${id}`, status: s, approvedVersionHashes: hashes });

  it.each([
    ["approved and current", ref("A", "h1"), status("A", "approved", ["h1"]), { state: "approved" }],
    ["a newer version approved", ref("A", "h1"), status("A", "approved", ["h1", "h2"]), { state: "newer_version", latestVersionHash: "h2" }],
    ["reopened since", ref("A", "h1"), status("A", "draft", ["h1"]), { state: "reopened", status: "draft" }],
    ["never approved", ref("A", "h0"), status("A", "in_review", []), { state: "not_approved", status: "in_review" }],
    ["gone", ref("A", "h1"), undefined, { state: "missing" }],
  ])("%s", (_label, r, s, expected) => {
    expect(moduleState(r, s)).toEqual(expected);
  });

  it("says which modules are not approved, in the words the panel shows", () => {
    const refs = [ref("A", "h1"), ref("B", "h1"), ref("C", "h1"), ref("D", "h1")];
    const statuses = new Map([
      ["A", status("A", "approved", ["h1"])],
      ["B", status("B", "draft", [])],
      ["C", status("C", "approved", ["h1", "h2"])],
      ["D", status("D", "draft", ["h1"])],
    ]);
    expect(unapprovedModulesMessage(refs, statuses)).toBe("2 modules are not approved: Module B, Module D");
    expect(unapprovedModulesMessage([refs[0]!, refs[2]!], statuses)).toBeNull();
    expect(unapprovedModulesMessage([refs[1]!], statuses)).toBe("1 module is not approved: Module B");
  });
});

describe("rows, rules and prerequisites", () => {
  it("reads module references and the rule from the stack's fields", () => {
    const fields: CanonicalFields = {
      stackRule: "k_of_n",
      stackK: 2,
      stackModules: [
        { id: "r1", moduleDocumentId: "A", versionHash: "h1", title: "Module A", owner: "Lakeshore", prerequisites: "" },
        { id: "r2", moduleDocumentId: "B", versionHash: "h2", title: "Module B", owner: "Prairie", prerequisites: "A" },
        { id: "r3", moduleDocumentId: "", versionHash: "", title: "half-filled" },
      ],
    };
    expect(stackRuleOf(fields)).toEqual({ kind: "k_of_n", k: 2 });
    expect(stackRuleOf({})).toEqual({ kind: "all" });
    expect(stackModuleRefs(fields).map((r) => [r.moduleDocumentId, r.prerequisites])).toEqual([
      ["A", []],
      ["B", ["A"]],
    ]);
  });

  const r = (id: string, prerequisites: string[]): StackModuleRef => ({ rowId: id, moduleDocumentId: id, versionHash: "h", title: id, owner: "", prerequisites });
  it.each([
    ["a chain", [r("A", []), r("B", ["A"]), r("C", ["B"])], []],
    ["outside the stack", [r("A", ["Z"])], ["A prerequisite of A is not a module of this stack."]],
    ["itself", [r("A", ["A"])], ["A cannot be its own prerequisite."]],
    ["a cycle", [r("A", ["B"]), r("B", ["A"])], ["The prerequisites go round in a circle: A → B → A."]],
  ])("prerequisites: %s", (_label, refs, problems) => {
    expect(prerequisiteProblems(refs)).toEqual(problems);
  });
});
