/**
 * Consortia (issue #18): organizations that share their approved modules. Created by an
 * institution's admin (its organization becomes the consortium's first admin member); a member
 * institution's admin invites another organization (institution, employer or professional body),
 * which joins only when one of its admins accepts — membership by consent, like project
 * participation (ADR 0011). Every change is one transaction with its audit event, in the chain of
 * the organization the actor acted for (or the invited organization, for its own answer).
 */
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Queryable, type Transaction } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { consortia, consortiumInvitations, consortiumMembers } from "../../../db/schema/consortia";
import { memberships, organizations } from "../../../db/schema/organizations";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent, type AuditEvent } from "~/modules/audit/events";
import { generateId } from "~/modules/ids.server";
import { notify } from "~/modules/notifications/notify.server";
import { can, type Actor, type ConsortiumAction, type ConsortiumFacts } from "~/modules/permissions/can";
import { forbidden, notFound } from "~/modules/permissions/require.server";
import type { OrganizationKind } from "~/modules/permissions/roles";

/** A refusal the form shows on `field` ("form": the form as a whole). */
export class ConsortiumRuleError extends Error {
  constructor(
    message: string,
    readonly field: string = "form",
  ) {
    super(message);
  }
}

export const CreateConsortiumSchema = z.object({
  name: z.string({ error: "Enter the consortium's name" }).trim().min(2, "Enter the consortium's name").max(160, "Name is too long (160 characters at most)"),
  organizationId: z.string({ error: "Choose the institution you act for" }).trim().min(1, "Choose the institution you act for"),
});
export type CreateConsortiumInput = z.infer<typeof CreateConsortiumSchema>;

export const InviteToConsortiumSchema = z.object({
  organization: z
    .string({ error: "Type the organization's exact name or the e-mail address of one of its admins" })
    .trim()
    .min(1, "Type the organization's exact name or the e-mail address of one of its admins")
    .max(320, "That is too long for an organization's name or an e-mail address"),
});

/** Organizations that may join a consortium: QA agencies review, they do not take part. */
const JOINING_KINDS: ReadonlySet<OrganizationKind> = new Set(["institution", "employer", "professional_body"]);

async function audit(tx: Transaction, organizationId: string, actor: Actor, meta: RequestMeta, event: AuditEvent): Promise<void> {
  await appendAuditEvent(tx, { organizationId, actorUserId: actor.userId, ip: meta.ip, userAgent: meta.userAgent, event, createdAt: new Date() });
}

/** The consortium's members with their kind (what can() decides on); null when there is no such consortium. */
export async function loadConsortiumFacts(consortiumId: string, q: Queryable = db()): Promise<(ConsortiumFacts & { id: string; name: string }) | null> {
  const [consortium] = await q.select({ id: consortia.id, name: consortia.name }).from(consortia).where(eq(consortia.id, consortiumId));
  if (!consortium) return null;
  const members = await q
    .select({ organizationId: consortiumMembers.organizationId, role: consortiumMembers.role, kind: organizations.kind })
    .from(consortiumMembers)
    .innerJoin(organizations, eq(organizations.id, consortiumMembers.organizationId))
    .where(eq(consortiumMembers.consortiumId, consortiumId));
  return { ...consortium, members };
}

/**
 * The consortium, if the actor may do `action` with it: the gate's 404 for anyone outside it (an
 * outsider learns nothing, not even that it exists), 403 for a member who may not.
 */
export async function requireConsortium(actor: Actor, consortiumId: string, action: ConsortiumAction, q: Queryable = db()) {
  const facts = await loadConsortiumFacts(consortiumId, q);
  if (!facts || !can(actor, "consortium.view", { type: "consortium", ...facts })) throw notFound();
  if (!can(actor, action, { type: "consortium", ...facts })) throw forbidden();
  return facts;
}

/** Institutions the actor administers: those it may create a consortium for. */
export async function administeredInstitutions(actor: Actor, q: Queryable = db()): Promise<Array<{ id: string; name: string }>> {
  const administered = actor.memberships.filter((m) => m.role === "admin").map((m) => m.organizationId);
  if (administered.length === 0) return [];
  return q
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.id, administered), eq(organizations.kind, "institution")))
    .orderBy(asc(organizations.name));
}

export async function createConsortium(actor: Actor, rawInput: CreateConsortiumInput, meta: RequestMeta): Promise<string> {
  const input = CreateConsortiumSchema.parse(rawInput);
  const institutions = await administeredInstitutions(actor);
  if (!institutions.some((o) => o.id === input.organizationId)) {
    throw new ConsortiumRuleError("Choose an institution you administer.", "organizationId");
  }
  const id = generateId();
  await db().transaction(async (tx) => {
    await tx.insert(consortia).values({ id, name: input.name, createdBy: actor.userId });
    await tx.insert(consortiumMembers).values({ consortiumId: id, organizationId: input.organizationId, role: "admin" });
    await audit(tx, input.organizationId, actor, meta, auditEvent("consortium.created", { consortiumId: id, name: input.name, organizationId: input.organizationId }));
  });
  return id;
}

