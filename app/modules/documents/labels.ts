/**
 * The English words of document kinds, statuses, project roles and organization kinds, for server
 * code that writes English (PDF, exports, error messages). The words live in app/locales/<lang>/labels.ts
 * (issue #20); components read them in the page's language with useLabels()
 * (app/components/i18n/use-labels.ts), server code in another language with labelsFor(translator(locale)).
 */
import english from "~/locales/en/labels";
import type { DocumentKind, DocumentStatus, OrganizationKind, ProjectRole } from "~/modules/permissions/roles";

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = english.documentKind;
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = english.documentStatus;
export const PROJECT_ROLE_LABELS: Record<ProjectRole, string> = english.projectRole;
export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = english.organizationKind;

/** "1 competency", "3,000 competencies": how every page counts competencies. */
export function competencyCount(count: number): string {
  return `${count.toLocaleString("en-CA")} ${count === 1 ? "competency" : "competencies"}`;
}
