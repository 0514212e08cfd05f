/**
 * Canonical JSON and SHA-256, shared by the audit chain and sign-off version hashes. One
 * serialisation for both, so "the same content" means the same bytes everywhere (browser, server,
 * tests). Pure; Web Crypto only, no node: imports.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) at every depth and no
 * whitespace. Object members whose value is `undefined` are left out, as JSON.stringify does; any
 * other non-JSON value throws, because a value that cannot round-trip through jsonb would make a
 * hash impossible to verify later.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, "$");
}

function serialise(value: unknown, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
      // -0 and 0 serialise alike (JSON.stringify(-0) === "0"), matching what jsonb gives back.
      return JSON.stringify(value);
    case "string":
      return JSON.stringify(value);
    case "object": {
      if (Array.isArray(value)) {
        return `[${value.map((item, index) => serialise(item, `${path}[${index}]`)).join(",")}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) {
        // Dates, Maps, class instances: callers convert them explicitly (a Date's form is a choice).
        throw new TypeError(`canonicalJson: ${path} is not a plain object`);
      }
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${serialise(record[key], `${path}.${key}`)}`);
      return `{${members.join(",")}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, not JSON`);
  }
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
