import * as Y from "yjs";
import { parseCoverageKey } from "~/modules/documents/model/coverage-cells";
import { FIELDS_MAP, TEXT_FRAGMENT_PREFIX } from "~/modules/documents/model/ydoc";

/**
 * One place a transaction changed, as authorship is recorded (document_edits): a field key of the
 * `fields` map or a rich-text block (`text:<key>`, the block's path), and for a list field the id
 * of the row; for a coverage field the competency id of the cell (`<assessmentId>|<competencyId>`).
 */
export type TouchedPath = { field: string; row: string | null };

/** A Y type as a transaction names it (Yjs types it with `YEvent<any>`). */
type YType = Y.Transaction["changed"] extends Map<infer K, unknown> ? K : never;

/**
 * Which fields and rows a Y transaction changed, from the transaction alone (no diff of values):
 * each changed type is walked up to the `fields` map (or its top-level text fragment). Call it in
 * `afterTransaction`, before Yjs garbage-collects deleted content: a removed row's id is read from
 * the removed Y.Map itself. Changes to `meta` and to anything outside the layout are ignored.
 */
export function touchedPaths(transaction: Y.Transaction): TouchedPath[] {
  const doc = transaction.doc;
  const fields = doc.share.get(FIELDS_MAP);
  const found = new Map<string, TouchedPath>();
  const add = (field: string, row: string | null) => {
    const key = `${field}\u0000${row ?? ""}`;
    if (!found.has(key)) found.set(key, { field, row });
  };
  for (const [type, keys] of transaction.changed) {
    // From the changed type up to the root: [root, child of root, …, type].
    const chain: YType[] = [type];
    let deleted = false;
    for (let item = type._item; item !== null; item = (item.parent as YType)._item) {
      if (item.deleted) deleted = true;
      chain.unshift(item.parent as YType);
    }
    // Inside a row removed in this transaction: the removal is reported by the list itself.
    if (deleted) continue;
    const root = chain[0]!;
    if (root !== fields) {
      const name = rootName(doc, root);
      if (name?.startsWith(TEXT_FRAGMENT_PREFIX)) add(name, null);
      continue;
    }
    if (chain.length === 1) {
      // A top-level field was set or cleared.
      for (const key of keys) if (key !== null) add(key, null);
      continue;
    }
    const fieldType = chain[1]!;
    const field = fieldType._item?.parentSub;
    if (!field) continue;
    if (chain.length >= 3) {
      // Something inside a row (a cell, or a multiselect cell's array).
      add(field, rowIdOf(chain[2]!));
      continue;
    }
    // The field's own Y type changed: rows added or removed, options ticked, coverage cells.
    if (fieldType instanceof Y.Map) {
      for (const key of keys) if (key !== null) add(field, parseCoverageKey(key)?.[1] ?? key);
      continue;
    }
    const rows = fieldType instanceof Y.Array ? changedRows(transaction, fieldType) : [];
    if (rows.length === 0) add(field, null);
    for (const row of rows) add(field, row);
  }
  return [...found.values()];
}

function rootName(doc: Y.Doc, root: YType): string | null {
  for (const [name, type] of doc.share) if (type === root) return name;
  return null;
}

/** A row's id, read from its map's own item so that it also works for a row being removed. */
function rowIdOf(type: YType): string | null {
  if (!(type instanceof Y.Map)) return null;
  const item = type._map.get("id");
  const value = item?.content.getContent()[0];
  return typeof value === "string" ? value : null;
}

/** Ids of the rows (Y.Maps) this transaction inserted into or removed from a list. */
function changedRows(transaction: Y.Transaction, array: Y.Array<unknown>): string[] {
  const ids: string[] = [];
  // Only the structs this transaction created are looked at, not the whole list (thousands of rows).
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = transaction.doc.store.clients.get(client);
    if (after <= before || !structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item && !struct.deleted && struct.parent === array && struct.content instanceof Y.ContentType) {
        const id = rowIdOf(struct.content.type);
        if (id) ids.push(id);
      }
    }
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item && struct.parent === array && struct.content instanceof Y.ContentType) {
      const id = rowIdOf(struct.content.type);
      if (id) ids.push(id);
    }
  });
  return ids;
}
