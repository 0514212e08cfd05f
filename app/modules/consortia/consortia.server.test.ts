/**
 * Consortia against the database (PGlite in memory): membership by invitation and consent, with
 * its audit events; the module library shows members only the approved modules of members; a
 * stack's sign-off is refused while one of its modules is not approved; a stack sees a module's
 * newer approved version with what changed.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "~/db.server";
import { notifications } from "../../../db/schema/notifications";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf } from "~/modules/audit/chain";
import {
  answerConsortiumInvitation,
  consortiumInvitationsAwaitingActor,
  createConsortium,
  getConsortiumForActor,
  inviteToConsortium,
  listConsortiaForActor,
  removeConsortiumMember,
} from "~/modules/consortia/consortia.server";
import { consortiumLibrary } from "~/modules/consortia/library.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { refreshProjection } from "~/modules/documents/projection.server";
import { generateId } from "~/modules/ids.server";
import { approvalCertificate } from "~/modules/signoff/read-models/certificate.server";
import { credentialCtid } from "~/modules/exports/context";
import { ctdlCredential } from "~/modules/exports/ctdl";
import { loadPublicApprovedExport } from "~/modules/exports/exports.server";
import { signoffPanel } from "~/modules/signoff/read-models/panel.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import type { OrganizationKind } from "~/modules/permissions/roles";
import { createProject } from "~/modules/projects/projects.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, type CommandResult } from "~/modules/signoff/signoff.server";
import { stackModulesView } from "~/modules/stacks/stack.server";
import { accessStatus, editDocument, NO_REQUEST, testDocument, testUser } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

async function organization(kind: OrganizationKind, label: string) {
  const suffix = generateId(6);
  const admin = await testUser(`${label} Admin ${suffix}`);
  const name = `${label} ${suffix}`;
  const id = await createOrganization(admin.id, { name, kind, province: "SK" });
  return { id, name, admin, actor: () => loadActor(admin.id) };
}

async function projectOf(org: Awaited<ReturnType<typeof organization>>) {
  return createProject(await org.actor(), { title: `Project of ${org.name}`, summary: "", organizationId: org.id, role: "lead_institution" }, NO_REQUEST);
}

function ok(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
}

/** A specification of `credentialKind` with the facts a module needs. */
async function specification(projectId: string, userId: string, title: string, credentialKind: string, facts: { hours: number; code: string }) {
  const id = await testDocument(projectId, userId, "credential_spec", title);
  await editDocument(id, "credential_spec", {
    fields: { title, credentialKind, learningHours: facts.hours, creditValue: 1, costCad: 500, timeToCompleteWeeks: 4, learningMode: "online", framework: "oqf", frameworkLevel: 6 },
    rows: { competencies: [{ source: "custom", code: facts.code, title: `Competency ${facts.code}`, level: "Proficient", essential: true }] },
  });
  return id;
}

/** Signed off by its lead institution alone (a one-stage template), as a quick approval. */
async function approve(documentId: string, userId: string, organizationId: string) {
  const template = { stages: [{ name: "Lead", parties: [{ kind: "role", role: "lead_institution" }], quorum: { kind: "all" } }] };
  const saved = await saveTemplate(documentId, userId, template, NO_REQUEST);
  expect(saved).toEqual({ ok: true });
  ok(await runSignoffCommand(documentId, userId, { type: "request_signoff" }, NO_REQUEST, NO_LIVE_DOCUMENTS));
  const hash = (await loadCurrentContent(db(), documentId, "credential_spec")).hash;
  ok(await runSignoffCommand(documentId, userId, { type: "approve", organizationId, versionHash: hash }, NO_REQUEST, NO_LIVE_DOCUMENTS));
  return hash;
}

async function chainTypes(organizationId: string) {
  return (await readAuditChain(db(), chainOf({ organizationId }))).map((row) => row.type);
}

