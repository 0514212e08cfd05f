import { describe, expect, it } from "vitest";
import { signUp } from "../auth/accounts.server";
import { createDocument } from "../documents/documents.server";
import { getDocumentForActor, listDocumentsForActor } from "../documents/documents.server";
import { loadActor } from "../orgs/actor.server";
import { acceptInvitation, createInvitation, getInvitation } from "../orgs/invitations.server";
import { changeMemberRole, createOrganization } from "../orgs/organizations.server";
import { useTestDatabase } from "../testing/use-test-database";
import { addParticipant, createProject, getProjectForActor, listProjectsForActor, ProjectRuleError, removeParticipant } from "./projects.server";

useTestDatabase();

async function user(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}@example.com`;
  const result = await signUp({ name, email, password: "a-long-enough-password" });
  if (!result.ok) throw new Error("sign-up failed");
  return { id: result.userId, email };
}

describe("organizations, projects and documents on the real database", () => {
  it("runs a project from creation to a document, and keeps outsiders out", async () => {
    const lead = await user("Lena Lead");
    const employer = await user("Eli Employer");
    const outsider = await user("Otto Outsider");
    const college = await createOrganization(lead.id, { name: "Bayside College", kind: "institution", province: "BC" });
    const firm = await createOrganization(employer.id, { name: "Coastline Shipyards", kind: "employer", province: "BC" });
    await createOrganization(outsider.id, { name: "Elsewhere Inc.", kind: "employer", province: "AB" });

    const leadActor = await loadActor(lead.id);
    const projectId = await createProject(leadActor, { title: "Marine Welding", summary: "", organizationId: college, role: "lead_institution" });
    await addParticipant(projectId, { organizationId: firm, role: "employer_partner" });
    const documentId = await createDocument(projectId, lead.id, { kind: "credential_spec", title: "Marine Welding — specification" });

    const employerActor = await loadActor(employer.id);
    expect((await listProjectsForActor(employerActor)).map((p) => p.id)).toEqual([projectId]);
    expect((await listDocumentsForActor(employerActor)).map((d) => d.id)).toEqual([documentId]);
    expect((await getDocumentForActor(employerActor, documentId))?.canEdit).toBe(true);

    const outsiderActor = await loadActor(outsider.id);
    expect(await getProjectForActor(outsiderActor, projectId)).toBeNull();
    expect(await getDocumentForActor(outsiderActor, documentId)).toBeNull();
    expect(await listDocumentsForActor(outsiderActor)).toEqual([]);
  });

  it("refuses a second lead institution and removing the lead, writing nothing", async () => {
    const lead = await user("Second Lead Test");
    const a = await createOrganization(lead.id, { name: "North College", kind: "institution", province: "ON" });
    const b = await createOrganization(lead.id, { name: "South College", kind: "institution", province: "ON" });
    const projectId = await createProject(await loadActor(lead.id), { title: "Two leads?", summary: "", organizationId: a, role: "lead_institution" });
    await expect(addParticipant(projectId, { organizationId: b, role: "lead_institution" })).rejects.toBeInstanceOf(ProjectRuleError);
    await expect(removeParticipant(projectId, a)).rejects.toBeInstanceOf(ProjectRuleError);
    const project = await getProjectForActor(await loadActor(lead.id), projectId);
    expect(project?.participants.map((p) => [p.organizationId, p.role])).toEqual([[a, "lead_institution"]]);
  });

  it("refuses to start a project for an organization the user does not belong to", async () => {
    const someone = await user("Not A Member");
    const owner = await user("Org Owner");
    const org = await createOrganization(owner.id, { name: "Owner Org", kind: "employer", province: "MB" });
    await expect(
      createProject(await loadActor(someone.id), { title: "Hijack", summary: "", organizationId: org, role: "lead_institution" }),
    ).rejects.toBeInstanceOf(ProjectRuleError);
  });

  it("accepts an invitation only for the invited address, once", async () => {
    const admin = await user("Ada Admin");
    const invitee = await user("Ivy Invitee");
    const stranger = await user("Sid Stranger");
    const org = await createOrganization(admin.id, { name: "Invite Org", kind: "professional_body", province: "CA" });
    const token = await createInvitation(admin.id, { email: invitee.email.toUpperCase().toLowerCase(), organizationId: org, role: "member" });
    expect((await getInvitation(token))?.organizationName).toBe("Invite Org");

    const wrong = await acceptInvitation(token, stranger);
    expect(wrong.ok).toBe(false);
    expect((await loadActor(stranger.id)).memberships).toEqual([]);

    expect(await acceptInvitation(token, invitee)).toEqual({ ok: true, organizationId: org, projectId: null });
    expect((await loadActor(invitee.id)).memberships).toEqual([{ organizationId: org, role: "member" }]);
    expect((await acceptInvitation(token, invitee)).ok).toBe(false);
  });

  it("never leaves an organization without an admin", async () => {
    const admin = await user("Only Admin");
    const org = await createOrganization(admin.id, { name: "Lonely Org", kind: "qa_agency", province: "NS" });
    expect(await changeMemberRole(org, admin.id, "member")).toEqual({ ok: false, error: "An organization needs at least one admin." });
    expect((await loadActor(admin.id)).memberships).toEqual([{ organizationId: org, role: "admin" }]);
  });
});
