import { summarizeCoverage, type CoverageReport, type CoverageSummary } from "~/modules/coverage/rules";
import { kindDefinition, type KindRef } from "~/modules/documents/kinds/registry";
import { completeness } from "~/modules/documents/model/completeness";
import type { CanonicalDocument, CompletenessReport, FieldIssue, JsonValue, ModelContext, ProjectedCompetency } from "~/modules/documents/model/types";
import { asString } from "~/modules/documents/model/values";
import { validateFields } from "~/modules/documents/model/validate";

export type DocumentProjection = {
  /** The document's own title field; "" while empty (the database title stays until then). */
  title: string;
  keyFields: Record<string, JsonValue>;
  competencies: ProjectedCompetency[];
  completeness: CompletenessReport;
  /** Errors only: warnings (stale evidence…) depend on the day and are computed at display time. */
  validationErrors: FieldIssue[];
  /** An assessment plan's coverage of its specification (what the specification's page and sign-off read); else null. */
  coverage: CoverageSummary | null;
};

/**
 * What the database keeps next to the Yjs state, recomputed from the canonical form whenever the
 * document is saved: columns and JSON to list, search and filter documents without loading Yjs.
 * Pure and time-independent (no `today`), so the same version always projects the same way.
 */
export function projectDocument(canonical: CanonicalDocument, kind: KindRef = canonical.kind, context: Omit<ModelContext, "today"> = {}): DocumentProjection {
  const definition = kindDefinition(kind);
  if (canonical.kind !== definition.kind) throw new Error(`A ${canonical.kind} document projected as ${definition.kind}`);
  // Never `today`, even if a caller passes it: a stored projection must not depend on the day.
  const timeless: ModelContext = { linkedCompetencies: context.linkedCompetencies, linkedKeyFields: context.linkedKeyFields };
  const keyFields: Record<string, JsonValue> = {};
  for (const key of definition.keyFields) keyFields[key] = canonical.fields[key] ?? null;
  return {
    title: asString(canonical.fields.title) ?? "",
    keyFields,
    competencies: definition.competencies(canonical.fields, timeless),
    completeness: completeness(definition, canonical, timeless),
    validationErrors: validateFields(definition, canonical.fields, timeless).filter((issue) => issue.severity === "error"),
    coverage: coverageSummaryOf(definition.coverage?.(canonical.fields, timeless) ?? null),
  };
}

function coverageSummaryOf(report: CoverageReport | null): CoverageSummary | null {
  return report ? summarizeCoverage(report) : null;
}
