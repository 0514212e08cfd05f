import * as Y from "yjs";
import { kindIndex, type KindRef } from "~/modules/documents/kinds/registry";
import { writeFragment } from "~/modules/documents/model/richtext";
import { applyInitialValues, ensureLayout, FIELDS_MAP, fieldsMap, META_MAP, TEXT_FRAGMENT_PREFIX, textFragment } from "~/modules/documents/model/ydoc";

/**
 * The first Yjs update of a new document: the layout (meta, every nested Y.Array — see ydoc.ts on
 * why they must exist before anyone edits), initial values, the title, and one empty paragraph per
 * rich-text block. The paragraph matters: when two people start typing into a block that has no
 * paragraph yet, each editor creates its own and the text lands in two paragraphs; with one seeded
 * paragraph both type into the same Y.XmlText and merge character by character.
 *
 * Store the returned update as the document's first state when the document row is created.
 */
export function newDocumentFromTemplate(kind: KindRef, options: { title?: string } = {}): Uint8Array {
  const ydoc = new Y.Doc();
  try {
    buildTemplate(ydoc, kind, options);
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** The template written into an existing (empty) Y.Doc: for builders that continue with content. */
export function buildTemplate(ydoc: Y.Doc, kind: KindRef, options: { title?: string } = {}): void {
  const index = kindIndex(kind);
  ydoc.transact(() => {
    ensureLayout(ydoc, index.definition);
    applyInitialValues(ydoc, index.definition);
    if (options.title?.trim()) fieldsMap(ydoc).set("title", options.title.trim());
    for (const block of index.texts) {
      const fragment = textFragment(ydoc, block.key);
      if (fragment.length === 0) writeFragment(fragment, { type: "doc", content: [{ type: "paragraph" }] });
    }
  });
}

/**
 * A copy of a document's content as a fresh Yjs history: the meta and fields maps and every
 * `text:*` fragment are deep-cloned into a new Y.Doc, so the copy carries none of the source's
 * edit history or deleted content and shares no Yjs items with it. Anything else in the source
 * (future root types such as comments) is not content and is not copied.
 */
export function duplicateDocument(sourceState: Uint8Array, options: { title?: string } = {}): Uint8Array {
  const source = new Y.Doc();
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(source, sourceState);
    // Root names present in the update; reading share before get*() works because applying an
    // update registers every root it touches.
    const rootNames = [...source.share.keys()];
    copy.transact(() => {
      for (const name of [META_MAP, FIELDS_MAP]) {
        const from = source.getMap<unknown>(name);
        const to = copy.getMap<unknown>(name);
        from.forEach((value, key) => to.set(key, value instanceof Y.AbstractType ? value.clone() : value));
      }
      if (options.title?.trim()) fieldsMap(copy).set("title", options.title.trim());
      for (const name of rootNames) {
        if (!name.startsWith(TEXT_FRAGMENT_PREFIX)) continue;
        const from = source.getXmlFragment(name);
        const to = copy.getXmlFragment(name);
        const children = from.toArray().map((child) => child.clone() as Y.XmlElement | Y.XmlText);
        if (children.length) to.insert(0, children);
      }
    });
    return Y.encodeStateAsUpdate(copy);
  } finally {
    source.destroy();
    copy.destroy();
  }
}
