/**
 * Taking part in a project by consent. The lead institution invites an organization (with the role
 * it proposes); the organization's admins accept or decline; only an accepted organization becomes
 * a participant, so only then do its members see the project (visibility is `project_participants`
 * alone, see permissions/can.ts). Declining can also block the inviting organization from inviting
 * again. Every change is one transaction with its audit event: the project's chain for the
 * invitation's life (invited, accepted, declined, withdrawn), the blocking organization's own chain
 * for blocks (the blocked side is not told more than that its invitations are not accepted).
 *
 * No directory: the organization picker lists only organizations the actor already works with
 * (they share a project with one of the actor's organizations); any other organization is reached
 * by its exact name or by the e-mail address of one of its admins.
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Queryable, type Transaction } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { memberships, organizationBlocks, organizations } from "../../../db/schema/organizations";
import { projectInvitations, projectParticipants, projects } from "../../../db/schema/projects";
import { assertWithinLimit } from "~/modules/abuse/limits.server";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { notifyInvitation } from "~/modules/notifications/notify.server";
import { FailureLimiter } from "~/modules/auth/rate-limit";
import { auditEvent, type AuditEvent } from "~/modules/audit/events";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";
import { loadProjectFacts, notFound, requireOrganization, requireProject } from "~/modules/permissions/require.server";
import { PROJECT_ROLES, projectRolesForKind, roleFitsKind, type OrganizationKind, type ProjectRole } from "~/modules/permissions/roles";
import { assertRoleFitsOrganization, ProjectRuleError } from "~/modules/projects/projects.server";

/**
 * The invite form: an organization from the picker (`organizationId`) or typed (`organization`:
 * its exact name or an admin's e-mail address), and the proposed role.
 */
export const InviteOrganizationSchema = z
  .object({
    organizationId: z.string().trim().max(100).optional(),
    organization: z.string().trim().max(320, "That is too long for an organization's name or an e-mail address").optional(),
    role: z.enum(PROJECT_ROLES, { error: "Choose a project role" }),
  })
  // `when`: also checked while the role is missing, so an empty form names both fields at once.
  .refine((value) => Boolean(value.organizationId || value.organization), {
    path: ["organization"],
    message: "Choose an organization you work with, or type an organization's exact name or an admin's e-mail address",
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  })
  .refine((value) => !(value.organizationId && value.organization), {
    path: ["organization"],
    message: "Choose an organization from the list or type one — not both",
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });
export type InviteOrganizationInput = z.infer<typeof InviteOrganizationSchema>;

export const DeclineInvitationSchema = z.object({ block: z.boolean().default(false) });

/**
 * Serialises every change to one project's participation (invite, accept, decline, withdraw):
 * each reads the participants and pending invitations and then writes, so two of them must not
 * interleave (e.g. two leads accepted at once, or an accept racing a withdraw).
 */
async function lockProject(tx: Transaction, projectId: string): Promise<boolean> {
  const rows = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for("update");
  return rows.length === 1;
}

/** The organization the actor acts for in a project they manage: their lead institution. */
function leadOrganizationOf(actor: Actor, participants: ReadonlyArray<{ organizationId: string; role: ProjectRole }>): string | null {
  const mine = new Set(actor.memberships.map((m) => m.organizationId));
  return participants.find((p) => p.role === "lead_institution" && mine.has(p.organizationId))?.organizationId ?? null;
}

async function audit(tx: Transaction, subject: { projectId?: string; organizationId: string | null }, actor: Actor, meta: RequestMeta, event: AuditEvent): Promise<void> {
  await appendAuditEvent(tx, {
    projectId: subject.projectId ?? null,
    organizationId: subject.organizationId,
    actorUserId: actor.userId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    event,
    createdAt: new Date(),
  });
}

type OrganizationRow = { id: string; name: string; kind: OrganizationKind };

/**
 * Organizations the actor already works with: every organization that takes part in a project
 * together with one of the actor's organizations, and the actor's own. Never anyone else: the
 * picker is not a directory of the platform.
 */
