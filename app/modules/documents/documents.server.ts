import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { generateId } from "../ids.server";
import { can, effectiveDocumentRole, type Actor, type DocumentResource } from "../permissions/can";
import { DOCUMENT_KINDS } from "../permissions/roles";
import { loadProjectFacts } from "../projects/projects.server";

export const NewDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: "Choose a document kind" }),
  title: z.string().trim().min(3, "Give the document a title (3 characters or more)").max(200, "Title is too long (200 characters at most)"),
});
export type NewDocumentInput = z.infer<typeof NewDocumentSchema>;

export async function createDocument(projectId: string, createdBy: string, input: NewDocumentInput): Promise<string> {
  const id = generateId();
  await db().transaction(async (tx) => {
    await tx.insert(documents).values({ id, projectId, kind: input.kind, title: input.title, createdBy });
    await tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId));
  });
  return id;
}

/** Every document of every project the actor's organizations take part in. */
export async function listDocumentsForActor(actor: Actor) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  const visibleProjects = db()
    .selectDistinct({ projectId: projectParticipants.projectId })
    .from(projectParticipants)
    .where(inArray(projectParticipants.organizationId, orgIds));
  return db()
    .select({
      id: documents.id,
      title: documents.title,
      kind: documents.kind,
      status: documents.status,
      updatedAt: documents.updatedAt,
      projectId: projects.id,
      projectTitle: projects.title,
    })
    .from(documents)
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(inArray(documents.projectId, visibleProjects))
    .orderBy(desc(documents.updatedAt), asc(documents.title));
}

/** The permission facts for one document, or null when it does not exist. */
export async function loadDocumentResource(documentId: string): Promise<(DocumentResource & { projectId: string }) | null> {
  const row = await db().query.documents.findFirst({
    where: eq(documents.id, documentId),
    columns: { status: true, projectId: true },
  });
  if (!row) return null;
  return { type: "document", status: row.status, projectId: row.projectId, project: await loadProjectFacts(row.projectId) };
}

/** The document as the actor may see it, or null (callers answer 404). */
export async function getDocumentForActor(actor: Actor, documentId: string) {
  const resource = await loadDocumentResource(documentId);
  if (!resource || !can(actor, "document.view", resource)) return null;
  const document = await db().query.documents.findFirst({ where: eq(documents.id, documentId) });
  const project = await db().query.projects.findFirst({ where: eq(projects.id, resource.projectId) });
  if (!document || !project) return null;
  const participants = await db()
    .select({ organizationId: projectParticipants.organizationId, role: projectParticipants.role, name: organizations.name })
    .from(projectParticipants)
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(and(eq(projectParticipants.projectId, resource.projectId)))
    .orderBy(asc(projectParticipants.role), asc(organizations.name));
  return {
    document,
    project: { id: project.id, title: project.title },
    participants,
    role: effectiveDocumentRole(actor, resource),
    canEdit: can(actor, "document.edit", resource),
    canComment: can(actor, "document.comment", resource),
  };
}
