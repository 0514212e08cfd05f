import type { DocumentKind, DocumentStatus, OrganizationKind, ProjectRole } from "~/modules/permissions/roles";

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  credential_spec: "Credential specification",
  assessment_plan: "Assessment plan",
  wbl_agreement: "Work-based learning agreement",
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = {
  lead_institution: "Lead institution",
  partner_institution: "Partner institution",
  employer_partner: "Employer partner",
  professional_body: "Professional body",
  qa_reviewer: "QA reviewer",
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  employer: "Employer",
  institution: "Institution",
  professional_body: "Professional body",
  qa_agency: "QA agency",
};

/** "1 competency", "3,000 competencies": how every page counts competencies. */
export function competencyCount(count: number): string {
  return `${count.toLocaleString("en-CA")} ${count === 1 ? "competency" : "competencies"}`;
}
