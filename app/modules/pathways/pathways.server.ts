/**
 * A consortium's pathway graph (issue #18) from its members' approved specifications: modules the
 * viewer may see in the library, approved stacks and credentials, and the programs they ladder into
 * with each recognition's state. The access gate's 404 for anyone outside the consortium.
 */
import { inArray } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { organizations } from "../../../db/schema/organizations";
import { requireConsortium } from "~/modules/consortia/consortia.server";
import { visibleInLibrary } from "~/modules/consortia/library.server";
import type { Actor } from "~/modules/permissions/can";
import { buildPathwayGraph, type PathwaySpecification } from "~/modules/pathways/graph";
import { recognitionSummary } from "~/modules/recognitions/laddering";
import { recognitionsForContent } from "~/modules/recognitions/recognitions.server";
import { approvedSpecificationsOwnedBy } from "~/modules/stacks/modules.server";
import { stackModuleRefs } from "~/modules/stacks/stack";

export async function consortiumPathways(actor: Actor, consortiumId: string, q: Queryable = db()) {
  const facts = await requireConsortium(actor, consortiumId, "consortium.view", q);
  const approved = (await approvedSpecificationsOwnedBy(facts.members.map((m) => m.organizationId), q)).filter(
    (s) => s.credentialKind !== "module" || visibleInLibrary(actor, facts, s),
  );
  const orgIds = [...new Set(approved.map((s) => s.ownerOrganizationIds[0]).filter((id): id is string => Boolean(id)))];
  const provinces = new Map(
    orgIds.length === 0 ? [] : (await q.select({ id: organizations.id, province: organizations.province }).from(organizations).where(inArray(organizations.id, orgIds))).map((o) => [o.id, o.province]),
  );
  const specs: PathwaySpecification[] = [];
  for (const s of approved) {
    const ladders = await recognitionsForContent(q, actor, s.documentId, s.canonical.fields, s.versionHash);
    specs.push({
      documentId: s.documentId,
      title: s.title,
      owner: s.owner,
      province: provinces.get(s.ownerOrganizationIds[0] ?? "") ?? null,
      kind: s.credentialKind,
      moduleIds: s.credentialKind === "stack" ? stackModuleRefs(s.canonical.fields).map((r) => r.moduleDocumentId) : [],
      ladders: ladders.map((l) => ({ rowId: l.rowId, program: l.program, institution: l.institution, province: l.province, grant: recognitionSummary(l).split(": ").at(-1) ?? "", status: l.status })),
    });
  }
  return { consortium: { id: facts.id, name: facts.name }, graph: buildPathwayGraph(specs) };
}
