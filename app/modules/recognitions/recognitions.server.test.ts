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
import { recognitionsOf, RecognitionRuleError, signRecognition } from "~/modules/recognitions/recognitions.server";
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
