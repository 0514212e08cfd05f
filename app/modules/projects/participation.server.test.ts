import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { projectInvitations, projectParticipants } from "../../../db/schema/projects";
import { INVITATIONS_PER_HOUR, RateLimitedError } from "~/modules/abuse/limits.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain } from "~/modules/audit/chain";
import { createDocument, getDocumentForActor, listDocumentsForActor } from "~/modules/documents/documents.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { acceptInvitation, createInvitation } from "~/modules/orgs/invitations.server";
import { createOrganization, updateOrganization } from "~/modules/orgs/organizations.server";
import { requireProject } from "~/modules/permissions/require.server";
import { ORGANIZATION_KINDS, PROJECT_ROLES, PROJECT_ROLE_ORGANIZATION_KIND, type OrganizationKind } from "~/modules/permissions/roles";
import {
  acceptProjectInvitation,
  blockedOrganizations,
  declineProjectInvitation,
  invitationsAwaitingActor,
  FAILED_LOOKUPS_PER_HOUR,
  inviteOrganization,
  organizationsYouWorkWith,
  projectParticipation,
  unblockOrganization,
  withdrawProjectInvitation,
} from "~/modules/projects/participation.server";
import { createProject, getProjectForActor, listProjectsForActor } from "~/modules/projects/projects.server";
import { accessStatus, NO_REQUEST, testUser } from "../../../test/support/documents";
import { joinProject } from "../../../test/support/projects";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

const PROVINCE = "ON" as const;

/** A fresh user with a fresh organization of `kind` they administer; names are unique per call. */
async function organization(kind: OrganizationKind, label: string) {
  const suffix = generateId(6);
  const admin = await testUser(`${label} Admin ${suffix}`);
  const name = `${label} ${suffix}`;
  const id = await createOrganization(admin.id, { name, kind, province: PROVINCE });
  return { id, name, admin };
}

/** A member (not admin) of the organization, who joined through a membership invitation. */
async function memberOf(org: { id: string; admin: { id: string } }) {
  const person = await testUser(`Member ${generateId(4)}`);
  const email = await emailOf(person.id);
  const token = await createInvitation(org.admin.id, { email, organizationId: org.id, role: "member" });
  const accepted = await acceptInvitation(token, { id: person.id, email });
  if (!accepted.ok) throw new Error(accepted.error);
  return person;
}

async function emailOf(userId: string): Promise<string> {
  const row = await db().query.users.findFirst({ where: (u, { eq: is }) => is(u.id, userId) });
  if (!row) throw new Error("no such user");
  return row.email;
}

/** A project led by a fresh institution. */
async function ledProject(title = "Consent Project") {
  const college = await organization("institution", "Lead College");
  const projectId = await createProject(await loadActor(college.admin.id), { title, summary: "", organizationId: college.id, role: "lead_institution" }, NO_REQUEST);
  return { projectId, college, lead: college.admin };
}

const as = (userId: string) => loadActor(userId);
const chainTypes = async (projectId: string) => (await readAuditChain(db(), chainOf({ projectId }))).map((r) => r.type);

