/** What a specification's page needs for its Demand section (loader data). */
import { inArray } from "drizzle-orm";
import { db } from "~/db.server";
import { frameworkCompetencies } from "../../../db/schema/frameworks";
import { listCommitments } from "~/modules/demand/commitments.server";
import { loadDemandData } from "~/modules/demand/demand.server";
import { DETAILED_SUBJECTS } from "~/modules/demand/section";
import type { DemandSubject } from "~/modules/demand/staleness";
import { specDemandSubjects } from "~/modules/documents/kinds/credential-spec";
import { canonicalFrom } from "~/modules/documents/model";
import type { JsonValue, ProjectedCompetency } from "~/modules/documents/model/types";
import { can, type Actor } from "~/modules/permissions/can";
import { loadGatedDocument } from "~/modules/permissions/require.server";

/**
 * The page's stored fields withhold the competency table (page-data.server.ts), so competencies
 * come from the projection: their codes, and the library URI of those picked from a framework.
 */
async function competencySubjects(competencies: readonly ProjectedCompetency[]): Promise<DemandSubject[]> {
  const libraryIds = competencies.flatMap((c) => (c.competencyId ? [c.competencyId] : []));
  const uris = new Map<string, string>();
  for (let start = 0; start < libraryIds.length; start += 5000) {
    const rows = await db()
      .select({ id: frameworkCompetencies.id, uri: frameworkCompetencies.sourceUri })
      .from(frameworkCompetencies)
      .where(inArray(frameworkCompetencies.id, libraryIds.slice(start, start + 5000)));
    for (const row of rows) if (row.uri) uris.set(row.id, row.uri);
  }
  return competencies.flatMap((c) => {
    const uri = c.competencyId ? uris.get(c.competencyId) : undefined;
    const keys = [c.code, uri].filter((key): key is string => Boolean(key));
    return keys.length > 0 ? [{ kind: "competency" as const, rowId: c.id, label: `${c.code ?? ""} ${c.title ?? ""}`.trim(), keys }] : [];
  });
}

export async function loadSpecificationDemand(actor: Actor, documentId: string, fields: Record<string, JsonValue>, competencies: readonly ProjectedCompetency[]) {
  const occupations = specDemandSubjects(canonicalFrom("credential_spec", { occupations: fields.occupations ?? [] }, {}, { sortKeys: false }).fields);
  const subjects = [...occupations, ...(await competencySubjects(competencies))];
  const [data, commitments, gated] = await Promise.all([
    loadDemandData(
      subjects.flatMap((s) => s.keys),
      subjects.slice(0, DETAILED_SUBJECTS).flatMap((s) => s.keys),
    ),
    listCommitments(documentId),
    loadGatedDocument(documentId),
  ]);
  return {
    data,
    commitments,
    canCommit: gated ? can(actor, "commitment.record", gated.resource) : false,
    myOrganizationIds: actor.memberships.filter((m) => can(actor, "commitment.withdraw", { type: "commitment", organizationId: m.organizationId })).map((m) => m.organizationId),
  };
}
