/**
 * The translate function for a route's `meta` (issue #20): meta runs outside React, so it reads the
 * language from the root loader's data among the matches (English on an error page without it).
 */
import type { TFunction } from "i18next";
import { i18nFor } from "~/modules/i18n/i18n";
import { DEFAULT_LOCALE, isLocale } from "~/modules/i18n/locales";

export function metaT(matches: ReadonlyArray<{ id: string; data?: unknown }>): TFunction {
  const data = matches.find((match) => match.id === "root")?.data;
  const locale = data && typeof data === "object" && "locale" in data ? data.locale : undefined;
  return i18nFor(isLocale(locale) ? locale : DEFAULT_LOCALE).t;
}
