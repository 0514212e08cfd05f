/**
 * Signs and verifies Open Badges 3.0 credentials (issue #17, ADR 0016): Data Integrity proofs
 * with the `eddsa-rdfc-2022` cryptosuite, by Digital Bazaar's maintained VC libraries, with the
 * bundled-contexts-only document loader — so what Concord signs verifies offline, with the same
 * code a verifier would run.
 */
import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { db, type Queryable } from "~/db.server";
import { slugify } from "~/modules/exports/context";
import type { ApprovedExport } from "~/modules/exports/exports.server";
import { credentialDocumentLoader } from "~/modules/exports/signing-loader.server";
import { organizationSigner, SigningNotConfiguredError, type OrganizationSigner } from "~/modules/exports/signing-keys.server";
import {
  endorsementCredential,
  endorsingOrganizations,
  leadInstitution,
  NO_ENDORSERS,
  NO_LEAD_INSTITUTION,
  sampleAchievementCredential,
} from "~/modules/exports/signing-credentials";

type Json = Record<string, unknown>;

/** Signs with the organization's key. The proof is returned as an array: the OB 3.0 schema requires one. */
export async function signCredential(credential: Json, signer: OrganizationSigner): Promise<Json> {
  const suite = new DataIntegrityProof({ signer: signer.keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  const signed = await vc.issue({ credential, suite, documentLoader: credentialDocumentLoader() });
  return { ...signed, proof: [signed.proof].flat() };
}

export type Verification = { verified: boolean; error?: unknown };

/** Verifies a credential's proof offline (the issuer must control the signing key). */
export async function verifyCredential(credential: unknown): Promise<Verification> {
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  const result = await vc.verifyCredential({ credential, suite, documentLoader: credentialDocumentLoader() });
  return { verified: result.verified, ...(result.verified ? {} : { error: result.error ?? result.results }) };
}

function refused(message: string, status: number): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** The sample AchievementCredential, signed by the lead institution. */
export async function signedSampleCredential({ spec, context }: ApprovedExport, q: Queryable = db()): Promise<Json> {
  const lead = leadInstitution(context);
  if (!lead) throw refused(NO_LEAD_INSTITUTION, 409);
  const signer = await organizationSigner(q, lead.id);
  return signCredential(sampleAchievementCredential(spec, context, { organization: lead, did: signer.did }), signer);
}

/** One EndorsementCredential per approving employer and professional body, each signed with its own key. */
export async function signedEndorsements({ spec, context }: ApprovedExport, q: Queryable = db()): Promise<Json[]> {
  const endorsers = endorsingOrganizations(context);
  if (endorsers.length === 0) throw refused(NO_ENDORSERS, 409);
  const signed: Json[] = [];
  for (const organization of endorsers) {
    const signer = await organizationSigner(q, organization.id);
    signed.push(await signCredential(endorsementCredential(spec, context, { organization, did: signer.did }), signer));
  }
  return signed;
}

export type SignedExportFormat = "openbadges-credential" | "endorsements";

/** A signed export as a download; 503 with the reason when signing is not configured. */
export async function signedExportDownload(format: SignedExportFormat, approved: ApprovedExport): Promise<Response> {
  const base = slugify(approved.title);
  try {
    const [body, filename] =
      format === "openbadges-credential"
        ? [await signedSampleCredential(approved), `${base}.openbadges-credential.json`]
        : [await signedEndorsements(approved), `${base}.endorsements.json`];
    return new Response(`${JSON.stringify(body, null, 2)}\n`, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof SigningNotConfiguredError) throw refused(error.message, 503);
    throw error;
  }
}
