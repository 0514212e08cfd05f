import type { JsonValue } from "./types";

/**
 * JSON with object keys sorted (by UTF-16 code unit, like Array.prototype.sort) at every depth and
 * no whitespace. Two equal values always give the same string, whatever order their keys were
 * inserted in — the property the content hash of an approval depends on. `undefined` object
 * members are omitted (as JSON.stringify does); non-finite numbers are refused rather than
 * silently written as null.
 */
export function stableStringify(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new Error(`Cannot serialise the number ${value} as JSON`);
      // -0 and 0 must hash the same.
      return JSON.stringify(value === 0 ? 0 : value);
    case "object": {
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : stableStringify(item))).join(",")}]`;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${stableStringify(member)}`);
      }
      return `{${parts.join(",")}}`;
    }
    default:
      throw new Error(`Cannot serialise a ${typeof value} as JSON`);
  }
}

/** A copy with object keys inserted in sorted order, so plain JSON.stringify is stable too. */
export function sortKeysDeep<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, JsonValue> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, JsonValue>)[key];
      if (member !== undefined) out[key] = sortKeysDeep(member);
    }
    return out as T;
  }
  return value;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return stableStringify(a) === stableStringify(b);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
