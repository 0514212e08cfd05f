/**
 * Integration: public certificate verification on the real schema (Postgres when DATABASE_URL is
 * set, else PGlite) with the demo workspace, driving sign-off through its real verbs. Only the
 * final version of an approved round matches; the answer carries the moment and the round only.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { seedDemo } from "../../../db/seed/demo";
import { documents } from "../../../db/schema/documents";
import { signoffRounds } from "../../../db/schema/signoff";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { setValue } from "~/modules/documents/model";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { generateId } from "~/modules/ids.server";
import { approvalCertificate } from "~/modules/signoff/read-models/certificate.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, type CommandResult, type SignoffCommand } from "~/modules/signoff/signoff.server";
import { CertificateCodeSchema } from "~/modules/signoff/verification";
import { verifyCertificateCode } from "~/modules/signoff/verification.server";

const database = useTestDatabase();
const meta = { ip: null, userAgent: "vitest" };
const COLLEGE = "demo-user-college";
const QA = "demo-user-qa";
const QA_ORG = "demo-org-pqab";

beforeAll(async () => {
  await seedDemo(database().db);
});

function ok(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
}

const run = (documentId: string, userId: string, command: SignoffCommand) => runSignoffCommand(documentId, userId, command, meta, NO_LIVE_DOCUMENTS);

async function edit(documentId: string, title: string): Promise<void> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(database().db, documentId);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  setValue(doc, "credential_spec", "title", title);
  await appendUpdates(database().db, [{ documentId, update: Y.encodeStateAsUpdate(doc, before) }]);
  doc.destroy();
}

const hashOf = async (documentId: string) => (await loadCurrentContent(database().db, documentId, "credential_spec")).hash;

/** A specification in review whose only stage is the QA reviewer's. */
async function inReview(title: string): Promise<string> {
  const id = generateId();
  await database().db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title, createdBy: COLLEGE });
  await edit(id, title);
  const template = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
  expect(await saveTemplate(id, COLLEGE, template, meta)).toEqual({ ok: true });
  ok(await run(id, COLLEGE, { type: "request_signoff" }));
  return id;
}

const approve = async (id: string) => ok(await run(id, QA, { type: "approve", organizationId: QA_ORG, versionHash: await hashOf(id) }));

describe("certificate verification", () => {
  it("says an approved version is genuine, with the moment and round of its approval and nothing else", async () => {
    const id = await inReview("Verified credential");
    const approved = await hashOf(id);
    expect(await verifyCertificateCode(approved)).toEqual({ genuine: false }); // requested, not yet approved
    await approve(id);
    const [round] = await database().db.select().from(signoffRounds).where(eq(signoffRounds.documentId, id));
    const result = await verifyCertificateCode(approved);
    expect(result).toEqual({ genuine: true, approvedAt: round!.closedAt!.toISOString(), round: 1 });
    expect(Object.keys(result).sort()).toEqual(["approvedAt", "genuine", "round"]);
    // The code as printed, in capitals or with spaces around it, is the same code.
    expect(await verifyCertificateCode(` ${approved.toUpperCase()} `)).toEqual(result);

    // The certificate prints that code's address; a reopen later does not undo the approval.
    const certificate = await approvalCertificate(COLLEGE, id);
    expect(certificate?.verificationPath).toBe(`/verify/${approved}`);
    expect(certificate?.parties).toEqual([expect.objectContaining({ organization: "Postsecondary Quality Assessment Board", stage: "Quality assurance" })]);
    expect(certificate?.summary).toContainEqual({ label: "Credential title", value: "Verified credential" });
    expect(certificate?.approvedVersion).toMatchObject({ number: expect.any(Number) });
    ok(await run(id, COLLEGE, { type: "reopen" }));
    await edit(id, "Verified credential, second edition");
    expect(await verifyCertificateCode(approved)).toEqual(result);
    expect(await verifyCertificateCode(await hashOf(id))).toEqual({ genuine: false });
  });

  it("matches nothing for an unknown code, a withdrawn round, or a version the round moved past", async () => {
    expect(await verifyCertificateCode("0".repeat(64))).toEqual({ genuine: false });
    expect(await verifyCertificateCode("not a code")).toEqual({ genuine: false });

    const withdrawn = await inReview("Withdrawn credential");
    const withdrawnHash = await hashOf(withdrawn);
    ok(await run(withdrawn, COLLEGE, { type: "withdraw", reason: "Not ready" }));
    ok(await run(withdrawn, COLLEGE, { type: "reopen" }));
    expect(await verifyCertificateCode(withdrawnHash)).toEqual({ genuine: false });

    // Edited during review: the version first sent was never approved; the one approved was.
    const moved = await inReview("Moving credential");
    const first = await hashOf(moved);
    await edit(moved, "Moving credential, revised in review");
    const second = await hashOf(moved);
    await approve(moved);
    expect(await verifyCertificateCode(first)).toEqual({ genuine: false });
    expect(await verifyCertificateCode(second)).toMatchObject({ genuine: true, round: 1 });
  });

  it("accepts only 64 hexadecimal characters as a code, with a message that says so", () => {
    expect(CertificateCodeSchema.safeParse("ab".repeat(32))).toMatchObject({ success: true, data: "ab".repeat(32) });
    expect(CertificateCodeSchema.safeParse(" AB".repeat(1) + "ab".repeat(31) + "  ")).toMatchObject({ success: true, data: "ab".repeat(32) });
    for (const bad of ["", "abc", "g".repeat(64), "a".repeat(65)]) {
      const parsed = CertificateCodeSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(bad === "" ? /^Enter the certificate code$/ : /64 characters: digits 0–9 and letters a–f/);
    }
  });
});
