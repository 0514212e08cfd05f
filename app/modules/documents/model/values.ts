import { isPlainObject } from "~/modules/documents/model/json";
import { normaliseCoverage } from "~/modules/documents/model/coverage-cells";
import type { CanonicalRow, Condition, FieldDef, JsonValue, MultiselectFieldDef, RowFieldDef, RowsFieldDef } from "~/modules/documents/model/types";
import { isIsoDate } from "~/utils/dates";

/**
 * Value normalisation, shared by the canonical form (what is hashed) and the input parser (what
 * the UI writes). The rule that matters: a value that cannot be read as its type is KEPT as the
 * text the person typed, so everyone sees it and validation flags it — it is never dropped or
 * silently turned into something else.
 */

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// "1,450" or "1,450.50": thousands separators as people type them in English Canada.
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number from what a person typed, or null when it is not one. Money may carry "$" and commas. */
export function parseNumberText(text: string, type: "number" | "integer" | "money_cad"): number | null {
  let s = text.trim().replace(/\s+/g, "");
  if (type === "money_cad") s = s.replace(/^\$/, "").replace(/^CA\$/i, "").replace(/CAD$/i, "");
  if (GROUPED.test(s)) s = s.replace(/,/g, "");
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? (n === 0 ? 0 : n) : null;
}

function normaliseText(value: JsonValue | undefined, multiline: boolean): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return value;
  let s = value.normalize("NFC");
  if (multiline) s = s.replace(/\r\n?/g, "\n");
  s = s.trim();
  return s === "" ? null : s;
}

/** Options first in the order the definition lists them, then unknown values alphabetically. */
function normaliseMultiselect(field: MultiselectFieldDef, value: JsonValue | undefined): JsonValue {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return value;
  const chosen = new Set<string>();
  const odd: JsonValue[] = [];
  for (const item of value) {
    if (typeof item === "string" && item.trim() !== "") chosen.add(item.trim());
    else if (item !== null) odd.push(item);
  }
  const known = field.options.map((o) => o.value).filter((v) => chosen.has(v));
  const unknown = [...chosen].filter((v) => !field.options.some((o) => o.value === v)).sort();
  return [...known, ...unknown, ...odd];
}

export function normaliseCell(field: RowFieldDef, value: JsonValue | undefined): JsonValue {
  switch (field.type) {
    case "text":
    case "url":
    case "email":
    case "select":
    case "document":
    case "competency":
      return normaliseText(value, false);
    case "longtext":
      return normaliseText(value, true);
    case "number":
    case "integer":
    case "money_cad": {
      if (value === undefined || value === null) return null;
      if (typeof value === "number") return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
      if (typeof value !== "string") return value;
      if (value.trim() === "") return null;
      return parseNumberText(value, field.type) ?? value.trim();
    }
    case "date":
      return normaliseText(value, false);
    case "boolean":
      return value === undefined ? null : value;
    case "multiselect":
      return normaliseMultiselect(field, value);
  }
}

/**
 * Normalised rows by the stored row object they came from, per rows field. The live page keeps an
 * unchanged row's object from one change to the next (components/document/live-fields.ts), so a
 * keystroke in one row of 3,000 normalises one row. Normalised rows are never mutated.
 */
const normalisedRows = new WeakMap<RowsFieldDef, WeakMap<object, CanonicalRow>>();

function normaliseRow(field: RowsFieldDef, cells: Record<string, JsonValue>): CanonicalRow {
  let cache = normalisedRows.get(field);
  if (!cache) normalisedRows.set(field, (cache = new WeakMap()));
  const cached = cache.get(cells);
  if (cached) return cached;
  const id = typeof cells.id === "string" && cells.id !== "" ? cells.id : null;
  const row: CanonicalRow = { id };
  for (const cell of field.fields) row[cell.key] = normaliseCell(cell, cells[cell.key]);
  cache.set(cells, row);
  return row;
}

export function normaliseRows(field: RowsFieldDef, value: JsonValue | undefined): CanonicalRow[] {
  if (!Array.isArray(value)) return [];
  const rows: CanonicalRow[] = [];
  for (const raw of value) {
    // Rows are written by addRow() as maps; anything else is not a row a person could have made.
    if (!isPlainObject(raw)) continue;
    rows.push(normaliseRow(field, raw as Record<string, JsonValue>));
  }
  return rows;
}

