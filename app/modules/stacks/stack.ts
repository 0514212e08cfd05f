/**
 * A stack: a credential made of modules (issue #18). Pure: callers load the modules' approved
 * content and statuses, these functions compute what the stack's page and its sign-off show —
 * totals under each allowed combination, the competency union against the stack's own
 * competencies, which referenced modules are not approved, and which have a newer approved version.
 *
 * A stack's module is a reference to a specific approved version of a module specification
 * (document id + version hash), stored as a row of the stack's Y.Doc ("stackModules").
 */
import type { CanonicalFields, CanonicalRow } from "~/modules/documents/model/types";
import { asNumber, asString, rowsOf } from "~/modules/documents/model/values";

export const CREDENTIAL_KINDS = ["standalone", "module", "stack"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** A row of the stack's "stackModules": which module, at which approved version. */
export type StackModuleRef = {
  rowId: string;
  moduleDocumentId: string;
  versionHash: string;
  /** The module's title at that version, and its owner (copied when picked, like a framework reference). */
  title: string;
  owner: string;
  /** Module document ids of this stack that must be completed first. */
  prerequisites: string[];
};

export type StackRule = { kind: "all" } | { kind: "k_of_n"; k: number };

/** What a module contributes, read from its approved content at the referenced version. */
export type ModuleFacts = {
  documentId: string;
  title: string;
  owner: string;
  hours: number;
  credits: number;
  cost: number;
  weeks: number;
  competencies: CompetencyRef[];
};

export type CompetencyRef = { key: string; code: string; title: string };

export function credentialKindOf(fields: CanonicalFields): CredentialKind {
  const kind = asString(fields.credentialKind);
  return kind === "module" || kind === "stack" ? kind : "standalone";
}

export function stackModuleRefs(fields: CanonicalFields): StackModuleRef[] {
  return rowsOf(fields, "stackModules").flatMap((row) => {
    const moduleDocumentId = asString(row.moduleDocumentId);
    const versionHash = asString(row.versionHash);
    if (!row.id || !moduleDocumentId || !versionHash) return [];
    return [
      {
        rowId: row.id,
        moduleDocumentId,
        versionHash,
        title: asString(row.title) ?? "",
        owner: asString(row.owner) ?? "",
        prerequisites: (asString(row.prerequisites) ?? "").split(/[\s,]+/).filter(Boolean),
      },
    ];
  });
}

export function stackRuleOf(fields: CanonicalFields): StackRule {
  if (asString(fields.stackRule) !== "k_of_n") return { kind: "all" };
  const k = asNumber(fields.stackK);
  return { kind: "k_of_n", k: k === null ? 0 : Math.trunc(k) };
}

/** How a competency is matched across documents: its library node, else its code, else its title. */
export function competencyKey(row: CanonicalRow): string | null {
  const frameworkId = asString(row.frameworkId);
  const competencyId = asString(row.competencyId);
  if (row.source === "framework" && frameworkId && competencyId) return `node:${competencyId}`;
  const code = asString(row.code)?.trim().toLowerCase();
  if (code) return `code:${code}`;
  const title = asString(row.title)?.trim().toLowerCase();
  return title ? `title:${title}` : null;
}

export function competencyRefs(fields: CanonicalFields): CompetencyRef[] {
  return rowsOf(fields, "competencies").flatMap((row) => {
    const key = competencyKey(row);
    return key ? [{ key, code: asString(row.code) ?? "", title: asString(row.title) ?? "" }] : [];
  });
}

/** A module's facts from its (approved) fields. */
export function moduleFactsOf(documentId: string, fields: CanonicalFields, owner: string): ModuleFacts {
  return {
    documentId,
    title: asString(fields.title) ?? "",
    owner,
    hours: asNumber(fields.learningHours) ?? 0,
    credits: asNumber(fields.creditValue) ?? 0,
    cost: asNumber(fields.costCad) ?? 0,
    weeks: asNumber(fields.timeToCompleteWeeks) ?? 0,
    competencies: competencyRefs(fields),
  };
}

export type Range = { min: number; max: number };
export type Combination = { moduleIds: string[]; titles: string[]; hours: number; credits: number; cost: number; weeks: number };
export type StackTotals = {
  /** Number of allowed combinations of modules. */
  combinationCount: number;
  /** How many modules a learner takes. */
  take: number;
  hours: Range;
  credits: Range;
  cost: Range;
  /** Weeks, taking the modules one after another. */
  weeks: Range;
  /** The combinations themselves, when there are at most LIST_COMBINATIONS_UP_TO of them. */
  combinations: Combination[] | null;
  /** Why the rule cannot be met (k larger than the modules, or less than 1); null when it can. */
  problem: string | null;
};

export const LIST_COMBINATIONS_UP_TO = 10;

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

function combinationsOf<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...combinationsOf(rest, k - 1).map((c) => [first as T, ...c]), ...combinationsOf(rest, k)];
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

