import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain } from "~/modules/audit/chain";
import { signUp } from "~/modules/auth/accounts.server";
import { createDocument } from "~/modules/documents/documents.server";
import { getDocumentForActor, listDocumentsForActor } from "~/modules/documents/documents.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { acceptInvitation, createInvitation, getInvitation } from "~/modules/orgs/invitations.server";
import { changeMemberRole, createOrganization } from "~/modules/orgs/organizations.server";
import { NO_REQUEST } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { createProject, getProjectForActor, listProjectsForActor, ProjectRuleError, removeParticipant } from "~/modules/projects/projects.server";
import { acceptProjectInvitation, inviteOrganization } from "~/modules/projects/participation.server";
import { joinProject } from "../../../test/support/projects";

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
    await createOrganization(employer.id, { name: "Coastline Shipyards", kind: "employer", province: "BC" });
    await createOrganization(outsider.id, { name: "Elsewhere Inc.", kind: "employer", province: "AB" });

    const leadActor = await loadActor(lead.id);
    const projectId = await createProject(leadActor, { title: "Marine Welding", summary: "", organizationId: college, role: "lead_institution" }, NO_REQUEST);
    await joinProject(projectId, lead.id, { organizationName: "Coastline Shipyards", role: "employer_partner", adminUserId: employer.id });
    const documentId = await createDocument(projectId, lead.id, { kind: "credential_spec", title: "Marine Welding — specification" });

    const employerActor = await loadActor(employer.id);
    expect((await listProjectsForActor(employerActor)).map((p) => p.id)).toEqual([projectId]);
    expect((await listDocumentsForActor(employerActor)).map((d) => d.id)).toEqual([documentId]);
    expect((await getDocumentForActor(employerActor, documentId)).canEdit).toBe(true);

    const outsiderActor = await loadActor(outsider.id);
    // The access gate's 404: outsiders learn nothing, not even that these exist.
    await expect(getProjectForActor(outsiderActor, projectId)).rejects.toHaveProperty("status", 404);
    await expect(getDocumentForActor(outsiderActor, documentId)).rejects.toHaveProperty("status", 404);
    expect(await listDocumentsForActor(outsiderActor)).toEqual([]);
  });

  it("refuses a second lead institution and removing the lead, writing nothing", async () => {
    const lead = await user("Second Lead Test");
    const a = await createOrganization(lead.id, { name: "North College", kind: "institution", province: "ON" });
    await createOrganization(lead.id, { name: "South College", kind: "institution", province: "ON" });
    const leadActor = await loadActor(lead.id);
    const projectId = await createProject(leadActor, { title: "Two leads?", summary: "", organizationId: a, role: "lead_institution" }, NO_REQUEST);
    await expect(inviteOrganization(leadActor, projectId, { organization: "South College", role: "lead_institution" }, NO_REQUEST)).rejects.toThrow(
      "A project has exactly one lead institution.",
    );
    await expect(removeParticipant(leadActor, projectId, a, NO_REQUEST)).rejects.toBeInstanceOf(ProjectRuleError);
    const project = await getProjectForActor(leadActor, projectId);
    expect(project.participants.map((p) => [p.organizationId, p.role])).toEqual([[a, "lead_institution"]]);
    // Only the creation's founding participant is in the trail: refusals roll back with their event.
    expect((await readAuditChain(db(), chainOf({ projectId }))).map((r) => r.type)).toEqual(["project.participant_added"]);
  });

  it("records who joined and who left in the project's audit chain, one event per change, and the chain verifies", async () => {
    const lead = await user("Trail Lead");
    const partner = await user("Trail Partner");
    const college = await createOrganization(lead.id, { name: "Trail College", kind: "institution", province: "QC" });
    const firm = await createOrganization(partner.id, { name: "Trail Works", kind: "employer", province: "QC" });
    const leadActor = await loadActor(lead.id);
    const request = { ip: "203.0.113.7", userAgent: "vitest" };
    const projectId = await createProject(leadActor, { title: "Trail Project", summary: "", organizationId: college, role: "lead_institution" }, request);
    const chain = () => readAuditChain(db(), chainOf({ projectId }));
    const founding = await chain();
    expect(founding.map((r) => [r.type, r.payload])).toEqual([["project.participant_added", { organizationId: college, role: "lead_institution" }]]);

    const invitationId = await inviteOrganization(leadActor, projectId, { organization: "Trail Works", role: "employer_partner" }, request);
    await acceptProjectInvitation(await loadActor(partner.id), invitationId, { ip: "198.51.100.2", userAgent: "partner-browser" });
    const afterJoin = await chain();
    expect(afterJoin).toHaveLength(3);
    expect(afterJoin[1]).toMatchObject({
      chain: `project:${projectId}`,
      seq: 2,
      projectId,
      documentId: null,
      actorUserId: lead.id,
      organizationId: college,
      type: "project.participant_invited",
      payload: { invitationId, organizationId: firm, role: "employer_partner" },
      ip: "203.0.113.7",
      userAgent: "vitest",
    });
    // The invited organization's admin accepts, acting for it.
    expect(afterJoin[2]).toMatchObject({
      seq: 3,
      actorUserId: partner.id,
      organizationId: firm,
      type: "project.participant_accepted",
      payload: { invitationId, organizationId: firm, role: "employer_partner" },
      ip: "198.51.100.2",
    });

    await removeParticipant(leadActor, projectId, firm, request);
    const afterRemove = await chain();
    expect(afterRemove).toHaveLength(4);
    expect(afterRemove[3]).toMatchObject({ seq: 4, actorUserId: lead.id, organizationId: college, type: "project.participant_removed", payload: { organizationId: firm, role: "employer_partner" } });

    // Removing someone who already left changes nothing and records nothing.
    await removeParticipant(leadActor, projectId, firm, request);
    expect(await chain()).toHaveLength(4);
    expect(await verifyChain(afterRemove)).toEqual({ intact: true, length: 4, headHash: afterRemove[3]!.hash });
  });

  it("refuses to start a project for an organization the user does not belong to", async () => {
    const someone = await user("Not A Member");
    const owner = await user("Org Owner");
    const org = await createOrganization(owner.id, { name: "Owner Org", kind: "employer", province: "MB" });
    await expect(
      createProject(await loadActor(someone.id), { title: "Hijack", summary: "", organizationId: org, role: "lead_institution" }, NO_REQUEST),
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
