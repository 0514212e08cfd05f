/**
 * Who may decide for an organization. Pure: the DB layer loads the user's memberships and the
 * named signatories (`organization_signatories`) of those organizations.
 */
import type { MembershipRole } from "~/modules/permissions/roles";

export type SignatoryFacts = {
  memberships: ReadonlyArray<{ organizationId: string; role: MembershipRole }>;
  /** Every named signatory of the user's organizations (not only the user's own rows). */
  namedSignatories: ReadonlyArray<{ organizationId: string; userId: string }>;
};

/**
 * The organizations `userId` may decide for. A named signatory decides for their organization.
 * An organization that has named nobody falls back to its admins, so that a new organization is
 * never unable to sign; once it names anyone, only the named people decide. Membership is always
 * required (the signatory table also enforces it with a foreign key to memberships).
 */
export function signatoryOrganizations(userId: string, facts: SignatoryFacts): string[] {
  const named = new Map<string, Set<string>>();
  for (const row of facts.namedSignatories) {
    let users = named.get(row.organizationId);
    if (!users) named.set(row.organizationId, (users = new Set()));
    users.add(row.userId);
  }
  return facts.memberships
    .filter((membership) => {
      const users = named.get(membership.organizationId);
      return users && users.size > 0 ? users.has(userId) : membership.role === "admin";
    })
    .map((membership) => membership.organizationId);
}
