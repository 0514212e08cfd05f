/**
 * A stack's modules as its page and its sign-off read them. The page sends the references it has
 * live (the rows of its Y.Doc) and gets each module's facts at the referenced approved version,
 * its state now (approved, reopened, a newer approved version with the change list) and the
 * modules it may add; it computes totals and the competency union itself (stack.ts, pure).
 *
 * Only modules the stack may use are described: approved modules of its own project, and those of
 * the consortium libraries its project's organizations belong to. A reference to anything else is
 * shown as unavailable, so a stack's page reveals nothing a consortium member could not see.
 */
import { eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { projectParticipants } from "../../../db/schema/projects";
import { consortiaOfOrganizations, loadConsortiumFacts } from "~/modules/consortia/consortia.server";
import { visibleInLibrary } from "~/modules/consortia/library.server";
import { diffCanonical } from "~/modules/documents/model/diff";
import { makeLocator } from "~/modules/documents/model/locate";
import { localizedKindDefinition } from "~/modules/i18n/kind-text";
import { LOCALES, type Locale } from "~/modules/i18n/locales";
import type { CanonicalDocument, CanonicalFields } from "~/modules/documents/model/types";
import { can, type Actor } from "~/modules/permissions/can";
import { requireDocument } from "~/modules/permissions/require.server";
import { approvedSpecificationsInProjects, approvedSpecificationsOwnedBy, moduleStatuses, ownerNamesOf, projectOwnersOf, type ApprovedModule } from "~/modules/stacks/modules.server";
import { loadVersionNamer } from "~/modules/versions/version-names.server";
import { versionWords } from "~/modules/versions/version-names";
import { credentialKindOf, moduleFactsOf, moduleState, stackModuleRefs, unapprovedModulesMessage, type ModuleFacts, type ModuleState } from "~/modules/stacks/stack";

export type EligibleModule = Pick<ApprovedModule, "documentId" | "versionHash" | "title" | "owner" | "hours" | "credits" | "cost" | "deliveryMode" | "competencyCount" | "level"> & {
  source: "project" | "consortium";
};

export type StackModuleInfo = {
  documentId: string;
  versionHash: string;
  /** Null when the module is not one the stack may use (or that version was never approved). */
  facts: ModuleFacts | null;
  state: ModuleState;
  /** For a newer approved version: its title and owner, and what changed (field labels). */
  newer: {
    versionHash: string;
    title: string;
    owner: string;
    changes: string[];
    /** `changes` in the other languages (the component shows the reader's): the labels are the kind's. */
    localizedChanges: Partial<Record<Locale, string[]>>;
  } | null;
};

/**
 * The approved modules a stack in this project may use (latest approved version of each), and the
 * organizations whose modules it may reference: its own project's, and those of the consortia its
 * project's organizations belong to (that the actor is a member of).
 */
async function eligibleModulesOf(
  actor: Actor,
  projectId: string,
  stackDocumentId: string,
  q: Queryable,
): Promise<{ modules: ApprovedModule[]; libraryOwners: Set<string>; consortia: Array<{ id: string; name: string }> }> {
  const own = (await approvedSpecificationsInProjects([projectId], q)).filter((m) => m.credentialKind === "module");
  const participants = await q.select({ organizationId: projectParticipants.organizationId }).from(projectParticipants).where(eq(projectParticipants.projectId, projectId));
  const fromLibraries: ApprovedModule[] = [];
  const libraryOwners = new Set<string>();
  const consortia: Array<{ id: string; name: string }> = [];
  for (const consortiumId of await consortiaOfOrganizations(participants.map((p) => p.organizationId), q)) {
    const facts = await loadConsortiumFacts(consortiumId, q);
    if (!facts || !can(actor, "consortium.view", { type: "consortium", ...facts })) continue;
    consortia.push({ id: facts.id, name: facts.name });
    for (const member of facts.members) libraryOwners.add(member.organizationId);
    const modules = await approvedSpecificationsOwnedBy(facts.members.map((m) => m.organizationId), q);
    fromLibraries.push(...modules.filter((m) => visibleInLibrary(actor, facts, m)));
  }
  const seen = new Set<string>();
  const modules = [...own, ...fromLibraries].filter((m) => m.documentId !== stackDocumentId && !seen.has(m.documentId) && Boolean(seen.add(m.documentId)));
  return { modules, libraryOwners, consortia };
}

function changeLabels(before: CanonicalDocument, after: CanonicalDocument, locale: Locale = "en"): string[] {
  const diff = diffCanonical(before, after);
  const changes = [...diff.fields, ...diff.text];
  if (locale === "en") return [...new Set(changes.map((change) => change.label))];
  // The same places, labelled from the kind's definition in `locale` (a removed row is in `before` only).
  const definition = localizedKindDefinition(after.kind, locale);
  const locateBefore = makeLocator(definition, before.fields);
  const locateAfter = makeLocator(definition, after.fields);
  return [...new Set(changes.map((change) => (change.change === "removed" ? locateBefore : locateAfter)(change.path).label))];
}

/**
 * What the stack's page shows about its referenced modules (`refs`: module id and version hash
 * pairs from the live rows), and, with `picker`, the modules it may add. 404 for anyone who may not
 * view the stack.
 */
export async function stackModulesView(actor: Actor, stackDocumentId: string, refs: ReadonlyArray<{ documentId: string; versionHash: string }>, picker: boolean, q: Queryable = db()) {
  const stack = await requireDocument(actor, stackDocumentId, "document.view", q);
  const { modules: eligible, libraryOwners, consortia } = await eligibleModulesOf(actor, stack.projectId, stackDocumentId, q);
  // A referenced module is described if it belongs to the stack's project or to a library the
  // stack may use, even when it has been reopened since (its approved version was visible).
  const referenced = await moduleStatuses([...new Set(refs.map((r) => r.documentId))].filter((id) => id !== stackDocumentId), q);
  const projectOwners = await projectOwnersOf([...new Set([...referenced.values()].map((m) => m.projectId))], q);
  const statuses = new Map(
    [...referenced].filter(([, m]) => m.projectId === stack.projectId || (projectOwners.get(m.projectId) ?? []).some((id) => libraryOwners.has(id))),
  );
  const owners = await ownerNamesOf([...new Set([...statuses.values()].map((m) => m.projectId))], q);
  const modules: StackModuleInfo[] = refs.map((ref) => {
    const status = statuses.get(ref.documentId);
    const state = moduleState(ref, status);
    const version = status?.versions.find((v) => v.versionHash === ref.versionHash);
    const owner = (status && owners.get(status.projectId)) ?? "";
    const parsed = version ? (JSON.parse(version.canonical) as CanonicalDocument) : null;
    // Only a module's approved version is described (never a stand-alone credential or a stack).
    const canonical = parsed && credentialKindOf(parsed.fields) === "module" ? parsed : null;
    let newer: StackModuleInfo["newer"] = null;
    if (canonical && state.state === "newer_version") {
      const latest = status!.versions.find((v) => v.versionHash === state.latestVersionHash)!;
      const latestCanonical = JSON.parse(latest.canonical) as CanonicalDocument;
      newer = {
        versionHash: latest.versionHash,
        title: moduleFactsOf(ref.documentId, latestCanonical.fields, owner).title,
        owner,
        changes: changeLabels(canonical, latestCanonical),
        localizedChanges: Object.fromEntries(LOCALES.filter((locale) => locale !== "en").map((locale) => [locale, changeLabels(canonical, latestCanonical, locale)])),
      };
    }
    return { documentId: ref.documentId, versionHash: ref.versionHash, facts: canonical ? moduleFactsOf(ref.documentId, canonical.fields, owner) : null, state, newer };
  });
  const pick: EligibleModule[] = picker
    ? eligible.map((m) => ({
        documentId: m.documentId,
        versionHash: m.versionHash,
        title: m.title,
        owner: m.owner,
        hours: m.hours,
        credits: m.credits,
        cost: m.cost,
        deliveryMode: m.deliveryMode,
        competencyCount: m.competencyCount,
        level: m.level,
        source: m.projectId === stack.projectId ? ("project" as const) : ("consortium" as const),
      }))
    : [];
  // The consortia whose pathway view shows this stack (the Stack section links to them).
  return { modules, eligible: pick, consortia };
}

/**
 * Why a stack's sign-off is refused ("2 modules are not approved: …"); null when it is not a stack
 * or every module is approved. Reads the modules' statuses as stored now.
 */
export async function stackGate(q: Queryable, fields: CanonicalFields): Promise<string | null> {
  if (fields.credentialKind !== "stack") return null;
  const refs = stackModuleRefs(fields);
  if (refs.length === 0) return null;
  const statuses = await moduleStatuses([...new Set(refs.map((r) => r.moduleDocumentId))], q);
  return unapprovedModulesMessage(refs, statuses);
}

export type CertificateModule = { title: string; owner: string; versionHash: string; version: string };

/**
 * The modules a stack's certificate lists (from its approved content): each with its version in
 * words (the module's own history: "Version 3 — approved …") and its hash. Empty for other kinds.
 */
export async function certificateModules(q: Queryable, fields: CanonicalFields): Promise<CertificateModule[]> {
  if (fields.credentialKind !== "stack") return [];
  const out: CertificateModule[] = [];
  for (const ref of stackModuleRefs(fields)) {
    const name = (await loadVersionNamer(q, ref.moduleDocumentId))(ref.versionHash);
    out.push({ title: ref.title, owner: ref.owner, versionHash: ref.versionHash, version: versionWords(name) });
  }
  return out;
}
