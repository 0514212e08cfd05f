import * as Y from "yjs";
import { DOCUMENT_KINDS } from "~/modules/permissions/roles";
import { kindIndex, rowsField, type KindRef } from "~/modules/documents/kinds/registry";
import { clearCoverageColumns, writeCoverage } from "~/modules/documents/model/coverage-cells";
import { jsonEqual } from "~/modules/documents/model/json";
import { readFragment, writeFragment } from "~/modules/documents/model/richtext";
import type { CoverageFieldDef, DocumentKind, FieldDef, JsonValue, ProseMirrorJSON, RowFieldDef, RowsFieldDef } from "~/modules/documents/model/types";
import { parsePath } from "~/modules/documents/model/values";

/**
 * The Y.Doc layout of every document (see index.ts for the contract in one place):
 *
 *   ydoc.getMap("meta")         kind: DocumentKind, layout: 1
 *   ydoc.getMap("fields")       key → value for every structured field
 *     scalar fields             plain JSON value (string | number | boolean | null); absent = empty
 *     multiselect fields        Y.Array<string>
 *     rows fields               Y.Array<Y.Map>, each map { id: string, <cellKey>: value, … }
 *                               (multiselect cells are Y.Array<string> too)
 *     coverage fields           Y.Map keyed "<rowId>|<competencyId>" → true (model/coverage-cells.ts)
 *   ydoc.getXmlFragment("text:<key>")   one per rich-text block, as y-prosemirror writes it
 *
 * Why these shapes merge well: a Y.Map key is last-writer-wins, so two people editing different
 * fields — or different cells of the same row — never overwrite each other; each row is its own
 * Y.Map with a stable id, so inserting, deleting and editing rows concurrently merges instead of
 * replacing the whole list. Multiselects are Y.Arrays so that one person ticking "French" while
 * another ticks "English" keeps both (a JSON array would be last-writer-wins as a whole).
 *
 * The nested Y.Arrays must exist BEFORE people edit: if two clients each created the array for
 * the same key, one array (and whatever was written into it) would lose the last-writer-wins race.
 * So newDocumentFromTemplate() creates them all, and ensureLayout() repairs a document that
 * predates the template — call it in ONE place (the server, before anyone edits), never per client.
 */

export const META_MAP = "meta";
export const FIELDS_MAP = "fields";
export const TEXT_FRAGMENT_PREFIX = "text:";
export const LAYOUT_VERSION = 1;

export type YRow = Y.Map<unknown>;

export function textFragmentName(textKey: string): string {
  return `${TEXT_FRAGMENT_PREFIX}${textKey}`;
}
export function fieldsMap(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap(FIELDS_MAP);
}
export function textFragment(ydoc: Y.Doc, textKey: string): Y.XmlFragment {
  return ydoc.getXmlFragment(textFragmentName(textKey));
}

/** The kind recorded in the document by the template, or null for a document without one. */
export function documentKindOf(ydoc: Y.Doc): DocumentKind | null {
  const kind = ydoc.getMap(META_MAP).get("kind");
  return typeof kind === "string" && (DOCUMENT_KINDS as readonly string[]).includes(kind) ? (kind as DocumentKind) : null;
}

/**
 * Plain JSON of the fields map (nested Y types converted), as stored: not normalised. `except`:
 * fields not to read at all (a page leaves a big document's table and matrix to the socket).
 */
export function readFields(ydoc: Y.Doc, except?: ReadonlySet<string>): Record<string, JsonValue> {
  if (!except || except.size === 0) return fieldsMap(ydoc).toJSON() as Record<string, JsonValue>;
  const fields: Record<string, JsonValue> = {};
  for (const [key, value] of fieldsMap(ydoc).entries()) {
    if (except.has(key)) continue;
    fields[key] = (value instanceof Y.AbstractType ? value.toJSON() : value) as JsonValue;
  }
  return fields;
}

export function readText(ydoc: Y.Doc, textKey: string): ProseMirrorJSON {
  return readFragment(textFragment(ydoc, textKey));
}

