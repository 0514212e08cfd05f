import * as Y from "yjs";
import { methodLabel } from "~/modules/coverage/methods";
import { ASSESSMENT_PLAN } from "~/modules/documents/kinds/assessment-plan";
import { rowsField } from "~/modules/documents/kinds/registry";
import type { JsonValue } from "~/modules/documents/model/types";
import { addRows, ensureLayout, fieldsMap, setCoverage } from "~/modules/documents/model/ydoc";

/**
 * One-off migration of an assessment plan written in the old layout — one row per competency,
 * each with a list of methods — to the new one: a handful of assessments (instruments) and a
 * coverage matrix (issue #14, ADR 0013). Runs on the server, once per plan, before anyone edits.
 *
 * Each (old row × method) becomes an assessment; assessments designed identically (same method,
 * assessor, identity check, proctoring, rubric, level, validation, evidence and employer access)
 * are merged into one that assesses all their competencies. Nothing typed is lost: an unknown
 * method is kept as it is (validation flags it), and a row with values but no method becomes an
 * assessment without a method. Only the copied competency code and title are dropped: the matrix
 * reads them from the specification. The setting is inferred (see inferredSetting), and when the
 * plan offers the assessment-only route every assessment is marked part of it, as the old single
 * set of assessments served both routes; people can change both afterwards.
 */

export type MigrationResult = {
  /** Old per-competency rows removed. */
  migratedRows: number;
  /** Assessments added in their place. */
  assessments: number;
  /** Coverage cells ticked. */
  cells: number;
};

const ROWS_KEY = "assessments";
const COVERAGE_KEY = "coverage";

/** Old method values whose new value differs; the others (observation, work_product, simulation, logbook_signoff, self_report) are unchanged. */
const RENAMED_METHODS: Readonly<Record<string, string>> = {
  oral: "oral_examination",
  written_test: "written_examination",
  e_portfolio: "portfolio",
};

/** The cells an assessment's design is made of, besides its method and evidence (all carried over as they are). */
const DESIGN_CELLS = ["assessor", "identityVerification", "proctoring", "rubric", "requiredLevel", "validatedBy", "employerAccess"] as const;
type DesignCell = (typeof DESIGN_CELLS)[number];

type Design = {
  method: string | null;
  values: Partial<Record<DesignCell, JsonValue>>;
  evidence: string[];
};

type Assessment = Design & { signature: string; competencyIds: Set<string> };

const nothing = (): MigrationResult => ({ migratedRows: 0, assessments: 0, cells: 0 });

export function migratePerCompetencyRows(ydoc: Y.Doc, origin?: unknown): MigrationResult {
  const rows = fieldsMap(ydoc).get(ROWS_KEY);
  if (!(rows instanceof Y.Array)) return nothing();
  const oldRows = rows.toArray().filter((item): item is Y.Map<unknown> => item instanceof Y.Map && isOldRow(item));
  // Nothing to migrate: write nothing, so a second run (or a new-layout plan) sends no update.
  if (oldRows.length === 0) return nothing();

  const assessments = mergeDesigns(oldRows);
  // The old layout had one set of assessments for both routes: when the plan offers the
  // assessment-only route, they were all part of it (editable afterwards).
  const routeOffered = fieldsMap(ydoc).get("assessmentOnlyOffered") === true;
  const names = assessmentNames(assessments);
  let cells = 0;

  ydoc.transact(() => {
    const doomed = new Set<unknown>(oldRows);
    const items = rows.toArray();
    for (let index = items.length - 1; index >= 0; index -= 1) if (doomed.has(items[index])) rows.delete(index, 1);
    ensureLayout(ydoc, ASSESSMENT_PLAN);
    const ids = addRows(ydoc, ASSESSMENT_PLAN, ROWS_KEY, assessments.map((assessment, index) => newRow(assessment, names[index]!, routeOffered)));
    assessments.forEach((assessment, index) => {
      cells += setCoverage(ydoc, ASSESSMENT_PLAN, COVERAGE_KEY, ids[index]!, assessment.competencyIds, true);
    });
  }, origin);

  return { migratedRows: oldRows.length, assessments: assessments.length, cells };
}

