import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { schemaExtensions } from "~/components/editor/extensions";
import { encodeState, fragmentsToJSON, isEmptyContent, renderFirstPaint } from "~/components/editor/first-paint";
import { StaticRichText } from "~/components/editor/static-rich-text";
import { decodeState } from "~/components/editor/yjs-state";

const schema = getSchema(schemaExtensions);

/** A stored state as the collaboration server would persist it: a Y.Doc edited through the schema. */
function storedState(body: unknown): Uint8Array {
  return Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(schema, body, "body"));
}

const BODY = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose & <audience>" }] },
    { type: "paragraph", content: [{ type: "text", text: "For " }, { type: "text", marks: [{ type: "bold" }], text: "site supervisors" }, { type: "text", marks: [{ type: "italic" }], text: " in municipal works." }] },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Flood risk" }] }] }] },
    { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Heat plans" }] }] }] },
  ],
};

/** What the page's first paint shows for the body: loader HTML inside the static component. */
const paint = (state: Uint8Array | null) =>
  renderToStaticMarkup(createElement(StaticRichText, { html: renderFirstPaint(state, ["body"]).body ?? "", placeholder: "Start writing." }));

describe("first paint from the stored Yjs state", () => {
  it("renders the stored rich text as HTML, escaped, with the editor's schema", () => {
    const html = paint(storedState(BODY));
    expect(html).toContain("<h2>Purpose &amp; &lt;audience&gt;</h2>");
    expect(html).toContain("<p>For <strong>site supervisors</strong><em> in municipal works.</em></p>");
    expect(html).toMatch(/<ul><li><p>Flood risk<\/p><\/li><\/ul>/);
    expect(html).toMatch(/<ol[^>]*><li><p>Heat plans<\/p><\/li><\/ol>/);
    expect(html).not.toContain("Start writing.");
  });

  it("shows the placeholder, not an empty box, for a document never written", () => {
    expect(paint(null)).toContain("Start writing.");
    expect(paint(storedState({ type: "doc", content: [{ type: "paragraph" }] }))).toContain("Start writing.");
  });

  it("reads only the named fragment", () => {
    const ydoc = prosemirrorJSONToYDoc(schema, BODY, "body");
    const other = prosemirrorJSONToYDoc(schema, { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Notes" }] }] }, "notes");
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
    const json = fragmentsToJSON(Y.encodeStateAsUpdate(ydoc), ["body", "notes", "missing"]);
    expect(JSON.stringify(json.body)).toContain("Flood risk");
    expect(JSON.stringify(json.body)).not.toContain("Notes");
    expect(JSON.stringify(json.notes)).toContain("Notes");
    expect(isEmptyContent(json.missing)).toBe(true);
  });

  it("neutralises links a client could have smuggled into the shared document", () => {
    const html = paint(
      storedState({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
      }),
    );
    expect(html).toContain("click");
    expect(html).not.toContain("javascript:");
  });

  it("survives the trip through the loader as base64, large documents included", () => {
    const paragraphs = Array.from({ length: 1000 }, (_, index) => ({ type: "paragraph", content: [{ type: "text", text: `Competency ${index} — évaluée` }] }));
    const state = storedState({ type: "doc", content: paragraphs });
    expect(state.length).toBeGreaterThan(50_000);
    const decoded = decodeState(encodeState(state));
    expect(decoded).toEqual(state);
    expect(paint(decoded)).toContain("Competency 999 — évaluée");
  });
});