/** Replaces a rich-text block's content (demo builders, imports; the editor writes through Tiptap). */
export function writeText(ydoc: Y.Doc, textKey: string, doc: ProseMirrorJSON): void {
  writeFragment(textFragment(ydoc, textKey), doc);
}

function toYArray(values: readonly JsonValue[]): Y.Array<JsonValue> {
  const array = new Y.Array<JsonValue>();
  if (values.length) array.push([...values]);
  return array;
}

function initialCell(field: RowFieldDef): unknown {
  if (field.type === "multiselect") return new Y.Array<string>();
  return field.initial ?? undefined;
}

/**
 * Creates what the layout needs and is missing: meta, a Y.Array for every rows and multiselect
 * field (keeping a JSON array's values when one is found there), and the Y.Arrays of multiselect
 * cells in existing rows. Returns true when it wrote anything. See the note at the top of this file
 * on why it must run in one place only.
 */
export function ensureLayout(ydoc: Y.Doc, kind: KindRef): boolean {
  const index = kindIndex(kind);
  let wrote = false;
  ydoc.transact(() => {
    const meta = ydoc.getMap(META_MAP);
    if (meta.get("kind") !== index.definition.kind) {
      meta.set("kind", index.definition.kind);
      wrote = true;
    }
    if (meta.get("layout") !== LAYOUT_VERSION) {
      meta.set("layout", LAYOUT_VERSION);
      wrote = true;
    }
    const fields = fieldsMap(ydoc);
    for (const field of index.fields) {
      const current = fields.get(field.key);
      if (field.type === "coverage") {
        if (!(current instanceof Y.Map)) {
          const map = new Y.Map<unknown>();
          fields.set(field.key, map);
          // A plain object found there (an import) keeps its ticks.
          if (current !== null && typeof current === "object" && !Array.isArray(current)) {
            for (const [key, ticked] of Object.entries(current as Record<string, unknown>)) if (ticked === true) map.set(key, true);
          }
          wrote = true;
        }
        continue;
      }
      if (field.type === "rows" || field.type === "multiselect") {
        if (!(current instanceof Y.Array)) {
          fields.set(field.key, toYArray(Array.isArray(current) ? (current as JsonValue[]) : []));
          wrote = true;
        }
        if (field.type === "rows") {
          for (const row of (fields.get(field.key) as Y.Array<unknown>).toArray()) {
            if (!(row instanceof Y.Map)) continue;
            for (const cell of field.fields) {
              if (cell.type !== "multiselect" || row.get(cell.key) instanceof Y.Array) continue;
              const value = row.get(cell.key);
              row.set(cell.key, toYArray(Array.isArray(value) ? (value as JsonValue[]) : []));
              wrote = true;
            }
          }
        }
      }
    }
  });
  return wrote;
}

/** Initial values of top-level fields (template). */
export function applyInitialValues(ydoc: Y.Doc, kind: KindRef): void {
  const fields = fieldsMap(ydoc);
  ydoc.transact(() => {
    for (const field of kindIndex(kind).fields) {
      if (field.type !== "rows" && field.type !== "multiselect" && field.type !== "coverage" && field.initial !== undefined && !fields.has(field.key)) fields.set(field.key, field.initial);
    }
  });
}

/** A short random row id: base36, no dots (ids are path segments), unique within a document. */
export function newRowId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  let id = "";
  for (const byte of bytes) id += (byte % 36).toString(36);
  return `r${id}`;
}

function rowsArray(ydoc: Y.Doc, rowsKey: string): Y.Array<unknown> {
  const current = fieldsMap(ydoc).get(rowsKey);
  if (current instanceof Y.Array) return current;
  // Only reached for a document that skipped the template and ensureLayout (see the note on top).
  const array = new Y.Array<unknown>();
  fieldsMap(ydoc).set(rowsKey, array);
  return array;
}

