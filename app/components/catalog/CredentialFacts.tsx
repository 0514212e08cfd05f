import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/i18n/use-locale";
import type { CatalogEntry } from "~/modules/catalog/entry";
import { formatNumber } from "~/modules/i18n/format";
import { kindTexts } from "~/modules/i18n/kind-text";
import { LANGUAGE_TAGS, type Locale } from "~/modules/i18n/locales";
import { formatCalendarDate, isIsoDate } from "~/utils/dates";

type Coded = { code: string; label: string } | null;

/**
 * The catalog's facts in the page's language: the same words as modules/catalog/present.ts in
 * English (its functions feed the JSON-LD), the specification's option labels from the kinds'
 * translations (app/locales/fr/kinds.ts) otherwise.
 */
export function credentialFacts(t: TFunction, locale: Locale, entry: CatalogEntry) {
  const option = (field: string, coded: Coded): string | null => {
    if (!coded) return null;
    return locale === "en" ? coded.label : (kindTexts(locale).credential_spec.items[field]?.options?.[coded.code] ?? coded.label);
  };
  const notStated = t("catalog.facts.notStated");
  const number = (value: number) => formatNumber(locale, value, { maximumFractionDigits: 6, useGrouping: false });
  const date = (value: string) => (isIsoDate(value) ? formatCalendarDate(value, LANGUAGE_TAGS[locale] as "en-CA" | "fr-CA") : value);

  const weeks = entry.timeToCompleteWeeks === null ? null : t("catalog.facts.weeks", { count: entry.timeToCompleteWeeks, value: number(entry.timeToCompleteWeeks) });
  const hours = entry.learningHours === null ? null : t("catalog.facts.learningHours", { count: entry.learningHours, value: number(entry.learningHours) });
  const schedule = entry.startModel.schedule;
  const creditSystem = option("creditSystem", entry.credit.system);
  const framework = option("framework", entry.level.framework);
  return {
    institutions: entry.issuingInstitutions.map((i) => (i.province ? `${i.name} (${i.province})` : i.name)).join(", ") || notStated,
    province: option("jurisdiction", entry.province) ?? notStated,
    deliveryMode: option("learningMode", entry.deliveryMode) ?? notStated,
    duration: [weeks, hours].filter(Boolean).join(", ") || notStated,
    cost:
      entry.costCad === null
        ? notStated
        : entry.costCad === 0
          ? t("catalog.facts.free")
          : formatNumber(locale, entry.costCad, { style: "currency", currency: "CAD" }),
    start: !schedule
      ? notStated
      : schedule.code !== "cohort" || entry.startModel.cohortStarts.length === 0
        ? (option("schedule", schedule) ?? notStated)
        : t("catalog.facts.cohorts", { dates: entry.startModel.cohortStarts.map(date).join(", ") }),
    credit:
      entry.credit.system?.code === "not_for_credit"
        ? (creditSystem ?? notStated)
        : entry.credit.value === null
          ? (creditSystem ?? notStated)
          : `${t("catalog.facts.credits", { count: entry.credit.value, value: number(entry.credit.value) })}${creditSystem ? ` (${creditSystem})` : ""}`,
    laddering:
      [
        ...entry.laddersInto.map((l) => `${l.program}, ${l.institution}${l.creditGranted !== null ? ` (${t("catalog.facts.creditsGranted", { value: number(l.creditGranted) })})` : ""}`),
        ...entry.stacksInto.map((s) => `${s.credential} (${s.issuer})`),
      ].join("; ") || t("catalog.facts.noneStated"),
    recognitions: entry.recognitions.map((r) => `${r.program}, ${r.institution}${r.province ? ` (${r.province})` : ""}: ${r.grant}`).join("; ") || t("catalog.facts.noneConfirmed"),
    level: [framework, entry.level.level !== null ? t("catalog.facts.levelValue", { level: entry.level.level }) : null].filter(Boolean).join(", ") || notStated,
  };
}

/** The catalog's facts of one credential (the list and the credential's page). */
export function CredentialFacts({ entry }: { entry: CatalogEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts = credentialFacts(t, locale, entry);
  return (
    <dl className="catalog-facts">
      <dt>{t("catalog.facts.issuedBy")}</dt>
      <dd>{facts.institutions}</dd>
      <dt>{t("catalog.facts.province")}</dt>
      <dd>{facts.province}</dd>
      <dt>{t("catalog.facts.deliveryMode")}</dt>
      <dd>{facts.deliveryMode}</dd>
      <dt>{t("catalog.facts.timeToComplete")}</dt>
      <dd>{facts.duration}</dd>
      <dt>{t("catalog.facts.cost")}</dt>
      <dd>{facts.cost}</dd>
      <dt>{t("catalog.facts.start")}</dt>
      <dd>{facts.start}</dd>
      <dt>{t("catalog.facts.credit")}</dt>
      <dd>{facts.credit}</dd>
      <dt>{t("catalog.facts.laddering")}</dt>
      <dd>{facts.laddering}</dd>
      <dt>{t("catalog.facts.recognitions")}</dt>
      <dd data-testid="catalog-recognitions">{facts.recognitions}</dd>
      <dt>{t("catalog.facts.level")}</dt>
      <dd>{facts.level}</dd>
      <dt>{t("catalog.facts.competencies")}</dt>
      <dd>{entry.competenciesCount}</dd>
      <dt>{t("catalog.facts.endorsedBy")}</dt>
      <dd>{entry.endorsingEmployers.join(", ") || t("catalog.facts.none")}</dd>
    </dl>
  );
}
