import { describe, expect, it } from "vitest";
import { maySeeRequestDetails, requestDetailsFor } from "~/modules/audit/privacy";
import type { Actor, ProjectFacts } from "~/modules/permissions/can";
import type { MembershipRole } from "~/modules/permissions/roles";

/** A project: Lakeshore leads, Northwind is the employer partner, PQAB reviews; Elsewhere is not in it. */
const project: ProjectFacts = {
  participants: [
    { organizationId: "lakeshore", role: "lead_institution" },
    { organizationId: "northwind", role: "employer_partner" },
    { organizationId: "pqab", role: "qa_reviewer" },
  ],
};

const viewer = (...memberships: Array<[string, MembershipRole]>): Actor => ({
  userId: "viewer",
  memberships: memberships.map(([organizationId, role]) => ({ organizationId, role })),
});

describe("maySeeRequestDetails", () => {
  it.each<[string, Actor, string | null, ProjectFacts, boolean]>([
    ["an admin of the acting organization", viewer(["northwind", "admin"]), "northwind", project, true],
    ["a plain member of the acting organization", viewer(["northwind", "member"]), "northwind", project, false],
    ["an admin of another participating organization", viewer(["lakeshore", "admin"]), "northwind", project, false],
    ["a member of the QA reviewer", viewer(["pqab", "member"]), "northwind", project, true],
    ["an admin of the QA reviewer", viewer(["pqab", "admin"]), "lakeshore", project, true],
    ["the QA reviewer, for a system event", viewer(["pqab", "member"]), null, project, true],
    ["an admin of anything, for a system event", viewer(["northwind", "admin"], ["lakeshore", "admin"]), null, project, false],
    ["a member of the acting organization who admins another", viewer(["northwind", "member"], ["lakeshore", "admin"]), "northwind", project, false],
    ["an admin of the acting organization, also a member elsewhere", viewer(["lakeshore", "member"], ["northwind", "admin"]), "northwind", project, true],
    ["a QA agency member on a project it does not review", viewer(["pqab", "member"]), "northwind", { participants: project.participants.filter((p) => p.role !== "qa_reviewer") }, false],
    ["a member of a QA agency that is not this project's reviewer", viewer(["other-qa", "admin"]), "northwind", project, false],
    ["someone with no organization", viewer(), "northwind", project, false],
    ["an admin of an acting organization that has since left the project", viewer(["gone", "admin"]), "gone", project, true],
  ])("%s → %s", (_, who, actingFor, facts, expected) => {
    expect(maySeeRequestDetails(who, { organizationId: actingFor }, facts)).toBe(expected);
  });
});

describe("requestDetailsFor", () => {
  const record = { organizationId: "northwind", ip: "203.0.113.7", userAgent: "Mozilla/5.0" };

  it("gives both fields to those who may see them, even when a value was not recorded", () => {
    expect(requestDetailsFor(viewer(["northwind", "admin"]), record, project)).toEqual({ ip: "203.0.113.7", userAgent: "Mozilla/5.0" });
    expect(requestDetailsFor(viewer(["pqab", "member"]), { ...record, ip: null }, project)).toEqual({ ip: null, userAgent: "Mozilla/5.0" });
  });

  it("gives no field at all (not even a null) to everyone else", () => {
    const details = requestDetailsFor(viewer(["northwind", "member"]), record, project);
    expect(details).toEqual({});
    expect(Object.keys(details)).toEqual([]);
  });
});
