/**
 * A catalog entry's facts as a reader says them (pages), and as schema.org JSON-LD for search
 * engines (issue #17: `EducationalOccupationalCredential`). Pure.
 */
import type { CatalogEntry } from "~/modules/catalog/entry";
import { credentialUrls } from "~/modules/exports/context";
import { formatCalendarDate, isIsoDate } from "~/utils/dates";

const MONEY = new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" });

export function costText(entry: Pick<CatalogEntry, "costCad">): string {
  return entry.costCad === null ? "Not stated" : entry.costCad === 0 ? "Free" : MONEY.format(entry.costCad);
}

export function durationText(entry: Pick<CatalogEntry, "timeToCompleteWeeks" | "learningHours">): string {
  const weeks = entry.timeToCompleteWeeks === null ? null : `${entry.timeToCompleteWeeks} ${entry.timeToCompleteWeeks === 1 ? "week" : "weeks"}`;
  const hours = entry.learningHours === null ? null : `${entry.learningHours} hours of learning`;
  return [weeks, hours].filter(Boolean).join(", ") || "Not stated";
}

export function startText(entry: Pick<CatalogEntry, "startModel">): string {
  const { schedule, cohortStarts } = entry.startModel;
  if (!schedule) return "Not stated";
  if (schedule.code !== "cohort" || cohortStarts.length === 0) return schedule.label;
  return `Cohorts starting ${cohortStarts.map((d) => (isIsoDate(d) ? formatCalendarDate(d) : d)).join(", ")}`;
}

export function creditText(entry: Pick<CatalogEntry, "credit">): string {
  const { value, system } = entry.credit;
  if (system?.code === "not_for_credit") return system.label;
  if (value === null) return system?.label ?? "Not stated";
  return `${value} ${value === 1 ? "credit" : "credits"}${system ? ` (${system.label})` : ""}`;
}

export function ladderingText(entry: Pick<CatalogEntry, "laddersInto" | "stacksInto">): string {
  const ladders = entry.laddersInto.map((l) => `${l.program}, ${l.institution}${l.creditGranted !== null ? ` (${l.creditGranted} credits)` : ""}`);
  const stacks = entry.stacksInto.map((s) => `${s.credential} (${s.issuer})`);
  return [...ladders, ...stacks].join("; ") || "None stated";
}

export function levelText(entry: Pick<CatalogEntry, "level">): string {
  const { framework, level } = entry.level;
  return [framework?.label, level !== null ? `level ${level}` : null].filter(Boolean).join(", ") || "Not stated";
}

export function institutionsText(entry: Pick<CatalogEntry, "issuingInstitutions">): string {
  return entry.issuingInstitutions.map((i) => (i.province ? `${i.name} (${i.province})` : i.name)).join(", ") || "Not stated";
}

/** schema.org JSON-LD of the credential's catalog page. */
export function credentialJsonLd(entry: CatalogEntry, origin: string): Record<string, unknown> {
  const urls = credentialUrls({ origin, documentId: entry.id }, entry.title);
  return {
    "@context": "https://schema.org",
    "@type": "EducationalOccupationalCredential",
    "@id": urls.catalogPage,
    url: urls.catalogPage,
    name: entry.title,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.shortCode ? { identifier: entry.shortCode } : {}),
    credentialCategory: { "@type": "DefinedTerm", name: "Micro-credential" },
    ...(entry.level.framework ? { educationalLevel: levelText(entry) } : {}),
    ...(entry.languages.length > 0 ? { inLanguage: entry.languages } : {}),
    ...(entry.timeToCompleteWeeks !== null ? { timeRequired: `P${entry.timeToCompleteWeeks}W` } : {}),
    ...(entry.province ? { validIn: { "@type": "AdministrativeArea", name: entry.province.label } } : {}),
    provider: entry.issuingInstitutions.map((i) => ({ "@type": "EducationalOrganization", name: i.name })),
    recognizedBy: entry.endorsingEmployers.map((name) => ({ "@type": "Organization", name })),
    competencyRequired: entry.competencies.map((c) => ({
      "@type": "DefinedTerm",
      name: c.title,
      ...(c.code ? { termCode: c.code } : {}),
      ...(c.framework ? { inDefinedTermSet: c.framework } : {}),
    })),
    occupationalCategory: entry.occupations
      .filter((o) => o.system === "noc_2021")
      .map((o) => ({ "@type": "CategoryCode", codeValue: o.code, name: o.title, inCodeSet: "NOC 2021" })),
    ...(entry.costCad !== null ? { offers: { "@type": "Offer", price: entry.costCad, priceCurrency: "CAD", category: "Tuition" } } : {}),
    datePublished: entry.approvedAt.slice(0, 10),
    ...(entry.webpage ? { sameAs: entry.webpage } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: "<" escaped so no text can close the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** Confirmed recognitions, one line each: "BSc Environmental Science, Prairie University (SK): 6 credits". */
export function recognitionsText(entry: Pick<CatalogEntry, "recognitions">): string {
  return entry.recognitions.map((r) => `${r.program}, ${r.institution}${r.province ? ` (${r.province})` : ""}: ${r.grant}`).join("; ") || "None confirmed";
}
