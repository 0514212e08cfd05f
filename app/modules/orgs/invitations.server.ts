import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { invitations, memberships, organizations } from "../../../db/schema/organizations";
import { assertWithinLimit } from "~/modules/abuse/limits.server";
import { generateId, generateToken } from "~/modules/ids.server";
import { MEMBERSHIP_ROLES } from "~/modules/permissions/roles";

const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export const InvitationSchema = z.object({
  email: z.string({ error: "Enter a valid email address" }).trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  organizationId: z.string({ error: "Choose an organization" }).min(1, "Choose an organization"),
  role: z.enum(MEMBERSHIP_ROLES, { error: "Choose a role" }).default("member"),
});
export type InvitationInput = z.infer<typeof InvitationSchema>;

/**
 * Callers check `organization.manage` first. Returns the secret token for the link. Throws
 * RateLimitedError (nothing written) when the person has sent INVITATIONS_PER_HOUR already.
 */
export async function createInvitation(invitedBy: string, input: InvitationInput, projectId?: string): Promise<string> {
  const token = generateToken();
  await db().transaction(async (tx) => {
    await assertWithinLimit(invitedBy, "invitation.create", tx);
    await tx.insert(invitations).values({
      id: generateId(),
      token,
      organizationId: input.organizationId,
      projectId: projectId ?? null,
      email: input.email,
      role: input.role,
      invitedBy,
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS),
    });
  });
  return token;
}

export async function listPendingInvitations(organizationId: string) {
  return db()
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, token: invitations.token, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.organizationId, organizationId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.createdAt));
}

export async function getInvitation(token: string) {
  const rows = await db()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      projectId: invitations.projectId,
      organizationId: invitations.organizationId,
      organizationName: organizations.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.token, token));
  return rows[0] ?? null;
}

export type AcceptResult =
  | { ok: true; organizationId: string; projectId: string | null }
  | { ok: false; error: string };

/** The invitation is for one e-mail address: only the account with that address may accept it. */
export async function acceptInvitation(token: string, user: { id: string; email: string }): Promise<AcceptResult> {
  return db().transaction(async (tx) => {
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.token, token)).for("update");
    if (!invitation) return { ok: false, error: "This invitation does not exist." };
    if (invitation.acceptedAt) return { ok: false, error: "This invitation has already been used." };
    if (invitation.expiresAt.getTime() < Date.now()) return { ok: false, error: "This invitation has expired. Ask for a new one." };
    if (invitation.email !== user.email.toLowerCase()) {
      return { ok: false, error: `This invitation is for ${invitation.email}. Sign in with that address to accept it.` };
    }
    await tx
      .insert(memberships)
      .values({ userId: user.id, organizationId: invitation.organizationId, role: invitation.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    return { ok: true, organizationId: invitation.organizationId, projectId: invitation.projectId };
  });
}