/** The consortia any of the actor's organizations belongs to. */
export async function listConsortiaForActor(actor: Actor) {
  const mine = actor.memberships.map((m) => m.organizationId);
  if (mine.length === 0) return [];
  const ids = db().selectDistinct({ id: consortiumMembers.consortiumId }).from(consortiumMembers).where(inArray(consortiumMembers.organizationId, mine));
  return db()
    .select({ id: consortia.id, name: consortia.name, memberCount: sql<number>`(SELECT count(*)::int FROM consortium_members cm WHERE cm.consortium_id = ${consortia.id})` })
    .from(consortia)
    .where(inArray(consortia.id, ids))
    .orderBy(asc(consortia.name));
}

/** Pending consortium invitations addressed to organizations the actor administers. */
export async function consortiumInvitationsAwaitingActor(actor: Actor) {
  const administered = actor.memberships.filter((m) => m.role === "admin").map((m) => m.organizationId);
  if (administered.length === 0) return [];
  const inviting = alias(organizations, "inviting");
  return db()
    .select({
      id: consortiumInvitations.id,
      consortiumName: consortia.name,
      organizationName: organizations.name,
      invitingOrganizationName: inviting.name,
      createdAt: consortiumInvitations.createdAt,
    })
    .from(consortiumInvitations)
    .innerJoin(consortia, eq(consortia.id, consortiumInvitations.consortiumId))
    .innerJoin(organizations, eq(organizations.id, consortiumInvitations.organizationId))
    .innerJoin(inviting, eq(inviting.id, consortiumInvitations.invitingOrganizationId))
    .where(and(inArray(consortiumInvitations.organizationId, administered), eq(consortiumInvitations.status, "pending")))
    .orderBy(desc(consortiumInvitations.createdAt));
}

/** The consortium page: members with kind and role, pending invitations, and what the actor may do. */
export async function getConsortiumForActor(actor: Actor, consortiumId: string) {
  const facts = await requireConsortium(actor, consortiumId, "consortium.view");
  const resource = { type: "consortium" as const, ...facts };
  const members = await db()
    .select({ organizationId: organizations.id, name: organizations.name, kind: organizations.kind, province: organizations.province, role: consortiumMembers.role, joinedAt: consortiumMembers.joinedAt })
    .from(consortiumMembers)
    .innerJoin(organizations, eq(organizations.id, consortiumMembers.organizationId))
    .where(eq(consortiumMembers.consortiumId, consortiumId))
    .orderBy(asc(organizations.name));
  const pending = await db()
    .select({ id: consortiumInvitations.id, organizationName: organizations.name, createdAt: consortiumInvitations.createdAt })
    .from(consortiumInvitations)
    .innerJoin(organizations, eq(organizations.id, consortiumInvitations.organizationId))
    .where(and(eq(consortiumInvitations.consortiumId, consortiumId), eq(consortiumInvitations.status, "pending")))
    .orderBy(asc(organizations.name));
  return {
    consortium: { id: facts.id, name: facts.name },
    members,
    pending,
    canInvite: can(actor, "consortium.invite", resource),
    canManage: can(actor, "consortium.manage", resource),
  };
}

/** The member institution the actor invites for: the first one they administer. */
function invitingOrganizationOf(actor: Actor, facts: ConsortiumFacts): string {
  const admin = new Set(actor.memberships.filter((m) => m.role === "admin").map((m) => m.organizationId));
  const member = facts.members.find((m) => m.kind === "institution" && admin.has(m.organizationId));
  if (!member) throw forbidden();
  return member.organizationId;
}

/** The organization named by its exact name or by the e-mail address of one of its admins. */
async function resolveOrganization(tx: Transaction, typed: string) {
  const columns = { id: organizations.id, name: organizations.name, kind: organizations.kind };
  const found = typed.includes("@")
    ? await tx
        .select(columns)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(and(sql`lower(${users.email}) = ${typed.toLowerCase()}`, eq(memberships.role, "admin"), inArray(organizations.kind, [...JOINING_KINDS])))
    : await tx.select(columns).from(organizations).where(sql`lower(btrim(${organizations.name})) = lower(${typed})`).limit(2);
  if (found.length === 0) throw new ConsortiumRuleError(`No organization on Concord matches “${typed}”. Check the exact name, or give the e-mail address of one of its admins.`, "organization");
  if (found.length > 1) throw new ConsortiumRuleError(`Several organizations match “${typed}”: type the exact name of the one you mean.`, "organization");
  return found[0]!;
}

