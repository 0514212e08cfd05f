import { ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import { ORGANIZATION_KINDS } from "~/modules/permissions/roles";
import { PROVINCES } from "~/modules/orgs/provinces";

export const ORGANIZATION_KIND_OPTIONS = ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: ORGANIZATION_KIND_LABELS[kind] }));
export const PROVINCE_OPTIONS = PROVINCES.map((p) => ({ value: p.code, label: p.name }));
