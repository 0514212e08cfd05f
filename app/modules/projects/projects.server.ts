import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db, type Queryable } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { generateId } from "../ids.server";
import { can, type Actor, type ProjectFacts } from "../permissions/can";
import { PROJECT_ROLES, type ProjectRole } from "../permissions/roles";

export const ProjectSchema = z.object({
  title: z.string().trim().min(3, "Give the project a title (3 characters or more)").max(200, "Title is too long (200 characters at most)"),
  summary: z.string().trim().max(4000, "Summary is too long (4,000 characters at most)").default(""),
  organizationId: z.string().min(1, "Choose the organization you are acting for"),
  role: z.enum(PROJECT_ROLES, { error: "Choose your organization's role in the project" }),
});
export type ProjectInput = z.infer<typeof ProjectSchema>;

export const ParticipantSchema = z.object({
  organizationId: z.string().min(1, "Choose an organization"),
  role: z.enum(PROJECT_ROLES, { error: "Choose a project role" }),
});

export class ProjectRuleError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
  }
}

/** A project has exactly one lead institution (it owns the credential). */
function assertSingleLead(participants: ReadonlyArray<{ role: ProjectRole }>) {
  const leads = participants.filter((p) => p.role === "lead_institution").length;
  if (leads > 1) throw new ProjectRuleError("A project has exactly one lead institution.", "role");
}

export async function createProject(actor: Actor, input: ProjectInput): Promise<string> {
  if (!actor.memberships.some((m) => m.organizationId === input.organizationId)) {
    throw new ProjectRuleError("You can only start a project for an organization you belong to.", "organizationId");
  }
  const id = generateId();
  await db().transaction(async (tx) => {
    await tx.insert(projects).values({ id, title: input.title, summary: input.summary, createdBy: actor.userId });
    await tx.insert(projectParticipants).values({ projectId: id, organizationId: input.organizationId, role: input.role });
  });
  return id;
}

export async function loadProjectFacts(projectId: string, q: Queryable = db()): Promise<ProjectFacts> {
  const participants = await q
    .select({ organizationId: projectParticipants.organizationId, role: projectParticipants.role })
    .from(projectParticipants)
    .where(eq(projectParticipants.projectId, projectId));
  return { participants };
}

/** Projects any of the actor's organizations takes part in, newest first. */
export async function listProjectsForActor(actor: Actor) {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  const visible = db()
    .selectDistinct({ projectId: projectParticipants.projectId })
    .from(projectParticipants)
    .where(inArray(projectParticipants.organizationId, orgIds));
  const rows = await db()
    .select({ id: projects.id, title: projects.title, summary: projects.summary, updatedAt: projects.updatedAt })
    .from(projects)
    .where(inArray(projects.id, visible))
    .orderBy(desc(projects.updatedAt));
  const counts = await db()
    .select({ projectId: documents.projectId, id: documents.id })
    .from(documents)
    .where(inArray(documents.projectId, rows.map((r) => r.id).concat("")));
  const participants = await db()
    .select({ projectId: projectParticipants.projectId, name: organizations.name, role: projectParticipants.role })
    .from(projectParticipants)
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(inArray(projectParticipants.projectId, rows.map((r) => r.id).concat("")))
    .orderBy(asc(organizations.name));
  return rows.map((row) => ({
    ...row,
    documentCount: counts.filter((c) => c.projectId === row.id).length,
    participants: participants.filter((p) => p.projectId === row.id),
  }));
}

/** The project as the actor may see it, or null (callers answer 404: outsiders learn nothing). */
export async function getProjectForActor(actor: Actor, projectId: string) {
  const project = await db().query.projects.findFirst({ where: eq(projects.id, projectId) });
  if (!project) return null;
  const participants = await db()
    .select({
      organizationId: projectParticipants.organizationId,
      role: projectParticipants.role,
      name: organizations.name,
      kind: organizations.kind,
      province: organizations.province,
    })
    .from(projectParticipants)
    .innerJoin(organizations, eq(organizations.id, projectParticipants.organizationId))
    .where(eq(projectParticipants.projectId, projectId))
    .orderBy(asc(projectParticipants.role), asc(organizations.name));
  const facts: ProjectFacts = { participants };
  if (!can(actor, "project.view", { type: "project", ...facts })) return null;
  const projectDocuments = await db()
    .select({ id: documents.id, title: documents.title, kind: documents.kind, status: documents.status, updatedAt: documents.updatedAt })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.kind), asc(documents.title));
  return { project, participants, facts, documents: projectDocuments };
}

export async function updateProject(projectId: string, input: { title: string; summary: string }): Promise<void> {
  await db()
    .update(projects)
    .set({ title: input.title, summary: input.summary, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

export async function addParticipant(projectId: string, input: { organizationId: string; role: ProjectRole }): Promise<void> {
  await db().transaction(async (tx) => {
    const existing = await loadProjectFacts(projectId, tx);
    if (existing.participants.some((p) => p.organizationId === input.organizationId)) {
      throw new ProjectRuleError("That organization already takes part in this project.", "organizationId");
    }
    const organization = await tx.query.organizations.findFirst({ where: eq(organizations.id, input.organizationId) });
    if (!organization) throw new ProjectRuleError("Choose an organization from the list.", "organizationId");
    assertSingleLead([...existing.participants, input]);
    await tx.insert(projectParticipants).values({ projectId, ...input });
    await tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId));
  });
}

export async function removeParticipant(projectId: string, organizationId: string): Promise<void> {
  await db().transaction(async (tx) => {
    const existing = await loadProjectFacts(projectId, tx);
    const target = existing.participants.find((p) => p.organizationId === organizationId);
    if (!target) return;
    if (target.role === "lead_institution") {
      throw new ProjectRuleError("The lead institution cannot be removed; it owns the credential.");
    }
    await tx
      .delete(projectParticipants)
      .where(and(eq(projectParticipants.projectId, projectId), eq(projectParticipants.organizationId, organizationId)));
  });
}
