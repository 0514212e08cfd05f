import { kindIndex, type KindRef } from "~/modules/documents/kinds/registry";
import { isPlainObject } from "~/modules/documents/model/json";
import { makeLocator } from "~/modules/documents/model/locate";
import type { CanonicalFields, FieldDef, FieldIssue, JsonValue, ModelContext, RowFieldDef, RowsFieldDef, RuleIssue } from "~/modules/documents/model/types";
import { cellPath, isShown, normaliseField } from "~/modules/documents/model/values";
import { isIsoDate } from "~/utils/dates";

/**
 * Validation of values that are present (missing required values are the checklist's business,
 * see completeness.ts). Runs live on every change and again when the projection is saved; each
 * issue names its path, so the UI shows it inline next to the input holding the invalid value.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function formatNumber(n: number): string {
  return n.toLocaleString("en-CA");
}

function describeRange(field: { min?: number; max?: number; unit?: string; type: string }, n: number): string | null {
  const money = field.type === "money_cad";
  // "1 hour", "2 hours": units are written in the plural in the definitions.
  const unit = (v: number) => (field.unit ? ` ${v === 1 ? field.unit.replace(/s$/, "") : field.unit}` : "");
  const show = (v: number) => (money ? `$${formatNumber(v)}` : `${formatNumber(v)}${unit(v)}`);
  if (field.min !== undefined && n < field.min) return `Must be at least ${show(field.min)}.`;
  if (field.max !== undefined && n > field.max) return `Must be at most ${show(field.max)}.`;
  return null;
}

/** The problem with one normalised value (null: fine or empty). Use it for live inline checks. */
export function checkValue(field: RowFieldDef, value: JsonValue): string | null {
  if (value === null) return null;
  switch (field.type) {
    case "text":
    case "longtext": {
      if (typeof value !== "string") return "This value could not be read as text; enter it again.";
      if (field.maxLength !== undefined && value.length > field.maxLength) return `Too long: ${value.length} characters, at most ${field.maxLength}.`;
      if (field.pattern && !new RegExp(field.pattern.source).test(value)) return field.pattern.message;
      return null;
    }
    case "number":
    case "integer":
    case "money_cad": {
      if (typeof value !== "number") {
        const shown = typeof value === "string" ? `“${value}” is not a number. ` : "";
        if (field.type === "integer") return `${shown}Enter a whole number, e.g. 120.`;
        if (field.type === "money_cad") return `${shown}Enter an amount in dollars, e.g. 1450 or 1450.50.`;
        return `${shown}Enter a number, e.g. 12.5.`;
      }
      if (field.type === "integer" && !Number.isInteger(value)) return "Enter a whole number.";
      if (field.type === "money_cad" && Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) return "Use at most two decimals (cents).";
      return describeRange(field, value);
    }
    case "date": {
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return "Enter a date as YYYY-MM-DD, e.g. 2027-01-11.";
      if (!isIsoDate(value)) return "This date does not exist.";
      const year = Number(value.slice(0, 4));
      if (year < 1900 || year > 2100) return "Check the year.";
      return null;
    }
    case "select":
      if (typeof value !== "string") return "Choose from the list.";
      return field.options.some((o) => o.value === value) ? null : `“${value}” is not one of the choices.`;
    case "multiselect": {
      if (!Array.isArray(value)) return "Choose from the list.";
      const unknown = value.filter((v) => typeof v !== "string" || !field.options.some((o) => o.value === v));
      return unknown.length ? `Not among the choices: ${unknown.map((v) => `“${String(v)}”`).join(", ")}.` : null;
    }
    case "boolean":
      return typeof value === "boolean" ? null : "Answer yes or no.";
    case "url": {
      if (typeof value !== "string") return "Enter a web address.";
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:" ? null : "Enter a web address starting with https://";
      } catch {
        return "Enter a full web address, starting with https://";
      }
    }
    case "email":
      return typeof value === "string" && EMAIL.test(value) ? null : "Enter an email address like name@example.org.";
    case "document":
    case "competency":
      return typeof value === "string" ? null : "Choose from the list.";
  }
}

