/**
 * Values of a diff as people read them: option labels instead of stored values, Yes/No, dollars,
 * units, rows as "Label: value" pairs. Labels come from the kind definition, so the history view
 * says what the form says.
 */
import type { TFunction } from "i18next";
import { kindIndex, parsePath, type DocumentKind, type FieldChange, type FieldDef, type JsonValue, type RowFieldDef, type TextChange } from "~/modules/documents/model";
import { formatNumber } from "~/modules/i18n/format";
import { translator } from "~/modules/i18n/i18n";
import { DEFAULT_LOCALE, type Locale } from "~/modules/i18n/locales";

export const EMPTY = "—";

/** The reader's language: the words (t) and the number formats (locale). English by default. */
export type Words = { t: TFunction; locale: Locale };
const ENGLISH: Words = { t: translator(DEFAULT_LOCALE), locale: DEFAULT_LOCALE };

function optionLabel(field: FieldDef, value: JsonValue): string {
  if ((field.type === "select" || field.type === "multiselect") && typeof value === "string") {
    return field.options.find((option) => option.value === value)?.label ?? value;
  }
  return String(value);
}

/** One value of one field (or row cell) as text; EMPTY when empty. */
export function formatValue(field: FieldDef | undefined, value: JsonValue, words: Words = ENGLISH): string {
  const { t, locale } = words;
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return EMPTY;
  if (!field) return typeof value === "string" ? value : JSON.stringify(value);
  if (Array.isArray(value)) {
    if (field.type === "coverage") return t("history.diff.tickedCells", { count: value.length });
    if (field.type === "rows") return t("history.diff.rowCount", { count: value.length, item: field.itemLabel });
    return value.map((item) => optionLabel(field, item)).join(", ");
  }
  if (typeof value === "object") {
    if (field.type !== "rows") return JSON.stringify(value);
    return field.fields
      .map((cell: RowFieldDef) => [cell.label, formatValue(cell, value[cell.key] ?? null, words)] as const)
      .filter(([, text]) => text !== EMPTY)
      .map(([label, text]) => t("history.diff.cell", { label, text }))
      .join(t("history.diff.cellSeparator")) || EMPTY;
  }
  if (typeof value === "boolean") return value ? t("history.diff.yes") : t("history.diff.no");
  if (typeof value === "number") {
    // Always with cents, as before (formatMoney drops them for whole amounts).
    if (field.type === "money_cad") return formatNumber(locale, value, { style: "currency", currency: "CAD" });
    if (field.type === "number" || field.type === "integer") return field.unit ? `${formatNumber(locale, value)} ${field.unit}` : formatNumber(locale, value);
    return String(value);
  }
  return optionLabel(field, value);
}

/** The definition describing a change's values: the field, the row's rows field, or the cell. */
export function fieldOfChange(kind: DocumentKind, change: Pick<FieldChange, "path">): FieldDef | undefined {
  const parsed = parsePath(change.path);
  if (parsed.type === "text") return undefined;
  const field = kindIndex(kind).fieldByKey.get(parsed.fieldKey)?.field;
  if (parsed.type !== "cell" || field?.type !== "rows") return field;
  return field.fields.find((cell) => cell.key === parsed.cellKey);
}


export type DiffItem = { type: "field"; change: FieldChange } | { type: "text"; change: TextChange };

/**
 * Field and text changes merged in document order and grouped by section (the diff lists fields
 * and rich text separately; people read them as the form shows them).
 */
export function groupBySection(kind: DocumentKind, diff: { fields: FieldChange[]; text: TextChange[] }, words: Words = ENGLISH): Array<{ key: string; title: string; items: DiffItem[] }> {
  const { definition } = kindIndex(kind);
  const order = new Map<string, number>();
  definition.sections.forEach((section, s) => section.items.forEach((item, i) => order.set(item.type === "richtext" ? `text:${item.key}` : item.key, s * 10_000 + i)));
  const position = (item: DiffItem) => order.get(item.type === "text" ? item.change.path : item.change.fieldKey) ?? Number.MAX_SAFE_INTEGER;
  const items: DiffItem[] = [...diff.fields.map((change) => ({ type: "field" as const, change })), ...diff.text.map((change) => ({ type: "text" as const, change }))];
  // Array.prototype.sort is stable: changes within one field keep the diff's order.
  items.sort((a, b) => position(a) - position(b));
  const groups: Array<{ key: string; title: string; items: DiffItem[] }> = [];
  for (const item of items) {
    const key = item.change.sectionKey;
    let group = groups[groups.length - 1];
    if (!group || group.key !== key) {
      group = { key, title: definition.sections.find((section) => section.key === key)?.title ?? words.t("history.diff.otherSection"), items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}

/** "2 fields changed, 1 row added, 1 text block changed". */
export function summarize(diff: { fields: FieldChange[]; text: TextChange[] }, words: Words = ENGLISH): string {
  const { t } = words;
  if (diff.fields.length === 0 && diff.text.length === 0) return t("history.diff.noDifferences");
  // Counted per noun and change, in the order first seen.
  const counts = new Map<`${"field" | "row" | "list" | "text"}.${FieldChange["change"]}`, number>();
  const bump = (label: `${"field" | "row" | "list" | "text"}.${FieldChange["change"]}`) => counts.set(label, (counts.get(label) ?? 0) + 1);
  for (const change of diff.fields) {
    const row = parsePath(change.path).type === "row";
    const noun = change.change === "reordered" ? "list" : row ? "row" : "field";
    bump(`${noun}.${change.change}`);
  }
  for (const change of diff.text) bump(`text.${change.change}`);
  return [...counts].map(([label, count]) => t(`history.diff.summary.${label}`, { count })).join(t("history.diff.summarySeparator"));
}
