/**
 * The unsigned Open Badges 3.0 credentials of an approved specification (issue #17): the sample
 * AchievementCredential the lead institution issues to a fictitious learner, and one
 * EndorsementCredential per approving employer or professional body. Pure: signing.server.ts
 * signs them with each organization's key (ADR 0016). The Achievement is openBadgesAchievement's,
 * unchanged, so a wallet sees exactly the exported definition.
 */
import { ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { COUNTRY, organizationUri, type ExportContext, type ExportOrganization } from "~/modules/exports/context";
import { OPEN_BADGES_CONTEXT, openBadgesAchievement } from "~/modules/exports/openbadges";
import { uuidV5 } from "~/modules/frameworks/export/ctdl-asn.server";

type Json = Record<string, unknown>;

export const SAMPLE_LEARNER = "Sample Learner";
export const NO_LEAD_INSTITUTION = "This credential's project has no lead institution to issue it.";
export const NO_ENDORSERS = "No employer or professional body approved this credential specification, so it has no endorsements.";

/** Kinds of organization whose approval is an endorsement (issue #17: employer and professional body). */
const ENDORSING_KINDS: ReadonlySet<ExportOrganization["kind"]> = new Set(["employer", "professional_body"]);

/** The lead institution, which issues (and signs) the sample credential. */
export function leadInstitution(context: Pick<ExportContext, "organizations">): ExportOrganization | null {
  return context.organizations.find((o) => o.role === "lead_institution") ?? null;
}

/** Approving employers and professional bodies, in the project's order. */
export function endorsingOrganizations(context: Pick<ExportContext, "organizations" | "approval">): ExportOrganization[] {
  const approved = new Set(context.approval?.approvedByOrganizationIds ?? []);
  return context.organizations.filter((o) => approved.has(o.id) && ENDORSING_KINDS.has(o.kind));
}

/** An issuer: its Profile carries the did:key of its signing key as id (the proof's controller). */
export function issuerProfile(origin: string, organization: ExportOrganization, did: string): Json {
  return {
    id: did,
    type: ["Profile"],
    name: organization.name,
    url: organizationUri(origin, organization),
    address: {
      type: ["Address"],
      addressCountry: COUNTRY.name,
      addressCountryCode: COUNTRY.code,
      ...(organization.province && organization.province !== "CA" ? { addressRegion: organization.province } : {}),
    },
  };
}

function approvedAt(context: ExportContext): string {
  if (!context.approval) throw new Error("Only an approved specification has credentials");
  return context.approval.approvedAt;
}

/** The sample AchievementCredential, before signing; `issuerDid` is the lead institution's did:key. */
export function sampleAchievementCredential(spec: CanonicalDocument, context: ExportContext, issuer: { organization: ExportOrganization; did: string }): Json {
  const achievement = openBadgesAchievement(spec, context);
  return {
    "@context": [...OPEN_BADGES_CONTEXT],
    // Stable per credential, so a re-download is recognisably the same sample.
    id: `urn:uuid:${uuidV5(`concord:sample-credential:${context.documentId}`)}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: `${achievement.name} (sample)`,
    description: `A sample of the credential ${issuer.organization.name} issues, awarded to a fictitious learner so wallets and verifiers can be tried; it certifies no one.`,
    issuer: issuerProfile(context.origin, issuer.organization, issuer.did),
    validFrom: approvedAt(context),
    credentialSubject: {
      id: `urn:uuid:${uuidV5(`concord:sample-learner:${context.documentId}`)}`,
      type: ["AchievementSubject"],
      name: SAMPLE_LEARNER,
      identifier: [{ type: "IdentityObject", identityHash: SAMPLE_LEARNER, identityType: "name", hashed: false }],
      achievement,
    },
  };
}

/** One EndorsementCredential by `endorser` of the credential's Achievement, before signing. */
export function endorsementCredential(spec: CanonicalDocument, context: ExportContext, endorser: { organization: ExportOrganization; did: string }): Json {
  const achievement = openBadgesAchievement(spec, context);
  const { organization } = endorser;
  const date = approvedAt(context);
  return {
    "@context": [...OPEN_BADGES_CONTEXT],
    id: `urn:uuid:${uuidV5(`concord:endorsement:${context.documentId}:${organization.id}`)}`,
    type: ["VerifiableCredential", "EndorsementCredential"],
    name: `${organization.name} endorses ${achievement.name}`,
    issuer: issuerProfile(context.origin, organization, endorser.did),
    validFrom: date,
    credentialSubject: {
      id: achievement.id,
      type: ["EndorsementSubject"],
      endorsementComment: `${organization.name} (${ORGANIZATION_KIND_LABELS[organization.kind].toLowerCase()}) approved the credential specification "${achievement.name}" in its sign-off on ${date.slice(0, 10)}.`,
    },
  };
}
