/**
 * The document kinds' definitions in the reader's language (issue #20). Pure.
 *
 * English stays in the definitions (app/modules/documents/kinds/*): they are the source, and the
 * model, exports and tests keep reading them. French lives in app/locales/fr/kinds.ts, keyed by
 * kind → section / item key → the same property names, so a translator reads it next to the
 * definition. `localizedKindDefinition` returns the definition with every word people read replaced;
 * keys, values, rules and every other property stay the same objects. kind-text.test.ts fails when
 * a string of a definition has no French or the French names something the definitions do not have.
 *
 * Not covered here: text the kinds compute (rule and completeness messages, "Add a …" built from
 * itemLabel); those belong to the model's messages.
 */
import frKinds from "~/locales/fr/kinds";
import { kindDefinition, type KindRef } from "~/modules/documents/kinds/registry";
import type { DocumentKind, FieldDef, KindDefinition, Option, RichTextDef, RowFieldDef, SectionDef, SectionItem } from "~/modules/documents/model/types";
import type { Locale } from "./locales";

// ---------------------------------------------------------------------------------------------
// The shape of a translation: what a definition shows, by key (see app/locales/fr/kinds.ts).
// ---------------------------------------------------------------------------------------------

/** Option labels by option value. */
export type OptionsText = Readonly<Record<string, string>>;

/** A field, a cell of a row or a rich-text block: the properties it shows, by the same names. */
export type CellText = {
  readonly label: string;
  readonly help?: string;
  readonly placeholder?: string;
  /** The message of `pattern` (the regular expression itself is not translated). */
  readonly pattern?: string;
  readonly unit?: string;
  readonly options?: OptionsText;
};

/** Grammatical gender of a row noun, as an ICU `select` reads it ("other" for English). */
export type NounGender = "masculine" | "feminine" | "other";

export type ItemText = CellText & {
  /** A rows field's singular noun ("compétence"), as `itemLabel`. */
  readonly itemLabel?: string;
  /** Its plural and gender: French cannot build "Ajouter une compétence" / "3 compétences" from the noun alone. */
  readonly itemPlural?: string;
  readonly itemGender?: Exclude<NounGender, "other">;
  readonly emptyText?: string;
  /** The cells of a rows field, by cell key. */
  readonly fields?: Readonly<Record<string, CellText>>;
};

export type SectionText = { readonly title: string; readonly intro?: string };

/** A kind: sections by section key, items (fields and rich-text blocks of every section) by item key. */
export type KindText = {
  readonly label: string;
  readonly sections: Readonly<Record<string, SectionText>>;
  readonly items: Readonly<Record<string, ItemText>>;
};

export type KindTexts = Readonly<Record<DocumentKind, KindText>>;

/** Translations by locale; English is the definitions themselves. */
const TEXTS: Readonly<Record<Exclude<Locale, "en">, KindTexts>> = { fr: frKinds };

// ---------------------------------------------------------------------------------------------
// Localizing a definition
// ---------------------------------------------------------------------------------------------

const localized = new WeakMap<KindDefinition, Map<Locale, KindDefinition>>();

/**
 * The definition with every user-visible string in `locale`: identity for English (the same
 * object, so caches keyed on it keep working), a translated copy otherwise, made once per kind and
 * locale. A string without a translation stays English (the test keeps that from happening).
 */
export function localizedKindDefinition(kind: KindRef, locale: Locale): KindDefinition {
  const definition = kindDefinition(kind);
  if (locale === "en") return definition;
  let byLocale = localized.get(definition);
  if (!byLocale) {
    byLocale = new Map();
    localized.set(definition, byLocale);
  }
  let result = byLocale.get(locale);
  if (!result) {
    result = translateDefinition(definition, TEXTS[locale][definition.kind]);
    byLocale.set(locale, result);
  }
  return result;
}

function translateDefinition(definition: KindDefinition, text: KindText | undefined): KindDefinition {
  if (!text) return definition;
  return {
    ...definition,
    label: text.label,
    sections: definition.sections.map((section): SectionDef => {
      const sectionText = text.sections[section.key];
      return {
        ...section,
        ...(sectionText ? { title: sectionText.title } : {}),
        ...(section.intro !== undefined && sectionText?.intro !== undefined ? { intro: sectionText.intro } : {}),
        items: section.items.map((item) => translateItem(item, text.items[item.key])),
      };
    }),
  };
}

function translateItem(item: SectionItem, text: ItemText | undefined): SectionItem {
  if (!text) return item;
  const out = translateCell(item, text);
  if (out.type !== "rows" || item.type !== "rows") return out;
  return {
    ...out,
    ...(text.itemLabel !== undefined ? { itemLabel: text.itemLabel } : {}),
    ...(item.emptyText !== undefined && text.emptyText !== undefined ? { emptyText: text.emptyText } : {}),
    fields: item.fields.map((cell) => {
      const cellText = text.fields?.[cell.key];
      return cellText ? translateCell(cell, cellText) : cell;
    }),
  };
}

