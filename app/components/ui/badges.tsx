import { DOCUMENT_STATUS_LABELS, PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import type { DocumentStatus, ProjectRole } from "~/modules/permissions/roles";

export function StatusBadge({ status }: { status: DocumentStatus }) {
  return <span className={`badge badge--${status}`}>{DOCUMENT_STATUS_LABELS[status]}</span>;
}

export function RoleBadge({ role }: { role: ProjectRole }) {
  return <span className="badge badge--role">{PROJECT_ROLE_LABELS[role]}</span>;
}
