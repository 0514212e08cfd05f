import { describe, expect, it } from "vitest";
import { can, documentRoleOf, type Actor, type ProjectFacts } from "~/modules/permissions/can";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { SAMPLE_PROJECT_ID } from "~/modules/projects/sample";

const project: ProjectFacts = {
  participants: [
    { organizationId: "college", role: "lead_institution" },
    { organizationId: "university", role: "partner_institution" },
    { organizationId: "employer", role: "employer_partner" },
    { organizationId: "body", role: "professional_body" },
    { organizationId: "qa", role: "qa_reviewer" },
  ],
};

const member = (organizationId: string, role: "admin" | "member" = "member"): Actor => ({
  userId: `user-${organizationId}`,
  memberships: [{ organizationId, role }],
});
const outsider: Actor = { userId: "outsider", memberships: [{ organizationId: "elsewhere", role: "admin" }] };
const doc = (status: DocumentStatus = "draft") => ({ type: "document" as const, status, project });

describe("can() on projects", () => {
  it.each([
    ["college", "project.view", true],
    ["college", "project.edit", true],
    ["college", "project.manage_participants", true],
    ["college", "project.create_document", true],
    ["employer", "project.view", true],
    ["employer", "project.edit", false],
    ["employer", "project.manage_participants", false],
    ["employer", "project.create_document", true],
    ["qa", "project.view", true],
    ["qa", "project.create_document", false],
    ["elsewhere", "project.view", false],
  ] as const)("%s may %s: %s", (org, action, expected) => {
    expect(can(member(org), action, { type: "project", ...project })).toBe(expected);
  });
});

describe("can() on documents", () => {
  it.each([
    ["employer", "draft", "document.edit", true],
    ["body", "draft", "document.edit", true],
    ["university", "in_review", "document.edit", true],
    ["qa", "draft", "document.view", true],
    ["qa", "draft", "document.comment", true],
    ["qa", "draft", "document.edit", false],
    ["college", "approved", "document.edit", false],
    ["college", "approved", "document.comment", true],
    ["elsewhere", "draft", "document.view", false],
    ["elsewhere", "draft", "document.comment", false],
  ] as const)("%s on a %s document may %s: %s", (org, status, action, expected) => {
    expect(can(member(org), action, doc(status))).toBe(expected);
  });

  it("gives an editor role to someone who is in both a QA and an authoring organization", () => {
    const both: Actor = { userId: "u", memberships: [{ organizationId: "qa", role: "member" }, { organizationId: "employer", role: "member" }] };
    expect(documentRoleOf(both, project)).toBe("editor");
  });

  it("gives outsiders no role at all", () => {
    expect(documentRoleOf(outsider, project)).toBeNull();
  });
});

describe("can() on organizations", () => {
  it("lets members view and only admins manage", () => {
    const resource = { type: "organization" as const, organizationId: "college" };
    expect(can(member("college"), "organization.view", resource)).toBe(true);
    expect(can(member("college"), "organization.manage", resource)).toBe(false);
    expect(can(member("college", "admin"), "organization.manage", resource)).toBe(true);
    expect(can(outsider, "organization.view", resource)).toBe(false);
  });
});

describe("can() on the read-only sample project", () => {
  const sample: ProjectFacts = { id: SAMPLE_PROJECT_ID, participants: [] };
  const stranger: Actor = { userId: "new-account", memberships: [] };
  const admin: Actor = { userId: "admin", memberships: [{ organizationId: "elsewhere", role: "admin" }] };

  it.each([
    ["project.view", true],
    ["project.edit", false],
    ["project.manage_participants", false],
    ["project.create_document", false],
  ] as const)("a signed-in stranger may %s: %s", (action, expected) => {
    expect(can(stranger, action, { type: "project", ...sample })).toBe(expected);
    expect(can(admin, action, { type: "project", ...sample })).toBe(expected);
  });

  it.each([
    ["draft", "document.view", true],
    ["draft", "document.comment", false],
    ["draft", "document.edit", false],
    ["in_review", "document.view", true],
    ["in_review", "document.comment", false],
    ["in_review", "document.edit", false],
    ["approved", "document.view", true],
    ["approved", "document.edit", false],
  ] as const)("a signed-in stranger on a %s sample document may %s: %s", (status, action, expected) => {
    expect(can(stranger, action, { type: "document", status, project: sample })).toBe(expected);
  });

  it("makes the stranger a viewer (a read-only socket), never a commenter or editor", () => {
    expect(documentRoleOf(stranger, sample)).toBe("viewer");
  });

  it("opens no other project: the same stranger gets nothing of a project with another id or none", () => {
    for (const other of [{ ...project, id: "demo-project-cap" }, { id: "sample-project-2", participants: [] }, { participants: [] }, project]) {
      expect(can(stranger, "project.view", { type: "project", ...other })).toBe(false);
      expect(can(stranger, "document.view", { type: "document", status: "draft", project: other })).toBe(false);
      expect(documentRoleOf(stranger, other)).toBeNull();
    }
  });
});

