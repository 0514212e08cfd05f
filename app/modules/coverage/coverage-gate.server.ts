/**
 * Sign-off is refused while an assessment plan leaves essential competencies unassessed (issue
 * #14): on the plan itself, and on a specification whose plan has gaps. The sign-off command
 * (signoff.server.ts) refuses with the same words the panel shows on the disabled button.
 *
 * Read from durable content, never from a page: the document's own content is the one the command
 * read under its lock; a specification's plans are read as stored now.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { gapMessage, softOnlyMessage, summarizeCoverage, type PlanCoverage } from "~/modules/coverage/rules";
import { planCoverage, projectDocument, type CanonicalDocument, type DocumentKind, type ModelContext } from "~/modules/documents/model";
import { linkedContextFor } from "~/modules/documents/projection.server";
import { loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { canonicalOfState } from "~/modules/versions/versions.server";

export type CoverageGate = {
  /** The coverage of each assessment plan that bears on the document (the plan itself, or a specification's plans). */
  plans: PlanCoverage[];
  /** Why sign-off is refused ("N competencies have no direct assessment"), and where to fix it; null when nothing blocks. */
  blocking: { message: string; planId: string } | null;
  /** What approvers should know but does not block (soft evidence only). */
  warnings: string[];
};

type GatedDocument = { id: string; projectId: string; kind: DocumentKind; title: string };

/**
 * The coverage that gates the document's sign-off; no plans (and nothing blocking) for an agreement.
 * A specification's plans are read from their durable state (the sign-off command), or — for the
 * panel, re-read every few seconds — from their projections, which follow within the debounce.
 */
export async function coverageGate(q: Queryable, document: GatedDocument, content: CanonicalDocument, plansFrom: "durable" | "projections" = "durable"): Promise<CoverageGate> {
  const plans: PlanCoverage[] = [];
  if (document.kind === "assessment_plan") {
    const context = await linkedContextFor(q, document.projectId, document.kind, content.fields);
    const report = planCoverage(content.fields, context);
    if (report) plans.push({ planId: document.id, planTitle: document.title, summary: summarizeCoverage(report) });
  } else if (document.kind === "credential_spec" && plansFrom === "projections") {
    plans.push(...(await projectedPlanCoverage(q, document)));
  } else if (document.kind === "credential_spec") {
    const spec = projectDocument(content, "credential_spec");
    const context: ModelContext = { linkedCompetencies: spec.competencies, linkedKeyFields: spec.keyFields };
    for (const plan of await plansOf(q, document)) {
      const canonical = canonicalOfState(await loadDocumentState(q, plan.id), "assessment_plan");
      const report = planCoverage(canonical.fields, context);
      if (report) plans.push({ planId: plan.id, planTitle: plan.title, summary: summarizeCoverage(report) });
    }
  }
  return gateOf(plans);
}

/**
 * The gate as last projected, without reading the document's content: for the sign-off panel of a
 * draft, which every open page polls (a plan's own coverage from its projection, a specification's
 * plans from theirs). Null when the document has not been projected yet.
 */
export async function projectedCoverageGate(q: Queryable, document: GatedDocument): Promise<CoverageGate | null> {
  if (document.kind === "credential_spec") return gateOf(await projectedPlanCoverage(q, document));
  if (document.kind !== "assessment_plan") return gateOf([]);
  const [own] = await q.select({ projection: documents.projection }).from(documents).where(eq(documents.id, document.id));
  if (!own?.projection) return null;
  return gateOf(own.projection.coverage ? [{ planId: document.id, planTitle: document.title, summary: own.projection.coverage }] : []);
}

function gateOf(plans: PlanCoverage[]): CoverageGate {
  const blocked = plans.find((plan) => plan.summary.gaps > 0);
  const warnings = plans.filter((plan) => plan.summary.softOnly > 0).map((plan) => softOnlyMessage(plan.summary.softOnly));
  return { plans, blocking: blocked ? { message: gapMessage(blocked.summary.gaps), planId: blocked.planId } : null, warnings };
}

/**
 * The coverage of a specification's plans as last projected: what its page shows (the sign-off
 * command reads them afresh, coverageGate above).
 */
export async function projectedPlanCoverage(q: Queryable, spec: Pick<GatedDocument, "id" | "projectId">): Promise<PlanCoverage[]> {
  const plans = await plansOf(q, spec);
  return plans.flatMap((plan) => (plan.projection?.coverage ? [{ planId: plan.id, planTitle: plan.title, summary: plan.projection.coverage }] : []));
}

/** The specification's assessment plans (by their projected link). */
async function plansOf(q: Queryable, spec: Pick<GatedDocument, "id" | "projectId">) {
  return q
    .select({ id: documents.id, title: documents.title, projection: documents.projection })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, spec.projectId),
        eq(documents.kind, "assessment_plan"),
        sql`${documents.projection} -> 'keyFields' ->> 'credentialSpecId' = ${spec.id}`,
      ),
    )
    .orderBy(documents.title);
}
