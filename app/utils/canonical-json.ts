/**
 * Canonical JSON (RFC 8785, JSON Canonicalization Scheme) and SHA-256: the one serialisation behind
 * every hash the product stores — the audit chain, sign-off version hashes, document content
 * hashes — so "the same content" means the same bytes in the browser, on the server and in tests.
 * Pure; Web Crypto only, no node: imports.
 *
 * Stored hashes depend on these exact bytes: any change here must keep every existing hash valid.
 */

/**
 * RFC 8785 canonical JSON: object keys sorted by UTF-16 code units at every depth, no whitespace,
 * numbers as ECMAScript writes them, strings escaped as JSON.stringify does.
 *
 * Beyond the RFC's input (which is plain JSON), what a JavaScript value can hold is handled as
 * jsonb would store it, so a hash computed before writing still verifies after reading back:
 * object members whose value is `undefined` are left out and `undefined` array items are written
 * as null (both as JSON.stringify does); -0 is written 0. Anything else that is not JSON throws —
 * NaN, Infinity, bigint, functions, and objects that are not plain (Date, Map, class instances:
 * callers convert them explicitly, since their JSON form is a choice).
 *
 * Lone surrogates, which the RFC excludes from its input, are written escaped (`\udxxx`) as
 * JSON.stringify does rather than refused, so a stray one cannot make a document unhashable.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) throw new TypeError("canonicalJson: $ is undefined, not JSON");
  return serialise(value, "$");
}

function serialise(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
      // Number-to-string as ECMAScript defines it is RFC 8785's number form; JSON.stringify(-0) is "0".
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => (item === undefined ? "null" : serialise(item, `${path}[${index}]`))).join(",")}]`;
      }
      if (!isPlainRecord(value)) throw new TypeError(`canonicalJson: ${path} is not a plain object`);
      const members: string[] = [];
      for (const key of Object.keys(value).sort()) {
        const member = value[key];
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${serialise(member, `${path}.${key}`)}`);
      }
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, not JSON`);
  }
}

function isPlainRecord(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * A copy with object keys inserted in sorted order (undefined members left out), for values that
 * are kept and compared as objects, not only hashed. JSON.stringify of the copy matches
 * canonicalJson except where keys look like array indexes ("1", "10"), which JavaScript always
 * enumerates first in numeric order: hash with canonicalJson, never with JSON.stringify.
 */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => sortKeysDeep(item)) as T;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member !== undefined) out[key] = sortKeysDeep(member);
    }
    return out as T;
  }
  return value;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** SHA-256 of the UTF-8 bytes of `text`, lowercase hex. Async because Web Crypto is. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += HEX[byte];
  return hex;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