function isOldRow(row: Y.Map<unknown>): boolean {
  const competencyId = row.get("competencyId");
  return typeof competencyId === "string" && competencyId !== "";
}

/** A multiselect cell's values: a Y.Array, or a plain array in a plan that predates ensureLayout. */
function stringsOf(value: unknown): string[] {
  const items = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : [];
  return [...new Set(items.filter((item): item is string => typeof item === "string" && item !== ""))];
}

/** A scalar cell's value, or undefined when empty. */
function scalarOf(value: unknown): JsonValue | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}

function newMethod(oldMethod: string): string {
  return RENAMED_METHODS[oldMethod] ?? oldMethod;
}

/** The old rows' designs, identical ones merged, in order of first appearance. */
function mergeDesigns(oldRows: readonly Y.Map<unknown>[]): Assessment[] {
  const bySignature = new Map<string, Assessment>();
  for (const row of oldRows) {
    const competencyId = row.get("competencyId") as string;
    const values: Design["values"] = {};
    for (const cell of DESIGN_CELLS) {
      const value = scalarOf(row.get(cell));
      if (value !== undefined) values[cell] = value;
    }
    const evidence = stringsOf(row.get("evidence")).sort();
    const methods = [...new Set(stringsOf(row.get("methods")).map(newMethod))];
    const hasValues = Object.keys(values).length > 0 || evidence.length > 0;
    // A row with values but no method still becomes an assessment; a row with nothing at all
    // becomes nothing (its competency simply shows as not assessed).
    const designs: (string | null)[] = methods.length ? methods : hasValues ? [null] : [];
    for (const method of designs) {
      const signature = JSON.stringify([method, ...DESIGN_CELLS.map((cell) => values[cell] ?? null), evidence]);
      let assessment = bySignature.get(signature);
      if (!assessment) {
        assessment = { method, values, evidence, signature, competencyIds: new Set() };
        bySignature.set(signature, assessment);
      }
      assessment.competencyIds.add(competencyId);
    }
  }
  return [...bySignature.values()];
}

function assessorLabels(): Map<string, string> {
  const field = rowsField(ASSESSMENT_PLAN, ROWS_KEY).fields.find((cell) => cell.key === "assessor");
  return new Map((field && "options" in field ? field.options ?? [] : []).map((option) => [option.value, option.label]));
}

/**
 * Names people can tell apart: the method's label; " — <assessor>" when several assessments share
 * a method; " 2", " 3"… when that is still ambiguous. An unknown method: its value; none: "Assessment".
 */
function assessmentNames(assessments: readonly Assessment[]): string[] {
  const labels = assessorLabels();
  const perMethod = new Map<string | null, number>();
  for (const { method } of assessments) perMethod.set(method, (perMethod.get(method) ?? 0) + 1);
  const base = assessments.map(({ method, values }) => {
    const name = methodLabel(method) ?? method ?? "Assessment";
    if (perMethod.get(method)! < 2) return name;
    const assessor = typeof values.assessor === "string" ? labels.get(values.assessor) ?? values.assessor : null;
    return assessor ? `${name} — ${assessor}` : name;
  });
  const seen = new Map<string, number>();
  return base.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  });
}

/**
 * Where the assessment happens was not recorded in the old layout, so it is INFERRED (and
 * editable): online when proctored remotely or identity is checked online; at the workplace when
 * the employer assesses; otherwise at the institution.
 */
function inferredSetting({ values }: Design): string {
  if (values.proctoring === "remote_live" || values.proctoring === "remote_recorded" || values.identityVerification === "online_id") return "online";
  if (values.assessor === "employer") return "workplace";
  return "institution";
}

function newRow(assessment: Assessment, name: string, routeOffered: boolean): Record<string, JsonValue> {
  const row: Record<string, JsonValue> = { name, setting: inferredSetting(assessment), ...assessment.values, evidence: assessment.evidence };
  if (assessment.method !== null) row.method = assessment.method;
  if (routeOffered) row.assessmentOnlyRoute = true;
  return row;
}