/** Min and max of a measure over every choice of k modules: the k smallest and the k largest (exact, no enumeration). */
function rangeOf(values: number[], k: number): Range {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sum(sorted.slice(0, k)), max: sum(sorted.slice(sorted.length - k)) };
}

/** A problem in English with its translation key and values ("stacks" area), for the reader's language. */
export type StackProblem = { message: string; code: string; params?: Record<string, string | number> };

/** Why a "k of n" rule cannot be met, or null when it can (stackTotals' `problem` is its message). */
export function ruleProblem(take: number, n: number): StackProblem | null {
  if (take < 1) return { message: "Say how many of the modules a learner takes (at least 1).", code: "stacks.problems.takeAtLeastOne" };
  if (take > n) return { message: `The rule asks for ${take} of ${n} modules: add modules or lower the number.`, code: "stacks.problems.takeTooMany", params: { take, n } };
  return null;
}

/** Totals of the stack under its rule: all required (one combination), or any k of the n modules. */
export function stackTotals(modules: readonly ModuleFacts[], rule: StackRule): StackTotals {
  const n = modules.length;
  const take = rule.kind === "all" ? n : rule.k;
  const empty: Range = { min: 0, max: 0 };
  if (rule.kind === "k_of_n" && (take < 1 || take > n)) {
    const problem = ruleProblem(take, n)?.message ?? null;
    return { combinationCount: 0, take, hours: empty, credits: empty, cost: empty, weeks: empty, combinations: null, problem };
  }
  const combinationCount = binomial(n, take);
  const combinations =
    combinationCount <= LIST_COMBINATIONS_UP_TO
      ? combinationsOf(modules, take).map((chosen) => ({
          moduleIds: chosen.map((m) => m.documentId),
          titles: chosen.map((m) => m.title),
          hours: sum(chosen.map((m) => m.hours)),
          credits: sum(chosen.map((m) => m.credits)),
          cost: sum(chosen.map((m) => m.cost)),
          weeks: sum(chosen.map((m) => m.weeks)),
        }))
      : null;
  return {
    combinationCount,
    take,
    hours: rangeOf(modules.map((m) => m.hours), take),
    credits: rangeOf(modules.map((m) => m.credits), take),
    cost: rangeOf(modules.map((m) => m.cost), take),
    weeks: rangeOf(modules.map((m) => m.weeks), take),
    combinations,
    problem: null,
  };
}

export type CompetencyUnion = {
  /** Stack competencies at least one module covers, with the modules that do. */
  covered: Array<CompetencyRef & { modules: string[] }>;
  /** Stack competencies no module covers. */
  gaps: CompetencyRef[];
  /** Competencies two or more modules both cover. */
  overlaps: Array<CompetencyRef & { modules: string[] }>;
  /** Competencies the modules cover that the stack does not list. */
  beyond: Array<CompetencyRef & { modules: string[] }>;
};

/** The union of the modules' competencies against the stack's own. */
export function competencyUnion(stackCompetencies: readonly CompetencyRef[], modules: readonly ModuleFacts[]): CompetencyUnion {
  const byKey = new Map<string, { ref: CompetencyRef; modules: string[] }>();
  for (const module of modules) {
    for (const competency of module.competencies) {
      const entry = byKey.get(competency.key) ?? { ref: competency, modules: [] };
      if (!entry.modules.includes(module.title)) entry.modules.push(module.title);
      byKey.set(competency.key, entry);
    }
  }
  const stackKeys = new Set(stackCompetencies.map((c) => c.key));
  const covered = stackCompetencies.flatMap((c) => {
    const entry = byKey.get(c.key);
    return entry ? [{ ...c, modules: entry.modules }] : [];
  });
  return {
    covered,
    gaps: stackCompetencies.filter((c) => !byKey.has(c.key)),
    overlaps: [...byKey.values()].filter((e) => e.modules.length > 1).map((e) => ({ ...e.ref, modules: e.modules })),
    beyond: [...byKey.values()].filter((e) => !stackKeys.has(e.ref.key)).map((e) => ({ ...e.ref, modules: e.modules })),
  };
}