describe("consortia", () => {
  it("grows by invitation and consent, with audit events, and only its admins remove members", async () => {
    const college = await organization("institution", "College");
    const university = await organization("institution", "University");
    const employer = await organization("employer", "Employer");
    const consortiumId = await createConsortium(await college.actor(), { name: "Prairie Climate Consortium", organizationId: college.id }, NO_REQUEST);

    const universityInvitation = await inviteToConsortium(await college.actor(), consortiumId, { organization: university.name }, NO_REQUEST);
    const employerInvitation = await inviteToConsortium(await college.actor(), consortiumId, { organization: employer.name }, NO_REQUEST);
    // Invited is not a member: the invited organization sees the invitation, not the consortium.
    expect(await accessStatus(getConsortiumForActor(await university.actor(), consortiumId))).toBe(404);
    expect((await consortiumInvitationsAwaitingActor(await university.actor())).map((i) => i.id)).toEqual([universityInvitation]);
    // Its admins are told, in their language's words.
    const told = await db().select({ title: notifications.title, link: notifications.link }).from(notifications).where(and(eq(notifications.userId, university.admin.id), eq(notifications.kind, "invitation")));
    expect(told).toEqual([{ title: "Your organization is invited to Prairie Climate Consortium", link: "/consortia" }]);
    // Only the invited organization's admins answer.
    expect(await accessStatus(answerConsortiumInvitation(await college.actor(), universityInvitation, "accepted", NO_REQUEST))).toBe(404);

    await answerConsortiumInvitation(await university.actor(), universityInvitation, "accepted", NO_REQUEST);
    await answerConsortiumInvitation(await employer.actor(), employerInvitation, "declined", NO_REQUEST);
    const page = await getConsortiumForActor(await university.actor(), consortiumId);
    expect(page.members.map((m) => [m.name, m.role])).toEqual(
      [
        [college.name, "admin"],
        [university.name, "member"],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(page.canInvite).toBe(true);
    expect(page.canManage).toBe(false);
    expect((await listConsortiaForActor(await employer.actor())).length).toBe(0);
    expect(await accessStatus(getConsortiumForActor(await employer.actor(), consortiumId))).toBe(404);

    // A member's admin may not remove members; the consortium's admin may.
    expect(await accessStatus(removeConsortiumMember(await university.actor(), consortiumId, college.id, NO_REQUEST))).toBe(403);
    await removeConsortiumMember(await college.actor(), consortiumId, university.id, NO_REQUEST);
    expect((await getConsortiumForActor(await college.actor(), consortiumId)).members.map((m) => m.name)).toEqual([college.name]);

    expect(await chainTypes(college.id)).toEqual(["consortium.created", "consortium.member_invited", "consortium.member_invited", "consortium.member_removed"]);
    expect(await chainTypes(university.id)).toEqual(["consortium.member_accepted"]);
    expect(await chainTypes(employer.id)).toEqual(["consortium.member_declined"]);
  });
});

describe("the module library and stacks", () => {
  it("shows members approved modules only, hides everything from outsiders, and gates a stack's sign-off", async () => {
    const college = await organization("institution", "College");
    const university = await organization("institution", "University");
    const outside = await organization("institution", "Outside");
    const consortiumId = await createConsortium(await college.actor(), { name: "Stackers", organizationId: college.id }, NO_REQUEST);
    const invitation = await inviteToConsortium(await college.actor(), consortiumId, { organization: university.name }, NO_REQUEST);
    await answerConsortiumInvitation(await university.actor(), invitation, "accepted", NO_REQUEST);

    const collegeProject = await projectOf(college);
    const universityProject = await projectOf(university);
    const outsideProject = await projectOf(outside);
    const core = await specification(collegeProject, college.admin.id, "Climate Core", "module", { hours: 40, code: "C1" });
    const flood = await specification(universityProject, university.admin.id, "Flood-Risk Modelling", "module", { hours: 60, code: "C2" });
    const draft = await specification(universityProject, university.admin.id, "Draft Module", "module", { hours: 10, code: "C3" });
    const standalone = await specification(universityProject, university.admin.id, "Stand-alone Credential", "standalone", { hours: 10, code: "C4" });
    const foreign = await specification(outsideProject, outside.admin.id, "Outside Module", "module", { hours: 10, code: "C5" });
    const coreHash = await approve(core, college.admin.id, college.id);
    const floodHash = await approve(flood, university.admin.id, university.id);
    await approve(standalone, university.admin.id, university.id);
    await approve(foreign, outside.admin.id, outside.id);

    // The college's people see the university's approved module though they are not in its project.
    const library = await consortiumLibrary(await college.actor(), consortiumId);
    expect(library.modules.map((m) => [m.title, m.owner, m.hours, m.competencyCount, m.deliveryMode])).toEqual([
      ["Climate Core", college.name, 40, 1, "Online"],
      ["Flood-Risk Modelling", university.name, 60, 1, "Online"],
    ]);
    expect(library.modules.map((m) => m.documentId)).not.toContain(draft);
    expect((await consortiumLibrary(await college.actor(), consortiumId, "flood")).modules.map((m) => m.title)).toEqual(["Flood-Risk Modelling"]);
    expect(await accessStatus(consortiumLibrary(await outside.actor(), consortiumId))).toBe(404);

    // A stack of the college's: one approved module and one that never was.
    const stack = await specification(collegeProject, college.admin.id, "Climate Adaptation Practitioner", "stack", { hours: 100, code: "C1" });
    await editDocument(stack, "credential_spec", {
      rows: {
        stackModules: [
          { moduleDocumentId: core, versionHash: coreHash, title: "Climate Core", owner: college.name, prerequisites: "" },
          { moduleDocumentId: draft, versionHash: "0".repeat(64), title: "Draft Module", owner: university.name, prerequisites: "" },
        ],
      },
    });
    const template = { stages: [{ name: "Lead", parties: [{ kind: "role", role: "lead_institution" }], quorum: { kind: "all" } }] };
    expect(await saveTemplate(stack, college.admin.id, template, NO_REQUEST)).toEqual({ ok: true });
    const refused = await runSignoffCommand(stack, college.admin.id, { type: "request_signoff" }, NO_REQUEST, NO_LIVE_DOCUMENTS);
    expect(refused).toMatchObject({ ok: false, reason: "modules_not_approved", message: "1 module is not approved: Draft Module.", status: 409 });
    // The panel says so by the disabled button, from the stack's projection.
    await refreshProjection(db(), stack);
    const panel = await signoffPanel(college.admin.id, stack);
    expect(panel.coverage.blocked).toMatchObject({ message: "1 module is not approved: Draft Module", href: "#section-stacking" });

    // The stack's page: facts of the modules it may use; the picker lists both approved modules.
    const view = await stackModulesView(await college.actor(), stack, [
      { documentId: core, versionHash: coreHash },
      { documentId: flood, versionHash: floodHash },
    ], true);
    expect(view.modules.map((m) => [m.facts?.title, m.facts?.hours, m.state.state])).toEqual([
      ["Climate Core", 40, "approved"],
      ["Flood-Risk Modelling", 60, "approved"],
    ]);
    expect(view.eligible.map((m) => [m.title, m.source]).sort()).toEqual([
      ["Climate Core", "project"],
      ["Flood-Risk Modelling", "consortium"],
    ]);

    // The core module is reopened: the stack shows it; approved again with more hours: a newer version.
    ok(await runSignoffCommand(core, college.admin.id, { type: "reopen", reason: "More labs" }, NO_REQUEST, NO_LIVE_DOCUMENTS));
    const reopened = await stackModulesView(await college.actor(), stack, [{ documentId: core, versionHash: coreHash }], false);
    expect(reopened.modules[0]?.state).toEqual({ state: "reopened", status: "draft" });
    await editDocument(core, "credential_spec", { fields: { learningHours: 45 } });
    const newHash = await approve(core, college.admin.id, college.id);
    const updated = await stackModulesView(await college.actor(), stack, [{ documentId: core, versionHash: coreHash }], false);
    expect(updated.modules[0]?.state).toEqual({ state: "newer_version", latestVersionHash: newHash });
    expect(updated.modules[0]?.newer?.changes).toEqual(["Notional learning hours"]);
    expect(updated.modules[0]?.newer?.localizedChanges.fr).toEqual(["Heures d’apprentissage prévues"]);

    // A stack of approved modules is signed off; its certificate lists each module with its version.
    const approvedStack = await specification(collegeProject, college.admin.id, "Approved Stack", "stack", { hours: 100, code: "C1" });
    await editDocument(approvedStack, "credential_spec", {
      rows: { stackModules: [{ moduleDocumentId: flood, versionHash: floodHash, title: "Flood-Risk Modelling", owner: university.name, prerequisites: "" }] },
    });
    await approve(approvedStack, college.admin.id, college.id);
    const certificate = await approvalCertificate(college.admin.id, approvedStack);
    expect(certificate?.modules).toEqual([{ title: "Flood-Risk Modelling", owner: university.name, versionHash: floodHash, version: expect.stringMatching(/^Version \d+ — approved /) }]);
    // Published, the stack names its module (CTDL hasPart) and the module its approved stack (isPartOf,
    // found through the stack's projection, which the collaboration server refreshes after each edit).
    await refreshProjection(db(), approvedStack);
    const resource = (id: string) => `https://credentialengineregistry.org/resources/${credentialCtid(id)}`;
    const stackExport = await loadPublicApprovedExport(approvedStack, "https://concord.example");
    const moduleExport = await loadPublicApprovedExport(flood, "https://concord.example");
    expect(ctdlCredential(stackExport!.spec, stackExport!.context)["ceterms:hasPart"]).toEqual([resource(flood)]);
    expect(ctdlCredential(moduleExport!.spec, moduleExport!.context)["ceterms:isPartOf"]).toEqual([resource(approvedStack)]);

    // An outsider of the stack's project learns nothing through it.
    expect(await accessStatus(stackModulesView(await outside.actor(), stack, [{ documentId: core, versionHash: coreHash }], true))).toBe(404);
  });
});
