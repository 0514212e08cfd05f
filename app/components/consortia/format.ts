import { LANGUAGE_TAGS, type Locale } from "~/modules/i18n/locales";

/** Dollars as Canadians read them on a price list ("$1,250", "1 250 $"). Plain: safe for the browser. */
export function formatCad(value: number, locale: Locale = "en"): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: "currency", currency: "CAD", maximumFractionDigits: 2 }).format(value);
}
