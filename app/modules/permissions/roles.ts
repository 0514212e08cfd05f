// Shared vocabulary for organizations, projects and documents. Plain data, safe for the browser.

export const ORGANIZATION_KINDS = ["employer", "institution", "professional_body", "qa_agency"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const MEMBERSHIP_ROLES = ["admin", "member"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const PROJECT_ROLES = [
  "lead_institution",
  "partner_institution",
  "employer_partner",
  "professional_body",
  "qa_reviewer",
] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/**
 * The kind of organization each project role is for: the one rule the server checks when a
 * project is founded, when an organization is invited and when it accepts, and the one the forms
 * read to offer only fitting roles.
 */
export const PROJECT_ROLE_ORGANIZATION_KIND: Readonly<Record<ProjectRole, OrganizationKind>> = {
  lead_institution: "institution",
  partner_institution: "institution",
  employer_partner: "employer",
  professional_body: "professional_body",
  qa_reviewer: "qa_agency",
};

export function roleFitsKind(role: ProjectRole, kind: OrganizationKind): boolean {
  return PROJECT_ROLE_ORGANIZATION_KIND[role] === kind;
}

/** The project roles an organization of this kind may hold, in PROJECT_ROLES order. */
export function projectRolesForKind(kind: OrganizationKind): ProjectRole[] {
  return PROJECT_ROLES.filter((role) => roleFitsKind(role, kind));
}

export const DOCUMENT_KINDS = ["credential_spec", "assessment_plan", "wbl_agreement"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ["draft", "in_review", "changes_requested", "approved", "rejected", "withdrawn"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * Statuses in which a document's content is locked for everyone: approved, or no longer in play.
 * The one source for can() (editors become commenters), the sign-off machine (content_changed is
 * refused as "locked") and the document store (updates to these documents are not stored).
 */
export const CONTENT_LOCKED_STATUSES: readonly DocumentStatus[] = ["approved", "rejected", "withdrawn"];

export function isContentLocked(status: DocumentStatus): boolean {
  return CONTENT_LOCKED_STATUSES.includes(status);
}

/** What a person may do with one document; derived from their organizations' project roles. */
export type DocumentRole = "editor" | "commenter" | "viewer";
