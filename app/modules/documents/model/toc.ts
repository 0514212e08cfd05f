import { kindDefinition, type KindRef } from "~/modules/documents/kinds/registry";
import { sectionAnchor } from "~/modules/documents/model/values";

export type TocEntry = { key: string; title: string; anchor: string; order: number };

/** The table of contents: the kind's sections in display order, with the anchor to link to. */
export function tableOfContents(kind: KindRef): TocEntry[] {
  return kindDefinition(kind).sections.map((section, order) => ({ key: section.key, title: section.title, anchor: sectionAnchor(section.key), order }));
}
