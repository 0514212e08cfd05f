import { describe, expect, it } from "vitest";
import { AnchorError, AnchorSchema, anchorHref, checkAnchor } from "~/modules/comments/anchors";

const POSITION = { type: { client: 12, clock: 3 }, tname: undefined, item: { client: 12, clock: 40 }, assoc: 0 };

describe("anchor validation", () => {
  it("accepts field and text anchors as Yjs writes them, and rejects anything else", () => {
    expect(AnchorSchema.safeParse({ type: "field", path: "title" }).success).toBe(true);
    const text = { type: "text", fragment: "text:purpose", start: { item: { client: 1, clock: 2 } }, end: { item: { client: 1, clock: 9 }, assoc: 0 }, quote: "flood" };
    expect(AnchorSchema.safeParse(text).success).toBe(true);
    expect(AnchorSchema.safeParse({ ...text, fragment: "fields" }).success).toBe(false);
    expect(AnchorSchema.safeParse({ ...text, start: { item: { client: -1, clock: 0 } } }).success).toBe(false);
    expect(AnchorSchema.safeParse({ ...text, start: { ...POSITION, script: "x" } }).success).toBe(false);
    expect(AnchorSchema.safeParse({ type: "field", path: "" }).success).toBe(false);
    expect(AnchorSchema.safeParse({ type: "section", path: "title" }).success).toBe(false);
  });

  it("labels anchors from the kind definition and refuses unknown fields and blocks", () => {
    expect(checkAnchor("credential_spec", { type: "field", path: "title" })).toMatchObject({ label: "Credential title" });
    const fields = { competencies: [{ id: "r1", code: "CAP-1", title: "Assess climate hazards" }] };
    const cell = checkAnchor("credential_spec", { type: "field", path: "competencies.r1.level" }, fields);
    expect(cell.label).toMatch(/^Competencies › CAP-1 Assess climate hazards › /);
    const text = checkAnchor("credential_spec", { type: "text", fragment: "text:purpose", start: {}, end: {}, quote: "x".repeat(10) });
    expect(text.label).toBeTruthy();
    expect(() => checkAnchor("credential_spec", { type: "field", path: "nope" })).toThrow(AnchorError);
    expect(() => checkAnchor("credential_spec", { type: "field", path: "title.r1.x" })).toThrow(AnchorError);
    expect(() => checkAnchor("credential_spec", { type: "field", path: "competencies.r1.nope" })).toThrow(AnchorError);
    expect(() => checkAnchor("credential_spec", { type: "text", fragment: "text:nope", start: {}, end: {}, quote: "" })).toThrow(AnchorError);
  });

  it("links to the field's element or the text block", () => {
    expect(anchorHref({ type: "field", path: "competencies.r1.level" })).toBe("#field-competencies-r1-level");
    expect(anchorHref({ type: "text", fragment: "text:purpose", start: {}, end: {}, quote: "" })).toBe("#field-text-purpose");
  });
});
