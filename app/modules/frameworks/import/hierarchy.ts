/**
 * The checks every format shares, once: from the competencies a parser read (each with where it
 * was read and a reference to its parent), the tree — or every problem that stops it: a duplicate
 * id or code, a parent that is not in the file, a missing statement, a cycle. Parsers resolve
 * their own kind of reference (URIs with a trailing slash, CTIDs, CASE identifiers, codes) to a
 * key; this module only sees keys.
 */
import {
  listed,
  locationLabel,
  problemAt,
  type ImportProblem,
  type ImportedCompetency,
  type Location,
} from "~/modules/frameworks/import/types";

export interface DraftCompetency {
  /** Matching key (a normalised sourceId); unique in a good file. */
  key: string;
  sourceId: string;
  code?: string;
  statement?: string;
  description?: string;
  typeLabel?: string;
  sourceUri?: string;
  ctid?: string;
  /**
   * The parent as written (for messages) and its key, or null at the top level. `key` is absent
   * when the parser could not resolve the reference at all.
   */
  parent: { written: string; key?: string } | null;
  /** Explicit sibling order (CASE sequenceNumber, position in a hasChild list); file order breaks ties. */
  order?: number;
  where: Location;
}

export interface HierarchyLabels {
  /** What the file calls an id ("id", "@id", "identifier"). */
  id: string;
  /** What the file calls a code ("code", "ceasn:codedNotation", "humanCodingScheme"). */
  code: string;
  /** Where the statement comes from, for "missing statement" ("column ceasn:competencyText"). */
  statement: string;
  /** What points at the parent ("ceasn:isChildOf", "the parent code column"). */
  parent: string;
  /** The key is the code (a CSV read by code): a repeated key is one duplicate code, not two problems. */
  idIsCode?: boolean;
}

export function buildHierarchy(
  drafts: readonly DraftCompetency[],
  labels: HierarchyLabels,
): { ok: true; competencies: ImportedCompetency[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const byKey = new Map<string, DraftCompetency>();
  const byCode = new Map<string, DraftCompetency>();

  for (const draft of drafts) {
    if (!draft.statement?.trim())
      problems.push(problemAt(draft.where, "missing-statement", `no statement (${labels.statement} is empty).`));
    const first = byKey.get(draft.key);
    const code = draft.code?.trim();
    if (first) {
      problems.push(
        labels.idIsCode && code
          ? problemAt(draft.where, "duplicate-code", `${labels.code} "${code}" is also used by ${describe(first.where, draft.where)}.`)
          : problemAt(
              draft.where,
              "duplicate-id",
              `${labels.id} "${draft.sourceId}" is also used by ${describe(first.where, draft.where)}.`,
            ),
      );
      // One problem per repeated row or node, even when its code repeats too.
      continue;
    }
    byKey.set(draft.key, draft);
    if (code) {
      const firstWithCode = byCode.get(code);
      if (firstWithCode) {
        problems.push(
          problemAt(
            draft.where,
            "duplicate-code",
            `${labels.code} "${code}" is also used by ${describe(firstWithCode.where, draft.where)}.`,
          ),
        );
      } else byCode.set(code, draft);
    }
  }

  // Parents: resolved against the first competency with each key.
  const parentOf = new Map<DraftCompetency, DraftCompetency>();
  for (const draft of drafts) {
    if (!draft.parent || byKey.get(draft.key) !== draft) continue;
    const parent = draft.parent.key === undefined ? undefined : byKey.get(draft.parent.key);
    if (!parent) {
      problems.push(
        problemAt(
          draft.where,
          "unknown-parent",
          `its parent "${draft.parent.written}" (${labels.parent}) is not a competency of this file.`,
        ),
      );
    } else parentOf.set(draft, parent);
  }

  problems.push(...findCycles(parentOf, labels));
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, competencies: depthFirst(drafts, parentOf) };
}

/** The other place, as the reader of `from`'s message would look for it. */
function describe(where: Location, from: Location): string {
  if ("line" in where) return `line ${where.line}`;
  if ("nodeId" in from && from.nodeId === where.nodeId && where.position && from.position) {
    return `${where.position} (this one is ${from.position})`;
  }
  return where.label;
}

