import { kindIndex, type KindRef } from "~/modules/documents/kinds/registry";
import type { CanonicalFields, CanonicalRow, Location, RowsFieldDef } from "~/modules/documents/model/types";
import { anchorFor, asString, parsePath, rowsOf } from "~/modules/documents/model/values";

const SEP = " › ";

/** How a row is named for people: its title cells joined, else its position ("row 3"). */
export function rowTitle(rows: RowsFieldDef, row: CanonicalRow | undefined, position: number | undefined): string {
  const parts = row ? rows.titleFields.map((key) => asString(row[key])).filter((v): v is string => v !== null) : [];
  if (parts.length) {
    const title = parts.join(" ");
    if (title.length <= 60) return title;
    const cut = title.slice(0, 58);
    // Cut at a word boundary so that a long title reads as words, not "clima…".
    return `${cut.slice(0, cut.lastIndexOf(" ") > 20 ? cut.lastIndexOf(" ") : 58)}…`;
  }
  return position !== undefined ? `${rows.itemLabel} ${position + 1}` : rows.itemLabel;
}

/**
 * Turns paths into locations (section, field, human label, anchor). Row lookups are indexed once
 * per locator, so labelling thousands of issues stays linear.
 */
export function makeLocator(kind: KindRef, fields: CanonicalFields): (path: string) => Location {
  const index = kindIndex(kind);
  const rowIndex = new Map<string, Map<string, { row: CanonicalRow; position: number }>>();
  const rowsById = (key: string) => {
    let map = rowIndex.get(key);
    if (!map) {
      map = new Map();
      rowsOf(fields, key).forEach((row, position) => {
        if (row.id && !map!.has(row.id)) map!.set(row.id, { row, position });
      });
      rowIndex.set(key, map);
    }
    return map;
  };
  return (path: string): Location => {
    const parsed = parsePath(path);
    const anchor = anchorFor(path);
    if (parsed.type === "text") {
      const entry = index.textByKey.get(parsed.textKey);
      return { path, sectionKey: entry?.section.key ?? "", fieldKey: path, label: entry?.text.label ?? parsed.textKey, anchor };
    }
    const entry = index.fieldByKey.get(parsed.fieldKey);
    const sectionKey = entry?.section.key ?? "";
    const label = entry?.field.label ?? parsed.fieldKey;
    if (parsed.type === "field" || !entry || entry.field.type !== "rows") return { path, sectionKey, fieldKey: parsed.fieldKey, label, anchor };
    const found = rowsById(parsed.fieldKey).get(parsed.rowId);
    const rowName = rowTitle(entry.field, found?.row, found?.position);
    if (parsed.type === "row") return { path, sectionKey, fieldKey: parsed.fieldKey, rowId: parsed.rowId, label: label + SEP + rowName, anchor };
    const cellLabel = entry.field.fields.find((f) => f.key === parsed.cellKey)?.label ?? parsed.cellKey;
    return { path, sectionKey, fieldKey: parsed.fieldKey, rowId: parsed.rowId, cellKey: parsed.cellKey, label: label + SEP + rowName + SEP + cellLabel, anchor };
  };
}