export async function inviteToConsortium(actor: Actor, consortiumId: string, rawInput: z.infer<typeof InviteToConsortiumSchema>, meta: RequestMeta): Promise<string> {
  const input = InviteToConsortiumSchema.parse(rawInput);
  const facts = await requireConsortium(actor, consortiumId, "consortium.invite");
  const invitingOrganizationId = invitingOrganizationOf(actor, facts);
  const id = generateId();
  await db().transaction(async (tx) => {
    await tx.select({ id: consortia.id }).from(consortia).where(eq(consortia.id, consortiumId)).for("update");
    const target = await resolveOrganization(tx, input.organization);
    if (!JOINING_KINDS.has(target.kind)) throw new ConsortiumRuleError("A consortium's members are institutions, employers and professional bodies.", "organization");
    if (facts.members.some((m) => m.organizationId === target.id)) throw new ConsortiumRuleError(`${target.name} is already a member.`, "organization");
    const [pending] = await tx
      .select({ id: consortiumInvitations.id })
      .from(consortiumInvitations)
      .where(and(eq(consortiumInvitations.consortiumId, consortiumId), eq(consortiumInvitations.organizationId, target.id), eq(consortiumInvitations.status, "pending")));
    if (pending) throw new ConsortiumRuleError(`${target.name} is already invited.`, "organization");
    await tx.insert(consortiumInvitations).values({ id, consortiumId, organizationId: target.id, invitingOrganizationId, invitedBy: actor.userId });
    await audit(tx, invitingOrganizationId, actor, meta, auditEvent("consortium.member_invited", { consortiumId, invitationId: id, organizationId: target.id }));
    // Its admins answer on /consortia (and find it in their inbox).
    const [consortium] = await tx.select({ name: consortia.name }).from(consortia).where(eq(consortia.id, consortiumId));
    const admins = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, target.id), eq(memberships.role, "admin")));
    await notify(tx, admins.map((a) => a.userId), { kind: "invitation", params: { place: consortium?.name ?? "" }, link: "/consortia" }, actor.userId);
  });
  return id;
}

const NO_LONGER_PENDING = "This invitation has already been answered.";

/** The invitation, for an admin of the invited organization; the gate's 404 for anyone else. */
async function invitationForAdmin(tx: Transaction, actor: Actor, invitationId: string) {
  const [invitation] = await tx.select().from(consortiumInvitations).where(eq(consortiumInvitations.id, invitationId)).for("update");
  if (!invitation || !actor.memberships.some((m) => m.organizationId === invitation.organizationId && m.role === "admin")) throw notFound();
  if (invitation.status !== "pending") throw new ConsortiumRuleError(NO_LONGER_PENDING);
  return invitation;
}

export async function answerConsortiumInvitation(actor: Actor, invitationId: string, answer: "accepted" | "declined", meta: RequestMeta): Promise<{ consortiumId: string }> {
  return db().transaction(async (tx) => {
    const invitation = await invitationForAdmin(tx, actor, invitationId);
    await tx.update(consortiumInvitations).set({ status: answer, decidedAt: new Date(), decidedBy: actor.userId }).where(eq(consortiumInvitations.id, invitation.id));
    const payload = { consortiumId: invitation.consortiumId, invitationId: invitation.id, organizationId: invitation.organizationId };
    if (answer === "accepted") {
      await tx.insert(consortiumMembers).values({ consortiumId: invitation.consortiumId, organizationId: invitation.organizationId, role: "member" }).onConflictDoNothing();
      await audit(tx, invitation.organizationId, actor, meta, auditEvent("consortium.member_accepted", payload));
    } else {
      await audit(tx, invitation.organizationId, actor, meta, auditEvent("consortium.member_declined", payload));
    }
    return { consortiumId: invitation.consortiumId };
  });
}

/** A consortium admin removes a member; the consortium always keeps an admin organization. */
export async function removeConsortiumMember(actor: Actor, consortiumId: string, organizationId: string, meta: RequestMeta): Promise<void> {
  const facts = await requireConsortium(actor, consortiumId, "consortium.manage");
  const member = facts.members.find((m) => m.organizationId === organizationId);
  if (!member) throw new ConsortiumRuleError("That organization is not a member.");
  if (member.role === "admin" && facts.members.filter((m) => m.role === "admin").length === 1) {
    throw new ConsortiumRuleError("A consortium needs at least one admin organization.");
  }
  const actingFor = facts.members.find((m) => m.role === "admin" && actor.memberships.some((a) => a.organizationId === m.organizationId && a.role === "admin"));
  await db().transaction(async (tx) => {
    await tx.delete(consortiumMembers).where(and(eq(consortiumMembers.consortiumId, consortiumId), eq(consortiumMembers.organizationId, organizationId)));
    await audit(tx, actingFor?.organizationId ?? organizationId, actor, meta, auditEvent("consortium.member_removed", { consortiumId, organizationId }));
  });
}

/** The consortia an organization belongs to (the stack picker reads their libraries). */
export async function consortiaOfOrganizations(organizationIds: string[], q: Queryable = db()): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await q.selectDistinct({ id: consortiumMembers.consortiumId }).from(consortiumMembers).where(inArray(consortiumMembers.organizationId, organizationIds));
  return rows.map((r) => r.id);
}