/**
 * Normalised matrices by the stored object they came from: the live page keeps the matrix's object
 * while it does not change, so a keystroke elsewhere does not re-sort 30,000 ticked keys.
 */
const normalisedCoverage = new WeakMap<object, string[]>();

export function normaliseField(field: FieldDef, value: JsonValue | undefined): JsonValue {
  if (field.type === "coverage") {
    if (value === null || typeof value !== "object") return normaliseCoverage(value);
    let cached = normalisedCoverage.get(value);
    if (!cached) normalisedCoverage.set(value, (cached = normaliseCoverage(value)));
    return cached;
  }
  return field.type === "rows" ? normaliseRows(field, value) : normaliseCell(field, value);
}

/** Empty for the checklist: null, "", an empty list. `false` is an answer, not empty. */
export function isEmptyValue(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function isShown(condition: Condition | undefined, siblings: Record<string, JsonValue | undefined>): boolean {
  if (!condition) return true;
  const value = siblings[condition.field] ?? null;
  return condition.in.some((expected) => expected === value);
}

/**
 * What to store for a value coming from an input. Strings are parsed for numbers (and kept as typed
 * when they are not numbers); "" clears the field (null); multiselects take the chosen values.
 */
export function parseInput(field: RowFieldDef, input: string | boolean | readonly string[] | number | null): JsonValue {
  if (input === null) return field.type === "multiselect" ? [] : null;
  if (field.type === "multiselect") return Array.isArray(input) ? [...input] : typeof input === "string" ? [input] : [];
  if (field.type === "boolean") {
    if (typeof input === "boolean") return input;
    if (input === "true") return true;
    if (input === "false") return false;
    return input === "" ? null : (input as string);
  }
  if (Array.isArray(input)) return input.join(", ");
  return normaliseCell(field, input as string | number | boolean);
}

// ---------------------------------------------------------------------------------------------
// Paths and anchors. Paths name a value (`title`, `competencies.<rowId>.level`, `text:purpose`);
// anchors are the element ids the UI gives to sections and inputs, for checklist links.
// ---------------------------------------------------------------------------------------------

export const TEXT_PATH_PREFIX = "text:";

export function rowPath(rowsKey: string, rowId: string): string {
  return `${rowsKey}.${rowId}`;
}
export function cellPath(rowsKey: string, rowId: string, cellKey: string): string {
  return `${rowsKey}.${rowId}.${cellKey}`;
}
export function textPath(textKey: string): string {
  return `${TEXT_PATH_PREFIX}${textKey}`;
}

export type ParsedPath =
  | { type: "field"; fieldKey: string }
  | { type: "row"; fieldKey: string; rowId: string }
  | { type: "cell"; fieldKey: string; rowId: string; cellKey: string }
  | { type: "text"; textKey: string };

export function parsePath(path: string): ParsedPath {
  if (path.startsWith(TEXT_PATH_PREFIX)) return { type: "text", textKey: path.slice(TEXT_PATH_PREFIX.length) };
  const [fieldKey = "", rowId, cellKey] = path.split(".");
  if (rowId === undefined) return { type: "field", fieldKey };
  if (cellKey === undefined) return { type: "row", fieldKey, rowId };
  return { type: "cell", fieldKey, rowId, cellKey };
}

/** `id` of the element holding a value: `field-title`, `field-competencies-k3x9-level`, `field-text-purpose`. */
export function anchorFor(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

export function sectionAnchor(sectionKey: string): string {
  return `section-${sectionKey}`;
}

// ---------------------------------------------------------------------------------------------
// Reading canonical values in kind rules, without casts at every call.
// ---------------------------------------------------------------------------------------------

export function rowsOf(fields: Record<string, JsonValue>, key: string): CanonicalRow[] {
  const value = fields[key];
  return Array.isArray(value) ? (value.filter(isPlainObject) as CanonicalRow[]) : [];
}
export function asString(value: JsonValue | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
export function asNumber(value: JsonValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
export function asBoolean(value: JsonValue | undefined): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/** A valid ISO date, or null: ISO dates compare correctly as strings. */
export function asDate(value: JsonValue | undefined): string | null {
  return isIsoDate(value) ? value : null;
}
/** Whole days from a to b (both valid ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
