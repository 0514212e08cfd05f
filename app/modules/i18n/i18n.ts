/**
 * The i18next instance of a language, with ICU message syntax (plurals: "{count, plural, one {# item}
 * other {# items}}"). One instance per language, created once and never switched: the server renders
 * many languages at once, so nothing may call changeLanguage on a shared instance.
 */
import i18next, { type i18n, type TFunction } from "i18next";
import ICU from "i18next-icu";
import { resources } from "~/locales";
import { DEFAULT_LOCALE, LANGUAGE_TAGS, type Locale } from "./locales";

const instances = new Map<Locale, i18n>();

export function i18nFor(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    // ICU formats numbers and plurals in the Canadian variant ("fr" → "fr-CA": "1 234,5").
    void instance.use(new ICU({ memoize: true, parseLngForICU: (lng) => (lng === "fr" ? LANGUAGE_TAGS.fr : LANGUAGE_TAGS.en) })).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources,
      defaultNS: "translation",
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

/** The translate function of a language, for server code (e-mails, PDFs, error messages). */
export function translator(locale: Locale): TFunction {
  return i18nFor(locale).t;
}
