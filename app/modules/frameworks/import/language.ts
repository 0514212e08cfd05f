/**
 * Language tags and language-tagged text as real files write them: `{"en-US": "…"}` and
 * `{"en-us": "…"}` for the same thing, JSON-LD value objects, arrays of either, ISO 639-2 URIs
 * (`http://id.loc.gov/vocabulary/iso639-2/eng`) in `inLanguage`. One framework is imported in one
 * language; text in the others is counted so the import can say what it left out.
 */

const ISO_639_2: Record<string, string> = {
  eng: "en",
  fra: "fr",
  fre: "fr",
  spa: "es",
  deu: "de",
  ger: "de",
  ita: "it",
  por: "pt",
  nld: "nl",
  dut: "nl",
  pol: "pl",
  rus: "ru",
  zho: "zh",
  chi: "zh",
  jpn: "ja",
  kor: "ko",
  ara: "ar",
};

const LANGUAGE_NAMES: Record<string, string> = {
  english: "en",
  french: "fr",
  français: "fr",
  francais: "fr",
  spanish: "es",
  german: "de",
};

/**
 * A BCP 47 tag with its conventional casing ("en-US", "zh-Hant-TW"), from a tag in any case, an
 * underscore form ("fr_CA"), an ISO 639-2 code or URI ("eng"), or an English language name.
 * Undefined for anything else.
 */
export function normaliseLanguageTag(raw: string): string | undefined {
  // Files repeat a handful of tags on every value: each is worked out once.
  if (tags.has(raw)) return tags.get(raw);
  const tag = normalise(raw);
  if (tags.size < 1000) tags.set(raw, tag);
  return tag;
}

const tags = new Map<string, string | undefined>();

function normalise(raw: string): string | undefined {
  let value = raw.trim();
  if (!value) return undefined;
  if (/^https?:\/\//i.test(value)) value = value.replace(/\/+$/, "").split("/").pop() ?? "";
  const lower = value.toLowerCase();
  if (LANGUAGE_NAMES[lower]) return LANGUAGE_NAMES[lower];
  const parts = value.replace(/_/g, "-").split("-");
  const [first, ...rest] = parts;
  if (!first || !/^[a-z]{2,3}$/i.test(first)) return undefined;
  const language = ISO_639_2[first.toLowerCase()] ?? first.toLowerCase();
  const subtags = rest.map((part) => {
    if (/^[a-z]{4}$/i.test(part)) return part[0]!.toUpperCase() + part.slice(1).toLowerCase();
    if (/^([a-z]{2}|\d{3})$/i.test(part)) return part.toUpperCase();
    return part.toLowerCase();
  });
  return [language, ...subtags].join("-");
}

function primary(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The language tags a value is written in (keys of a language map, `@language` of value objects). */
export function languagesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(languagesOf);
  if (!isRecord(value)) return [];
  if ("@value" in value) {
    const tag = typeof value["@language"] === "string" ? normaliseLanguageTag(value["@language"]) : undefined;
    return tag ? [tag] : [];
  }
  return Object.keys(value)
    .map((key) => normaliseLanguageTag(key))
    .filter((tag): tag is string => tag !== undefined);
}

/**
 * Picks the text of a value in one language: the preferred tag, else the same language in another
 * region ("en" for "en-US"), else the first one written. Counts, per language, the values whose
 * text in that language was left out.
 */
export class TextPicker {
  readonly leftOut = new Map<string, number>();

  constructor(readonly language: string | undefined) {}

  text(value: unknown): string | undefined {
    // The common cases, without building candidate lists: a plain string, a one-language map.
    if (typeof value === "string") return value.trim() || undefined;
    if (value === undefined || value === null) return undefined;
    const candidates = this.candidates(value);
    if (candidates.length === 0) return undefined;
    const chosen = this.choose(candidates);
    const others = new Set<string>();
    for (const candidate of candidates) {
      if (candidate.tag && candidate.tag !== chosen.tag && primary(candidate.tag) !== primary(chosen.tag ?? "")) others.add(candidate.tag);
    }
    for (const tag of others) this.leftOut.set(tag, (this.leftOut.get(tag) ?? 0) + 1);
    return chosen.text;
  }

  private choose(candidates: Array<{ tag?: string; text: string }>): { tag?: string; text: string } {
    if (this.language) {
      const wanted = this.language.toLowerCase();
      const exact = candidates.find((candidate) => candidate.tag?.toLowerCase() === wanted);
      if (exact) return exact;
      const sameLanguage = candidates.find((candidate) => candidate.tag && primary(candidate.tag) === primary(wanted));
      if (sameLanguage) return sameLanguage;
      const untagged = candidates.find((candidate) => !candidate.tag);
      if (untagged) return untagged;
    }
    return candidates[0]!;
  }

  private candidates(value: unknown): Array<{ tag?: string; text: string }> {
    if (typeof value === "string") return value.trim() ? [{ text: value.trim() }] : [];
    if (typeof value === "number") return [{ text: String(value) }];
    if (Array.isArray(value)) return value.flatMap((item) => this.candidates(item));
    if (!isRecord(value)) return [];
    if ("@value" in value) {
      const text = typeof value["@value"] === "string" ? value["@value"].trim() : "";
      const tag = typeof value["@language"] === "string" ? normaliseLanguageTag(value["@language"]) : undefined;
      return text ? [{ tag, text }] : [];
    }
    // A language map: {"en-US": "…"} or {"en": ["…", "…"]}.
    return Object.entries(value).flatMap(([key, text]) => {
      const tag = normaliseLanguageTag(key);
      return this.candidates(text).map((candidate) => ({ tag: candidate.tag ?? tag, text: candidate.text }));
    });
  }

  /** "Text in fr-CA (83 values) was not imported: the framework is imported in en-US." */
  note(): string | undefined {
    if (this.leftOut.size === 0) return undefined;
    const parts = [...this.leftOut].map(([tag, n]) => `${tag} (${n.toLocaleString("en-CA")} ${n === 1 ? "value" : "values"})`);
    return `Text in ${parts.join(", ")} was not imported: the framework is imported in ${
      this.language ?? "the first language of each value"
    }.`;
  }
}

/** The most used tag among values, or undefined when none is tagged. */
export function dominantLanguage(values: unknown[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) for (const tag of new Set(languagesOf(value))) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  let best: string | undefined;
  for (const [tag, n] of counts) if (best === undefined || n > counts.get(best)!) best = tag;
  return best;
}

/**
 * The framework's language: what it declares, refined by the tag its text is written in when that
 * is the same language ("en" declared, text in `en-US` → "en-US"); the text's tag when nothing is
 * declared.
 */
export function frameworkLanguage(declared: string | undefined, textLanguage: string | undefined): string | undefined {
  if (!declared) return textLanguage;
  if (textLanguage && primary(textLanguage) === primary(declared) && textLanguage.length > declared.length) return textLanguage;
  return declared;
}
