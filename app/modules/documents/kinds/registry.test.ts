import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "~/modules/permissions/roles";
import { tableOfContents } from "~/modules/documents/model/toc";
import type { FieldDef, RowFieldDef } from "~/modules/documents/model/types";
import { KIND_DEFINITIONS, kindDefinition, kindIndex, LINKED_DOCUMENT, rowsField } from "~/modules/documents/kinds/registry";

/** The definitions are data the UI trusts blindly: check them like a schema. */
describe.each(DOCUMENT_KINDS)("kind definition %s", (kind) => {
  const definition = kindDefinition(kind);
  const index = kindIndex(kind);

  it("is registered under its own kind, with sections in a table of contents", () => {
    expect(KIND_DEFINITIONS[kind].kind).toBe(kind);
    const toc = tableOfContents(kind);
    expect(toc.length).toBeGreaterThan(3);
    expect(new Set(toc.map((s) => s.key)).size).toBe(toc.length);
    expect(toc[0]).toEqual({ key: definition.sections[0]!.key, title: definition.sections[0]!.title, anchor: `section-${definition.sections[0]!.key}`, order: 0 });
    for (const section of definition.sections) expect(section.items.length, section.key).toBeGreaterThan(0);
  });

  it("has a required title field, as the projection reads it", () => {
    expect(index.fieldByKey.get("title")?.field).toMatchObject({ type: "text", required: true });
  });

  it("uses keys that are safe in paths and anchors, and human labels", () => {
    const keys = [...index.fields.map((f) => f.key), ...index.texts.map((t) => t.key)];
    for (const key of keys) expect(key).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    const all: (FieldDef | RowFieldDef)[] = [...index.fields, ...index.fields.flatMap((f) => (f.type === "rows" ? f.fields : []))];
    for (const field of all) {
      expect(field.label.trim().length, field.key).toBeGreaterThan(1);
      expect(field.label, field.key).not.toMatch(/[a-z][A-Z]|_/); // no camelCase or snake_case leaking to people
    }
  });

  it("declares options, conditions, row titles and key fields that exist", () => {
    for (const field of index.fields) {
      const siblings = new Map(index.fields.map((f) => [f.key, f]));
      if (field.type === "select" || field.type === "multiselect") {
        expect(field.options.length, field.key).toBeGreaterThan(0);
        expect(new Set(field.options.map((o) => o.value)).size, field.key).toBe(field.options.length);
      }
      if (field.showWhen) expect(siblings.has(field.showWhen.field), field.key).toBe(true);
      if (field.type === "rows") {
        const cells = new Map(field.fields.map((c) => [c.key, c]));
        expect(cells.size, field.key).toBe(field.fields.length);
        expect(cells.has("id"), `${field.key} must not define an "id" cell`).toBe(false);
        for (const key of field.titleFields) expect(cells.has(key), `${field.key}.${key}`).toBe(true);
        for (const cell of field.fields) {
          if (cell.showWhen) expect(cells.has(cell.showWhen.field), `${field.key}.${cell.key}`).toBe(true);
          if (cell.type === "select" || cell.type === "multiselect") expect(cell.options.length).toBeGreaterThan(0);
        }
        expect(rowsField(kind, field.key)).toBe(field);
      }
      if (field.initial !== undefined && field.type === "select") expect(field.options.some((o) => o.value === field.initial)).toBe(true);
    }
    for (const key of definition.keyFields) expect(index.fieldByKey.has(key), key).toBe(true);
  });

  it("refuses lookups of fields that are not rows", () => {
    expect(() => rowsField(kind, "title")).toThrow();
  });
});

describe("kind lookups", () => {
  it("refuses an unknown kind", () => {
    expect(() => kindDefinition("memo" as never)).toThrow(/Unknown document kind/);
  });
});

describe("LINKED_DOCUMENT", () => {
  it("follows the kinds' competency-source fields: plan → specification, agreement → plan", () => {
    expect(LINKED_DOCUMENT).toEqual({
      assessment_plan: { field: "credentialSpecId", kind: "credential_spec" },
      wbl_agreement: { field: "assessmentPlanId", kind: "assessment_plan" },
    });
  });

  it.each(DOCUMENT_KINDS)("gives a coverage matrix to %s only if it has a linked document and the matrix's columns exist", (kind) => {
    for (const field of kindIndex(kind).fields) {
      if (field.type !== "coverage") continue;
      expect(LINKED_DOCUMENT[kind]).toBeDefined();
      expect(kindIndex(kind).fields.some((f) => f.key === field.columnsFrom && f.type === "rows")).toBe(true);
    }
  });
});