export async function organizationsYouWorkWith(actor: Actor, q: Queryable = db()): Promise<OrganizationRow[]> {
  const mine = actor.memberships.map((m) => m.organizationId);
  if (mine.length === 0) return [];
  const sharedProjects = q
    .selectDistinct({ projectId: projectParticipants.projectId })
    .from(projectParticipants)
    .where(inArray(projectParticipants.organizationId, mine));
  const partners = q
    .selectDistinct({ organizationId: projectParticipants.organizationId })
    .from(projectParticipants)
    .where(inArray(projectParticipants.projectId, sharedProjects));
  return q
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(sql`${organizations.id} IN ${partners} OR ${inArray(organizations.id, mine)}`)
    .orderBy(asc(organizations.name));
}

/**
 * Names and addresses that found no organization, per account. The creation limit counts only
 * invitations that were sent, so without this an account could probe which organizations and
 * admins exist. In-process, like the sign-in limits: several instances loosen it by their number.
 */
export const FAILED_LOOKUPS_PER_HOUR = 20;
const failedLookups = new FailureLimiter(FAILED_LOOKUPS_PER_HOUR, 60 * 60_000);

function lookupFailed(actor: Actor, message: string, field: string): ProjectRuleError {
  failedLookups.recordFailure(actor.userId);
  return new ProjectRuleError(message, field);
}

/**
 * The organization an invitation is addressed to, as the lead gave it. Refusals go on the field
 * the lead used, so the form shows them where they typed.
 */
async function resolveTarget(tx: Transaction, actor: Actor, input: InviteOrganizationInput): Promise<{ organization: OrganizationRow; field: string }> {
  if (input.organizationId) {
    const field = "organizationId";
    const known = await organizationsYouWorkWith(actor, tx);
    const organization = known.find((o) => o.id === input.organizationId);
    if (!organization) throw new ProjectRuleError("Choose an organization from the list.", field);
    return { organization, field };
  }
  const field = "organization";
  const typed = (input.organization ?? "").trim();
  const wait = failedLookups.retryAfter(actor.userId);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    throw new ProjectRuleError(`Many names and addresses you typed found no organization; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}, or pick from the list.`, field);
  }
  if (typed.includes("@")) {
    const email = typed.toLowerCase();
    const administered = await tx
      .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(sql`lower(${users.email}) = ${email}`, eq(memberships.role, "admin")))
      .orderBy(asc(organizations.name));
    if (administered.length === 0) {
      throw lookupFailed(actor, "No organization on Concord has an admin with that e-mail address. Check the address, or type the organization's exact name.", field);
    }
    if (administered.length === 1) return { organization: administered[0]!, field };
    // Someone who administers several organizations: the role says which one is meant when only
    // one of them can hold it.
    const fitting = administered.filter((o) => roleFitsKind(input.role, o.kind));
    if (fitting.length === 1) return { organization: fitting[0]!, field };
    throw new ProjectRuleError("That person administers several organizations: type the exact name of the one you mean.", field);
  }
  const named = await tx
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(sql`lower(btrim(${organizations.name})) = lower(${typed})`)
    .limit(2);
  if (named.length === 0) {
    throw lookupFailed(actor, `No organization on Concord is called “${typed}”. Check the exact name, or give the e-mail address of one of its admins.`, field);
  }
  if (named.length > 1) {
    throw new ProjectRuleError(`Several organizations are called “${typed}”: give the e-mail address of one of its admins instead.`, field);
  }
  return { organization: named[0]!, field };
}

async function isBlocked(tx: Transaction, organizationId: string, by: string): Promise<boolean> {
  const rows = await tx
    .select({ organizationId: organizationBlocks.organizationId })
    .from(organizationBlocks)
    .where(and(eq(organizationBlocks.organizationId, by), eq(organizationBlocks.blockedOrganizationId, organizationId)));
  return rows.length > 0;
}

async function organizationName(tx: Transaction, organizationId: string): Promise<string> {
  const row = await tx.query.organizations.findFirst({ where: eq(organizations.id, organizationId), columns: { name: true } });
  return row?.name ?? "Your organization";
}

/**
 * Invites an organization into the project with a proposed role: a pending invitation, not a
 * participant. Only the lead institution's members may invite (403 for other participants, the
 * gate's 404 for everyone else). Returns the invitation's id.
 */