/** Problems with prerequisites: a prerequisite outside the stack, a module requiring itself, a cycle. */
export function prerequisiteProblems(refs: readonly StackModuleRef[]): string[] {
  return prerequisiteIssues(refs).map((problem) => problem.message);
}

/** prerequisiteProblems with their translation keys. */
export function prerequisiteIssues(refs: readonly StackModuleRef[]): StackProblem[] {
  const ids = new Set(refs.map((r) => r.moduleDocumentId));
  const titleOf = (id: string) => refs.find((r) => r.moduleDocumentId === id)?.title || id;
  const problems: StackProblem[] = [];
  for (const ref of refs) {
    for (const pre of ref.prerequisites) {
      if (pre === ref.moduleDocumentId) problems.push({ message: `${ref.title} cannot be its own prerequisite.`, code: "stacks.problems.ownPrerequisite", params: { title: ref.title } });
      else if (!ids.has(pre)) problems.push({ message: `A prerequisite of ${ref.title} is not a module of this stack.`, code: "stacks.problems.outsidePrerequisite", params: { title: ref.title } });
    }
  }
  // A cycle: depth-first search over prerequisites within the stack.
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]): string[] | null => {
    if (state.get(id) === "done") return null;
    if (state.get(id) === "visiting") return [...path.slice(path.indexOf(id)), id];
    state.set(id, "visiting");
    for (const pre of refs.find((r) => r.moduleDocumentId === id)?.prerequisites ?? []) {
      if (!ids.has(pre) || pre === id) continue;
      const cycle = visit(pre, [...path, id]);
      if (cycle) return cycle;
    }
    state.set(id, "done");
    return null;
  };
  for (const ref of refs) {
    const cycle = visit(ref.moduleDocumentId, []);
    if (cycle) {
      const path = cycle.map(titleOf).join(" → ");
      problems.push({ message: `The prerequisites go round in a circle: ${path}.`, code: "stacks.problems.cycle", params: { path } });
      break;
    }
  }
  return problems;
}

/** What is known now about a referenced module (its document's status, its approved versions). */
export type ModuleStatus = {
  documentId: string;
  title: string;
  status: string;
  /** Hashes of every approved version, oldest first; the last is the latest approved one. */
  approvedVersionHashes: string[];
};

export type ModuleState =
  | { state: "approved" }
  | { state: "newer_version"; latestVersionHash: string }
  | { state: "reopened"; status: string }
  | { state: "not_approved"; status: string }
  | { state: "missing" };

/**
 * The state of one reference: its version is approved and current; a newer version was approved
 * since; the module was reopened (its document is no longer approved, the referenced version was);
 * or the referenced version was never approved (or the module is gone).
 */
export function moduleState(ref: Pick<StackModuleRef, "versionHash">, status: ModuleStatus | undefined): ModuleState {
  if (!status) return { state: "missing" };
  if (!status.approvedVersionHashes.includes(ref.versionHash)) return { state: "not_approved", status: status.status };
  if (status.status !== "approved") return { state: "reopened", status: status.status };
  const latest = status.approvedVersionHashes[status.approvedVersionHashes.length - 1]!;
  return latest === ref.versionHash ? { state: "approved" } : { state: "newer_version", latestVersionHash: latest };
}

/**
 * Why a stack may not be signed off: the modules that are not approved now — their referenced
 * version was never approved, or the module was reopened since. A module with a newer approved
 * version does not block (the referenced version is approved; the page offers the new one).
 * Null when every module is approved.
 */
export function unapprovedModulesMessage(refs: readonly StackModuleRef[], statuses: ReadonlyMap<string, ModuleStatus>): string | null {
  const unapproved = refs.filter((ref) => {
    const state = moduleState(ref, statuses.get(ref.moduleDocumentId)).state;
    return state !== "approved" && state !== "newer_version";
  });
  if (unapproved.length === 0) return null;
  const names = unapproved.map((ref) => ref.title || "Untitled module").join(", ");
  return unapproved.length === 1 ? `1 module is not approved: ${names}` : `${unapproved.length} modules are not approved: ${names}`;
}