describe("participation by consent", () => {
  it("an invitation makes nobody a participant: the invited organization sees nothing of the project until an admin accepts", async () => {
    const { projectId, college, lead } = await ledProject("Offshore Wind Technician");
    const firm = await organization("employer", "Northwind Test");
    const member = await memberOf(firm);
    const documentId = await createDocument(projectId, lead.id, { kind: "credential_spec", title: "Offshore Wind Technician — specification" });

    const invitationId = await inviteOrganization(await as(lead.id), projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST);

    for (const person of [firm.admin, member]) {
      const actor = await as(person.id);
      expect(await accessStatus(getProjectForActor(actor, projectId))).toBe(404);
      expect(await accessStatus(requireProject(actor, projectId, "project.view"))).toBe(404);
      expect(await accessStatus(getDocumentForActor(actor, documentId))).toBe(404);
      expect(await listProjectsForActor(actor)).toEqual([]);
      expect(await listDocumentsForActor(actor)).toEqual([]);
    }
    expect((await db().select().from(projectParticipants).where(eq(projectParticipants.projectId, projectId))).map((p) => p.organizationId)).toEqual([college.id]);

    // The admins see the invitation with what they need to decide; plain members do not.
    const awaiting = await invitationsAwaitingActor(await as(firm.admin.id));
    expect(awaiting).toEqual([
      {
        id: invitationId,
        projectTitle: "Offshore Wind Technician",
        organizationId: firm.id,
        organizationName: firm.name,
        invitingOrganizationId: college.id,
        invitingOrganizationName: college.name,
        invitedByName: lead.name,
        role: "employer_partner",
        createdAt: expect.any(Date),
      },
    ]);
    expect(await invitationsAwaitingActor(await as(member.id))).toEqual([]);
    expect(await invitationsAwaitingActor(await as(firm.admin.id), firm.id)).toHaveLength(1);
    expect(await invitationsAwaitingActor(await as(firm.admin.id), college.id)).toEqual([]);

    // The project's members see "awaiting" it.
    const participation = await projectParticipation(await as(lead.id), projectId);
    expect(participation.pending.map((p) => [p.organizationName, p.role])).toEqual([[firm.name, "employer_partner"]]);

    // A plain member may not accept for the organization (403); strangers get 404.
    expect(await accessStatus(acceptProjectInvitation(await as(member.id), invitationId, NO_REQUEST))).toBe(403);
    expect(await accessStatus(acceptProjectInvitation(await as(lead.id), invitationId, NO_REQUEST))).toBe(404);

    expect(await acceptProjectInvitation(await as(firm.admin.id), invitationId, NO_REQUEST)).toEqual({ projectId });
    for (const person of [firm.admin, member]) {
      const actor = await as(person.id);
      expect((await listProjectsForActor(actor)).map((p) => p.id)).toEqual([projectId]);
      const page = await getProjectForActor(actor, projectId);
      expect(page.participants.find((p) => p.organizationId === firm.id)?.role).toBe("employer_partner");
      expect((await getDocumentForActor(actor, documentId)).canEdit).toBe(true);
    }
    expect(await invitationsAwaitingActor(await as(firm.admin.id))).toEqual([]);
    expect((await projectParticipation(await as(lead.id), projectId)).pending).toEqual([]);
    const [stored] = await db().select().from(projectInvitations).where(eq(projectInvitations.id, invitationId));
    expect(stored).toMatchObject({ status: "accepted", decidedBy: firm.admin.id, decidedAt: expect.any(Date) });

    // Accepting twice changes nothing.
    await expect(acceptProjectInvitation(await as(firm.admin.id), invitationId, NO_REQUEST)).rejects.toThrow("already been answered");
    expect(await chainTypes(projectId)).toEqual(["project.participant_added", "project.participant_invited", "project.participant_accepted"]);
  });

  it("declining leaves no trace on the invited side and records the decline in the project's trail", async () => {
    const { projectId, college, lead } = await ledProject();
    const body = await organization("professional_body", "Guild");
    const invitationId = await inviteOrganization(await as(lead.id), projectId, { organization: body.name, role: "professional_body" }, { ip: "203.0.113.9", userAgent: "lead" });

    await declineProjectInvitation(await as(body.admin.id), invitationId, { block: false }, { ip: "198.51.100.4", userAgent: "body" });

    const admin = await as(body.admin.id);
    expect(await invitationsAwaitingActor(admin)).toEqual([]);
    expect(await listProjectsForActor(admin)).toEqual([]);
    expect(await accessStatus(getProjectForActor(admin, projectId))).toBe(404);
    expect(await blockedOrganizations(admin, body.id)).toEqual([]);
    expect((await projectParticipation(await as(lead.id), projectId)).pending).toEqual([]);

    const chain = await readAuditChain(db(), chainOf({ projectId }));
    expect(chain.at(-1)).toMatchObject({
      type: "project.participant_declined",
      actorUserId: body.admin.id,
      organizationId: body.id,
      payload: { invitationId, organizationId: body.id, role: "professional_body" },
    });
    expect((await verifyChain(chain)).intact).toBe(true);

    // Declining is not blocking: the lead may ask again.
    await inviteOrganization(await as(lead.id), projectId, { organization: body.name, role: "professional_body" }, NO_REQUEST);
    expect((await projectParticipation(await as(lead.id), projectId)).pending.map((p) => p.organizationId)).toEqual([body.id]);
    expect(college.id).not.toBe(body.id);
  });

  it("decline and block: the inviting organization cannot invite again, and is told no more than that; unblock lifts it", async () => {
    const { projectId, college, lead } = await ledProject();
    const { projectId: otherProjectId } = await ledProject("Another project");
    const agency = await organization("qa_agency", "Review Board");
    const invitationId = await inviteOrganization(await as(lead.id), projectId, { organization: agency.name, role: "qa_reviewer" }, NO_REQUEST);

    await declineProjectInvitation(await as(agency.admin.id), invitationId, { block: true }, NO_REQUEST);

    const admin = await as(agency.admin.id);
    expect((await blockedOrganizations(admin, agency.id)).map((b) => [b.id, b.name])).toEqual([[college.id, college.name]]);
    const organizationChain = await readAuditChain(db(), chainOf({ organizationId: agency.id }));
    expect(organizationChain.map((r) => [r.type, r.payload])).toEqual([["organization.blocked", { organizationId: agency.id, blockedOrganizationId: college.id }]]);
    // The block is the agency's own business: the project's trail says only that it declined.
    expect(await chainTypes(projectId)).toEqual(["project.participant_added", "project.participant_invited", "project.participant_declined"]);

    const again = inviteOrganization(await as(lead.id), projectId, { organization: agency.name, role: "qa_reviewer" }, NO_REQUEST);
    // Exactly this, nothing about why or since when.
    await expect(again).rejects.toMatchObject({ field: "organization", message: `${agency.name} does not accept invitations from ${college.name}.` });
    // Other organizations may still invite it.
    const otherLead = (await db().query.projectParticipants.findFirst({ where: eq(projectParticipants.projectId, otherProjectId) }))!;
    const otherLeadAdmin = (await db().query.memberships.findFirst({ where: (m, { eq: is }) => is(m.organizationId, otherLead.organizationId) }))!;
    await inviteOrganization(await as(otherLeadAdmin.userId), otherProjectId, { organization: agency.name, role: "qa_reviewer" }, NO_REQUEST);

    // Only the blocking organization's admins see or lift its blocks.
    expect(await accessStatus(blockedOrganizations(await as(lead.id), agency.id))).toBe(404);
    expect(await accessStatus(unblockOrganization(await as(lead.id), agency.id, college.id, NO_REQUEST))).toBe(404);
    await unblockOrganization(admin, agency.id, college.id, NO_REQUEST);
    expect(await blockedOrganizations(admin, agency.id)).toEqual([]);
    expect((await readAuditChain(db(), chainOf({ organizationId: agency.id }))).map((r) => r.type)).toEqual(["organization.blocked", "organization.unblocked"]);
    await inviteOrganization(await as(lead.id), projectId, { organization: agency.name, role: "qa_reviewer" }, NO_REQUEST);
  });

  it("the lead withdraws an unanswered invitation; it can no longer be accepted, and only the lead may withdraw", async () => {
    const { projectId, lead } = await ledProject();
    const partner = await organization("institution", "Partner University");
    const firm = await organization("employer", "Firm");
    await joinProject(projectId, lead.id, { organizationName: firm.name, role: "employer_partner", adminUserId: firm.admin.id });
    const invitationId = await inviteOrganization(await as(lead.id), projectId, { organization: partner.name, role: "partner_institution" }, NO_REQUEST);

    // A participant that does not lead: 403; the invited organization's admin: 404 (it is not in the project).
    expect(await accessStatus(withdrawProjectInvitation(await as(firm.admin.id), projectId, invitationId, NO_REQUEST))).toBe(403);
    expect(await accessStatus(withdrawProjectInvitation(await as(partner.admin.id), projectId, invitationId, NO_REQUEST))).toBe(404);

    await withdrawProjectInvitation(await as(lead.id), projectId, invitationId, NO_REQUEST);
    expect(await invitationsAwaitingActor(await as(partner.admin.id))).toEqual([]);
    await expect(acceptProjectInvitation(await as(partner.admin.id), invitationId, NO_REQUEST)).rejects.toThrow("already been answered or was withdrawn");
    const partnerActor = await as(partner.admin.id);
    expect(await listProjectsForActor(partnerActor)).toEqual([]);
    expect(await accessStatus(getProjectForActor(partnerActor, projectId))).toBe(404);
    expect((await readAuditChain(db(), chainOf({ projectId }))).at(-1)).toMatchObject({
      type: "project.participant_invitation_withdrawn",
      actorUserId: lead.id,
      payload: { invitationId, organizationId: partner.id, role: "partner_institution" },
    });
  });

  it("refuses to invite a participant, an organization already invited, and a second lead institution", async () => {
    const { projectId, college, lead } = await ledProject();
    const firm = await organization("employer", "Busy Firm");
    const other = await organization("institution", "Other College");
    const leadActor = await as(lead.id);
    await expect(inviteOrganization(leadActor, projectId, { organization: college.name, role: "partner_institution" }, NO_REQUEST)).rejects.toThrow(
      `${college.name} already takes part in this project.`,
    );
    await inviteOrganization(leadActor, projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST);
    await expect(inviteOrganization(leadActor, projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST)).rejects.toThrow(
      `${firm.name} is already invited and has not answered yet.`,
    );
    await expect(inviteOrganization(leadActor, projectId, { organization: other.name, role: "lead_institution" }, NO_REQUEST)).rejects.toMatchObject({
      message: "A project has exactly one lead institution.",
      field: "role",
    });
    // Two invitations at once: one pending invitation per organization, whatever the timing.
    const results = await Promise.allSettled([
      inviteOrganization(leadActor, projectId, { organization: other.name, role: "partner_institution" }, NO_REQUEST),
      inviteOrganization(leadActor, projectId, { organization: other.name, role: "partner_institution" }, NO_REQUEST),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const pending = await db()
      .select()
      .from(projectInvitations)
      .where(and(eq(projectInvitations.projectId, projectId), eq(projectInvitations.organizationId, other.id)));
    expect(pending).toHaveLength(1);
  });

  it("re-checks on accept what may have changed since the invitation: the organization's kind, and the single lead", async () => {
    const { projectId, lead } = await ledProject();
    const firm = await organization("employer", "Changing Firm");
    const invitationId = await inviteOrganization(await as(lead.id), projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST);
    await updateOrganization(firm.id, { name: firm.name, kind: "institution", province: PROVINCE });
    await expect(acceptProjectInvitation(await as(firm.admin.id), invitationId, NO_REQUEST)).rejects.toThrow(
      `${firm.name} is an institution: it can take part as Lead institution or Partner institution, not as Employer partner.`,
    );
    // Refused: still pending, still not a participant, nothing recorded.
    const [stored] = await db().select().from(projectInvitations).where(eq(projectInvitations.id, invitationId));
    expect(stored?.status).toBe("pending");
    expect(await chainTypes(projectId)).toEqual(["project.participant_added", "project.participant_invited"]);

    // A lead invitation that got past invite (written directly here) is still refused on accept.
    const college = await organization("institution", "Would-be Lead");
    const leadInvitation = generateId();
    const [founder] = await db().select().from(projectParticipants).where(eq(projectParticipants.projectId, projectId));
    await db().insert(projectInvitations).values({ id: leadInvitation, projectId, organizationId: college.id, role: "lead_institution", invitedBy: lead.id, invitingOrganizationId: founder!.organizationId });
    await expect(acceptProjectInvitation(await as(college.admin.id), leadInvitation, NO_REQUEST)).rejects.toThrow("This project already has its lead institution.");
  });

  it("only the lead institution's members invite", async () => {
    const { projectId, lead } = await ledProject();
    const firm = await organization("employer", "Member Firm");
    const stranger = await organization("employer", "Stranger Firm");
    await joinProject(projectId, lead.id, { organizationName: firm.name, role: "employer_partner", adminUserId: firm.admin.id });
    const target = await organization("professional_body", "Target Body");
    expect(await accessStatus(inviteOrganization(await as(firm.admin.id), projectId, { organization: target.name, role: "professional_body" }, NO_REQUEST))).toBe(403);
    expect(await accessStatus(inviteOrganization(await as(stranger.admin.id), projectId, { organization: target.name, role: "professional_body" }, NO_REQUEST))).toBe(404);
  });

  it("counts project invitations against the account's invitation limit", async () => {
    const { projectId, college, lead } = await ledProject();
    const firm = await organization("employer", "Limited Firm");
    // Earlier invitations by the same person (withdrawn ones count: they reached an inbox).
    await db()
      .insert(projectInvitations)
      .values(Array.from({ length: INVITATIONS_PER_HOUR }, () => ({ id: generateId(), projectId, organizationId: firm.id, role: "employer_partner" as const, invitedBy: lead.id, invitingOrganizationId: college.id, status: "withdrawn" as const })));
    await expect(inviteOrganization(await as(lead.id), projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await invitationsAwaitingActor(await as(firm.admin.id))).toEqual([]);
  });
});

describe("roles that fit the organization, checked on the server", () => {
  // Every role against every kind: exactly the pairs of PROJECT_ROLE_ORGANIZATION_KIND are allowed.
  const pairs = PROJECT_ROLES.filter((role) => role !== "lead_institution").flatMap((role) => ORGANIZATION_KINDS.map((kind) => [role, kind] as const));

  it.each(pairs)("inviting as %s an organization of kind %s", async (role, kind) => {
    const { projectId, lead } = await ledProject();
    const target = await organization(kind, "Kind Test");
    const invite = inviteOrganization(await as(lead.id), projectId, { organization: target.name, role }, NO_REQUEST);
    if (PROJECT_ROLE_ORGANIZATION_KIND[role] === kind) {
      const invitationId = await invite;
      await acceptProjectInvitation(await as(target.admin.id), invitationId, NO_REQUEST);
      expect((await getProjectForActor(await as(target.admin.id), projectId)).participants.find((p) => p.organizationId === target.id)?.role).toBe(role);
    } else {
      await expect(invite).rejects.toMatchObject({ field: "role", message: expect.stringMatching(new RegExp(`^${target.name} is an? .+: it can take part as .+, not as .+\\.$`)) });
      expect(await invitationsAwaitingActor(await as(target.admin.id))).toEqual([]);
    }
  });

  it.each(PROJECT_ROLES.flatMap((role) => ORGANIZATION_KINDS.map((kind) => [role, kind] as const)))("founding a project as %s for an organization of kind %s", async (role, kind) => {
    const founder = await organization(kind, "Founder");
    const create = createProject(await as(founder.admin.id), { title: "Founded", summary: "", organizationId: founder.id, role }, NO_REQUEST);
    if (PROJECT_ROLE_ORGANIZATION_KIND[role] === kind) {
      const projectId = await create;
      expect((await getProjectForActor(await as(founder.admin.id), projectId)).participants.map((p) => p.role)).toEqual([role]);
    } else {
      await expect(create).rejects.toMatchObject({ field: "role" });
      expect(await listProjectsForActor(await as(founder.admin.id))).toEqual([]);
    }
  });
});

describe("no directory for strangers", () => {
  it("the picker lists the organizations one works with (shared projects) and one's own, never anyone else's", async () => {
    const { projectId, college, lead } = await ledProject();
    const firm = await organization("employer", "Known Firm");
    const invitedOnly = await organization("employer", "Invited Only");
    const stranger = await organization("employer", "Stranger Works");
    const secondOwn = await createOrganization(lead.id, { name: `Second Own ${generateId(4)}`, kind: "institution", province: PROVINCE });
    await joinProject(projectId, lead.id, { organizationName: firm.name, role: "employer_partner", adminUserId: firm.admin.id });
    await inviteOrganization(await as(lead.id), projectId, { organization: invitedOnly.name, role: "employer_partner" }, NO_REQUEST);

    const known = (await organizationsYouWorkWith(await as(lead.id))).map((o) => o.id).sort();
    expect(known).toEqual([college.id, firm.id, secondOwn].sort());
    // The firm's people work with the college now; the stranger knows nobody but itself.
    expect((await organizationsYouWorkWith(await as(firm.admin.id))).map((o) => o.id).sort()).toEqual([college.id, firm.id].sort());
    expect((await organizationsYouWorkWith(await as(stranger.admin.id))).map((o) => o.id)).toEqual([stranger.id]);
    // A pending invitation is not "working with": the invited side learns nothing of the project's participants.
    expect((await organizationsYouWorkWith(await as(invitedOnly.admin.id))).map((o) => o.id)).toEqual([invitedOnly.id]);

    // The project page's picker leaves out those taking part and those invited, with the roles that fit.
    const { picker } = await projectParticipation(await as(lead.id), projectId);
    expect(picker.map((o) => [o.id, o.roles])).toEqual([[secondOwn, ["lead_institution", "partner_institution"]]]);

    // An id from outside the list is refused like an unknown one.
    await expect(inviteOrganization(await as(lead.id), projectId, { organizationId: stranger.id, role: "employer_partner" }, NO_REQUEST)).rejects.toMatchObject({
      field: "organizationId",
      message: "Choose an organization from the list.",
    });
    await inviteOrganization(await as(lead.id), projectId, { organizationId: secondOwn, role: "partner_institution" }, NO_REQUEST);
  });

  it("reaches any other organization by its exact name (any case, trimmed) or by an admin's e-mail address", async () => {
    const { projectId, lead } = await ledProject();
    const leadActor = await as(lead.id);
    const firm = await organization("employer", "Harbour Lights");
    const body = await organization("professional_body", "Engineers Guild");
    const member = await memberOf(body);

    await inviteOrganization(leadActor, projectId, { organization: `  ${firm.name.toUpperCase()} `, role: "employer_partner" }, NO_REQUEST);
    // A member's address is not an admin's: it reaches nothing.
    await expect(inviteOrganization(leadActor, projectId, { organization: await emailOf(member.id), role: "professional_body" }, NO_REQUEST)).rejects.toMatchObject({
      field: "organization",
      message: expect.stringContaining("No organization on Concord has an admin with that e-mail address"),
    });
    await inviteOrganization(leadActor, projectId, { organization: (await emailOf(body.admin.id)).toUpperCase(), role: "professional_body" }, NO_REQUEST);
    expect((await projectParticipation(leadActor, projectId)).pending.map((p) => p.organizationId).sort()).toEqual([firm.id, body.id].sort());

    await expect(inviteOrganization(leadActor, projectId, { organization: "Harbour", role: "employer_partner" }, NO_REQUEST)).rejects.toMatchObject({
      field: "organization",
      message: expect.stringContaining("No organization on Concord is called “Harbour”"),
    });

    // Two organizations with one name: the lead is asked for an admin's address instead.
    const twinName = `Twin Works ${generateId(4)}`;
    const twinAdmin = await testUser("Twin Admin");
    await createOrganization(twinAdmin.id, { name: twinName, kind: "employer", province: PROVINCE });
    const otherTwinAdmin = await testUser("Other Twin Admin");
    await createOrganization(otherTwinAdmin.id, { name: twinName.toLowerCase(), kind: "employer", province: "BC" });
    await expect(inviteOrganization(leadActor, projectId, { organization: twinName, role: "employer_partner" }, NO_REQUEST)).rejects.toMatchObject({
      field: "organization",
      message: `Several organizations are called “${twinName}”: give the e-mail address of one of its admins instead.`,
    });
    await inviteOrganization(leadActor, projectId, { organization: await emailOf(otherTwinAdmin.id), role: "employer_partner" }, NO_REQUEST);

    // An admin of several organizations: the role picks the one that can hold it, else ask for the name.
    const multi = await testUser("Multi Admin");
    const multiFirm = await createOrganization(multi.id, { name: `Multi Firm ${generateId(4)}`, kind: "employer", province: PROVINCE });
    await createOrganization(multi.id, { name: `Multi Firm Two ${generateId(4)}`, kind: "employer", province: PROVINCE });
    const multiBoard = await createOrganization(multi.id, { name: `Multi Board ${generateId(4)}`, kind: "qa_agency", province: PROVINCE });
    await inviteOrganization(leadActor, projectId, { organization: await emailOf(multi.id), role: "qa_reviewer" }, NO_REQUEST);
    expect((await projectParticipation(leadActor, projectId)).pending.some((p) => p.organizationId === multiBoard)).toBe(true);
    await expect(inviteOrganization(leadActor, projectId, { organization: await emailOf(multi.id), role: "employer_partner" }, NO_REQUEST)).rejects.toMatchObject({
      field: "organization",
      message: "That person administers several organizations: type the exact name of the one you mean.",
    });
    expect(multiFirm).toBeTruthy();
  });

  it("stops an account that keeps typing names and addresses that find nobody, without slowing anyone else", async () => {
    const { projectId, lead } = await ledProject();
    const leadActor = await as(lead.id);
    const firm = await organization("employer", "Probe Target");
    for (let attempt = 0; attempt < FAILED_LOOKUPS_PER_HOUR; attempt++) {
      await expect(inviteOrganization(leadActor, projectId, { organization: `Nobody ${attempt} ${generateId(4)}`, role: "employer_partner" }, NO_REQUEST)).rejects.toMatchObject({
        message: expect.stringContaining("No organization on Concord is called"),
      });
    }
    // Now even a real name is refused for a while: the answer would tell a prober it exists.
    await expect(inviteOrganization(leadActor, projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST)).rejects.toMatchObject({
      field: "organization",
      message: expect.stringMatching(/^Many names and addresses you typed found no organization; try again in \d+ minutes?, or pick from the list\.$/),
    });
    expect((await projectParticipation(leadActor, projectId)).pending).toEqual([]);
    // Another lead is not affected.
    const other = await ledProject("Unaffected Project");
    await inviteOrganization(await as(other.lead.id), other.projectId, { organization: firm.name, role: "employer_partner" }, NO_REQUEST);
  });
});