export async function inviteOrganization(actor: Actor, projectId: string, rawInput: InviteOrganizationInput, meta: RequestMeta): Promise<string> {
  const input = InviteOrganizationSchema.parse(rawInput);
  await requireProject(actor, projectId, "project.manage_participants");
  const id = generateId();
  await db().transaction(async (tx) => {
    if (!(await lockProject(tx, projectId))) throw notFound();
    // Before any lookup: an account over its limit cannot go on probing names and addresses.
    await assertWithinLimit(actor.userId, "invitation.create", tx);
    const { participants } = await loadProjectFacts(projectId, tx);
    const invitingOrganizationId = leadOrganizationOf(actor, participants);
    // The gate let a lead member through; a concurrent change of the lead could still get here.
    if (!invitingOrganizationId) throw new ProjectRuleError("Only the lead institution's members invite organizations.");
    const { organization, field } = await resolveTarget(tx, actor, input);
    if (participants.some((p) => p.organizationId === organization.id)) {
      throw new ProjectRuleError(`${organization.name} already takes part in this project.`, field);
    }
    if (await isBlocked(tx, invitingOrganizationId, organization.id)) {
      throw new ProjectRuleError(`${organization.name} does not accept invitations from ${await organizationName(tx, invitingOrganizationId)}.`, field);
    }
    const [pending] = await tx
      .select({ id: projectInvitations.id })
      .from(projectInvitations)
      .where(and(eq(projectInvitations.projectId, projectId), eq(projectInvitations.organizationId, organization.id), eq(projectInvitations.status, "pending")));
    if (pending) throw new ProjectRuleError(`${organization.name} is already invited and has not answered yet.`, field);
    assertRoleFitsOrganization(input.role, organization);
    if (input.role === "lead_institution" && participants.some((p) => p.role === "lead_institution")) {
      throw new ProjectRuleError("A project has exactly one lead institution.", "role");
    }
    await tx.insert(projectInvitations).values({
      id,
      projectId,
      organizationId: organization.id,
      role: input.role,
      invitedBy: actor.userId,
      invitingOrganizationId,
    });
    await audit(tx, { projectId, organizationId: invitingOrganizationId }, actor, meta, auditEvent("project.participant_invited", { invitationId: id, organizationId: organization.id, role: input.role }));
    await notifyInvitation(tx, { id, organizationId: organization.id, projectTitle: (await tx.query.projects.findFirst({ where: eq(projects.id, projectId), columns: { title: true } }))?.title ?? "a project", actorUserId: actor.userId });
  });
  return id;
}

type InvitationRow = typeof projectInvitations.$inferSelect;

/**
 * The invitation, for an admin of the invited organization. Anyone else gets the gate's answer:
 * 404 to non-members (they learn nothing), 403 to the organization's other members.
 */
async function invitationForAdmin(tx: Transaction, actor: Actor, invitationId: string): Promise<InvitationRow> {
  const [invitation] = await tx.select().from(projectInvitations).where(eq(projectInvitations.id, invitationId));
  if (!invitation) throw notFound();
  await requireOrganization(actor, invitation.organizationId, "organization.manage", tx);
  return invitation;
}

/** Sets a pending invitation's outcome; false when it was no longer pending (decided meanwhile). */
async function decide(tx: Transaction, actor: Actor, invitationId: string, status: "accepted" | "declined" | "withdrawn"): Promise<boolean> {
  const updated = await tx
    .update(projectInvitations)
    .set({ status, decidedAt: new Date(), decidedBy: actor.userId })
    .where(and(eq(projectInvitations.id, invitationId), eq(projectInvitations.status, "pending")))
    .returning({ id: projectInvitations.id });
  return updated.length === 1;
}

const NO_LONGER_PENDING = "This invitation has already been answered or was withdrawn.";

/**
 * An admin of the invited organization accepts: the organization becomes a participant with the
 * proposed role, and its members see the project from now on. Re-checks what may have changed
 * since the invitation (the organization's kind, a lead accepted meanwhile). Returns the project.
 */