function findRow(array: Y.Array<unknown>, rowId: string): { row: YRow; index: number } | null {
  let index = 0;
  for (const item of array) {
    if (item instanceof Y.Map && item.get("id") === rowId) return { row: item, index };
    index += 1;
  }
  return null;
}

/** The Y.Map of one row, for binding inputs or observing it; null when the row is gone. */
export function rowMap(ydoc: Y.Doc, rowsKey: string, rowId: string): YRow | null {
  const array = fieldsMap(ydoc).get(rowsKey);
  return array instanceof Y.Array ? (findRow(array, rowId)?.row ?? null) : null;
}

/**
 * Makes a Y.Array<string> hold exactly `values` by deleting and inserting single items — never by
 * replacing the array — so that a concurrent tick of another option by someone else survives.
 */
function applyMultiselect(array: Y.Array<unknown>, values: readonly JsonValue[]): void {
  const wanted = new Set(values.filter((v): v is string => typeof v === "string"));
  const seen = new Set<string>();
  const items = array.toArray();
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i];
    // Walking backwards, the FIRST occurrence of a value is the one kept when there are duplicates.
    const keepable = typeof item === "string" && wanted.has(item) && items.indexOf(item) === i;
    if (!keepable) array.delete(i, 1);
    else seen.add(item);
  }
  const missing = [...wanted].filter((v) => !seen.has(v));
  if (missing.length) array.push(missing);
}

function setOn(target: Y.Map<unknown>, field: FieldDef, value: JsonValue): void {
  if (field.type === "rows") throw new Error(`"${field.key}" is a list of rows: use addRow, removeRow and setValue on its cells`);
  if (field.type === "coverage") throw new Error(`"${field.key}" is a coverage matrix: use setCoverage`);
  if (field.type === "multiselect") {
    const current = target.get(field.key);
    const values = Array.isArray(value) ? value : value === null ? [] : [value];
    if (current instanceof Y.Array) applyMultiselect(current, values);
    else target.set(field.key, toYArray(values));
    return;
  }
  if (Array.isArray(value) || (value !== null && typeof value === "object")) throw new Error(`"${field.key}" holds a single value`);
  const current = target.get(field.key);
  // Writing an equal value would still broadcast an update and bump the document's history.
  if (current === value || (current === undefined && value === null)) return;
  if (value === null) target.delete(field.key);
  else target.set(field.key, value);
}

/**
 * Sets one value by path: `shortCode`, `languages` (an array for a multiselect) or
 * `competencies.<rowId>.level`. Store what parseInput() returns for the person's input, so an
 * invalid number stays visible as typed. `origin` is passed to the Yjs transaction.
 */
export function setValue(ydoc: Y.Doc, kind: KindRef, path: string, value: JsonValue, origin?: unknown): void {
  const index = kindIndex(kind);
  const parsed = parsePath(path);
  ydoc.transact(() => {
    if (parsed.type === "field") {
      const entry = index.fieldByKey.get(parsed.fieldKey);
      if (!entry) throw new Error(`${index.definition.kind} has no field "${parsed.fieldKey}"`);
      setOn(fieldsMap(ydoc), entry.field, value);
    } else if (parsed.type === "cell") {
      const rows = rowsField(kind, parsed.fieldKey);
      const cell = rows.fields.find((f) => f.key === parsed.cellKey);
      if (!cell) throw new Error(`${rows.label} rows have no cell "${parsed.cellKey}"`);
      const found = findRow(rowsArray(ydoc, rows.key), parsed.rowId);
      // The row was deleted by someone else meanwhile: the edit has nowhere to go.
      if (!found) throw new RowNotFoundError(rows.key, parsed.rowId);
      setOn(found.row, cell, value);
    } else {
      throw new Error(`Cannot set "${path}": use setValue for fields and cells, the editor for rich text`);
    }
  }, origin);
}

export class RowNotFoundError extends Error {
  constructor(
    readonly rowsKey: string,
    readonly rowId: string,
  ) {
    super(`Row ${rowId} of ${rowsKey} no longer exists`);
    this.name = "RowNotFoundError";
  }
}

