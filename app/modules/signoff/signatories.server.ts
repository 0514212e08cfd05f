/**
 * Naming the people who may decide for an organization (signatories.ts has the rule). Organization
 * admins manage the list; every change is audited on the organization's chain in the same
 * transaction.
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "~/db.server";
import type { Transaction } from "../../../db/client";
import { users } from "../../../db/schema/auth";
import { memberships } from "../../../db/schema/organizations";
import { organizationSignatories } from "../../../db/schema/signoff";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { can, type Actor } from "~/modules/permissions/can";

export const SignatoryChangeSchema = z.object({
  userId: z.string({ error: "Choose a member" }).trim().min(1, "Choose a member").max(100),
});

export type SignatoryListing = {
  /** Named signatories; empty means the organization's admins decide. */
  named: Array<{ userId: string; name: string; email: string }>;
  /** Members not named yet (candidates for "Add"). */
  others: Array<{ userId: string; name: string; email: string }>;
};

export async function listSignatories(organizationId: string): Promise<SignatoryListing> {
  const members = await db()
    .select({ userId: users.id, name: users.name, email: users.email, named: organizationSignatories.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      organizationSignatories,
      and(eq(organizationSignatories.organizationId, memberships.organizationId), eq(organizationSignatories.userId, memberships.userId)),
    )
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(users.name));
  const strip = ({ named: _named, ...member }: (typeof members)[number]) => member;
  return { named: members.filter((m) => m.named).map(strip), others: members.filter((m) => !m.named).map(strip) };
}

export type SignatoryChange = { ok: true } | { ok: false; status: 400 | 403; error: string };

/** Names a member as a signatory (admins of the organization only). */
export async function addSignatory(actor: Actor, organizationId: string, userId: string, meta: RequestMeta): Promise<SignatoryChange> {
  if (!can(actor, "organization.manage", { type: "organization", organizationId })) return { ok: false, status: 403, error: "Only admins name signatories." };
  return db().transaction(async (tx): Promise<SignatoryChange> => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
    if (!member) return { ok: false, status: 400, error: "Only members of the organization can be signatories." };
    const inserted = await tx
      .insert(organizationSignatories)
      .values({ organizationId, userId, addedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ userId: organizationSignatories.userId });
    // Already named: nothing changed, nothing to audit.
    if (inserted.length === 0) return { ok: true };
    await auditSignatoryChange(tx, "organization.signatory_added", { actor, organizationId, userId, meta });
    return { ok: true };
  });
}

export async function removeSignatory(actor: Actor, organizationId: string, userId: string, meta: RequestMeta): Promise<SignatoryChange> {
  if (!can(actor, "organization.manage", { type: "organization", organizationId })) return { ok: false, status: 403, error: "Only admins name signatories." };
  return db().transaction(async (tx): Promise<SignatoryChange> => {
    const removed = await tx
      .delete(organizationSignatories)
      .where(and(eq(organizationSignatories.organizationId, organizationId), eq(organizationSignatories.userId, userId)))
      .returning({ userId: organizationSignatories.userId });
    if (removed.length === 0) return { ok: true };
    await auditSignatoryChange(tx, "organization.signatory_removed", { actor, organizationId, userId, meta });
    return { ok: true };
  });
}

/** The organization's audit chain records who named or removed whom, from where. */
async function auditSignatoryChange(
  tx: Transaction,
  type: "organization.signatory_added" | "organization.signatory_removed",
  change: { actor: Actor; organizationId: string; userId: string; meta: RequestMeta },
): Promise<void> {
  const { actor, organizationId, userId, meta } = change;
  await appendAuditEvent(tx, {
    organizationId,
    actorUserId: actor.userId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    event: auditEvent(type, { organizationId, userId }),
    createdAt: new Date(),
  });
}
