import { describe, expect, it } from "vitest";
import { can, type Actor, type DocumentResource } from "~/modules/permissions/can";

const actor = (organizationId: string, role: "admin" | "member" = "member"): Actor => ({ userId: "u", memberships: [{ organizationId, role }] });
const spec = (status: DocumentResource["status"] = "draft"): DocumentResource => ({
  type: "document",
  status,
  project: {
    id: "p",
    participants: [
      { organizationId: "college", role: "lead_institution" },
      { organizationId: "firm", role: "employer_partner" },
      { organizationId: "qa", role: "qa_reviewer" },
    ],
  },
});

describe("demand permissions", () => {
  it("any member of an organization imports demand data for it, nobody else", () => {
    expect(can(actor("college"), "demand.import", { type: "organization", organizationId: "college" })).toBe(true);
    expect(can(actor("college", "admin"), "demand.import", { type: "organization", organizationId: "college" })).toBe(true);
    expect(can(actor("college"), "demand.import", { type: "organization", organizationId: "firm" })).toBe(false);
  });

  it("only employer partners of the project record commitments, whatever the status", () => {
    expect(can(actor("firm"), "commitment.record", spec())).toBe(true);
    expect(can(actor("firm"), "commitment.record", spec("approved"))).toBe(true);
    for (const other of ["college", "qa", "elsewhere"]) expect(can(actor(other), "commitment.record", spec())).toBe(false);
  });

  it("a commitment is withdrawn only by its own organization", () => {
    expect(can(actor("firm"), "commitment.withdraw", { type: "commitment", organizationId: "firm" })).toBe(true);
    expect(can(actor("college", "admin"), "commitment.withdraw", { type: "commitment", organizationId: "firm" })).toBe(false);
  });
});