export async function acceptProjectInvitation(actor: Actor, invitationId: string, meta: RequestMeta): Promise<{ projectId: string }> {
  return db().transaction(async (tx) => {
    const invitation = await invitationForAdmin(tx, actor, invitationId);
    await lockProject(tx, invitation.projectId);
    const organization = await tx.query.organizations.findFirst({ where: eq(organizations.id, invitation.organizationId), columns: { id: true, name: true, kind: true } });
    if (!organization) throw notFound();
    if (!(await decide(tx, actor, invitation.id, "accepted"))) throw new ProjectRuleError(NO_LONGER_PENDING);
    assertRoleFitsOrganization(invitation.role, organization, "form");
    const { participants } = await loadProjectFacts(invitation.projectId, tx);
    if (participants.some((p) => p.organizationId === organization.id)) throw new ProjectRuleError(`${organization.name} already takes part in this project.`);
    if (invitation.role === "lead_institution" && participants.some((p) => p.role === "lead_institution")) {
      throw new ProjectRuleError("This project already has its lead institution.");
    }
    await tx.insert(projectParticipants).values({ projectId: invitation.projectId, organizationId: organization.id, role: invitation.role });
    await tx.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, invitation.projectId));
    await audit(
      tx,
      { projectId: invitation.projectId, organizationId: organization.id },
      actor,
      meta,
      auditEvent("project.participant_accepted", { invitationId: invitation.id, organizationId: organization.id, role: invitation.role }),
    );
    return { projectId: invitation.projectId };
  });
}

/**
 * An admin of the invited organization declines; with `block`, the inviting organization may not
 * invite it again (until an admin unblocks it). Nothing of the project stays visible to the
 * declining organization.
 */
export async function declineProjectInvitation(actor: Actor, invitationId: string, options: { block: boolean }, meta: RequestMeta): Promise<void> {
  const { block } = DeclineInvitationSchema.parse(options);
  await db().transaction(async (tx) => {
    const invitation = await invitationForAdmin(tx, actor, invitationId);
    await lockProject(tx, invitation.projectId);
    if (!(await decide(tx, actor, invitation.id, "declined"))) throw new ProjectRuleError(NO_LONGER_PENDING);
    await audit(
      tx,
      { projectId: invitation.projectId, organizationId: invitation.organizationId },
      actor,
      meta,
      auditEvent("project.participant_declined", { invitationId: invitation.id, organizationId: invitation.organizationId, role: invitation.role }),
    );
    if (block) await blockOrganization(tx, actor, invitation.organizationId, invitation.invitingOrganizationId, meta);
  });
}

/** The lead institution takes an unanswered invitation back. */
export async function withdrawProjectInvitation(actor: Actor, projectId: string, invitationId: string, meta: RequestMeta): Promise<void> {
  const project = await requireProject(actor, projectId, "project.manage_participants");
  await db().transaction(async (tx) => {
    await lockProject(tx, project.id);
    const [invitation] = await tx
      .select()
      .from(projectInvitations)
      .where(and(eq(projectInvitations.id, invitationId), eq(projectInvitations.projectId, project.id)));
    if (!invitation) throw notFound();
    if (!(await decide(tx, actor, invitation.id, "withdrawn"))) throw new ProjectRuleError(NO_LONGER_PENDING);
    const { participants } = await loadProjectFacts(project.id, tx);
    await audit(
      tx,
      { projectId: project.id, organizationId: leadOrganizationOf(actor, participants) ?? invitation.invitingOrganizationId },
      actor,
      meta,
      auditEvent("project.participant_invitation_withdrawn", { invitationId: invitation.id, organizationId: invitation.organizationId, role: invitation.role }),
    );
  });
}

/** Records the block and its event in the blocking organization's own chain. */
async function blockOrganization(tx: Transaction, actor: Actor, organizationId: string, blockedOrganizationId: string, meta: RequestMeta): Promise<void> {
  const inserted = await tx
    .insert(organizationBlocks)
    .values({ organizationId, blockedOrganizationId, blockedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ organizationId: organizationBlocks.organizationId });
  // Already blocked: nothing changed, nothing to record.
  if (inserted.length === 0) return;
  await audit(tx, { organizationId }, actor, meta, auditEvent("organization.blocked", { organizationId, blockedOrganizationId }));
}

