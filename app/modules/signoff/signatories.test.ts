import { describe, expect, it } from "vitest";
import { signatoryOrganizations } from "~/modules/signoff/signatories";

describe("signatoryOrganizations", () => {
  const memberships = [
    { organizationId: "named", role: "member" as const },
    { organizationId: "named-others", role: "admin" as const },
    { organizationId: "unnamed", role: "admin" as const },
    { organizationId: "unnamed-member", role: "member" as const },
  ];
  const namedSignatories = [
    { organizationId: "named", userId: "u" },
    { organizationId: "named-others", userId: "someone-else" },
    // A row for an organization the user does not belong to grants nothing.
    { organizationId: "foreign", userId: "u" },
  ];

  it("named signatories decide; admins decide only where nobody is named; plain members never", () => {
    expect(signatoryOrganizations("u", { memberships, namedSignatories })).toEqual(["named", "unnamed"]);
  });

  it("nobody decides without membership", () => {
    expect(signatoryOrganizations("u", { memberships: [], namedSignatories })).toEqual([]);
  });
});
