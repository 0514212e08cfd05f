/**
 * Dates, numbers and money in the reader's language (issue #20), through Intl: "1 234,50 $" in
 * French, "$1,234.50" in English. Pure; the same on the server and in the browser, so a page renders
 * the same text on both (the time zone is fixed for that reason: Concord's dates are Canadian
 * business dates, shown in Toronto time unless a caller passes another zone).
 */
import { LANGUAGE_TAGS, type Locale } from "./locales";

export const DISPLAY_TIME_ZONE = "America/Toronto";

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

export function formatNumber(locale: Locale, value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n:${locale}:${JSON.stringify(options)}`, () => new Intl.NumberFormat(LANGUAGE_TAGS[locale], options)).format(value);
}

/** Canadian dollars unless told otherwise; cents only when there are any. */
export function formatMoney(locale: Locale, amount: number, currency = "CAD"): string {
  const whole = Number.isInteger(amount);
  return formatNumber(locale, amount, { style: "currency", currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
}

type DateInput = Date | string | number;
const toDate = (value: DateInput) => (value instanceof Date ? value : new Date(value));

/** "December 5, 2026" / "5 décembre 2026". A date-only string ("2026-12-05") is that calendar day. */
export function formatDate(locale: Locale, value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  const dateOnly = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const zone = dateOnly ? "UTC" : timeZone;
  return cached(`d:${locale}:${zone}`, () => new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: "long", timeZone: zone })).format(toDate(value));
}

/** "December 5, 2026 at 9:30 a.m." / "5 décembre 2026 à 09 h 30". */
export function formatDateTime(locale: Locale, value: DateInput, timeZone = DISPLAY_TIME_ZONE): string {
  return cached(`dt:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: "long", timeStyle: "short", timeZone })).format(toDate(value));
}
