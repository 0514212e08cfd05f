/**
 * A catalog entry: what the public catalog and the read API say about one approved credential
 * specification (issue #17). Pure: built from the approved snapshot and the export context (the
 * same source as the Open Badges and CTDL exports), so the catalog never shows a draft. The
 * matching of filters lives here too, so the page and the API filter alike.
 */
import type { CanonicalDocument, JsonValue } from "~/modules/documents/model/types";
import { asNumber, asString, rowsOf } from "~/modules/documents/model/values";
import { DELIVERY_MODES, JURISDICTIONS, OCCUPATION_SYSTEMS, QUALIFICATION_FRAMEWORKS } from "~/modules/documents/kinds/options";
import { credentialOwners, offeringOwners, plainText, slugify, type ExportContext } from "~/modules/exports/context";
import type { CatalogFilters } from "~/modules/catalog/filters";

export type Coded = { code: string; label: string };

export type CatalogEntry = {
  /** The specification's document id (stable; every public address derives from it). */
  id: string;
  /** `<title-slug>-<id>`: the catalog page, as the exports' subjectWebpage names it. */
  slug: string;
  title: string;
  shortCode: string | null;
  version: string | null;
  description: string | null;
  /** The French title and description of a credential published in English and French (issue #20); null otherwise. */
  french: { title: string; description: string | null } | null;
  issuingInstitutions: Array<{ name: string; province: string | null }>;
  province: Coded | null;
  deliveryMode: Coded | null;
  assessmentMode: Coded | null;
  timeToCompleteWeeks: number | null;
  learningHours: number | null;
  costCad: number | null;
  costIncludes: string | null;
  startModel: { schedule: Coded | null; cohortStarts: string[] };
  credit: { value: number | null; system: Coded | null };
  laddersInto: Array<{ program: string; institution: string; creditGranted: number | null }>;
  stacksInto: Array<{ credential: string; issuer: string }>;
  /** Laddering signed by the receiving institution (issue #18); the rows above are only proposed until then. */
  recognitions: Array<{ program: string; institution: string; province: string | null; grant: string; validFrom: string | null; validTo: string | null }>;
  level: { framework: Coded | null; level: number | null };
  competenciesCount: number;
  competencies: Array<{ code: string | null; title: string; framework: string | null; frameworkId: string | null; level: string | null; essential: boolean }>;
  occupations: Array<{ system: string; code: string; title: string }>;
  /** The employer organizations whose approval of this version counted. */
  endorsingEmployers: string[];
  languages: string[];
  webpage: string | null;
  approvedAt: string;
  versionHash: string;
};

const CREDIT_SYSTEMS: ReadonlyArray<{ value: string; label: string }> = [
  { value: "not_for_credit", label: "Not for credit" },
  { value: "institutional", label: "Institutional credits" },
  { value: "ects", label: "ECTS credits" },
  { value: "ceu", label: "Continuing education units (CEU)" },
];
const SCHEDULES: ReadonlyArray<{ value: string; label: string }> = [
  { value: "on_demand", label: "On demand — start any time" },
  { value: "cohort", label: "Cohort — fixed start dates" },
];

function coded(options: ReadonlyArray<{ value: string; label: string }>, value: JsonValue | undefined): Coded | null {
  const code = asString(value);
  if (!code) return null;
  return { code, label: options.find((o) => o.value === code)?.label ?? code };
}

export function provinceLabel(code: string): string {
  return JURISDICTIONS.find((o) => o.value === code)?.label ?? code;
}

export function occupationSystemLabel(code: string): string {
  return OCCUPATION_SYSTEMS.find((o) => o.value === code)?.label ?? code;
}

export function catalogSlug(documentId: string, title: string): string {
  return `${slugify(title)}-${documentId}`;
}

