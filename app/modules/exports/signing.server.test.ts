/**
 * The signed exports of the demo specification once its employer, professional body and QA agency
 * approved it: the organizations' keys (created once, stored encrypted), the sample credential and
 * the endorsements as downloads, and what is refused.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { seedDemo } from "../../../db/seed/demo";
import { organizationSigningKeys } from "../../../db/schema/signing";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { schemaValidator } from "../../../test/support/framework-fixtures";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { loadApprovedExport } from "~/modules/exports/exports.server";
import { organizationSigner } from "~/modules/exports/signing-keys.server";
import { NO_ENDORSERS } from "~/modules/exports/signing-credentials";
import { signedEndorsements, signedExportDownload, signedSampleCredential, verifyCredential } from "~/modules/exports/signing.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, type CommandResult, type SignoffCommand } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();
const meta = { ip: null, userAgent: "vitest" };
const COLLEGE = "demo-user-college";
const SPEC = "demo-doc-spec";
const ORIGIN = "https://concord.example";
const STANDARDS = path.resolve(import.meta.dirname, "../../../test/standards");
const standard = (name: string) => JSON.parse(readFileSync(path.join(STANDARDS, name), "utf8")) as Record<string, unknown>;

type Json = Record<string, unknown>;

function ok(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
}
const run = (userId: string, command: SignoffCommand) => runSignoffCommand(SPEC, userId, command, meta, NO_LIVE_DOCUMENTS);

async function refusal(promise: Promise<unknown>): Promise<{ status: number; text: string } | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof Response) return { status: error.status, text: await error.text() };
    throw error;
  }
}

beforeAll(async () => {
  await seedDemo(database().db);
});

describe("organizations' signing keys", () => {
  it("are created once per organization, even on concurrent first use", async () => {
    const signers = await Promise.all(Array.from({ length: 4 }, () => organizationSigner(database().db, "demo-org-prairie")));
    expect(new Set(signers.map((s) => s.did)).size).toBe(1);
    expect(signers[0]!.did).toMatch(/^did:key:z6Mk/);
    const rows = await database().db.select().from(organizationSigningKeys).where(eq(organizationSigningKeys.organizationId, "demo-org-prairie"));
    expect(rows).toHaveLength(1);
    expect((await organizationSigner(database().db, "demo-org-prairie")).did).toBe(signers[0]!.did);
    expect((await organizationSigner(database().db, "demo-org-northwind")).did).not.toBe(signers[0]!.did);
  });

  it("are stored encrypted: the stored bytes are not the secret key", async () => {
    const signer = await organizationSigner(database().db, "demo-org-prairie");
    const { secretKeyMultibase } = await signer.keyPair.export({ secretKey: true });
    const [row] = await database().db.select().from(organizationSigningKeys).where(eq(organizationSigningKeys.organizationId, "demo-org-prairie"));
    expect(secretKeyMultibase).toMatch(/^z/);
    expect(row!.secretKeyEncrypted).not.toContain(secretKeyMultibase);
    expect(row!.secretKeyEncrypted).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    // Nor are the raw 32 bytes of the key anywhere in what is stored.
    const { secretKey } = (await signer.keyPair.export({ secretKey: true, raw: true })) as unknown as { secretKey: Uint8Array };
    const seed = Buffer.from(secretKey.subarray(0, 32));
    expect(seed).toHaveLength(32);
    const stored = Buffer.concat(row!.secretKeyEncrypted.split(".").slice(1).map((part) => Buffer.from(part, "base64url")));
    expect(stored.includes(seed)).toBe(false);
    expect(row!.secretKeyEncrypted).not.toContain(seed.toString("base64url"));
    expect(row!.publicKeyMultibase).toBe(signer.did.slice("did:key:".length));
  });
});

describe("signed exports of the approved specification", () => {
  it("refuses a specification that is not approved (409), like the other exports", async () => {
    expect(await refusal(loadApprovedExport(COLLEGE, SPEC, ORIGIN))).toMatchObject({ status: 409 });
  });

  it("after the QA agency alone approved: a signed sample credential, but no endorsements (409)", async () => {
    const template = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
    expect(await saveTemplate(SPEC, COLLEGE, template, meta)).toEqual({ ok: true });
    ok(await run(COLLEGE, { type: "request_signoff" }));
    const hash = (await loadCurrentContent(database().db, SPEC, "credential_spec")).hash;
    ok(await run("demo-user-qa", { type: "approve", organizationId: "demo-org-pqab", versionHash: hash }));
    const approved = await loadApprovedExport(COLLEGE, SPEC, ORIGIN);

    const credential = await signedSampleCredential(approved);
    const lead = await organizationSigner(database().db, "demo-org-lakeshore");
    expect(credential).toMatchObject({ issuer: { id: lead.did, name: "Lakeshore College" }, validFrom: approved.context.approval!.approvedAt });
    expect(schemaValidator(standard("ob3-achievementcredential.schema.json"))(credential)).toEqual([]);
    expect(await verifyCredential(credential)).toEqual({ verified: true });

    expect(await refusal(signedEndorsements(approved))).toEqual({ status: 409, text: NO_ENDORSERS });
    expect(await refusal(signedExportDownload("endorsements", approved))).toEqual({ status: 409, text: NO_ENDORSERS });
  });

  it("after the employer and the professional body approved too: their signed endorsements, as downloads", async () => {
    ok(await run(COLLEGE, { type: "reopen", reason: "Partners sign too" }));
    const template = {
      stages: [
        { name: "Partners", parties: [{ kind: "organization", organizationId: "demo-org-northwind" }, { kind: "organization", organizationId: "demo-org-ccpa" }], quorum: { kind: "all" } },
        { name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } },
      ],
    };
    expect(await saveTemplate(SPEC, COLLEGE, template, meta)).toEqual({ ok: true });
    ok(await run(COLLEGE, { type: "request_signoff" }));
    const hash = (await loadCurrentContent(database().db, SPEC, "credential_spec")).hash;
    ok(await run("demo-user-employer", { type: "approve", organizationId: "demo-org-northwind", versionHash: hash }));
    ok(await run("demo-user-profbody", { type: "approve", organizationId: "demo-org-ccpa", versionHash: hash }));
    ok(await run("demo-user-qa", { type: "approve", organizationId: "demo-org-pqab", versionHash: hash }));
    const approved = await loadApprovedExport(COLLEGE, SPEC, ORIGIN);

    const download = await signedExportDownload("endorsements", approved);
    expect(download.headers.get("Content-Disposition")).toBe('attachment; filename="climate-adaptation-practitioner.endorsements.json"');
    const endorsements = (await download.json()) as Json[];
    const validate = schemaValidator(standard("ob3-endorsementcredential.schema.json"));
    const dids = await Promise.all(["demo-org-northwind", "demo-org-ccpa"].map(async (id) => (await organizationSigner(database().db, id)).did));
    expect(endorsements.map((e) => (e.issuer as Json).id)).toEqual(dids);
    for (const endorsement of endorsements) {
      expect(endorsement.credentialSubject).toMatchObject({ id: `${ORIGIN}/api/v1/credentials/${SPEC}/openbadges`, type: ["EndorsementSubject"] });
      expect(validate(endorsement)).toEqual([]);
      expect(await verifyCredential(endorsement)).toEqual({ verified: true });
    }

    const credentialDownload = await signedExportDownload("openbadges-credential", approved);
    expect(credentialDownload.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(credentialDownload.headers.get("Content-Disposition")).toBe('attachment; filename="climate-adaptation-practitioner.openbadges-credential.json"');
    expect(await verifyCredential(await credentialDownload.json())).toEqual({ verified: true });
    // Still one key per organization after all this signing.
    expect(await database().db.select({ id: organizationSigningKeys.organizationId }).from(organizationSigningKeys)).toHaveLength(4);
  });
});
