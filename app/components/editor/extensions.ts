import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/** The page title is the h1, so sections start at level 2. */
export const HEADING_LEVELS = [2, 3] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/**
 * The one schema of Concord's rich text. The live editor (client) and the first-paint renderer
 * (server) both use this list, so what the server paints is exactly what the editor will show.
 * Collaboration extensions are added on top of it in the browser only; they add no nodes or marks.
 */
export const schemaExtensions: Extensions = [
  StarterKit.configure({
    // The Collaboration extension brings its own Yjs-aware undo: ProseMirror's history would undo
    // other people's changes too.
    undoRedo: false,
    // Appending a trailing paragraph on load would make every client (even a read-only one) write
    // to the shared document just by opening it, and concurrent clients would each add one.
    trailingNode: false,
    heading: { levels: [...HEADING_LEVELS] },
    // Links open on click in the editor but must not be followed while someone is typing.
    link: { openOnClick: false, autolink: true },
  }),
];
