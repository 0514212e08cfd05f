/**
 * Recognitions against the database (PGlite in memory): only a member of the receiving institution
 * signs; signing records the specification's version hash in its audit trail; proposed → confirmed;
 * the CTDL export and the catalog then show it (and stay valid against the registry's schema).
 */
import { expect, it } from "vitest";
import { db } from "~/db.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf } from "~/modules/audit/chain";
import { catalogCredential } from "~/modules/catalog/catalog.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { ctdlCredential } from "~/modules/exports/ctdl";
import { loadPublicApprovedExport } from "~/modules/exports/exports.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import { createProject } from "~/modules/projects/projects.server";
import { recognitionsAwaiting, recognitionsOf, RecognitionRuleError, requestRecognition, signRecognition, withdrawRecognition } from "~/modules/recognitions/recognitions.server";
import { notifications } from "../../../db/schema/notifications";
import { and, eq } from "drizzle-orm";
import { loadCurrentContent, runSignoffCommand, saveTemplate } from "~/modules/signoff/signoff.server";
import { editDocument, NO_REQUEST, testDocument, testUser } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

async function institution(label: string, province: "ON" | "SK" | "BC") {
  const suffix = generateId(6);
  const admin = await testUser(`${label} Admin ${suffix}`);
  const name = `${label} ${suffix}`;
  const id = await createOrganization(admin.id, { name, kind: "institution", province });
  return { id, name, admin, actor: () => loadActor(admin.id) };
}

const status = async (work: Promise<unknown>) => work.then(() => 200, (e: unknown) => (e instanceof Response ? e.status : Promise.reject(e)));

it("a recognition is proposed until a member of the receiving institution signs it, with the version hash in the audit trail", async () => {
  const college = await institution("College", "ON");
  const university = await institution("University", "SK");
  const outsider = await institution("Outsider", "BC");
  const projectId = await createProject(await college.actor(), { title: "Laddering", summary: "", organizationId: college.id, role: "lead_institution" }, NO_REQUEST);
  const specId = await testDocument(projectId, college.admin.id, "credential_spec", "Stacked credential");
  await editDocument(specId, "credential_spec", {
    fields: { title: "Stacked credential", summary: "A stacked credential that ladders into a degree program.", credentialStatus: "active", languages: ["en"] },
    rows: {
      laddersInto: [
        { program: "BSc Environmental Science", institution: university.name, province: "SK", creditGranted: 6, transcriptable: true, standing: "advanced_standing", conditions: "Grade B or better", validFrom: "2027-01-01" },
        { program: "Unknown program", institution: "No Such Institution", creditGranted: 3, transcriptable: false },
      ],
    },
  });

  // The project's people see both rows, proposed; they cannot sign for the university.
  const asCollege = await recognitionsOf(await college.actor(), specId);
  expect(asCollege.rows.map((r) => [r.program, r.status, r.canSign])).toEqual([
    ["BSc Environmental Science", "proposed", false],
    ["Unknown program", "proposed", false],
  ]);
  const row = asCollege.rows[0]!;
  expect(await status(signRecognition(await college.actor(), specId, row.rowId, asCollege.versionHash, NO_REQUEST))).toBe(403);
  // An outsider learns nothing; the receiving institution sees only its own row, and may sign it.
  expect(await status(recognitionsOf(await outsider.actor(), specId))).toBe(404);
  expect(await status(signRecognition(await outsider.actor(), specId, row.rowId, asCollege.versionHash, NO_REQUEST))).toBe(404);
  const asUniversity = await recognitionsOf(await university.actor(), specId);
  expect(asUniversity.canViewDocument).toBe(false);
  expect(asUniversity.rows.map((r) => [r.program, r.status, r.canSign])).toEqual([["BSc Environmental Science", "proposed", true]]);
  // A signature is for the version read: a stale hash is refused.
  await expect(signRecognition(await university.actor(), specId, row.rowId, "0".repeat(64), NO_REQUEST)).rejects.toBeInstanceOf(RecognitionRuleError);

  await signRecognition(await university.actor(), specId, row.rowId, asUniversity.versionHash, NO_REQUEST);
  const after = await recognitionsOf(await college.actor(), specId);
  expect(after.rows[0]).toMatchObject({ status: "confirmed", versionHash: asUniversity.versionHash, signedBy: university.admin.name, signedEarlierVersion: false });
  expect(after.rows[1]?.status).toBe("proposed");
  await expect(signRecognition(await university.actor(), specId, row.rowId, asUniversity.versionHash, NO_REQUEST)).rejects.toThrow("already signed");

  const trail = (await readAuditChain(db(), chainOf({ documentId: specId }))).filter((r) => r.type === "recognition.signed");
  expect(trail).toHaveLength(1);
  expect(trail[0]).toMatchObject({ organizationId: university.id, actorUserId: university.admin.id, versionHash: asUniversity.versionHash });
  expect(trail[0]!.payload).toMatchObject({ program: "BSc Environmental Science", receivingOrganizationId: university.id, versionHash: asUniversity.versionHash });

  // Approved (one-stage template): the CTDL export and the catalog show the confirmed recognition only.
  const template = { stages: [{ name: "Lead", parties: [{ kind: "role", role: "lead_institution" }], quorum: { kind: "all" } }] };
  expect(await saveTemplate(specId, college.admin.id, template, NO_REQUEST)).toEqual({ ok: true });
  const request = await runSignoffCommand(specId, college.admin.id, { type: "request_signoff" }, NO_REQUEST, NO_LIVE_DOCUMENTS);
  expect(request.ok).toBe(true);
  const hash = (await loadCurrentContent(db(), specId, "credential_spec")).hash;
  const approve = await runSignoffCommand(specId, college.admin.id, { type: "approve", organizationId: college.id, versionHash: hash }, NO_REQUEST, NO_LIVE_DOCUMENTS);
  expect(approve.ok).toBe(true);
  const exported = (await loadPublicApprovedExport(specId, "https://concord.example"))!;
  const ctdl = ctdlCredential(exported.spec, exported.context);
  expect(ctdl["ceterms:isAdvancedStandingFor"]).toEqual([
    expect.objectContaining({
      "@type": "ceterms:ConditionProfile",
      "ceterms:name": { en: `BSc Environmental Science, ${university.name}` },
      "ceterms:assertedBy": [`https://concord.example/organizations/${university.id}`],
      "ceterms:description": { en: expect.stringContaining("Conditions: Grade B or better") },
      "ceterms:dateEffective": "2027-01-01",
    }),
  ]);
  expect(ctdl["ceterms:isPreparationFor"]).toBeUndefined();
  const entry = await catalogCredential(specId);
  expect(entry?.recognitions).toEqual([{ program: "BSc Environmental Science", institution: university.name, province: "SK", grant: "advanced standing", validFrom: "2027-01-01", validTo: null }]);
});

