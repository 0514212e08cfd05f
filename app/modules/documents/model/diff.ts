import { kindIndex } from "~/modules/documents/kinds/registry";
import { jsonEqual } from "~/modules/documents/model/json";
import { makeLocator } from "~/modules/documents/model/locate";
import { diffText, type DiffOp } from "~/modules/documents/model/text-diff";
import type { CanonicalDocument, CanonicalRow, JsonValue, Location } from "~/modules/documents/model/types";
import { cellPath, isEmptyValue, rowPath, rowsOf, textPath } from "~/modules/documents/model/values";

export type FieldChange = Location & {
  /** added: was empty; removed: now empty; reordered: same rows in another order (before/after: ids). */
  change: "added" | "removed" | "changed" | "reordered";
  before: JsonValue;
  after: JsonValue;
};

export type TextChange = Location & {
  change: "added" | "removed" | "changed";
  /** Only marks or structure changed (bold, a heading level), not the words. */
  formattingOnly: boolean;
  ops: DiffOp[];
};

export type CanonicalDiff = { identical: boolean; fields: FieldChange[]; text: TextChange[] };

const rowKey = (row: CanonicalRow, position: number) => row.id ?? `#${position}`;

/**
 * What changed from `before` to `after` (two canonical forms of the same kind, any two versions):
 * per field added / removed / changed, per row added / removed and per cell of kept rows, rows
 * reordered, and per rich-text block a word-level text diff. Fields and blocks in document order.
 */
export function diffCanonical(before: CanonicalDocument, after: CanonicalDocument, options: { granularity?: "word" | "line" } = {}): CanonicalDiff {
  if (before.kind !== after.kind) throw new Error(`Cannot diff a ${before.kind} against a ${after.kind}`);
  const index = kindIndex(before.kind);
  const locateBefore = makeLocator(before.kind, before.fields);
  const locateAfter = makeLocator(before.kind, after.fields);
  const fields: FieldChange[] = [];
  const text: TextChange[] = [];
  const kindOf = (a: JsonValue, b: JsonValue): FieldChange["change"] => (isEmptyValue(a) ? "added" : isEmptyValue(b) ? "removed" : "changed");

  for (const section of index.definition.sections) {
    for (const item of section.items) {
      if (item.type === "richtext") {
        const a = before.text[item.key];
        const b = after.text[item.key];
        if (jsonEqual(a?.doc, b?.doc)) continue;
        const plainA = a?.plain ?? "";
        const plainB = b?.plain ?? "";
        text.push({
          ...locateAfter(textPath(item.key)),
          change: plainA.trim() === "" ? "added" : plainB.trim() === "" ? "removed" : "changed",
          formattingOnly: plainA === plainB,
          ops: diffText(plainA, plainB, options.granularity),
        });
        continue;
      }
      const a = before.fields[item.key] ?? null;
      const b = after.fields[item.key] ?? null;
      if (item.type !== "rows") {
        if (!jsonEqual(a, b)) fields.push({ ...locateAfter(item.key), change: kindOf(a, b), before: a, after: b });
        continue;
      }
      const rowsA = rowsOf(before.fields, item.key);
      const rowsB = rowsOf(after.fields, item.key);
      const byKeyA = new Map(rowsA.map((row, i) => [rowKey(row, i), row]));
      const keysB = new Set(rowsB.map(rowKey));
      rowsB.forEach((row, i) => {
        const key = rowKey(row, i);
        const old = byKeyA.get(key);
        if (!old) {
          fields.push({ ...locateAfter(rowPath(item.key, key)), change: "added", before: null, after: row });
          return;
        }
        for (const cell of item.fields) {
          const x = old[cell.key] ?? null;
          const y = row[cell.key] ?? null;
          if (!jsonEqual(x, y)) fields.push({ ...locateAfter(cellPath(item.key, key, cell.key)), change: kindOf(x, y), before: x, after: y });
        }
      });
      rowsA.forEach((row, i) => {
        const key = rowKey(row, i);
        if (!keysB.has(key)) fields.push({ ...locateBefore(rowPath(item.key, key)), change: "removed", before: row, after: null });
      });
      const keptA = rowsA.map(rowKey).filter((key) => keysB.has(key));
      const keptB = rowsB.map(rowKey).filter((key) => byKeyA.has(key));
      if (!jsonEqual(keptA, keptB)) fields.push({ ...locateAfter(item.key), change: "reordered", before: keptA, after: keptB });
    }
  }
  return { identical: fields.length === 0 && text.length === 0, fields, text };
}
