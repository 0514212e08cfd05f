import type * as Y from "yjs";
import { kindIndex, type KindRef } from "~/modules/documents/kinds/registry";
import { canonicalText, docToPlainText, EMPTY_DOC, normaliseDoc } from "~/modules/documents/model/richtext";
import { CANONICAL_FORMAT, type CanonicalDocument, type CanonicalFields, type CanonicalText, type JsonValue, type ProseMirrorJSON } from "~/modules/documents/model/types";
import { normaliseField } from "~/modules/documents/model/values";
import { readFields, textFragment } from "~/modules/documents/model/ydoc";
import { canonicalJson, sha256Hex, sortKeysDeep } from "~/utils/canonical-json";

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
 * - Object keys are sorted, so JSON.stringify(canonical) is already stable (no key looks like an
 *   array index); the hash still goes through canonicalJson.
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
export function canonicalFrom(
  kind: KindRef,
  rawFields: Record<string, JsonValue>,
  texts: Record<string, ProseMirrorJSON | CanonicalText>,
  /** Keys in canonical order (default). The live checklist skips it: a sorted copy of 3,000 rows on every keystroke. */
  options: { sortKeys?: boolean } = {},
): CanonicalDocument {
  const index = kindIndex(kind);
  const fields: CanonicalFields = {};
  for (const field of index.fields) fields[field.key] = normaliseField(field, rawFields[field.key]);
  const text: Record<string, CanonicalText> = {};
  for (const block of index.texts) {
    const given = texts[block.key];
    const doc = normaliseDoc(given === undefined ? EMPTY_DOC : "plain" in given && "doc" in given ? (given as CanonicalText).doc : (given as ProseMirrorJSON));
    text[block.key] = { doc, plain: docToPlainText(doc) };
  }
  const canonical: CanonicalDocument = { format: CANONICAL_FORMAT, kind: index.definition.kind, fields, text };
  return options.sortKeys === false ? canonical : sortKeysDeep(canonical);
}

/** The exact string that is hashed (RFC 8785), stored byte for byte as a version snapshot. */
export function canonicalString(canonical: CanonicalDocument): string {
  return canonicalJson(canonical);
}

/**
 * SHA-256 (hex) of the canonical string: the content hash approvals bind to. Web Crypto, so the
 * browser (showing a signatory which version they approve) and the server compute it alike.
 */
export async function canonicalHash(canonical: CanonicalDocument): Promise<string> {
  return sha256Hex(canonicalString(canonical));
}
