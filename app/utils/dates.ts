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
 * THE way Concord writes a moment (issue #15, "one format everywhere"): "1 Dec 2026, 07:40 EST" —
 * day, short month, year, 24-hour time, and the time zone named so nobody has to guess which.
 * `timeZone`: the reader's (the runtime's, the default) or "UTC" where the reader's is not known
 * (the server's first paint, the PDF). "—" when there is no moment.
 */
export function formatMoment(iso: string | null | undefined, options: { timeZone?: string; seconds?: boolean; locale?: DisplayLocale } = {}): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const parts = formatter(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(options.seconds ? { second: "2-digit" as const } : {}),
    hourCycle: "h23",
    timeZoneName: "short",
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  // English abbreviations without their period ("Dec", not "Dec."); French keeps its own ("déc.").
  const month = locale.startsWith("en") ? part("month").replace(/\.$/, "") : part("month");
  const time = [part("hour"), part("minute"), ...(options.seconds ? [part("second")] : [])].join(":");
  return `${part("day")} ${month} ${part("year")}, ${time} ${part("timeZoneName")}`;
}

/** A moment in the reader's time zone (panels that render in the browser): formatMoment. */
export function formatDateTime(iso: string, locale: DisplayLocale = DEFAULT_LOCALE): string {
  return formatMoment(iso, { locale });
}

/** A moment in UTC, to the second or to the minute (the PDF, records read without a browser): formatMoment. */
export function formatUtc(iso: string | null | undefined, precision: "second" | "minute" = "second"): string {
  return formatMoment(iso, { timeZone: "UTC", seconds: precision === "second" });
}
