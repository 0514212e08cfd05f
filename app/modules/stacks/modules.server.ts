/**
 * Approved modules as the consortium library and a stack read them: only from the approved
 * snapshot (the content of an approved sign-off round, signoff_versions), never from a draft.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants } from "../../../db/schema/projects";
import { signoffRounds, signoffVersions } from "../../../db/schema/signoff";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { asNumber, asString } from "~/modules/documents/model/values";
import { DELIVERY_MODES, QUALIFICATION_FRAMEWORKS } from "~/modules/documents/kinds/options";
import { credentialKindOf, moduleFactsOf, type CredentialKind, type ModuleFacts, type ModuleStatus } from "~/modules/stacks/stack";

/** The roles that own a specification: its project's institutions. */
const OWNER_ROLES = ["lead_institution", "partner_institution"] as const;

export type ApprovedModule = {
  documentId: string;
  projectId: string;
  versionHash: string;
  title: string;
  /** The lead institution's name (else a partner institution's). */
  owner: string;
  ownerOrganizationIds: string[];
  status: DocumentStatus;
  credentialKind: CredentialKind;
  hours: number | null;
  credits: number | null;
  cost: number | null;
  deliveryMode: string | null;
  competencyCount: number;
  level: string | null;
  facts: ModuleFacts;
  canonical: CanonicalDocument;
};

const labelOf = (options: ReadonlyArray<{ value: string; label: string }>, value: string | null) => (value ? (options.find((o) => o.value === value)?.label ?? value) : null);

/** Every approved version of each document, oldest first, with its content. */
async function approvedVersions(q: Queryable, documentIds: string[]) {
  if (documentIds.length === 0) return new Map<string, Array<{ versionHash: string; canonical: string }>>();
  const rows = await q
    .select({ documentId: signoffRounds.documentId, number: signoffRounds.number, versionHash: signoffRounds.currentVersionHash, canonical: signoffVersions.canonical })
    .from(signoffRounds)
    .innerJoin(signoffVersions, and(eq(signoffVersions.documentId, signoffRounds.documentId), eq(signoffVersions.versionHash, signoffRounds.currentVersionHash)))
    .where(and(inArray(signoffRounds.documentId, documentIds), eq(signoffRounds.status, "approved")))
    .orderBy(asc(signoffRounds.number));
  const out = new Map<string, Array<{ versionHash: string; canonical: string }>>();
  for (const row of rows) {
    const list = out.get(row.documentId) ?? [];
    if (!list.some((v) => v.versionHash === row.versionHash)) list.push({ versionHash: row.versionHash, canonical: row.canonical });
    out.set(row.documentId, list);
  }
  return out;
}

/** The owner organizations (institutions) of each project, lead first. */
async function ownersOf(q: Queryable, projectIds: string[]) {
  const out = new Map<string, Array<{ id: string; name: string }>>();
  if (projectIds.length === 0) return out;
  const rows = await q
    .select({ projectId: projectParticipants.projectId, id: organizations.id, name: organizations.name, role: projectParticipants.role })
    .from(projectParticipants)
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(and(inArray(projectParticipants.projectId, projectIds), inArray(projectParticipants.role, [...OWNER_ROLES])))
    .orderBy(asc(projectParticipants.role), asc(organizations.name));
  for (const row of rows) out.set(row.projectId, [...(out.get(row.projectId) ?? []), { id: row.id, name: row.name }]);
  return out;
}

/** Each project's owner organization ids. */
export async function projectOwnersOf(projectIds: string[], q: Queryable = db()): Promise<Map<string, string[]>> {
  const owners = await ownersOf(q, projectIds);
  return new Map([...owners].map(([projectId, list]) => [projectId, list.map((o) => o.id)]));
}

/** Each project's owner as a name (the lead institution, else a partner institution). */
export async function ownerNamesOf(projectIds: string[], q: Queryable = db()): Promise<Map<string, string>> {
  const owners = await ownersOf(q, projectIds);
  return new Map([...owners].map(([projectId, list]) => [projectId, list[0]?.name ?? ""]));
}