/** An admin lifts a block: the other organization may invite this one again. */
export async function unblockOrganization(actor: Actor, organizationId: string, blockedOrganizationId: string, meta: RequestMeta): Promise<void> {
  await requireOrganization(actor, organizationId, "organization.manage");
  await db().transaction(async (tx) => {
    const removed = await tx
      .delete(organizationBlocks)
      .where(and(eq(organizationBlocks.organizationId, organizationId), eq(organizationBlocks.blockedOrganizationId, blockedOrganizationId)))
      .returning({ organizationId: organizationBlocks.organizationId });
    if (removed.length === 0) return;
    await audit(tx, { organizationId }, actor, meta, auditEvent("organization.unblocked", { organizationId, blockedOrganizationId }));
  });
}

/** Organizations this one blocks, for its admins (with Unblock). */
export async function blockedOrganizations(actor: Actor, organizationId: string) {
  await requireOrganization(actor, organizationId, "organization.manage");
  return db()
    .select({ id: organizations.id, name: organizations.name, blockedAt: organizationBlocks.createdAt })
    .from(organizationBlocks)
    .innerJoin(organizations, eq(organizations.id, organizationBlocks.blockedOrganizationId))
    .where(eq(organizationBlocks.organizationId, organizationId))
    .orderBy(asc(organizations.name));
}

/**
 * The project page's participation: who is invited and awaited (every participant sees these),
 * and for the lead, the organizations the picker offers (those it works with, minus those taking
 * part or already invited), each with the roles that fit its kind.
 */
export async function projectParticipation(actor: Actor, projectId: string) {
  const project = await requireProject(actor, projectId, "project.view");
  const pending = await db()
    .select({
      id: projectInvitations.id,
      organizationId: projectInvitations.organizationId,
      organizationName: organizations.name,
      role: projectInvitations.role,
      createdAt: projectInvitations.createdAt,
    })
    .from(projectInvitations)
    .innerJoin(organizations, eq(organizations.id, projectInvitations.organizationId))
    .where(and(eq(projectInvitations.projectId, project.id), eq(projectInvitations.status, "pending")))
    .orderBy(asc(organizations.name));
  const manage = can(actor, "project.manage_participants", project.resource);
  const taken = new Set([...project.resource.participants.map((p) => p.organizationId), ...pending.map((p) => p.organizationId)]);
  const picker = manage
    ? (await organizationsYouWorkWith(actor)).filter((o) => !taken.has(o.id)).map((o) => ({ ...o, roles: projectRolesForKind(o.kind) }))
    : [];
  return { pending, picker };
}

/**
 * Pending invitations addressed to organizations the actor administers (the dashboard, /inbox),
 * or to one of them (`organizationId`, for its page): what the admins decide on. Members who do
 * not administer the organization see none, and decided invitations disappear.
 */
export async function invitationsAwaitingActor(actor: Actor, organizationId?: string) {
  const administered = actor.memberships.filter((m) => m.role === "admin").map((m) => m.organizationId);
  const wanted = organizationId === undefined ? administered : administered.filter((id) => id === organizationId);
  if (wanted.length === 0) return [];
  const inviting = alias(organizations, "inviting");
  return db()
    .select({
      id: projectInvitations.id,
      projectTitle: projects.title,
      organizationId: projectInvitations.organizationId,
      organizationName: organizations.name,
      invitingOrganizationId: projectInvitations.invitingOrganizationId,
      invitingOrganizationName: inviting.name,
      invitedByName: users.name,
      role: projectInvitations.role,
      createdAt: projectInvitations.createdAt,
    })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .innerJoin(organizations, eq(organizations.id, projectInvitations.organizationId))
    .innerJoin(inviting, eq(inviting.id, projectInvitations.invitingOrganizationId))
    .leftJoin(users, eq(users.id, projectInvitations.invitedBy))
    .where(and(inArray(projectInvitations.organizationId, wanted), eq(projectInvitations.status, "pending")))
    .orderBy(desc(projectInvitations.createdAt));
}