/** The catalog entry of an approved specification. `context.approval` must be set. */
export function catalogEntry(spec: CanonicalDocument, context: ExportContext): CatalogEntry {
  const f = spec.fields;
  const title = asString(f.title) ?? "Untitled credential";
  const owners = offeringOwners(credentialOwners(spec, context));
  const approvedBy = new Set(context.approval?.approvedByOrganizationIds ?? []);
  const competencies = rowsOf(f, "competencies").flatMap((row) => {
    const name = asString(row.title);
    return name
      ? [{ code: asString(row.code), title: name, framework: asString(row.framework), frameworkId: asString(row.frameworkId), level: asString(row.level), essential: row.essential !== false }]
      : [];
  });
  return {
    id: context.documentId,
    slug: catalogSlug(context.documentId, title),
    title,
    shortCode: asString(f.shortCode),
    version: asString(f.version),
    description: asString(f.summary) ?? plainText(spec, "purpose"),
    french: f.bilingual === true && asString(f.titleFr)?.trim() ? { title: asString(f.titleFr)!.trim(), description: asString(f.summaryFr)?.trim() || null } : null,
    issuingInstitutions: owners.map((o) => ({ name: o.name, province: o.province })),
    province: coded(JURISDICTIONS, f.jurisdiction),
    deliveryMode: coded(DELIVERY_MODES, f.learningMode),
    assessmentMode: coded(DELIVERY_MODES, f.assessmentMode),
    timeToCompleteWeeks: asNumber(f.timeToCompleteWeeks),
    learningHours: asNumber(f.learningHours),
    costCad: asNumber(f.costCad),
    costIncludes: asString(f.costIncludes),
    startModel: {
      schedule: coded(SCHEDULES, f.schedule),
      cohortStarts:
        f.schedule === "cohort"
          ? rowsOf(f, "cohortStarts")
              .map((row) => asString(row.startDate))
              .filter((d): d is string => d !== null)
              .sort()
          : [],
    },
    credit: { value: asNumber(f.creditValue), system: coded(CREDIT_SYSTEMS, f.creditSystem) },
    laddersInto: rowsOf(f, "laddersInto").flatMap((row) => {
      const program = asString(row.program);
      return program ? [{ program, institution: asString(row.institution) ?? "", creditGranted: asNumber(row.creditGranted) }] : [];
    }),
    stacksInto: rowsOf(f, "stacksInto").flatMap((row) => {
      const credential = asString(row.credential);
      return credential ? [{ credential, issuer: asString(row.issuer) ?? "" }] : [];
    }),
    recognitions: (context.recognitions ?? []).map((r) => ({
      program: r.program,
      institution: r.institution,
      province: r.province,
      grant: r.standing === "preparation" ? "preparation for admission" : r.standing === "advanced_standing" ? "advanced standing" : `${r.creditGranted ?? 0} credits`,
      validFrom: r.validFrom,
      validTo: r.validTo,
    })),
    level: { framework: coded(QUALIFICATION_FRAMEWORKS, f.framework), level: asNumber(f.frameworkLevel) },
    competenciesCount: competencies.length,
    competencies,
    occupations: rowsOf(f, "occupations").flatMap((row) => {
      const system = asString(row.system);
      const code = asString(row.code);
      return system && code ? [{ system, code, title: asString(row.title) ?? "" }] : [];
    }),
    endorsingEmployers: context.organizations.filter((o) => o.kind === "employer" && approvedBy.has(o.id)).map((o) => o.name),
    languages: Array.isArray(f.languages) ? f.languages.filter((l): l is string => typeof l === "string") : [],
    webpage: asString(f.webpage),
    approvedAt: context.approval?.approvedAt ?? "",
    versionHash: context.approval?.versionHash ?? "",
  };
}

/** The entry's title and description in the reader's language: the French of a bilingual credential for French readers. */
export function entryText(entry: Pick<CatalogEntry, "title" | "description" | "french">, locale: string): { title: string; description: string | null; lang: "en" | "fr" } {
  if (locale === "fr" && entry.french) return { title: entry.french.title, description: entry.french.description ?? entry.description, lang: "fr" };
  return { title: entry.title, description: entry.description, lang: "en" };
}

/** The words full-text search reads: title, description, competencies, occupations, institutions. */
export function searchText(entry: CatalogEntry): string {
  return [
    entry.title,
    entry.french?.title,
    entry.french?.description,
    entry.shortCode,
    entry.description,
    ...entry.competencies.flatMap((c) => [c.code, c.title]),
    ...entry.occupations.map((o) => o.title),
    ...entry.issuingInstitutions.map((i) => i.name),
  ]
    .filter(Boolean)
    .join("\n");
}

/** The library framework a `framework` filter names: its versions' ids and the labels rows carry. */
export type FrameworkMatch = { ids: ReadonlySet<string>; labels: ReadonlySet<string> };

/**
 * Whether the entry passes every filter but the search (done by the database). `framework` is
 * null when the filter names no framework of the library (nothing matches then).
 */
export function matchesFilters(entry: CatalogEntry, filters: Omit<CatalogFilters, "q">, framework: FrameworkMatch | null = null): boolean {
  if (filters.delivery && entry.deliveryMode?.code !== filters.delivery) return false;
  if (filters.province) {
    const where = new Set([entry.province?.code, ...entry.issuingInstitutions.map((i) => i.province)]);
    if (!where.has(filters.province) && !where.has("CA")) return false;
  }
  if (filters.costMin !== undefined && (entry.costCad === null || entry.costCad < filters.costMin)) return false;
  if (filters.costMax !== undefined && (entry.costCad === null || entry.costCad > filters.costMax)) return false;
  if (filters.maxWeeks !== undefined && (entry.timeToCompleteWeeks === null || entry.timeToCompleteWeeks > filters.maxWeeks)) return false;
  if (filters.occupation && !entry.occupations.some((o) => o.system === "noc_2021" && o.code.startsWith(filters.occupation!))) return false;
  if (filters.framework) {
    if (!framework) return false;
    const uses = entry.competencies.some(
      (c) => (c.frameworkId !== null && framework.ids.has(c.frameworkId)) || (c.framework !== null && framework.labels.has(c.framework.trim().toLowerCase())),
    );
    if (!uses) return false;
  }
  return true;
}

/** Catalog order: by title, then id (the cursor's order too). */
export function compareEntries(a: Pick<CatalogEntry, "title" | "id">, b: Pick<CatalogEntry, "title" | "id">): number {
  const byTitle = a.title.localeCompare(b.title, "en-CA", { sensitivity: "base" });
  return byTitle !== 0 ? byTitle : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
