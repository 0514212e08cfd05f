import type { FieldDef, JsonValue, Option, ProjectedCompetency, RowFieldDef } from "~/modules/documents/model";
import { formatCalendarDate } from "~/utils/dates";
import { formatDate, formatMoney as formatMoneyIn, formatNumber } from "~/modules/i18n/format";
import type { Locale } from "~/modules/i18n/locales";

/**
 * How stored values read for people (read-only view, row titles, selects showing an unknown value,
 * the summary, the document PDF).
 * Deterministic — nothing depends on the machine's locale or time zone — so the server's first
 * paint and the browser agree to the letter.
 */

/** 12500 → "12,500"; 1450.5 → "1,450.5" (thousands separated, decimals as given). */
export function groupThousands(value: number): string {
  const [whole = "", fraction] = String(Math.abs(value)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "−" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** 1450.5 → "$1,450.50"; whole amounts without cents: 1450 → "$1,450". */
export function formatMoney(value: number): string {
  const cents = Math.round(Math.abs(value) * 100);
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return `${value < 0 ? "−" : ""}$${groupThousands(whole)}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
}

export function optionLabel(options: readonly Option[], value: string): string {
  return options.find((option) => option.value === value)?.label ?? value;
}

export function competencyLabel(competency: Pick<ProjectedCompetency, "code" | "title" | "id">): string {
  return [competency.code, competency.title].filter(Boolean).join(" — ") || competency.id;
}

export type DisplayContext = {
  /** Titles of the project's documents, for document fields. */
  documentTitles?: ReadonlyMap<string, string>;
  /** Competencies a competency field chooses from. */
  competencies?: readonly ProjectedCompetency[];
  /** The reader's language; English (the deterministic formats above) when absent. */
  locale?: Locale;
};

/** French readers (issue #20): numbers, money, dates and yes/no through Intl's fr-CA. */
function formatFrench(field: RowFieldDef | FieldDef, value: JsonValue): string | null {
  switch (field.type) {
    case "boolean":
      return value === true ? "Oui" : value === false ? "Non" : null;
    case "money_cad":
      return typeof value === "number" ? formatMoneyIn("fr", value) : null;
    case "number":
    case "integer": {
      if (typeof value !== "number") return null;
      const unit = !field.unit ? "" : field.unit === "%" ? " %" : ` ${Math.abs(value) < 2 ? field.unit.replace(/s$/, "") : field.unit}`;
      return `${formatNumber("fr", value)}${unit}`;
    }
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate("fr", value) : null;
    case "rows":
      return Array.isArray(value) ? `${value.length} ${field.itemLabel}${value.length < 2 ? "" : "s"}` : null;
    case "coverage":
      return Array.isArray(value) ? `${formatNumber("fr", value.length)} ${value.length < 2 ? "case cochée" : "cases cochées"}` : null;
    default:
      return null;
  }
}

/**
 * A stored value as text. Empty → "". A value of the wrong type (e.g. "12a" in a number field) is
 * shown exactly as stored: the read-only view never hides what the editors typed.
 */
export function formatValue(field: RowFieldDef | FieldDef, value: JsonValue | undefined, context: DisplayContext = {}): string {
  if (value === undefined || value === null || value === "") return "";
  if (context.locale === "fr") {
    const french = formatFrench(field, value);
    if (french !== null) return french;
  }
  switch (field.type) {
    case "select":
      return typeof value === "string" ? optionLabel(field.options, value) : String(value);
    case "multiselect":
      return Array.isArray(value) ? value.map((item) => (typeof item === "string" ? optionLabel(field.options, item) : String(item))).join(", ") : String(value);
    case "boolean":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "money_cad":
      return typeof value === "number" ? formatMoney(value) : String(value);
    case "number":
    case "integer": {
      if (typeof value !== "number") return String(value);
      const unit = !field.unit ? "" : field.unit === "%" ? "%" : ` ${value === 1 ? field.unit.replace(/s$/, "") : field.unit}`;
      return `${groupThousands(value)}${unit}`;
    }
    case "date":
      return typeof value === "string" ? formatCalendarDate(value) : String(value);
    case "document":
      return typeof value === "string" ? (context.documentTitles?.get(value) ?? value) : String(value);
    case "competency": {
      if (typeof value !== "string") return String(value);
      const found = context.competencies?.find((c) => c.id === value);
      return found ? competencyLabel(found) : value;
    }
    case "rows":
      return Array.isArray(value) ? `${value.length} ${field.itemLabel}${value.length === 1 ? "" : "s"}` : "";
    case "coverage":
      return Array.isArray(value) ? `${value.length.toLocaleString("en-CA")} ticked ${value.length === 1 ? "cell" : "cells"}` : "";
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/** What an input shows for a stored scalar: numbers as typed digits, everything else as text. */
export function inputText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
