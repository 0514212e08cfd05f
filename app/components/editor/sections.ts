import type { DocumentKind } from "~/modules/permissions/roles";

/**
 * The rich-text parts of a document: each one is a Y.XmlFragment of the document's Y.Doc, edited by
 * its own editor. Structured fields (Y.Map "fields") are not listed here: they are not rich text.
 */
export type RichTextSection = { field: string; label: string; placeholder: string };

const BODY: RichTextSection = { field: "body", label: "Content", placeholder: "Start writing. Everyone on this page sees your changes as you type." };

const SECTIONS: Record<DocumentKind, readonly RichTextSection[]> = {
  credential_spec: [BODY],
  assessment_plan: [BODY],
  wbl_agreement: [BODY],
};

export function richTextSections(kind: DocumentKind): readonly RichTextSection[] {
  return SECTIONS[kind];
}
