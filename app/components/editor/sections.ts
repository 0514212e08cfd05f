import { kindIndex, textFragmentName } from "~/modules/documents/model";
import type { DocumentKind } from "~/modules/permissions/roles";

/**
 * The rich-text parts of a document: each one is a Y.XmlFragment (`text:<key>`) of the document's
 * Y.Doc, edited by its own editor. They come from the kind's definition (the document model);
 * structured fields (Y.Map "fields") are not rich text and are not listed here.
 */
export type RichTextSection = { field: string; label: string; placeholder: string };

const DEFAULT_PLACEHOLDER = "Write here. Everyone on this page sees your changes as you type.";

export function richTextSections(kind: DocumentKind): RichTextSection[] {
  return kindIndex(kind).texts.map((text) => ({ field: textFragmentName(text.key), label: text.label, placeholder: text.placeholder ?? DEFAULT_PLACEHOLDER }));
}
