/**
 * Where a comment thread is attached. Pure and shared by the browser (creating anchors from the
 * editor selection, app/components/comments/anchor.ts) and the server (validating them).
 *
 * - A field: `{ type: "field", path }`, a path of the document model (`title`,
 *   `competencies.<rowId>`, `competencies.<rowId>.level`).
 * - A range of rich text: `{ type: "text", fragment: "text:<key>", start, end, quote }` where start
 *   and end are Yjs RelativePositions as JSON (Y.relativePositionToJSON). Relative positions point
 *   at Yjs items, not offsets, so the range follows the text while people type around it; `quote`
 *   is the text as it was when the thread started, shown even if the range is later deleted.
 */
import { z } from "zod";
import { anchorFor, kindIndex, makeLocator, parsePath, type CanonicalFields, type DocumentKind } from "~/modules/documents/model";

export const QUOTE_MAX = 500;

const YId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/** Y.relativePositionToJSON output; every member optional, exactly as Yjs writes it. */
export const RelativePositionJsonSchema = z.strictObject({
  type: YId.optional(),
  tname: z.string().max(200).optional(),
  item: YId.optional(),
  assoc: z.number().int().min(-1).max(1).optional(),
});
export type RelativePositionJson = z.infer<typeof RelativePositionJsonSchema>;

export const FieldAnchorSchema = z.strictObject({
  type: z.literal("field"),
  path: z.string().min(1).max(300),
  /** Filled in by the server from the kind definition when the thread is created. */
  label: z.string().max(300).optional(),
});

export const TextAnchorSchema = z.strictObject({
  type: z.literal("text"),
  fragment: z.string().regex(/^text:[A-Za-z0-9_]+$/),
  start: RelativePositionJsonSchema,
  end: RelativePositionJsonSchema,
  quote: z.string().max(QUOTE_MAX),
  label: z.string().max(300).optional(),
});

export const AnchorSchema = z.discriminatedUnion("type", [FieldAnchorSchema, TextAnchorSchema]);

export type FieldAnchor = z.infer<typeof FieldAnchorSchema>;
export type TextAnchor = z.infer<typeof TextAnchorSchema>;
export type Anchor = z.infer<typeof AnchorSchema>;

export class AnchorError extends Error {}

/** The rich-text key of a `text:<key>` fragment name. */
export function textKeyOf(fragment: string): string {
  return fragment.slice("text:".length);
}

/**
 * Checks an anchor against the document's kind (the field or rich-text block must exist) and
 * returns it with a human label ("Competencies › CAP-1.1 › Proficiency level"; row titles come
 * from `fields`, the current canonical fields). Rows named in a path need not exist any more: a
 * row removed while someone was writing a comment is still a fine thing to comment on.
 */
export function checkAnchor(kind: DocumentKind, anchor: Anchor, fields: CanonicalFields = {}): Anchor {
  const index = kindIndex(kind);
  if (anchor.type === "text") {
    const entry = index.textByKey.get(textKeyOf(anchor.fragment));
    if (!entry) throw new AnchorError(`This document has no rich-text block "${anchor.fragment}".`);
    return { ...anchor, quote: anchor.quote.slice(0, QUOTE_MAX), label: entry.text.label };
  }
  const parsed = parsePath(anchor.path);
  if (parsed.type === "text") {
    if (!index.textByKey.has(parsed.textKey)) throw new AnchorError(`This document has no rich-text block "${parsed.textKey}".`);
  } else {
    const entry = index.fieldByKey.get(parsed.fieldKey);
    if (!entry) throw new AnchorError(`This document has no field "${parsed.fieldKey}".`);
    if (parsed.type !== "field" && entry.field.type !== "rows") throw new AnchorError(`"${parsed.fieldKey}" has no rows.`);
    if (parsed.type === "cell" && entry.field.type === "rows" && !entry.field.fields.some((f) => f.key === parsed.cellKey)) {
      throw new AnchorError(`"${parsed.fieldKey}" has no column "${parsed.cellKey}".`);
    }
  }
  return { type: "field", path: anchor.path, label: makeLocator(kind, fields)(anchor.path).label };
}

/** The element to send people to (`#field-…`): the field's input or the rich-text block. */
export function anchorHref(anchor: Anchor): string {
  return `#${anchorFor(anchor.type === "field" ? anchor.path : anchor.fragment)}`;
}