describe("can() on consortia and the module library", () => {
  const consortium = {
    members: [
      { organizationId: "college", role: "admin" as const, kind: "institution" as const },
      { organizationId: "university", role: "member" as const, kind: "institution" as const },
      { organizationId: "employer", role: "member" as const, kind: "employer" as const },
    ],
  };
  const resource = { type: "consortium" as const, ...consortium };
  const moduleOf = (status: DocumentStatus, credentialKind: string | null, owners: string[]) => ({
    type: "library_module" as const,
    consortium,
    status,
    credentialKind,
    ownerOrganizationIds: owners,
  });

  it.each([
    ["college", "member", "consortium.view", true],
    ["college", "member", "consortium.invite", false],
    ["college", "admin", "consortium.invite", true],
    ["college", "admin", "consortium.manage", true],
    ["university", "admin", "consortium.invite", true],
    ["university", "admin", "consortium.manage", false],
    ["employer", "admin", "consortium.view", true],
    ["employer", "admin", "consortium.invite", false],
    ["elsewhere", "admin", "consortium.view", false],
  ] as const)("%s (%s) may %s: %s", (org, role, action, expected) => {
    expect(can(member(org, role), action, resource)).toBe(expected);
  });

  it.each([
    ["a member sees another member's approved module", "employer", moduleOf("approved", "module", ["university"]), true],
    ["a member does not see a draft module", "college", moduleOf("draft", "module", ["university"]), false],
    ["a member does not see a module in review", "college", moduleOf("in_review", "module", ["university"]), false],
    ["a member does not see an approved stand-alone credential", "college", moduleOf("approved", "standalone", ["university"]), false],
    ["a member does not see a module owned outside the consortium", "college", moduleOf("approved", "module", ["elsewhere"]), false],
    ["an outsider sees nothing", "elsewhere", moduleOf("approved", "module", ["university"]), false],
  ] as const)("%s", (_label, org, resource, expected) => {
    expect(can(member(org), "module.view_in_library", resource)).toBe(expected);
  });
});

describe("recognition.sign (issue #18)", () => {
  const recognition = { type: "recognition" as const, receivingOrganizationId: "org-receiving" };
  it("is for members of the receiving institution only, whatever their role there", () => {
    expect(can({ userId: "u", memberships: [{ organizationId: "org-receiving", role: "member" }] }, "recognition.sign", recognition)).toBe(true);
    expect(can({ userId: "u", memberships: [{ organizationId: "org-receiving", role: "admin" }] }, "recognition.sign", recognition)).toBe(true);
    expect(can({ userId: "u", memberships: [{ organizationId: "org-issuing", role: "admin" }] }, "recognition.sign", recognition)).toBe(false);
    expect(can({ userId: "u", memberships: [] }, "recognition.sign", recognition)).toBe(false);
  });
  it("withdrawal follows the same rule as signing", () => {
    expect(can({ userId: "u", memberships: [{ organizationId: "org-receiving", role: "member" }] }, "recognition.withdraw", recognition)).toBe(true);
    expect(can({ userId: "u", memberships: [{ organizationId: "org-issuing", role: "admin" }] }, "recognition.withdraw", recognition)).toBe(false);
  });
  it("asking for one is for the specification's editors, also once it is approved and locked", () => {
    const project = { participants: [{ organizationId: "org-issuing", role: "lead_institution" as const }, { organizationId: "org-qa", role: "qa_reviewer" as const }] };
    const lead = { userId: "u", memberships: [{ organizationId: "org-issuing", role: "member" as const }] };
    const qa = { userId: "q", memberships: [{ organizationId: "org-qa", role: "member" as const }] };
    expect(can(lead, "recognition.request", { type: "document", status: "approved", project })).toBe(true);
    expect(can(lead, "recognition.request", { type: "document", status: "draft", project })).toBe(true);
    expect(can(qa, "recognition.request", { type: "document", status: "approved", project })).toBe(false);
    expect(can({ userId: "x", memberships: [] }, "recognition.request", { type: "document", status: "approved", project })).toBe(false);
  });
});