/**
 * Every issue of the fields, keyed by path in each issue (`title`, `competencies.<rowId>.level`):
 * type and range checks per value, row integrity, and the kind's own rules (dates in order, codes
 * of the right shape…). Accepts stored fields (readFields) or canonical fields: both are
 * normalised first.
 */
export function validateFields(kind: KindRef, fields: Record<string, JsonValue>, context: ModelContext = {}): FieldIssue[] {
  const index = kindIndex(kind);
  const normalised: CanonicalFields = {};
  for (const field of index.fields) normalised[field.key] = normaliseField(field, fields[field.key]);

  const raw: RuleIssue[] = [];
  const push = (path: string, message: string | null) => {
    if (message) raw.push({ path, severity: "error", message });
  };
  for (const field of index.fields) {
    if (!isShown(field.showWhen, normalised)) continue;
    checkField(field, fields[field.key], normalised[field.key] ?? null, push);
  }
  if (index.definition.rules) raw.push(...index.definition.rules(normalised, context));

  const locate = makeLocator(kind, normalised);
  return raw.map((issue) => ({ ...locate(issue.path), severity: issue.severity, message: issue.message, ...(issue.code ? { code: issue.code, params: issue.params } : {}) }));
}

function checkField(field: FieldDef, stored: JsonValue | undefined, value: JsonValue, push: (path: string, message: string | null) => void): void {
  // The matrix's rules (gaps, soft evidence only) are the kind's: kinds/assessment-plan.ts.
  if (field.type === "coverage") return;
  if (field.type !== "rows") {
    push(field.key, checkValue(field, value));
    return;
  }
  if (stored !== undefined && stored !== null && !Array.isArray(stored)) {
    push(field.key, "This list could not be read.");
    return;
  }
  const rows = Array.isArray(value) ? value : [];
  if (field.maxRows !== undefined && rows.length > field.maxRows) push(field.key, `At most ${field.maxRows} ${field.itemLabel} entries.`);
  const seen = new Set<string>();
  let withoutId = 0;
  for (const row of rows) {
    if (!isPlainObject(row)) continue;
    const id = typeof row.id === "string" ? row.id : null;
    if (id === null) {
      withoutId += 1;
      continue;
    }
    if (seen.has(id)) {
      push(field.key, `Two ${field.itemLabel} entries share the id ${id}; remove one of them.`);
      continue;
    }
    seen.add(id);
    for (const [path, message] of rowProblems(field, id, row as Record<string, JsonValue>)) push(path, message);
  }
  if (withoutId > 0) push(field.key, `${withoutId} ${field.itemLabel} ${withoutId === 1 ? "entry has" : "entries have"} no id and cannot be edited; add them again.`);
}

/**
 * One row's cell problems, by its (normalised, identity-stable: values.ts) row object: re-checking
 * 3,000 unchanged rows on every keystroke is what made a big specification slow to type in.
 */
const rowProblemsCache = new WeakMap<RowsFieldDef, WeakMap<object, readonly (readonly [string, string])[]>>();

function rowProblems(field: RowsFieldDef, id: string, cells: Record<string, JsonValue>): readonly (readonly [string, string])[] {
  let cache = rowProblemsCache.get(field);
  if (!cache) rowProblemsCache.set(field, (cache = new WeakMap()));
  const cached = cache.get(cells);
  if (cached) return cached;
  const problems: (readonly [string, string])[] = [];
  for (const cell of field.fields) {
    if (!isShown(cell.showWhen, cells)) continue;
    const message = checkValue(cell, cells[cell.key] ?? null);
    if (message) problems.push([cellPath(field.key, id, cell.key), message]);
  }
  cache.set(cells, problems);
  return problems;
}

/** Issues grouped by path, for showing them next to inputs. */
export function issuesByPath(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const map = new Map<string, FieldIssue[]>();
  for (const issue of issues) {
    const list = map.get(issue.path);
    if (list) list.push(issue);
    else map.set(issue.path, [issue]);
  }
  return map;
}