function buildRow(rows: RowsFieldDef, id: string, values: Record<string, JsonValue>): YRow {
  const row = new Y.Map<unknown>();
  row.set("id", id);
  for (const cell of rows.fields) {
    const given = values[cell.key];
    if (cell.type === "multiselect") row.set(cell.key, toYArray(Array.isArray(given) ? given : given == null ? [] : [given]));
    else if (given !== undefined && given !== null) row.set(cell.key, given);
    else if (initialCell(cell) !== undefined) row.set(cell.key, initialCell(cell));
  }
  return row;
}

/** Appends (or inserts at `index`) a row with a fresh id; returns the id. */
export function addRow(
  ydoc: Y.Doc,
  kind: KindRef,
  rowsKey: string,
  values: Record<string, JsonValue> = {},
  options: { id?: string; index?: number; origin?: unknown } = {},
): string {
  const rows = rowsField(kind, rowsKey);
  const id = options.id ?? newRowId();
  if (id.includes(".")) throw new Error("Row ids cannot contain dots: they are path segments");
  ydoc.transact(() => {
    const array = rowsArray(ydoc, rowsKey);
    const row = buildRow(rows, id, values);
    if (options.index === undefined || options.index >= array.length) array.push([row]);
    else array.insert(Math.max(0, options.index), [row]);
  }, options.origin);
  return id;
}

/** Appends many rows in one transaction (imports, demo, the assessment-plan sync). */
export function addRows(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rows: readonly (Record<string, JsonValue> & { id?: string })[], origin?: unknown): string[] {
  const definition = rowsField(kind, rowsKey);
  const ids = rows.map((values) => values.id ?? newRowId());
  ydoc.transact(() => {
    rowsArray(ydoc, rowsKey).push(rows.map((values, i) => buildRow(definition, ids[i]!, values)));
  }, origin);
  return ids;
}

export function removeRow(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rowId: string, origin?: unknown): boolean {
  rowsField(kind, rowsKey);
  let removed = false;
  ydoc.transact(() => {
    const found = findRow(rowsArray(ydoc, rowsKey), rowId);
    if (found) {
      rowsArray(ydoc, rowsKey).delete(found.index, 1);
      clearCellsOfColumns(ydoc, kind, rowsKey, new Set([rowId]));
      removed = true;
    }
  }, origin);
  return removed;
}

/** A removed row takes its coverage cells with it (an assessment's ticks mean nothing without it). */
function clearCellsOfColumns(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rowIds: ReadonlySet<string>): void {
  for (const field of coverageFieldsOf(kind)) {
    if (field.columnsFrom !== rowsKey) continue;
    const map = fieldsMap(ydoc).get(field.key);
    if (map instanceof Y.Map) clearCoverageColumns(map, rowIds);
  }
}

function coverageFieldsOf(kind: KindRef): CoverageFieldDef[] {
  return kindIndex(kind).fields.filter((field): field is CoverageFieldDef => field.type === "coverage");
}

/** The live cells of a coverage field; null before the layout has it. */
export function coverageMap(ydoc: Y.Doc, fieldKey: string): Y.Map<unknown> | null {
  const map = fieldsMap(ydoc).get(fieldKey);
  return map instanceof Y.Map ? map : null;
}

/**
 * Ticks (or unticks) one assessment's cells for many competencies in one transaction: one
 * person's single update, however many cells ("map this branch to that assessment"). Returns how
 * many cells changed; 0 when the assessment is gone (someone removed it meanwhile).
 */
