import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canonicalText, docToPlainText, isEmptyDoc, markdownToDoc, normaliseDoc, readFragment, writeFragment } from "~/modules/documents/model/richtext";
import type { ProseMirrorJSON } from "~/modules/documents/model/types";

describe("rich text in a Y.XmlFragment", () => {
  it("round-trips StarterKit content through the y-prosemirror shape, in Node", () => {
    const doc = markdownToDoc("## Scope\n\nThis is **bold** and *italic* and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted");
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment("text:purpose");
    writeFragment(fragment, doc);
    expect(fragment.toString()).toContain("<heading level=\"2\">Scope</heading>");
    expect(normaliseDoc(readFragment(fragment))).toEqual(normaliseDoc(doc));
  });

  it("replaces, rather than appends to, existing content", () => {
    const fragment = new Y.Doc().getXmlFragment("text:x");
    writeFragment(fragment, markdownToDoc("First version."));
    writeFragment(fragment, markdownToDoc("Second version."));
    expect(canonicalText(fragment).plain).toBe("Second version.");
  });

  it("refuses nodes the schema does not know", () => {
    const fragment = new Y.Doc().getXmlFragment("text:x");
    expect(() => writeFragment(fragment, { type: "doc", content: [{ type: "table" }] })).toThrow();
  });

  it("reads the same text the same way whatever order the marks were applied in", () => {
    const make = (marks: ProseMirrorJSON[]) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks }] }] });
    const a = normaliseDoc(make([{ type: "italic" }, { type: "bold", attrs: {} }]));
    const b = normaliseDoc(make([{ type: "bold" }, { type: "italic" }]));
    expect(a).toEqual(b);
  });

  it("counts one empty paragraph as an empty document", () => {
    expect(normaliseDoc({ type: "doc", content: [{ type: "paragraph" }] })).toEqual({ type: "doc", content: [] });
    expect(isEmptyDoc({ type: "doc", content: [{ type: "paragraph" }, { type: "paragraph" }] })).toBe(true);
    expect(isEmptyDoc(markdownToDoc("Hello"))).toBe(false);
  });
});

describe("plain text rendering", () => {
  it("gives one line per block with list and heading markers", () => {
    const doc = markdownToDoc("## Title\n\nA paragraph\nwrapped.\n\n- a\n- b\n\n1. x\n2. y\n\n> q");
    expect(docToPlainText(doc)).toBe("## Title\nA paragraph wrapped.\n- a\n- b\n1. x\n2. y\n> q");
  });

  it("renders hard breaks, rules and code blocks", () => {
    const doc: ProseMirrorJSON = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "a" }, { type: "hardBreak" }, { type: "text", text: "b" }] },
        { type: "horizontalRule" },
        { type: "codeBlock", content: [{ type: "text", text: "x = 1\ny = 2" }] },
      ],
    };
    expect(docToPlainText(doc)).toBe("a\nb\n---\nx = 1\ny = 2");
  });
});

describe("markdownToDoc", () => {
  it("keeps headings within the levels the editor offers", () => {
    const doc = markdownToDoc("# Not a heading\n\n## Two\n\n### Three\n\n#### Four");
    const levels = (doc.content ?? []).filter((n) => n.type === "heading").map((n) => n.attrs?.level);
    expect(levels).toEqual([2, 3]);
  });

  it("continues a list item on an indented line and separates list kinds", () => {
    const doc = markdownToDoc("- one\n  more\n1. two");
    expect(doc.content?.map((n) => n.type)).toEqual(["bulletList", "orderedList"]);
    expect(docToPlainText(doc)).toBe("- one more\n1. two");
  });
});