it("the lead asks the receiving institution, whose members are told and see it waiting; signing clears it; only the receiver withdraws, with the reason in the audit trail", async () => {
  const college = await institution("College", "ON");
  const university = await institution("University", "SK");
  const projectId = await createProject(await college.actor(), { title: "Asking", summary: "", organizationId: college.id, role: "lead_institution" }, NO_REQUEST);
  const specId = await testDocument(projectId, college.admin.id, "credential_spec", "Asked credential");
  await editDocument(specId, "credential_spec", {
    fields: { title: "Asked credential" },
    rows: { laddersInto: [{ program: "Diploma in Water Resources", institution: university.name, province: "SK", creditGranted: 3 }, { program: "Nowhere", institution: "No Such Institution" }] },
  });
  const [row, unknown] = (await recognitionsOf(await college.actor(), specId)).rows;
  expect((await recognitionsOf(await college.actor(), specId)).canRequest).toBe(true);
  expect(await recognitionsAwaiting(await university.actor())).toEqual([]);

  // Only the specification's editors ask; a row naming no institution on Concord cannot be asked.
  expect(await status(requestRecognition(await university.actor(), specId, row!.rowId, NO_REQUEST))).toBe(404);
  await expect(requestRecognition(await college.actor(), specId, unknown!.rowId, NO_REQUEST)).rejects.toThrow("No institution on Concord has this exact name");
  await requestRecognition(await college.actor(), specId, row!.rowId, NO_REQUEST);
  await expect(requestRecognition(await college.actor(), specId, row!.rowId, NO_REQUEST)).rejects.toThrow("already been asked");
  const told = await db().select().from(notifications).where(and(eq(notifications.userId, university.admin.id), eq(notifications.kind, "recognition_awaiting")));
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ link: `/documents/${specId}/recognitions`, title: "Recognition awaits your signature: Asked credential → Diploma in Water Resources" });
  expect((await recognitionsAwaiting(await university.actor())).map((r) => [r.documentTitle, r.program, r.organizationName])).toEqual([["Asked credential", "Diploma in Water Resources", university.name]]);
  expect(await recognitionsAwaiting(await college.actor())).toEqual([]);
  expect((await recognitionsOf(await college.actor(), specId)).rows[0]).toMatchObject({ status: "proposed", requestedAt: expect.any(Date) });

  // Signed: no longer waiting. Withdrawal: the receiver only, of a signed recognition only.
  const read = await recognitionsOf(await university.actor(), specId);
  await expect(withdrawRecognition(await university.actor(), specId, row!.rowId, "", NO_REQUEST)).rejects.toThrow("Only a signed recognition can be withdrawn");
  await signRecognition(await university.actor(), specId, row!.rowId, read.versionHash, NO_REQUEST);
  expect(await recognitionsAwaiting(await university.actor())).toEqual([]);
  expect((await recognitionsOf(await university.actor(), specId)).rows[0]).toMatchObject({ status: "confirmed", canWithdraw: true, requestedAt: null });
  expect(await status(withdrawRecognition(await college.actor(), specId, row!.rowId, "", NO_REQUEST))).toBe(403);
  await withdrawRecognition(await university.actor(), specId, row!.rowId, "  Program closed  ", NO_REQUEST);
  expect((await recognitionsOf(await college.actor(), specId)).rows[0]).toMatchObject({ status: "withdrawn", canWithdraw: false });
  const trail = (await readAuditChain(db(), chainOf({ documentId: specId }))).filter((r) => r.type.startsWith("recognition."));
  expect(trail.map((r) => r.type)).toEqual(["recognition.requested", "recognition.signed", "recognition.withdrawn"]);
  expect(trail[2]!.payload).toMatchObject({ reason: "Program closed", receivingOrganizationId: university.id });
  // Asked again after the withdrawal: waiting once more.
  await requestRecognition(await college.actor(), specId, row!.rowId, NO_REQUEST);
  expect(await recognitionsAwaiting(await university.actor())).toHaveLength(1);
});
