import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { memberships, organizations } from "../../../db/schema/organizations";
import { assertWithinLimit } from "~/modules/abuse/limits.server";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";
import { requireOrganization } from "~/modules/permissions/require.server";
import { ORGANIZATION_KINDS, MEMBERSHIP_ROLES } from "~/modules/permissions/roles";
import { PROVINCE_CODES } from "~/modules/orgs/provinces";

export const OrganizationSchema = z.object({
  name: z.string({ error: "Enter the organization's name" }).trim().min(2, "Enter the organization's name").max(160, "Name is too long (160 characters at most)"),
  kind: z.enum(ORGANIZATION_KINDS, { error: "Choose what kind of organization this is" }),
  province: z.enum(PROVINCE_CODES, { error: "Choose a province or territory" }),
});
export type OrganizationInput = z.infer<typeof OrganizationSchema>;

export const MemberRoleSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(MEMBERSHIP_ROLES, { error: "Choose a role" }),
});

/**
 * Creates an organization with its creator as its first admin. Throws RateLimitedError (nothing
 * written) when the person has created ORGANIZATIONS_PER_DAY already.
 */
export async function createOrganization(userId: string, input: OrganizationInput): Promise<string> {
  const id = generateId();
  await db().transaction(async (tx) => {
    await assertWithinLimit(userId, "organization.create", tx);
    await tx.insert(organizations).values({ id, ...input, createdBy: userId });
    await tx.insert(memberships).values({ userId, organizationId: id, role: "admin" });
  });
  return id;
}

export async function listUserOrganizations(userId: string) {
  return db()
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      province: organizations.province,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name));
}

/**
 * The organization with its members, and whether the actor manages it. Throws the access gate's
 * 404 for anyone who is not a member.
 */
export async function getOrganizationForActor(actor: Actor, organizationId: string) {
  const { resource, ...organization } = await requireOrganization(actor, organizationId, "organization.view");
  const members = await db()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
  return { organization, members, canManage: can(actor, "organization.manage", resource) };
}

export async function updateOrganization(organizationId: string, input: OrganizationInput): Promise<void> {
  await db().update(organizations).set(input).where(eq(organizations.id, organizationId));
}

export type MemberRoleChange = { ok: true } | { ok: false; error: string };

/** An organization always keeps at least one admin, so it can never be left unmanageable. */
export async function changeMemberRole(organizationId: string, userId: string, role: "admin" | "member"): Promise<MemberRoleChange> {
  return db().transaction(async (tx) => {
    const admins = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "admin")))
      .for("update");
    if (role === "member" && admins.length === 1 && admins[0]?.userId === userId) {
      return { ok: false, error: "An organization needs at least one admin." };
    }
    const updated = await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
      .returning({ userId: memberships.userId });
    return updated.length === 1 ? { ok: true } : { ok: false, error: "That person is not a member." };
  });
}
