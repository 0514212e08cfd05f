/**
 * What an export reads besides the specification's approved content (issue #17): the project's
 * organizations, the approval facts, where the app is served and the linked assessment plan.
 * Loaded once by exports.server.ts; the builders (openbadges.ts, ctdl.ts) are pure functions of
 * the content and this context, so the catalog, the read API and signing can reuse them.
 */
import { uuidV5 } from "~/modules/frameworks/export/ctdl-asn.server";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { asString, rowsOf } from "~/modules/documents/model/values";
import type { OrganizationKind, ProjectRole } from "~/modules/permissions/roles";

export type ExportOrganization = { id: string; name: string; kind: OrganizationKind; province: string; role: ProjectRole };

export type ExportContext = {
  /** The app's origin, e.g. https://concord.example (no trailing slash). */
  origin: string;
  /** The specification's document id: every identifier of the credential derives from it. */
  documentId: string;
  /** The project's participating organizations. */
  organizations: readonly ExportOrganization[];
  /** The approval, when there is one (readiness checks live content without it). */
  approval: { approvedAt: string; versionHash: string; approvedByOrganizationIds: readonly string[] } | null;
  /** The assessment plan of this specification (its approved content when it has one), if any. */
  plan: CanonicalDocument | null;
  /** For a module: the approved stacks whose modules include it (issue #18), by document id. */
  stacks?: readonly string[];
  /** Confirmed recognitions (signed by the receiving institution, issue #18): where the credential counts. */
  recognitions?: readonly ExportRecognition[];
};

export type ExportRecognition = {
  program: string;
  institution: string;
  organizationId: string;
  province: string | null;
  standing: "credits" | "advanced_standing" | "preparation";
  creditGranted: number | null;
  conditions: string | null;
  validFrom: string | null;
  validTo: string | null;
};

/** Organizations' country: every province and territory code the app knows is Canadian. */
export const COUNTRY = { name: "Canada", code: "CA" } as const;

/** CTID of the credential: a name-based UUID of the document id, so it never changes and needs no column. */
export function credentialCtid(documentId: string): string {
  return `ce-${uuidV5(`concord:credential:${documentId}`)}`;
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "credential";
}

/**
 * The credential's public addresses. The catalog page's slug ends with the document id, so the
 * catalog can find a credential whose title changed since (and redirect to the new slug).
 */
export function credentialUrls(context: Pick<ExportContext, "origin" | "documentId">, title: string) {
  const { origin, documentId } = context;
  const catalogPage = `${origin}/catalog/${slugify(title)}-${documentId}`;
  return {
    catalogPage,
    /** The Achievement's id: the read API serves it there (issue #17, "Public catalog and read API"). */
    achievement: `${origin}/api/v1/credentials/${documentId}/openbadges`,
    ctdl: `${origin}/api/v1/credentials/${documentId}/ctdl`,
  };
}

export function organizationUri(origin: string, organization: Pick<ExportOrganization, "id">): string {
  return `${origin}/organizations/${organization.id}`;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export type CredentialOwner = { name: string; role: string | null; province: string | null; organization: ExportOrganization | null; uri: string };

/**
 * The issuing and awarding bodies the specification names (its "owners" rows), matched to the
 * project's organizations by name; without rows, the project's lead institution.
 */
export function credentialOwners(spec: CanonicalDocument, context: Pick<ExportContext, "origin" | "organizations" | "documentId">): CredentialOwner[] {
  const rows = rowsOf(spec.fields, "owners").flatMap((row) => {
    const name = asString(row.organization);
    return name ? [{ name, role: asString(row.role), province: asString(row.province) }] : [];
  });
  const named =
    rows.length > 0
      ? rows
      : context.organizations.filter((o) => o.role === "lead_institution").map((o) => ({ name: o.name, role: "issuer_awarder", province: o.province }));
  return named.map((owner) => {
    const organization = context.organizations.find((o) => sameName(o.name, owner.name)) ?? null;
    return {
      ...owner,
      province: owner.province ?? organization?.province ?? null,
      organization,
      // A body that is not a participant still needs a stable identifier: derived from its name.
      uri: organization ? organizationUri(context.origin, organization) : `urn:uuid:${uuidV5(`concord:organization:${context.documentId}:${owner.name.trim().toLowerCase()}`)}`,
    };
  });
}

/** Owners that award the credential (issue and award, or award only); all owners when none is marked. */
export function awardingOwners(owners: readonly CredentialOwner[]): CredentialOwner[] {
  const awarding = owners.filter((o) => o.role === "issuer_awarder" || o.role === "awarder");
  return awarding.length > 0 ? awarding : [...owners];
}

/** Owners that deliver the learning (issue and award, or issue only). */
export function offeringOwners(owners: readonly CredentialOwner[]): CredentialOwner[] {
  const offering = owners.filter((o) => o.role === "issuer_awarder" || o.role === "issuer");
  return offering.length > 0 ? offering : [...owners];
}

/** Plain text of a rich-text block of the canonical content, or null when empty. */
export function plainText(document: CanonicalDocument, key: string): string | null {
  const text = document.text[key]?.plain?.trim();
  return text ? text : null;
}
