/**
 * The shared domain words (app/locales/<lang>/labels.ts) through a translate function: components
 * get them from useLabels(), server code from labelsFor(translator(locale)). A province code that is
 * not one of ours shows as stored.
 */
import type { TFunction } from "i18next";
import english from "~/locales/en/labels";
import type { DocumentKind, DocumentStatus, OrganizationKind, ProjectRole } from "~/modules/permissions/roles";

export type Labels = {
  documentKind: (kind: DocumentKind) => string;
  documentStatus: (status: DocumentStatus) => string;
  projectRole: (role: ProjectRole) => string;
  organizationKind: (kind: OrganizationKind) => string;
  province: (code: string) => string;
  competencyCount: (count: number) => string;
};

export function labelsFor(t: TFunction): Labels {
  return {
    documentKind: (kind) => t(`labels.documentKind.${kind}`),
    documentStatus: (status) => t(`labels.documentStatus.${status}`),
    projectRole: (role) => t(`labels.projectRole.${role}`),
    organizationKind: (kind) => t(`labels.organizationKind.${kind}`),
    province: (code) => (code in english.province ? t(`labels.province.${code}`) : code),
    competencyCount: (count) => t("labels.competencyCount", { count }),
  };
}
