import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { KIND_DEFINITIONS, kindIndex } from "~/modules/documents/kinds/registry";
import { fillDemoWblAgreement } from "~/modules/documents/kinds/demo";
import { canonicalDocument, canonicalString } from "~/modules/documents/model/canonical";
import { duplicateDocument, newDocumentFromTemplate } from "~/modules/documents/model/template";
import { documentKindOf, fieldsMap, setValue, textFragment } from "~/modules/documents/model/ydoc";
import { DOCUMENT_KINDS } from "~/modules/permissions/roles";

function load(update: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return ydoc;
}

describe("newDocumentFromTemplate", () => {
  it.each(DOCUMENT_KINDS)("%s: records the kind, creates every nested array and seeds each rich-text block", (kind) => {
    const ydoc = load(newDocumentFromTemplate(kind, { title: "  A title " }));
    expect(documentKindOf(ydoc)).toBe(kind);
    const index = kindIndex(kind);
    for (const field of index.fields) {
      if (field.type === "rows" || field.type === "multiselect") expect(fieldsMap(ydoc).get(field.key), field.key).toBeInstanceOf(Y.Array);
    }
    for (const block of index.texts) expect(textFragment(ydoc, block.key).toString(), block.key).toBe("<paragraph></paragraph>");
    expect(fieldsMap(ydoc).get("title")).toBe("A title");
    expect(Object.keys(KIND_DEFINITIONS)).toContain(kind);
  });

  it("lets two people type into a fresh block and land in the same paragraph", () => {
    const template = newDocumentFromTemplate("credential_spec");
    const alice = load(template);
    const bob = load(template);
    const paragraphText = (ydoc: Y.Doc) => (textFragment(ydoc, "purpose").get(0) as Y.XmlElement).get(0) as Y.XmlText | undefined;
    // What the editor does on the first keystroke in the seeded paragraph.
    const type = (ydoc: Y.Doc, text: string) => {
      const paragraph = textFragment(ydoc, "purpose").get(0) as Y.XmlElement;
      if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
      (paragraph.get(0) as Y.XmlText).insert(0, text);
    };
    type(alice, "Hello");
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    type(bob, "Oh. ");
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    expect(textFragment(alice, "purpose").length).toBe(1);
    expect(paragraphText(alice)?.toString()).toBe("Oh. Hello");
  });
});

describe("duplicateDocument", () => {
  it("copies the content with a fresh history and an optional new title", () => {
    const source = new Y.Doc();
    fillDemoWblAgreement(source);
    setValue(source, "wbl_agreement", "learnerName", "Someone removed later");
    setValue(source, "wbl_agreement", "learnerName", null);
    const sourceState = Y.encodeStateAsUpdate(source);

    const copy = load(duplicateDocument(sourceState, { title: "Copy of the agreement" }));
    const a = canonicalDocument(source, "wbl_agreement");
    const b = canonicalDocument(copy, "wbl_agreement");
    expect(b.fields.title).toBe("Copy of the agreement");
    expect(canonicalString({ ...b, fields: { ...b.fields, title: a.fields.title ?? null } })).toBe(canonicalString(a));
    expect(documentKindOf(copy)).toBe("wbl_agreement");

    // No item of the source's history travels with the copy: its clients are new ones.
    const sourceClients = new Set(Y.decodeStateVector(Y.encodeStateVector(source)).keys());
    for (const client of Y.decodeStateVector(Y.encodeStateVector(copy)).keys()) expect(sourceClients.has(client)).toBe(false);
  });

  it("copies edits made after the copy independently", () => {
    const source = new Y.Doc();
    fillDemoWblAgreement(source);
    const copy = load(duplicateDocument(Y.encodeStateAsUpdate(source)));
    setValue(copy, "wbl_agreement", "roleTitle", "Changed in the copy");
    expect(fieldsMap(source).get("roleTitle")).toBe("Climate adaptation analyst (placement)");
  });
});
