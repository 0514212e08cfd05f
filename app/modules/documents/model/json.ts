import { canonicalJson } from "~/utils/canonical-json";

/**
 * Equal as JSON, whatever the key order. Values read from a Y.Doc are whatever a client wrote: one
 * with no JSON form (NaN, a Date, bytes) compares unequal instead of throwing in the UI.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
