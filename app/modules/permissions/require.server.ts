/**
 * The one access gate for documents, projects and organizations: load the thing's permission
 * facts once, ask `can()`, and answer the way every loader, action, read model and the
 * collaboration socket answer. Anyone who may not view the thing gets 404 "Not found", exactly as
 * if it did not exist (they learn nothing about it); someone who may view it but not do this gets
 * 403. The require* functions throw that answer as a `Response` (Remix renders thrown responses);
 * checkDocument returns it as a value, for callers whose refusals are values (the sign-off verbs).
 *
 * A refusal value also says whether the thing is missing or only hidden. Only the collaboration
 * socket uses that, to tell an open connection its access was revoked (4403) rather than that the
 * document is gone (4404): that person has already seen the document, so nothing leaks.
 */
import { eq } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import {
  can,
  type Actor,
  type DocumentAction,
  type DocumentResource,
  type OrganizationAction,
  type OrganizationResource,
  type ProjectAction,
  type ProjectFacts,
  type ProjectResource,
} from "~/modules/permissions/can";
import type { DocumentKind, DocumentStatus } from "~/modules/permissions/roles";

export type RefusalStatus = 403 | 404;

/** `missing`: known not to exist (a non-member is refused an organization without looking it up). */
export type Refusal = { ok: false; status: 404; missing: boolean } | { ok: false; status: 403 };

/** The gate's answer as a value: the loaded facts, or the status to refuse with. */
export type Access<T> = { ok: true; value: T } | Refusal;

const MISSING: Refusal = { ok: false, status: 404, missing: true };
const HIDDEN: Refusal = { ok: false, status: 404, missing: false };
const FORBIDDEN: Refusal = { ok: false, status: 403 };

export type GatedDocument = {
  id: string;
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  projectId: string;
  resource: DocumentResource;
};

export type GatedProject = {
  id: string;
  title: string;
  summary: string;
  createdAt: Date;
  updatedAt: Date;
  resource: ProjectResource;
};

export type GatedOrganization = typeof organizations.$inferSelect & { resource: OrganizationResource };

/** 404, the answer for anything the person may not see (and for what does not exist). */
export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404 });
}

/** 403, for a visible thing the person may not do this with. */
export function forbidden(message = "Forbidden"): Response {
  return new Response(message, { status: 403 });
}

/** The status of a refusal thrown by the gate (or by notFound/forbidden), else null. */
export function refusalStatus(error: unknown): RefusalStatus | null {
  return error instanceof Response && (error.status === 403 || error.status === 404) ? error.status : null;
}

function refuse(status: RefusalStatus): Response {
  return status === 404 ? notFound() : forbidden();
}

/** The value of a granted access; a refusal is thrown as its 404/403 Response. */
export function requireAccess<T>(access: Access<T>): T {
  if (!access.ok) throw refuse(access.status);
  return access.value;
}

/** Who takes part in the project, in which role: what `can()` decides project and document access on. */
export async function loadProjectFacts(projectId: string, q: Queryable = db()): Promise<ProjectFacts> {
  const participants = await q
    .select({ organizationId: projectParticipants.organizationId, role: projectParticipants.role })
    .from(projectParticipants)
    .where(eq(projectParticipants.projectId, projectId));
  return { id: projectId, participants };
}

/** The document's permission facts, or null when it does not exist. Decide with documentAccess. */
export async function loadGatedDocument(documentId: string, q: Queryable = db()): Promise<GatedDocument | null> {
  const row = await q.query.documents.findFirst({
    where: eq(documents.id, documentId),
    columns: { id: true, kind: true, title: true, status: true, projectId: true },
  });
  if (!row) return null;
  return { ...row, resource: { type: "document", status: row.status, project: await loadProjectFacts(row.projectId, q) } };
}

/** The gate's decision on loaded facts (pure), for callers that load once and ask for many people. */
export function documentAccess(actor: Actor, document: GatedDocument | null, action: DocumentAction): Access<GatedDocument> {
  if (!document) return MISSING;
  if (!can(actor, "document.view", document.resource)) return HIDDEN;
  if (!can(actor, action, document.resource)) return FORBIDDEN;
  return { ok: true, value: document };
}

export async function checkDocument(actor: Actor, documentId: string, action: DocumentAction, q: Queryable = db()): Promise<Access<GatedDocument>> {
  return documentAccess(actor, await loadGatedDocument(documentId, q), action);
}

export async function requireDocument(actor: Actor, documentId: string, action: DocumentAction, q: Queryable = db()): Promise<GatedDocument> {
  return requireAccess(await checkDocument(actor, documentId, action, q));
}

async function checkProject(actor: Actor, projectId: string, action: ProjectAction, q: Queryable = db()): Promise<Access<GatedProject>> {
  const row = await q.query.projects.findFirst({
    where: eq(projects.id, projectId),
    columns: { id: true, title: true, summary: true, createdAt: true, updatedAt: true },
  });
  if (!row) return MISSING;
  const resource: ProjectResource = { type: "project", ...(await loadProjectFacts(row.id, q)) };
  if (!can(actor, "project.view", resource)) return HIDDEN;
  if (!can(actor, action, resource)) return FORBIDDEN;
  return { ok: true, value: { ...row, resource } };
}

export async function requireProject(actor: Actor, projectId: string, action: ProjectAction, q: Queryable = db()): Promise<GatedProject> {
  return requireAccess(await checkProject(actor, projectId, action, q));
}

async function checkOrganization(
  actor: Actor,
  organizationId: string,
  action: OrganizationAction,
  q: Queryable = db(),
): Promise<Access<GatedOrganization>> {
  const resource: OrganizationResource = { type: "organization", organizationId };
  // Membership decides visibility, so non-members are refused without looking the row up.
  if (!can(actor, "organization.view", resource)) return HIDDEN;
  const row = await q.query.organizations.findFirst({ where: eq(organizations.id, organizationId) });
  if (!row) return MISSING;
  if (!can(actor, action, resource)) return FORBIDDEN;
  return { ok: true, value: { ...row, resource } };
}

export async function requireOrganization(actor: Actor, organizationId: string, action: OrganizationAction, q: Queryable = db()): Promise<GatedOrganization> {
  return requireAccess(await checkOrganization(actor, organizationId, action, q));
}
