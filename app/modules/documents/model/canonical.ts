import type * as Y from "yjs";
import { kindIndex, type KindRef } from "../kinds/registry";
import { sortKeysDeep, stableStringify } from "./json";
import { canonicalText, docToPlainText, EMPTY_DOC, normaliseDoc } from "./richtext";
import { CANONICAL_FORMAT, type CanonicalDocument, type CanonicalFields, type CanonicalText, type JsonValue, type ProseMirrorJSON } from "./types";
import { normaliseField } from "./values";
import { readFields, textFragment } from "./ydoc";

/**
 * The canonical form is THE one JSON of a document: approvals bind to its hash, history diffs it,
 * the projection and the exports read it. It is produced here and nowhere else.
 *
 * - Every field and rich-text block of the kind is present (null / [] / empty doc when empty), so
 *   "not set" and "cleared" hash the same.
 * - Values are normalised (trimmed text, numbers parsed, multiselects deduplicated in option
 *   order); values that do not parse are kept as typed, never dropped.
 * - Rows keep document order; cells the kind does not define are left out, as are keys of the
 *   fields map the kind does not define: they are invisible to people, so they must not change
 *   what people approve.
 * - Object keys are sorted, so JSON.stringify(canonical) is already stable.
 */
export function canonicalDocument(ydoc: Y.Doc, kind: KindRef): CanonicalDocument {
  const index = kindIndex(kind);
  const text: Record<string, CanonicalText> = {};
  for (const block of index.texts) text[block.key] = canonicalText(textFragment(ydoc, block.key));
  return canonicalFrom(kind, readFields(ydoc), text);
}

/**
 * The same canonical form from plain data: stored fields (as readFields returns them) and
 * ProseMirror JSON per rich-text block. Missing blocks are empty.
 */
export function canonicalFrom(kind: KindRef, rawFields: Record<string, JsonValue>, texts: Record<string, ProseMirrorJSON | CanonicalText>): CanonicalDocument {
  const index = kindIndex(kind);
  const fields: CanonicalFields = {};
  for (const field of index.fields) fields[field.key] = normaliseField(field, rawFields[field.key]);
  const text: Record<string, CanonicalText> = {};
  for (const block of index.texts) {
    const given = texts[block.key];
    const doc = normaliseDoc(given === undefined ? EMPTY_DOC : "plain" in given && "doc" in given ? (given as CanonicalText).doc : (given as ProseMirrorJSON));
    text[block.key] = { doc, plain: docToPlainText(doc) };
  }
  return sortKeysDeep({ format: CANONICAL_FORMAT, kind: index.definition.kind, fields, text } as unknown as JsonValue) as unknown as CanonicalDocument;
}

/** The exact string that is hashed. */
export function canonicalString(canonical: CanonicalDocument): string {
  return stableStringify(canonical);
}

/**
 * SHA-256 (hex) of the canonical string, through Web Crypto so the same function runs in the
 * browser (to show a signatory which version they approve) and on the server (Node 20 has
 * globalThis.crypto.subtle). Async because Web Crypto is.
 */
export async function canonicalHash(canonical: CanonicalDocument): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalString(canonical));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
