import { describe, expect, it } from "vitest";
import { DOCUMENT_KIND_LABELS, DOCUMENT_STATUS_LABELS, ORGANIZATION_KIND_LABELS, PROJECT_ROLE_LABELS, competencyCount } from "~/modules/documents/labels";
import { EMAIL_FREQUENCIES, NOTIFICATION_KINDS } from "~/modules/notifications/kinds";
import { PROVINCES } from "~/modules/orgs/provinces";
import { DOCUMENT_KINDS, ORGANIZATION_KINDS, PROJECT_ROLES } from "~/modules/permissions/roles";
import { translator } from "./i18n";
import { labelsFor } from "./labels";

describe("labelsFor", () => {
  const en = labelsFor(translator("en"));
  const fr = labelsFor(translator("fr"));

  it("says in English exactly what the English lookups say", () => {
    for (const kind of DOCUMENT_KINDS) expect(en.documentKind(kind)).toBe(DOCUMENT_KIND_LABELS[kind]);
    for (const status of Object.keys(DOCUMENT_STATUS_LABELS) as Array<keyof typeof DOCUMENT_STATUS_LABELS>) expect(en.documentStatus(status)).toBe(DOCUMENT_STATUS_LABELS[status]);
    for (const role of PROJECT_ROLES) expect(en.projectRole(role)).toBe(PROJECT_ROLE_LABELS[role]);
    for (const kind of ORGANIZATION_KINDS) expect(en.organizationKind(kind)).toBe(ORGANIZATION_KIND_LABELS[kind]);
    for (const province of PROVINCES) expect(en.province(province.code)).toBe(province.name);
    expect([1, 2, 3000].map(en.competencyCount)).toEqual([1, 2, 3000].map(competencyCount));
  });

  it("has French for every value, and shows an unknown province code as stored", () => {
    expect(fr.documentKind("credential_spec")).toBe("Spécification du microtitre");
    expect(fr.organizationKind("professional_body")).toBe("Ordre professionnel");
    expect(fr.province("QC")).toBe("Québec");
    expect(fr.province("XX")).toBe("XX");
    expect(fr.competencyCount(3000)).toMatch(/^3\s000 compétences$/);
  });

  it("names every notification kind and frequency in both languages", () => {
    for (const locale of ["en", "fr"] as const) {
      const t = translator(locale);
      for (const kind of NOTIFICATION_KINDS) expect(t(`notifications.kinds.${kind}`)).not.toContain("notifications.");
      for (const frequency of EMAIL_FREQUENCIES) expect(t(`notifications.frequencies.${frequency}`)).not.toContain("notifications.");
    }
  });
});
