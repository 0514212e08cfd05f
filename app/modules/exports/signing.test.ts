/**
 * Signing and offline verification of the Open Badges 3.0 credentials (issue #17): the real
 * libraries and the bundled-contexts-only loader, the official schemas, a real signed credential
 * from another issuer, and tampering.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { beforeAll, describe, expect, it } from "vitest";
import { schemaValidator } from "../../../test/support/framework-fixtures";
import { demoContent, demoContext, DEMO_ORGANIZATIONS } from "~/modules/exports/demo-fixture";
import { openBadgesAchievement } from "~/modules/exports/openbadges";
import {
  endorsementCredential,
  endorsingOrganizations,
  leadInstitution,
  sampleAchievementCredential,
  SAMPLE_LEARNER,
} from "~/modules/exports/signing-credentials";
import {
  decryptSecretKey,
  encryptSecretKey,
  signerFrom,
  signingKeyEncryptionKey,
  SigningNotConfiguredError,
  type OrganizationSigner,
} from "~/modules/exports/signing-keys.server";
import { credentialDocumentLoader, UnknownDocumentError } from "~/modules/exports/signing-loader.server";
import { signCredential, verifyCredential } from "~/modules/exports/signing.server";

const STANDARDS = path.resolve(import.meta.dirname, "../../../test/standards");
const standard = (name: string) => JSON.parse(readFileSync(path.join(STANDARDS, name), "utf8")) as Record<string, unknown>;
const validateAchievementCredential = schemaValidator(standard("ob3-achievementcredential.schema.json"));
const validateEndorsementCredential = schemaValidator(standard("ob3-endorsementcredential.schema.json"));

type Json = Record<string, unknown>;

async function freshSigner(organizationId: string): Promise<OrganizationSigner> {
  const exported = await (await Ed25519Multikey.generate()).export({ publicKey: true, secretKey: true });
  return signerFrom(organizationId, exported.publicKeyMultibase, exported.secretKeyMultibase!);
}

const { spec, plan } = demoContent();
const context = demoContext(plan);

describe("the bundled-contexts-only document loader", () => {
  it("verifies a real signed Open Badges 3.0 credential from another issuer (digitalcredentials' fixture)", async () => {
    const example = standard("dcc-obv3-vc2-eddsa-rdfc-2022-didkey-alignments.json");
    expect(await verifyCredential(example)).toEqual({ verified: true });
    const tampered = structuredClone(example) as Json & { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = "Text synthesis";
    expect((await verifyCredential(tampered)).verified).toBe(false);
  });

  it("serves the VC 2.0, Open Badges, Data Integrity and Multikey contexts and did:key", async () => {
    const load = credentialDocumentLoader();
    for (const url of [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "https://w3id.org/security/data-integrity/v2",
      "https://w3id.org/security/multikey/v1",
    ]) {
      expect((await load(url)).document, url).toHaveProperty("@context");
    }
    const did = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";
    expect((await load(`${did}#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q`)).document).toMatchObject({ type: "Multikey", controller: did });
  });

  it("refuses any other URL instead of fetching it", async () => {
    const load = credentialDocumentLoader();
    for (const url of ["https://example.com/context.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "did:web:example.com"]) {
      await expect(load(url), url).rejects.toBeInstanceOf(UnknownDocumentError);
    }
    // A credential naming an unknown context cannot be verified either.
    const example = standard("dcc-obv3-vc2-eddsa-rdfc-2022-didkey-alignments.json");
    const foreign = { ...example, "@context": [...(example["@context"] as string[]), "https://example.com/extra-terms.json"] };
    expect((await verifyCredential(foreign)).verified).toBe(false);
  });
});

describe("the sample AchievementCredential", () => {
  let lead: OrganizationSigner;
  let signed: Json;
  beforeAll(async () => {
    lead = await freshSigner("demo-org-lakeshore");
    signed = await signCredential(sampleAchievementCredential(spec, context, { organization: leadInstitution(context)!, did: lead.did }), lead);
  });

  it("is issued by the lead institution's did:key to the sample learner, wrapping the exported Achievement", () => {
    expect(lead.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(signed).toMatchObject({
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: lead.did, type: ["Profile"], name: "Lakeshore College" },
      validFrom: "2026-11-30T15:04:05.000Z",
      credentialSubject: { type: ["AchievementSubject"], name: SAMPLE_LEARNER, achievement: openBadgesAchievement(spec, context) },
    });
    expect(signed.proof).toEqual([
      expect.objectContaining({
        type: "DataIntegrityProof",
        cryptosuite: "eddsa-rdfc-2022",
        proofPurpose: "assertionMethod",
        verificationMethod: `${lead.did}#${lead.did.slice("did:key:".length)}`,
      }),
    ]);
  });

  it("is valid against the whole official AchievementCredential schema", () => {
    expect(validateAchievementCredential(signed)).toEqual([]);
    // The schema is strict enough to fail: a single proof object is refused.
    expect(validateAchievementCredential({ ...signed, proof: (signed.proof as Json[])[0] })).not.toEqual([]);
  });

  it("verifies offline, and a tampered copy does not", async () => {
    expect(await verifyCredential(signed)).toEqual({ verified: true });
    const tampered = structuredClone(signed) as Json & { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = "Climate Adaptation Expert";
    expect((await verifyCredential(tampered)).verified).toBe(false);
  });

  it("does not verify when the issuer is not the key's controller", async () => {
    const other = await freshSigner("demo-org-prairie");
    const impostor = await signCredential(sampleAchievementCredential(spec, context, { organization: leadInstitution(context)!, did: lead.did }), other);
    expect((await verifyCredential(impostor)).verified).toBe(false);
  });
});

describe("EndorsementCredentials", () => {
  it("come from the approving employer and professional body only", () => {
    expect(endorsingOrganizations(context).map((o) => o.id)).toEqual(["demo-org-northwind", "demo-org-ccpa"]);
    const onlyQa = demoContext(plan, { approval: { ...context.approval!, approvedByOrganizationIds: ["demo-org-pqab", "demo-org-lakeshore"] } });
    expect(endorsingOrganizations(onlyQa)).toEqual([]);
  });

  it("are each signed by its organization, valid against the official schema, endorsing the Achievement, and verify", async () => {
    const achievementId = openBadgesAchievement(spec, context).id;
    for (const organization of endorsingOrganizations(context)) {
      const signer = await freshSigner(organization.id);
      const signed = await signCredential(endorsementCredential(spec, context, { organization, did: signer.did }), signer);
      expect(signed).toMatchObject({
        type: ["VerifiableCredential", "EndorsementCredential"],
        issuer: { id: signer.did, name: organization.name },
        credentialSubject: { id: achievementId, type: ["EndorsementSubject"] },
      });
      expect(validateEndorsementCredential(signed)).toEqual([]);
      expect(await verifyCredential(signed)).toEqual({ verified: true });
      const tampered = { ...signed, credentialSubject: { ...(signed.credentialSubject as Json), id: "https://elsewhere.example/achievement" } };
      expect((await verifyCredential(tampered)).verified).toBe(false);
    }
  });
});

describe("encryption of signing keys at rest", () => {
  const secret = "s".repeat(40);
  const key = signingKeyEncryptionKey({ NODE_ENV: "production", SIGNING_KEY_SECRET: secret });

  it("round-trips, never stores the key in the clear, and is bound to the organization and the secret", async () => {
    const { secretKeyMultibase } = await (await Ed25519Multikey.generate()).export({ secretKey: true });
    const stored = encryptSecretKey(secretKeyMultibase!, DEMO_ORGANIZATIONS[0]!.id, key);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secretKeyMultibase);
    expect(decryptSecretKey(stored, DEMO_ORGANIZATIONS[0]!.id, key)).toBe(secretKeyMultibase);
    expect(() => decryptSecretKey(stored, DEMO_ORGANIZATIONS[1]!.id, key)).toThrow(/does not decrypt/);
    const otherKey = signingKeyEncryptionKey({ NODE_ENV: "production", SIGNING_KEY_SECRET: "t".repeat(40) });
    expect(() => decryptSecretKey(stored, DEMO_ORGANIZATIONS[0]!.id, otherKey)).toThrow(/SIGNING_KEY_SECRET/);
  });

  it("refuses to sign in production without SIGNING_KEY_SECRET; uses the development default elsewhere", () => {
    expect(() => signingKeyEncryptionKey({ NODE_ENV: "production", SIGNING_KEY_SECRET: undefined })).toThrow(SigningNotConfiguredError);
    expect(signingKeyEncryptionKey({ NODE_ENV: "development", SIGNING_KEY_SECRET: undefined })).toHaveLength(32);
  });
});
