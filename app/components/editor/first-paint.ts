import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { schemaExtensions } from "~/components/editor/extensions";
import { docFromState } from "~/components/editor/yjs-state";

/**
 * Server-side first paint: stored Yjs state → ProseMirror JSON → HTML, through the editor's own
 * schema, so the page shows the stored content before any script runs and the editor later mounts
 * on exactly the same structure. Used by the route loader only; the browser never imports it.
 */
export function fragmentsToJSON(source: Uint8Array | null | Y.Doc, fields: readonly string[]): Record<string, JSONContent> {
  // A Y.Doc the caller already holds is read as it is (applying a 2 MB state twice per page load costs).
  const ydoc = source instanceof Y.Doc ? source : docFromState(source);
  try {
    return Object.fromEntries(fields.map((field) => [field, yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(field)) as JSONContent]));
  } finally {
    if (ydoc !== source) ydoc.destroy();
  }
}

export function isEmptyContent(content: JSONContent | undefined): boolean {
  const blocks = content?.content ?? [];
  return blocks.length === 0 || (blocks.length === 1 && blocks[0]?.type === "paragraph" && !blocks[0].content?.length);
}

/**
 * HTML per fragment; "" for an empty one (the page shows a placeholder). The static renderer
 * escapes text and attributes and only knows the schema's nodes and marks (links go through the
 * Link extension's URL check), which is what makes this HTML safe to inject into the page.
 */
export function renderFirstPaint(source: Uint8Array | null | Y.Doc, fields: readonly string[]): Record<string, string> {
  const json = fragmentsToJSON(source, fields);
  return Object.fromEntries(
    fields.map((field) => {
      const content = json[field];
      return [field, content && !isEmptyContent(content) ? renderToHTMLString({ content, extensions: schemaExtensions }) : ""];
    }),
  );
}

export function encodeState(state: Uint8Array): string {
  return Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString("base64");
}
