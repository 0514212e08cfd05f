import { useLabels } from "~/components/i18n/use-labels";
import type { DocumentStatus, ProjectRole } from "~/modules/permissions/roles";

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const labels = useLabels();
  return <span className={`badge badge--${status}`}>{labels.documentStatus(status)}</span>;
}

export function RoleBadge({ role }: { role: ProjectRole }) {
  const labels = useLabels();
  return <span className="badge badge--role">{labels.projectRole(role)}</span>;
}
