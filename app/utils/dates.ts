/**
 * Dates and times as people read them, in one place. Every formatter takes the locale ("en-CA"
 * today; "fr-CA" when the French interface comes). Calendar dates and UTC timestamps are formatted
 * in UTC, so the server's first paint and the browser's hydration print the same text.
 */

export type DisplayLocale = "en-CA" | "fr-CA";
export const DEFAULT_LOCALE: DisplayLocale = "en-CA";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in UTC, YYYY-MM-DD: what date fields are compared against. */
export function todayIsoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: DisplayLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/**
 * A stored calendar date: "2027-02-03" → "3 February 2027" ("3 février 2027" in fr-CA). Day,
 * month, year in that order in both languages; anything that is not a real date shows as stored.
 */
export function formatCalendarDate(value: string, locale: DisplayLocale = DEFAULT_LOCALE): string {
  if (!isIsoDate(value)) return value;
  const parts = formatter(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatToParts(new Date(`${value}T00:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")} ${part("year")}`;
}

/**
 * A moment in the reader's time zone, date and time: "Nov 29, 2026, 1:30 a.m." in en-CA. For
 * panels that render in the browser (comments, history, sign-off).
 */
export function formatDateTime(iso: string, locale: DisplayLocale = DEFAULT_LOCALE): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/**
 * A stored timestamp for records (audit trail, certificate, inbox): "2026-11-29 01:30:57 UTC", or
 * to the minute; "—" when there is none. Written the same in every locale (ISO order, 24-hour
 * clock), from the ISO text itself, so nothing about the machine can change it.
 */
export function formatUtc(iso: string | null | undefined, precision: "second" | "minute" = "second"): string {
  return iso ? `${iso.slice(0, precision === "second" ? 19 : 16).replace("T", " ")} UTC` : "—";
}
