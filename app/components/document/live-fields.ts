import * as Y from "yjs";
import type { JsonValue } from "~/modules/documents/model";

export type StoredFields = Record<string, JsonValue>;

/** What a live page's fields hold for a coverage matrix: its cells are read through the coverage tracker. */
export const LIVE_MATRIX: JsonValue = Object.freeze({}) as JsonValue;

/**
 * The fields map as plain JSON, kept up to date change by change instead of re-read whole: a
 * keystroke in one cell of one row of 3,000 re-reads that row only. Everything that did not change
 * keeps its previous object, so memoised components and per-row caches (validation, completeness)
 * see the same reference and skip their work.
 */
export class LiveFieldsReader {
  /** Each row's JSON, by its Y.Map; dropped when the row changes (or is garbage-collected). */
  private readonly rows = new WeakMap<Y.Map<unknown>, JsonValue>();

  /**
   * `coverageKeys`: the kind's coverage fields (a plan's matrix). The page reads them through its
   * coverage tracker (components/document/coverage/use-coverage.ts), tick by tick; here they are
   * LIVE_MATRIX, always the same value, so a tick changes no field (no copy of 30,000 keys, no
   * re-render or re-check of the page for it).
   */
  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly coverageKeys: ReadonlySet<string> = new Set(),
  ) {}

  /**
   * Every field, sharing what is unchanged with `previous` — down to single rows: the first read
   * after the page's stored copy keeps that copy's row objects, so what was validated and rendered
   * from them is not done again for 3,000 equal rows.
   */
  readAll(previous: StoredFields): StoredFields {
    const next: StoredFields = {};
    for (const key of this.map.keys()) next[key] = this.readKey(key, previous[key], true);
    return sameFields(previous, next) ? previous : next;
  }

  /** `previous` with the fields these events touched read again. */
  apply(previous: StoredFields, events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): StoredFields {
    const keys = new Set<string>();
    for (const event of events) {
      if (event.target === this.map) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) keys.add(key);
        continue;
      }
      const [key] = event.path;
      // A tick inside a matrix: the page's coverage tracker follows it, the fields do not change.
      if (typeof key === "string" && this.coverageKeys.has(key)) continue;
      if (typeof key === "string") keys.add(key);
      this.forgetRowAround(event.target);
    }
    if (keys.size === 0) return previous;
    const next: StoredFields = { ...previous };
    let changed = false;
    for (const key of keys) {
      if (!this.map.has(key)) {
        if (key in next) {
          delete next[key];
          changed = true;
        }
        continue;
      }
      const value = this.readKey(key, previous[key]);
      if (value !== previous[key]) {
        next[key] = value;
        changed = true;
      }
    }
    return changed ? next : previous;
  }

  /** A change anywhere inside a row (a cell, a multiselect cell's array) makes the row stale. */
  private forgetRowAround(target: Y.AbstractType<unknown>): void {
    let type: unknown = target;
    while (type) {
      const parent = parentOf(type);
      if (type instanceof Y.Map && parent instanceof Y.Array && parentOf(parent) === this.map) {
        this.rows.delete(type);
        return;
      }
      type = parent;
    }
  }

  private readKey(key: string, previous: JsonValue | undefined, adoptEqualRows = false): JsonValue {
    const value = this.map.get(key);
    if (!(value instanceof Y.AbstractType)) return (value ?? null) as JsonValue;
    if (value instanceof Y.Array) {
      const items = value.toArray();
      const json = items.map((item, i) => {
        if (!(item instanceof Y.Map)) return item instanceof Y.AbstractType ? (item.toJSON() as JsonValue) : (item as JsonValue);
        const row = this.readRow(item);
        const before = Array.isArray(previous) ? previous[i] : undefined;
        if (!adoptEqualRows || before === undefined || !sameRow(row, before)) return row;
        this.rows.set(item, before);
        return before;
      });
      // The same items in the same order: keep the previous array.
      if (Array.isArray(previous) && previous.length === json.length && json.every((item, i) => item === previous[i])) return previous;
      return json;
    }
    if (this.coverageKeys.has(key)) return LIVE_MATRIX;
    const json = value.toJSON() as JsonValue;
    return previous !== undefined && JSON.stringify(previous) === JSON.stringify(json) ? previous : json;
  }

  private readRow(row: Y.Map<unknown>): JsonValue {
    const cached = this.rows.get(row);
    if (cached !== undefined) return cached;
    const json = row.toJSON() as JsonValue;
    this.rows.set(row, json);
    return json;
  }
}

/** Rows are maps of scalars and arrays of scalars (multiselect cells): compared one level deep. */
function sameRow(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return true;
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, i) => item === y[i]);
  });
}

function sameFields(a: StoredFields, b: StoredFields): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

/** A Yjs type's parent type (null at the top): the public `parent` getter, which the typings omit. */
function parentOf(type: unknown): unknown {
  return (type as { parent?: unknown }).parent ?? null;
}

