import { EditorState } from "@tiptap/pm/state";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { AnchorSchema, TextAnchorSchema } from "~/modules/comments/anchors";
import { richTextSchema, textFragment, writeText } from "~/modules/documents/model";
import { bindingOf, resolveTextRange, textAnchorFromRange, type YBinding } from "~/components/comments/anchor";

const CONTENT = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Utility staff assess flood risk to substations." }] },
    { type: "paragraph", content: [{ type: "text", text: "They plan adaptation measures." }] },
  ],
};

/** What the editor's sync plugin holds once bound: the PM doc and the fragment ↔ node mapping. */
function bind(ydoc: Y.Doc): { binding: YBinding; doc: ProseMirrorNode } {
  const type = textFragment(ydoc, "purpose");
  const { doc, mapping } = initProseMirrorDoc(type, richTextSchema());
  return { binding: { doc: ydoc, type, mapping }, doc };
}

function rangeOf(doc: ProseMirrorNode, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(words) : -1;
    if (at >= 0 && !found) found = { from: pos + at, to: pos + at + words.length };
  });
  if (!found) throw new Error(`"${words}" not in the document`);
  return found;
}

function roundTrip<T>(value: T): unknown {
  // Anchors travel as JSON (form field, jsonb column): only what survives JSON counts.
  return JSON.parse(JSON.stringify(value));
}

describe("text anchors as Yjs relative positions", () => {
  it("keeps pointing at the same words while text is inserted before them, on another client", () => {
    const ydoc = new Y.Doc();
    writeText(ydoc, "purpose", CONTENT);
    const { binding, doc } = bind(ydoc);
    const { from, to } = rangeOf(doc, "flood risk");
    const anchor = TextAnchorSchema.parse(roundTrip(textAnchorFromRange(binding, doc, from, to, "text:purpose")));
    expect(anchor.quote).toBe("flood risk");

    // Another person types at the start of the paragraph; the update reaches us.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    const paragraph = textFragment(other, "purpose").get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, "Every spring, ");
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));

    const after = bind(ydoc);
    const range = resolveTextRange(after.binding, anchor);
    expect(range).not.toBeNull();
    expect(range!.from).toBe(from + "Every spring, ".length);
    expect(after.doc.textBetween(range!.from, range!.to)).toBe("flood risk");
  });

  it("spans paragraphs and quotes them with a line break", () => {
    const ydoc = new Y.Doc();
    writeText(ydoc, "purpose", CONTENT);
    const { binding, doc } = bind(ydoc);
    const from = rangeOf(doc, "substations").from;
    const to = rangeOf(doc, "They plan").to;
    const anchor = textAnchorFromRange(binding, doc, from, to, "text:purpose")!;
    expect(anchor.quote).toBe("substations.\nThey plan");
    const range = resolveTextRange(bind(ydoc).binding, AnchorSchema.parse(roundTrip(anchor)) as typeof anchor);
    expect(range).toEqual({ from, to });
  });

  it("resolves to nothing once the quoted words are deleted", () => {
    const ydoc = new Y.Doc();
    writeText(ydoc, "purpose", CONTENT);
    const { binding, doc } = bind(ydoc);
    const { from, to } = rangeOf(doc, "flood risk");
    const anchor = textAnchorFromRange(binding, doc, from, to, "text:purpose")!;
    const text = (textFragment(ydoc, "purpose").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const start = "Utility staff assess ".length;
    text.delete(start, "flood risk".length);
    expect(resolveTextRange(bind(ydoc).binding, anchor)).toBeNull();
  });

  it("refuses empty and blank selections", () => {
    const ydoc = new Y.Doc();
    writeText(ydoc, "purpose", CONTENT);
    const { binding, doc } = bind(ydoc);
    const { from } = rangeOf(doc, "flood");
    expect(textAnchorFromRange(binding, doc, from, from, "text:purpose")).toBeNull();
    const space = rangeOf(doc, " ");
    expect(textAnchorFromRange(binding, doc, space.from, space.to, "text:purpose")).toBeNull();
  });

  it("finds no binding in an editor that is not bound to Yjs", () => {
    const state = EditorState.create({ schema: richTextSchema() });
    expect(bindingOf(state)).toBeNull();
  });
});