export function setCoverage(
  ydoc: Y.Doc,
  kind: KindRef,
  fieldKey: string,
  columnId: string,
  competencyIds: Iterable<string>,
  ticked: boolean,
  origin?: unknown,
): number {
  const field = coverageFieldsOf(kind).find((f) => f.key === fieldKey);
  if (!field) throw new Error(`${kindIndex(kind).definition.kind} has no coverage field "${fieldKey}"`);
  let changed = 0;
  ydoc.transact(() => {
    if (ticked && !findRow(rowsArray(ydoc, field.columnsFrom), columnId)) return;
    let map = coverageMap(ydoc, fieldKey);
    if (!map) {
      // Only reached for a document that skipped the template and ensureLayout.
      map = new Y.Map<unknown>();
      fieldsMap(ydoc).set(fieldKey, map);
    }
    changed = writeCoverage(map, columnId, competencyIds, ticked);
  }, origin);
  return changed;
}

/**
 * Sets one cell on many rows in one transaction, finding the rows in one pass (a bulk action over
 * 3,000 rows must not search the list once per row). Rows gone meanwhile are skipped; returns how
 * many rows it reached.
 */
export function setCellOnRows(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rowIds: readonly string[], cellKey: string, value: JsonValue, origin?: unknown): number {
  const rows = rowsField(kind, rowsKey);
  const cell = rows.fields.find((f) => f.key === cellKey);
  if (!cell) throw new Error(`${rows.label} rows have no cell "${cellKey}"`);
  const wanted = new Set(rowIds);
  let reached = 0;
  ydoc.transact(() => {
    for (const item of rowsArray(ydoc, rowsKey)) {
      if (!(item instanceof Y.Map) || !wanted.has(item.get("id") as string)) continue;
      setOn(item, cell, value);
      reached += 1;
    }
  }, origin);
  return reached;
}

/** Removes many rows in one transaction, in one pass from the end; returns how many were removed. */
export function removeRows(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rowIds: readonly string[], origin?: unknown): number {
  rowsField(kind, rowsKey);
  const wanted = new Set(rowIds);
  let removed = 0;
  ydoc.transact(() => {
    const array = rowsArray(ydoc, rowsKey);
    const items = array.toArray();
    for (let index = items.length - 1; index >= 0; index -= 1) {
      const item = items[index];
      if (!(item instanceof Y.Map) || !wanted.has(item.get("id") as string)) continue;
      array.delete(index, 1);
      removed += 1;
    }
    clearCellsOfColumns(ydoc, kind, rowsKey, wanted);
  }, origin);
  return removed;
}

/**
 * Moves a row. Yjs has no move: the row is copied to its new place and the old one deleted, in one
 * transaction. An edit someone else makes to that row at the very same moment lands on the deleted
 * copy and is lost — acceptable for an explicit reorder, and why the UI should not reorder on drag-over.
 */
export function moveRow(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rowId: string, toIndex: number, origin?: unknown): boolean {
  rowsField(kind, rowsKey);
  let moved = false;
  ydoc.transact(() => {
    const array = rowsArray(ydoc, rowsKey);
    const found = findRow(array, rowId);
    if (!found) return;
    const target = Math.max(0, Math.min(toIndex, array.length - 1));
    if (target === found.index) return;
    const copy = found.row.clone();
    array.delete(found.index, 1);
    array.insert(target, [copy]);
    moved = true;
  }, origin);
  return moved;
}

/** Replaces every row of a rows field (demo builders and imports, not live editing). */
export function replaceRows(ydoc: Y.Doc, kind: KindRef, rowsKey: string, rows: readonly (Record<string, JsonValue> & { id?: string })[]): string[] {
  let ids: string[] = [];
  ydoc.transact(() => {
    const array = rowsArray(ydoc, rowsKey);
    if (array.length) array.delete(0, array.length);
    ids = addRows(ydoc, kind, rowsKey, rows);
  });
  return ids;
}

/** Sets many top-level fields at once; equal values are not rewritten. */
export function setValues(ydoc: Y.Doc, kind: KindRef, values: Record<string, JsonValue>, origin?: unknown): void {
  ydoc.transact(() => {
    for (const [key, value] of Object.entries(values)) {
      const current = fieldsMap(ydoc).get(key);
      if (!(current instanceof Y.AbstractType) && jsonEqual(current, value)) continue;
      setValue(ydoc, kind, key, value);
    }
  }, origin);
}
