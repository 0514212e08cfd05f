/**
 * The consortium module library: the approved modules of the consortium's members, to people of
 * member organizations — even of projects they do not take part in. Read from approved snapshots
 * only; every entry passes can("module.view_in_library"), so nothing unapproved and nothing owned
 * outside the consortium is listed.
 */
import { db, type Queryable } from "~/db.server";
import { requireConsortium } from "~/modules/consortia/consortia.server";
import { can, type Actor, type ConsortiumFacts } from "~/modules/permissions/can";
import { approvedSpecificationsOwnedBy, type ApprovedModule } from "~/modules/stacks/modules.server";

export type LibraryEntry = Omit<ApprovedModule, "canonical" | "facts"> & { competencies: string[] };

export function visibleInLibrary(actor: Actor, consortium: ConsortiumFacts, module: ApprovedModule): boolean {
  return can(actor, "module.view_in_library", {
    type: "library_module",
    consortium,
    status: module.status,
    credentialKind: module.credentialKind,
    ownerOrganizationIds: module.ownerOrganizationIds,
  });
}

function matches(module: ApprovedModule, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [module.title, module.owner, module.deliveryMode ?? "", module.level ?? "", ...module.facts.competencies.flatMap((c) => [c.code, c.title])].join(" ").toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The modules a consortium member sees, filtered by `query` (every word must match). 404 for outsiders. */
export async function consortiumLibrary(actor: Actor, consortiumId: string, query = "", q: Queryable = db()): Promise<{ consortium: { id: string; name: string }; modules: LibraryEntry[] }> {
  const facts = await requireConsortium(actor, consortiumId, "consortium.view", q);
  const all = await approvedSpecificationsOwnedBy(facts.members.map((m) => m.organizationId), q);
  const modules = all
    .filter((m) => visibleInLibrary(actor, facts, m))
    .filter((m) => matches(m, query))
    .map(({ canonical: _canonical, facts: moduleFacts, ...entry }) => ({ ...entry, competencies: moduleFacts.competencies.map((c) => `${c.code} ${c.title}`.trim()) }));
  return { consortium: { id: facts.id, name: facts.name }, modules };
}