function approvedModuleOf(document: { id: string; projectId: string; status: DocumentStatus }, version: { versionHash: string; canonical: string }, owners: Array<{ id: string; name: string }>): ApprovedModule {
  const canonical = JSON.parse(version.canonical) as CanonicalDocument;
  const fields = canonical.fields;
  const owner = owners[0]?.name ?? "";
  const facts = moduleFactsOf(document.id, fields, owner);
  const framework = labelOf(QUALIFICATION_FRAMEWORKS, asString(fields.framework));
  const level = asNumber(fields.frameworkLevel);
  return {
    documentId: document.id,
    projectId: document.projectId,
    versionHash: version.versionHash,
    title: facts.title,
    owner,
    ownerOrganizationIds: owners.map((o) => o.id),
    status: document.status,
    credentialKind: credentialKindOf(fields),
    hours: asNumber(fields.learningHours),
    credits: asNumber(fields.creditValue),
    cost: asNumber(fields.costCad),
    deliveryMode: labelOf(DELIVERY_MODES, asString(fields.learningMode)),
    competencyCount: facts.competencies.length,
    level: level === null ? framework : `${framework ? `${framework}, ` : ""}level ${level}`,
    facts,
    canonical,
  };
}

/**
 * The latest approved version of every approved specification whose project is owned by one of
 * these organizations; modules and others alike (callers filter through can()).
 */
export async function approvedSpecificationsOwnedBy(organizationIds: string[], q: Queryable = db()): Promise<ApprovedModule[]> {
  if (organizationIds.length === 0) return [];
  const projectIds = (
    await q
      .selectDistinct({ projectId: projectParticipants.projectId })
      .from(projectParticipants)
      .where(and(inArray(projectParticipants.organizationId, organizationIds), inArray(projectParticipants.role, [...OWNER_ROLES])))
  ).map((r) => r.projectId);
  return approvedSpecificationsInProjects(projectIds, q);
}

export async function approvedSpecificationsInProjects(projectIds: string[], q: Queryable = db()): Promise<ApprovedModule[]> {
  if (projectIds.length === 0) return [];
  const docs = await q
    .select({ id: documents.id, projectId: documents.projectId, status: documents.status })
    .from(documents)
    .where(and(inArray(documents.projectId, projectIds), eq(documents.kind, "credential_spec"), eq(documents.status, "approved")));
  const [versions, owners] = await Promise.all([approvedVersions(q, docs.map((d) => d.id)), ownersOf(q, [...new Set(docs.map((d) => d.projectId))])]);
  return docs
    .flatMap((doc) => {
      const latest = versions.get(doc.id)?.at(-1);
      return latest ? [approvedModuleOf(doc, latest, owners.get(doc.projectId) ?? [])] : [];
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId));
}

/** Each referenced module's status now and its approved versions (what the stack's page and its sign-off check). */
export async function moduleStatuses(documentIds: string[], q: Queryable = db()): Promise<Map<string, ModuleStatus & { projectId: string; versions: Array<{ versionHash: string; canonical: string }> }>> {
  const out = new Map<string, ModuleStatus & { projectId: string; versions: Array<{ versionHash: string; canonical: string }> }>();
  if (documentIds.length === 0) return out;
  const docs = await q.select({ id: documents.id, projectId: documents.projectId, title: documents.title, status: documents.status }).from(documents).where(inArray(documents.id, documentIds));
  const versions = await approvedVersions(q, docs.map((d) => d.id));
  for (const doc of docs) {
    const list = versions.get(doc.id) ?? [];
    out.set(doc.id, { documentId: doc.id, projectId: doc.projectId, title: doc.title, status: doc.status, approvedVersionHashes: list.map((v) => v.versionHash), versions: list });
  }
  return out;
}