/**
 * Every cycle once, reported on its first competency in file order: "Lines 4, 7 and 9 form a
 * cycle: 1.A → 1.B → 1.C → 1.A". A competency whose own parent is itself is a cycle of one.
 */
function findCycles(parentOf: Map<DraftCompetency, DraftCompetency>, labels: HierarchyLabels): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const state = new Map<DraftCompetency, "walking" | "done">();
  for (const start of parentOf.keys()) {
    if (state.has(start)) continue;
    const path: DraftCompetency[] = [];
    let node: DraftCompetency | undefined = start;
    while (node && !state.has(node)) {
      state.set(node, "walking");
      path.push(node);
      node = parentOf.get(node);
    }
    if (node && state.get(node) === "walking") {
      const cycle = path.slice(path.indexOf(node));
      const name = (draft: DraftCompetency) => draft.code?.trim() || draft.sourceId;
      const chain = [...cycle, cycle[0]!].map(name).join(" → ");
      const first = cycle[0]!;
      const lines = cycle.map((draft) => ("line" in draft.where ? String(draft.where.line) : ""));
      const places =
        "line" in first.where
          ? `Line${cycle.length > 1 ? "s" : ""} ${listed(lines, 20)}`
          : listed(
              cycle.map((draft) => locationLabel(draft.where)),
              20,
            );
      const message =
        cycle.length === 1
          ? `${places}: ${labels.parent} points at itself (${name(first)}).`
          : `${places} form a cycle through ${labels.parent}: ${chain}.`;
      problems.push(
        "line" in first.where ? { kind: "cycle", message, line: first.where.line } : { kind: "cycle", message, nodeId: first.where.nodeId },
      );
    }
    for (const walked of path) state.set(walked, "done");
  }
  return problems;
}

function depthFirst(drafts: readonly DraftCompetency[], parentOf: Map<DraftCompetency, DraftCompetency>): ImportedCompetency[] {
  const position = new Map<DraftCompetency, number>();
  drafts.forEach((draft, index) => position.set(draft, index));
  const roots: DraftCompetency[] = [];
  const children = new Map<DraftCompetency, DraftCompetency[]>();
  for (const draft of drafts) {
    const parent = parentOf.get(draft);
    if (parent) {
      const siblings = children.get(parent);
      if (siblings) siblings.push(draft);
      else children.set(parent, [draft]);
    } else roots.push(draft);
  }
  const bySiblingOrder = (a: DraftCompetency, b: DraftCompetency) =>
    (a.order ?? Infinity) - (b.order ?? Infinity) || position.get(a)! - position.get(b)!;

  const competencies: ImportedCompetency[] = [];
  // Iterative, so a 50,000-deep chain does not exhaust the stack.
  const stack: Array<{ draft: DraftCompetency; depth: number; order: number }> = [];
  const pushAll = (siblings: DraftCompetency[], depth: number) => {
    const sorted = [...siblings].sort(bySiblingOrder);
    for (let i = sorted.length - 1; i >= 0; i--) stack.push({ draft: sorted[i]!, depth, order: i });
  };
  pushAll(roots, 0);
  while (stack.length > 0) {
    const { draft, depth, order } = stack.pop()!;
    const parent = parentOf.get(draft);
    const statement = draft.statement!.trim();
    // A description that only repeats the statement says nothing more.
    const description = draft.description?.trim() && draft.description.trim() !== statement ? draft.description.trim() : undefined;
    competencies.push({
      sourceId: draft.sourceId,
      ...(draft.code?.trim() ? { code: draft.code.trim() } : {}),
      statement,
      ...(description ? { description } : {}),
      ...(draft.typeLabel?.trim() ? { typeLabel: draft.typeLabel.trim() } : {}),
      parentSourceId: parent ? parent.sourceId : null,
      order,
      depth,
      ...(draft.sourceUri ? { sourceUri: draft.sourceUri } : {}),
      ...(draft.ctid ? { ctid: draft.ctid } : {}),
    });
    const own = children.get(draft);
    if (own) pushAll(own, depth + 1);
  }
  return competencies;
}
