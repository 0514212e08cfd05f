import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import { acceptProjectInvitation, declineProjectInvitation, inviteOrganization, withdrawProjectInvitation } from "~/modules/projects/participation.server";
import { projectAuditTrail, verifyProjectAudit } from "~/modules/projects/project-audit.server";
import { createProject, removeParticipant } from "~/modules/projects/projects.server";
import { accessStatus, NO_REQUEST, testUser } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

describe("the project's audit trail", () => {
  it("tells participants who was invited, accepted, declined, withdrawn and removed; outsiders and the merely invited get 404", async () => {
    const lead = await testUser("Audit Lead");
    const firmAdmin = await testUser("Audit Firm Admin");
    const bodyAdmin = await testUser("Audit Body Admin");
    const agencyAdmin = await testUser("Audit Agency Admin");
    const college = await createOrganization(lead.id, { name: "Audit College", kind: "institution", province: "ON" });
    await createOrganization(firmAdmin.id, { name: "Audit Firm", kind: "employer", province: "ON" });
    await createOrganization(bodyAdmin.id, { name: "Audit Guild", kind: "professional_body", province: "ON" });
    await createOrganization(agencyAdmin.id, { name: "Audit Agency", kind: "qa_agency", province: "ON" });
    const leadActor = await loadActor(lead.id);
    const projectId = await createProject(leadActor, { title: "Audited", summary: "", organizationId: college, role: "lead_institution" }, NO_REQUEST);

    const firmInvitation = await inviteOrganization(leadActor, projectId, { organization: "Audit Firm", role: "employer_partner" }, NO_REQUEST);
    const bodyInvitation = await inviteOrganization(leadActor, projectId, { organization: "Audit Guild", role: "professional_body" }, NO_REQUEST);
    const agencyInvitation = await inviteOrganization(leadActor, projectId, { organization: "Audit Agency", role: "qa_reviewer" }, NO_REQUEST);

    // Invited is not taking part: no trail for them yet.
    expect(await accessStatus(projectAuditTrail(await loadActor(firmAdmin.id), projectId))).toBe(404);
    expect(await accessStatus(verifyProjectAudit(await loadActor(firmAdmin.id), projectId))).toBe(404);

    await acceptProjectInvitation(await loadActor(firmAdmin.id), firmInvitation, NO_REQUEST);
    await declineProjectInvitation(await loadActor(bodyAdmin.id), bodyInvitation, { block: false }, NO_REQUEST);
    await withdrawProjectInvitation(leadActor, projectId, agencyInvitation, NO_REQUEST);
    const firm = (await loadActor(firmAdmin.id)).memberships[0]!.organizationId;
    await removeParticipant(leadActor, projectId, firm, NO_REQUEST);

    const trail = await projectAuditTrail(leadActor, projectId);
    expect(trail.project).toEqual({ id: projectId, title: "Audited" });
    expect(trail.rows.map((r) => [r.who, r.organization, r.what])).toEqual([
      ["Audit Lead", "Audit College", "Audit College joined the project as Lead institution"],
      ["Audit Lead", "Audit College", "Invited Audit Firm to take part as Employer partner"],
      ["Audit Lead", "Audit College", "Invited Audit Guild to take part as Professional body"],
      ["Audit Lead", "Audit College", "Invited Audit Agency to take part as QA reviewer"],
      ["Audit Firm Admin", "Audit Firm", "Audit Firm accepted the invitation and joined as Employer partner"],
      ["Audit Body Admin", "Audit Guild", "Audit Guild declined the invitation to take part as Professional body"],
      ["Audit Lead", "Audit College", "Withdrew the invitation of Audit Agency (QA reviewer)"],
      ["Audit Lead", "Audit College", "Audit Firm was removed from the project (Employer partner)"],
    ]);
    expect(await verifyProjectAudit(leadActor, projectId)).toMatchObject({ intact: true, length: 8 });
    // Removed: the firm no longer reads the project's trail.
    expect(await accessStatus(projectAuditTrail(await loadActor(firmAdmin.id), projectId))).toBe(404);
    const outsider = await testUser("Audit Outsider");
    expect(await accessStatus(projectAuditTrail(await loadActor(outsider.id), projectId))).toBe(404);

    // A changed event breaks the chain, and Verify says where (the append-only trigger is lifted
    // for this one statement, as an attacker with database access would).
    await db().transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`);
      await tx.execute(sql`UPDATE audit_events SET payload = jsonb_set(payload, '{role}', '"qa_reviewer"') WHERE chain = ${`project:${projectId}`} AND seq = 5`);
      await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`);
    });
    expect(await verifyProjectAudit(leadActor, projectId)).toMatchObject({ intact: false, brokenAt: 4 });
  });
});
