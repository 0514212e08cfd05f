import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillDemoCredentialSpec } from "~/modules/documents/kinds/demo";
import { canonicalDocument, canonicalFrom, canonicalHash, canonicalString } from "~/modules/documents/model/canonical";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import { addRow, fieldsMap, setValue, writeText } from "~/modules/documents/model/ydoc";

const kind = "credential_spec" as const;

function fresh(): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate(kind));
  return ydoc;
}

describe("canonical form", () => {
  it("lists every field and rich-text block of the kind, empty ones as null, [] or an empty doc", () => {
    const canonical = canonicalDocument(fresh(), kind);
    expect(canonical.format).toBe("concord.document/1");
    expect(canonical.fields.title).toBeNull();
    expect(canonical.fields.languages).toEqual([]);
    expect(canonical.fields.competencies).toEqual([]);
    expect(canonical.fields.version).toBe("0.1");
    expect(canonical.text.purpose).toEqual({ doc: { type: "doc", content: [] }, plain: "" });
  });

  it("is the same for the same content written in a different order by different clients", async () => {
    const a = fresh();
    setValue(a, kind, "title", "Climate Adaptation Practitioner");
    setValue(a, kind, "languages", ["fr", "en"]);
    addRow(a, kind, "competencies", { code: "A1", title: "Interpret projections" }, { id: "c1" });
    writeText(a, "purpose", markdownToDoc("For **practitioners**."));

    const b = fresh();
    writeText(b, "purpose", markdownToDoc("For **practitioners**."));
    addRow(b, kind, "competencies", { title: "Interpret projections ", code: "A1" }, { id: "c1" });
    setValue(b, kind, "languages", ["en", "fr", "en"]);
    setValue(b, kind, "title", "  Climate Adaptation Practitioner");

    const ca = canonicalDocument(a, kind);
    const cb = canonicalDocument(b, kind);
    expect(canonicalString(cb)).toBe(canonicalString(ca));
    expect(await canonicalHash(cb)).toBe(await canonicalHash(ca));
    expect(ca.fields.languages).toEqual(["en", "fr"]);
  });

  it("does not change when an empty value is set and then cleared", () => {
    const ydoc = fresh();
    const before = canonicalString(canonicalDocument(ydoc, kind));
    setValue(ydoc, kind, "webpage", "https://example.org");
    setValue(ydoc, kind, "webpage", null);
    expect(canonicalString(canonicalDocument(ydoc, kind))).toBe(before);
  });

  it("keeps invalid values as typed and ignores keys the kind does not define", () => {
    const ydoc = fresh();
    setValue(ydoc, kind, "learningHours", "about 150");
    fieldsMap(ydoc).set("internalNote", "not content");
    const canonical = canonicalDocument(ydoc, kind);
    expect(canonical.fields.learningHours).toBe("about 150");
    expect(canonical.fields).not.toHaveProperty("internalNote");
  });

  it("keeps rows in document order with every defined cell", () => {
    const ydoc = fresh();
    addRow(ydoc, kind, "modules", { code: "B" }, { id: "m2" });
    addRow(ydoc, kind, "modules", { code: "A" }, { id: "m1" });
    const rows = canonicalDocument(ydoc, kind).fields.modules as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual(["m2", "m1"]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["code", "credits", "hours", "id", "ownedBy", "summary", "title"]);
  });

  it("has sorted keys, so plain JSON.stringify is already the hashed string", () => {
    const ydoc = new Y.Doc();
    fillDemoCredentialSpec(ydoc);
    const canonical = canonicalDocument(ydoc, kind);
    expect(JSON.stringify(canonical)).toBe(canonicalString(canonical));
  });

  it("hashes with SHA-256 over the canonical string", async () => {
    const canonical = canonicalDocument(fresh(), kind);
    const expected = createHash("sha256").update(canonicalString(canonical), "utf8").digest("hex");
    expect(await canonicalHash(canonical)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes the hash when any content changes, including rich text formatting", async () => {
    const ydoc = fresh();
    writeText(ydoc, "purpose", markdownToDoc("For practitioners."));
    const plain = await canonicalHash(canonicalDocument(ydoc, kind));
    writeText(ydoc, "purpose", markdownToDoc("For **practitioners**."));
    expect(await canonicalHash(canonicalDocument(ydoc, kind))).not.toBe(plain);
  });

  it("canonicalFrom gives the same form from plain data", () => {
    const ydoc = new Y.Doc();
    fillDemoCredentialSpec(ydoc);
    const fromDoc = canonicalDocument(ydoc, kind);
    const fromData = canonicalFrom(kind, ydoc.getMap("fields").toJSON(), fromDoc.text);
    expect(canonicalString(fromData)).toBe(canonicalString(fromDoc));
  });
});
