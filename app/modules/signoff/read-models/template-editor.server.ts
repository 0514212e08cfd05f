/**
 * The sign-off template page: the document's template (adjusted, or the project default), what a
 * stage can name (the project's roles and organizations), and whether this person may adjust it.
 */
import { db } from "~/db.server";
import { requireAccess } from "~/modules/permissions/require.server";
import { PROJECT_ROLES, type DocumentStatus, type ProjectRole } from "~/modules/permissions/roles";
import { organizationNames } from "~/modules/signoff/read-models/names.server";
import { accessSignoffDocument, loadTemplate } from "~/modules/signoff/signoff.server";
import { mayAdjustTemplate, type SignoffTemplate } from "~/modules/signoff/template";

export type TemplateEditorData = {
  document: { id: string; title: string; status: DocumentStatus };
  mayAdjust: boolean;
  adjusted: boolean;
  template: SignoffTemplate;
  /** What a stage can name: each project role present (with its organizations), each organization. */
  roles: Array<{ role: ProjectRole; organizations: string[] }>;
  organizations: Array<{ id: string; name: string; role: ProjectRole }>;
};

/** The template page's data; throws the access gate's 404 for anyone who may not view the document. */
export async function templateEditor(userId: string, documentId: string): Promise<TemplateEditorData> {
  const q = db();
  const { document, signoff } = requireAccess(await accessSignoffDocument(q, userId, documentId));
  const { template, adjusted } = await loadTemplate(q, document);
  const names = await organizationNames(q, document.participants.map((p) => p.organizationId));
  const roles = PROJECT_ROLES.map((role) => ({
    role,
    organizations: document.participants.filter((p) => p.role === role).map((p) => names.get(p.organizationId) ?? p.organizationId),
  })).filter((entry) => entry.organizations.length > 0);
  return {
    document: { id: document.id, title: document.title, status: document.status },
    mayAdjust: mayAdjustTemplate(document.status, signoff.projectRoles.map((r) => r.role)),
    adjusted,
    template,
    roles,
    organizations: document.participants
      .map((p) => ({ id: p.organizationId, name: names.get(p.organizationId) ?? p.organizationId, role: p.role }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