/** Replaces the shown properties the item has (only those: a translation adds nothing). */
function translateCell<T extends FieldDef | RichTextDef>(item: T, text: CellText): T {
  const out: Record<string, unknown> = { ...item, label: text.label };
  if (item.help !== undefined && text.help !== undefined) out.help = text.help;
  if ("placeholder" in item && item.placeholder !== undefined && text.placeholder !== undefined) out.placeholder = text.placeholder;
  if ("unit" in item && item.unit !== undefined && text.unit !== undefined) out.unit = text.unit;
  if ("pattern" in item && item.pattern && text.pattern !== undefined) out.pattern = { ...item.pattern, message: text.pattern };
  if ("options" in item && text.options) {
    const options = text.options;
    out.options = item.options.map((option): Option => (options[option.value] !== undefined ? { ...option, label: options[option.value]! } : option));
  }
  return out as T;
}

// ---------------------------------------------------------------------------------------------
// Row nouns: what "Add a …", "3 …s" and "No … yet" need beyond the singular itemLabel
// ---------------------------------------------------------------------------------------------

export type RowNoun = { singular: string; plural: string; gender: NounGender };

/**
 * A rows field's noun in `locale`, for ICU messages such as
 * "{gender, select, feminine {Ajouter une {noun}} other {Ajouter un {noun}}}". English has no gender
 * ("other") and forms its plural by rule ("body" → "bodies").
 */
export function rowNoun(kind: KindRef, fieldKey: string, locale: Locale): RowNoun | null {
  const definition = kindDefinition(kind);
  const field = findItem(definition, fieldKey);
  if (!field || field.type !== "rows") return null;
  if (locale !== "en") {
    const text = TEXTS[locale][definition.kind]?.items[fieldKey];
    if (text?.itemLabel !== undefined && text.itemPlural !== undefined && text.itemGender !== undefined) {
      return { singular: text.itemLabel, plural: text.itemPlural, gender: text.itemGender };
    }
  }
  return { singular: field.itemLabel, plural: englishPlural(field.itemLabel), gender: "other" };
}

function findItem(definition: KindDefinition, key: string): SectionItem | undefined {
  for (const section of definition.sections) {
    const item = section.items.find((candidate) => candidate.key === key && candidate.type !== "richtext");
    if (item) return item;
  }
  return undefined;
}

/** The plural of an English noun phrase's last word: enough for the kinds' row nouns. */
export function englishPlural(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

// ---------------------------------------------------------------------------------------------
// What a definition shows, as paths (for the completeness test and for translators' tools)
// ---------------------------------------------------------------------------------------------

/**
 * Every user-visible string of a definition, by its path in a KindText: "label",
 * "sections.identity.title", "items.owners.fields.role.options.issuer", "items.shortCode.pattern".
 */
export function definitionTexts(definition: KindDefinition): Map<string, string> {
  const out = new Map<string, string>();
  out.set("label", definition.label);
  for (const section of definition.sections) {
    out.set(`sections.${section.key}.title`, section.title);
    if (section.intro !== undefined) out.set(`sections.${section.key}.intro`, section.intro);
    for (const item of section.items) {
      const prefix = `items.${item.key}`;
      cellTexts(item, prefix, out);
      if (item.type === "rows") {
        out.set(`${prefix}.itemLabel`, item.itemLabel);
        if (item.emptyText !== undefined) out.set(`${prefix}.emptyText`, item.emptyText);
        for (const cell of item.fields) cellTexts(cell, `${prefix}.fields.${cell.key}`, out);
      }
    }
  }
  return out;
}

function cellTexts(item: FieldDef | RichTextDef | RowFieldDef, prefix: string, out: Map<string, string>): void {
  out.set(`${prefix}.label`, item.label);
  if (item.help !== undefined) out.set(`${prefix}.help`, item.help);
  if ("placeholder" in item && item.placeholder !== undefined) out.set(`${prefix}.placeholder`, item.placeholder);
  if ("unit" in item && item.unit !== undefined) out.set(`${prefix}.unit`, item.unit);
  if ("pattern" in item && item.pattern) out.set(`${prefix}.pattern`, item.pattern.message);
  if ("options" in item) for (const option of item.options) out.set(`${prefix}.options.${option.value}`, option.label);
}

/** The leaves of a translation, by the same paths as definitionTexts. */
export function translationTexts(text: KindText): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: object, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === "string") out.set(path, value);
      else if (value && typeof value === "object") walk(value as object, path);
    }
  };
  walk(text, "");
  return out;
}

/** The translations the app ships, by locale (English is the definitions). */
export function kindTexts(locale: Exclude<Locale, "en">): KindTexts {
  return TEXTS[locale];
}
