import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "~/db.server";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../db/schema/projects";
import { assertWithinLimit } from "~/modules/abuse/limits.server";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { generateId } from "~/modules/ids.server";
import { can, type Actor, type ProjectFacts } from "~/modules/permissions/can";
import { ORGANIZATION_KIND_LABELS, PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import { PROJECT_ROLES, projectRolesForKind, roleFitsKind, type OrganizationKind, type ProjectRole } from "~/modules/permissions/roles";
import { loadProjectFacts, requireProject } from "~/modules/permissions/require.server";

export const ProjectSchema = z.object({
  title: z.string({ error: "Give the project a title (3 characters or more)" }).trim().min(3, "Give the project a title (3 characters or more)").max(200, "Title is too long (200 characters at most)"),
  summary: z.string().trim().max(4000, "Summary is too long (4,000 characters at most)").default(""),
  organizationId: z.string({ error: "Choose the organization you are acting for" }).min(1, "Choose the organization you are acting for"),
  role: z.enum(PROJECT_ROLES, { error: "Choose your organization's role in the project" }),
});
export type ProjectInput = z.infer<typeof ProjectSchema>;

export class ProjectRuleError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
  }
}

function articled(label: string): string {
  // "QA agency" keeps its capitals; every other kind reads in lower case mid-sentence.
  const word = label.startsWith("QA") ? label : label.charAt(0).toLowerCase() + label.slice(1);
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

/**
 * The role ↔ kind rule (PROJECT_ROLE_ORGANIZATION_KIND in permissions/roles.ts) as a refusal, the
 * same words when a project is founded, an organization is invited and an invitation is accepted.
 */
export function assertRoleFitsOrganization(role: ProjectRole, organization: { name: string; kind: OrganizationKind }, field = "role"): void {
  if (roleFitsKind(role, organization.kind)) return;
  const fitting = projectRolesForKind(organization.kind).map((r) => PROJECT_ROLE_LABELS[r]).join(" or ");
  throw new ProjectRuleError(
    `${organization.name} is ${articled(ORGANIZATION_KIND_LABELS[organization.kind])}: it can take part as ${fitting}, not as ${PROJECT_ROLE_LABELS[role]}.`,
    field,
  );
}

/**
 * Records who joined or left the project in the project's audit chain, inside the transaction that
 * made the change (so the event exists exactly when the change committed).
 */
async function auditParticipantChange(
  tx: Transaction,
  type: "project.participant_added" | "project.participant_removed",
  change: { actor: Actor; actingFor: string | null; projectId: string; participant: { organizationId: string; role: ProjectRole }; meta: RequestMeta },
): Promise<void> {
  const { actor, actingFor, projectId, participant, meta } = change;
  await appendAuditEvent(tx, {
    projectId,
    organizationId: actingFor,
    actorUserId: actor.userId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    event: auditEvent(type, { organizationId: participant.organizationId, role: participant.role }),
    createdAt: new Date(),
  });
}

/** The organization the actor manages the project for: their lead institution (else any of theirs taking part). */
function actingOrganization(actor: Actor, participants: ProjectFacts["participants"]): string | null {
  const mine = new Set(actor.memberships.map((m) => m.organizationId));
  const ours = participants.filter((p) => mine.has(p.organizationId));
  return (ours.find((p) => p.role === "lead_institution") ?? ours[0])?.organizationId ?? null;
}

export async function createProject(actor: Actor, input: ProjectInput, meta: RequestMeta): Promise<string> {
  if (!actor.memberships.some((m) => m.organizationId === input.organizationId)) {
    throw new ProjectRuleError("You can only start a project for an organization you belong to.", "organizationId");
  }
  const id = generateId();
  await db().transaction(async (tx) => {
    const organization = await tx.query.organizations.findFirst({ where: eq(organizations.id, input.organizationId), columns: { name: true, kind: true } });
    if (!organization) throw new ProjectRuleError("Choose the organization you are acting for.", "organizationId");
    assertRoleFitsOrganization(input.role, organization);
    await assertWithinLimit(actor.userId, "project.create", tx);
    await tx.insert(projects).values({ id, title: input.title, summary: input.summary, createdBy: actor.userId });
    const founder = { organizationId: input.organizationId, role: input.role };
    await tx.insert(projectParticipants).values({ projectId: id, ...founder });
    await auditParticipantChange(tx, "project.participant_added", { actor, actingFor: input.organizationId, projectId: id, participant: founder, meta });
  });
  return id;
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

/**
 * The project page: the project, its participants and documents, and what the actor may do there.
 * Throws the access gate's 404 for anyone outside the project (outsiders learn nothing).
 */
export async function getProjectForActor(actor: Actor, projectId: string) {
  const project = await requireProject(actor, projectId, "project.view");
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
    .where(eq(projectParticipants.projectId, project.id))
    .orderBy(asc(projectParticipants.role), asc(organizations.name));
  const projectDocuments = await db()
    .select({ id: documents.id, title: documents.title, kind: documents.kind, status: documents.status, updatedAt: documents.updatedAt })
    .from(documents)
    .where(eq(documents.projectId, project.id))
    .orderBy(asc(documents.kind), asc(documents.title));
  return {
    project,
    participants,
    documents: projectDocuments,
    permissions: {
      edit: can(actor, "project.edit", project.resource),
      manageParticipants: can(actor, "project.manage_participants", project.resource),
      createDocument: can(actor, "project.create_document", project.resource),
    },
    /** Participating organizations the actor administers: people can be invited into these. */
    invitableOrganizations: participants
      .filter((p) => can(actor, "organization.manage", { type: "organization", organizationId: p.organizationId }))
      .map((p) => ({ id: p.organizationId, name: p.name })),
  };
}

export async function updateProject(projectId: string, input: { title: string; summary: string }): Promise<void> {
  await db()
    .update(projects)
    .set({ title: input.title, summary: input.summary, updatedAt: new Date() })
    .where(eq(projects.id, projectId));
}

export async function removeParticipant(actor: Actor, projectId: string, organizationId: string, meta: RequestMeta): Promise<void> {
  await db().transaction(async (tx) => {
    const existing = await loadProjectFacts(projectId, tx);
    const target = existing.participants.find((p) => p.organizationId === organizationId);
    if (!target) return;
    if (target.role === "lead_institution") {
      throw new ProjectRuleError("The lead institution cannot be removed; it owns the credential.");
    }
    const removed = await tx
      .delete(projectParticipants)
      .where(and(eq(projectParticipants.projectId, projectId), eq(projectParticipants.organizationId, organizationId)))
      .returning({ organizationId: projectParticipants.organizationId });
    // Already gone (a concurrent removal): nothing changed, nothing to audit.
    if (removed.length === 0) return;
    const actingFor = actingOrganization(actor, existing.participants);
    await auditParticipantChange(tx, "project.participant_removed", { actor, actingFor, projectId, participant: target, meta });
  });
}
