import { kindIndex, type KindRef } from "~/modules/documents/kinds/registry";
import { makeLocator } from "~/modules/documents/model/locate";
import { isEmptyDoc } from "~/modules/documents/model/richtext";
import type { CanonicalDocument, CanonicalRow, CompletenessReport, MessageCode, MissingItem, ModelContext, RowsFieldDef, RuleIssue } from "~/modules/documents/model/types";
import { cellPath, isEmptyValue, isShown, rowsOf, textPath } from "~/modules/documents/model/values";

/**
 * One row's required cells and those still empty, by its (normalised, identity-stable: values.ts)
 * row object: while someone types in a rich-text block the checklist is redone a few times a
 * second, and 3,000 unchanged competency rows must not be walked each time.
 */
const rowChecks = new WeakMap<RowsFieldDef, WeakMap<object, { required: number; missing: readonly (readonly [string, string, string])[] }>>();

// The translation keys of the checklist's own messages (app/locales/*/documents.ts, "rules").
const FILL_IN = "documents.rules.fillIn";
const CHOOSE_ONE = "documents.rules.chooseOne";

function rowCompleteness(field: RowsFieldDef, row: CanonicalRow, rowId: string) {
  let cache = rowChecks.get(field);
  if (!cache) rowChecks.set(field, (cache = new WeakMap()));
  const cached = cache.get(row);
  if (cached) return cached;
  let required = 0;
  const missing: (readonly [string, string, string])[] = [];
  for (const cell of field.fields) {
    if (!cell.required || !isShown(cell.showWhen, row)) continue;
    required += 1;
    if (isEmptyValue(row[cell.key])) missing.push(cell.type === "multiselect" ? [cellPath(field.key, rowId, cell.key), "Choose at least one.", CHOOSE_ONE] : [cellPath(field.key, rowId, cell.key), "Fill this in.", FILL_IN]);
  }
  const checked = { required, missing };
  cache.set(row, checked);
  return checked;
}

/**
 * The checklist: every required item that is still empty, with the section and anchor to link to.
 * Required items are the required fields shown (a field hidden by its condition is not required),
 * the required cells of every row, rows fields' minimum counts, required rich-text blocks, and the
 * kind's own checks (e.g. each competency assessed directly).
 */
export function completeness(kind: KindRef, canonical: CanonicalDocument, context: ModelContext = {}): CompletenessReport {
  const index = kindIndex(kind);
  if (canonical.kind !== index.definition.kind) throw new Error(`A ${canonical.kind} document checked as ${index.definition.kind}`);
  const fields = canonical.fields;
  const locate = makeLocator(kind, fields);
  const missing: MissingItem[] = [];
  let required = 0;
  const miss = (path: string, message: string, code?: string, params?: MessageCode["params"]) =>
    missing.push({ ...locate(path), message, ...(code ? { code, ...(params ? { params } : {}) } : {}) });

  for (const section of index.definition.sections) {
    for (const item of section.items) {
      if (item.type === "richtext") {
        if (!item.required) continue;
        required += 1;
        const text = canonical.text[item.key];
        if (!text || isEmptyDoc(text.doc)) miss(textPath(item.key), "Write this section.", "documents.rules.writeSection");
        continue;
      }
      if (!isShown(item.showWhen, fields)) continue;
      // A matrix is complete when its kind says so (extraCompleteness), not when it is non-empty.
      if (item.type === "coverage") continue;
      if (item.type !== "rows") {
        if (!item.required) continue;
        required += 1;
        if (isEmptyValue(fields[item.key])) {
          if (item.type === "multiselect") miss(item.key, "Choose at least one.", CHOOSE_ONE);
          else miss(item.key, "Fill this in.", FILL_IN);
        }
        continue;
      }
      const rows = rowsOf(fields, item.key);
      const minRows = item.minRows ?? (item.required ? 1 : 0);
      if (minRows > 0) {
        required += 1;
        if (rows.length < minRows) {
          if (minRows === 1) miss(item.key, `Add a ${item.itemLabel}.`, "documents.rules.addOne", { rowField: item.key });
          else miss(item.key, `Add at least ${minRows} entries (${rows.length} so far).`, "documents.rules.addAtLeast", { min: minRows, count: rows.length });
        }
      }
      for (const row of rows) {
        if (!row.id) continue;
        const checked = rowCompleteness(item, row, row.id);
        required += checked.required;
        for (const [path, message, code] of checked.missing) miss(path, message, code);
      }
    }
  }

  if (index.definition.extraCompleteness) {
    const extra = index.definition.extraCompleteness(canonical, context);
    required += extra.required;
    for (const issue of extra.missing as RuleIssue[]) miss(issue.path, issue.message, issue.code, issue.params);
  }

  // Checklist in document order: the kind's extra items belong to their section, not the end.
  const order = new Map(index.definition.sections.map((section, position) => [section.key, position]));
  missing.sort((a, b) => (order.get(a.sectionKey) ?? 0) - (order.get(b.sectionKey) ?? 0));

  const filled = Math.max(0, required - missing.length);
  const percent = required === 0 ? 100 : Math.floor((filled / required) * 100);
  return { required, filled, missing, percent };
}
