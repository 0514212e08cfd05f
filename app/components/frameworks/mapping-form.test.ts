import { ESCO_MAPPING } from "../../../test/support/framework-fixtures";
import { describe, expect, it } from "vitest";
import { fieldsFromMapping, mappingFromFields, MappingFieldsSchema } from "~/components/frameworks/mapping-form";
import type { ColumnMapping } from "~/modules/frameworks/import/mapped-csv";


describe("the column-mapping fields", () => {
  it("round-trips a level mapping (ESCO's) and a parent-code mapping", () => {
    expect(mappingFromFields(fieldsFromMapping(ESCO_MAPPING))).toEqual({ ok: true, mapping: ESCO_MAPPING });
    const parent: ColumnMapping = { code: "Code", statement: "Competency", parentCode: "Parent code" };
    expect(mappingFromFields(fieldsFromMapping(parent))).toEqual({ ok: true, mapping: parent });
  });

  it("reads the submitted form, a select left on none being no column", () => {
    const fields = MappingFieldsSchema.parse({ mode: "parent", code: "Code", statement: " Title ", description: "", parentCode: "" });
    expect(mappingFromFields(fields)).toEqual({ ok: true, mapping: { code: "Code", statement: "Title" } });
  });

  it("takes one statement column for every level when no level names its own", () => {
    const fields = MappingFieldsSchema.parse({ mode: "levels", statement: "Title", levels: [{ code: "L0" }, { code: "L1", statement: "" }, { code: "" }] });
    expect(mappingFromFields(fields)).toEqual({ ok: true, mapping: { levelColumns: ["L0", "L1"], statement: "Title" } });
  });

  it("says which field to fix", () => {
    expect(mappingFromFields({ mode: "parent", code: "Code" })).toMatchObject({ ok: false, field: "statement" });
    expect(mappingFromFields({ mode: "levels", statement: "Title", levels: [] })).toMatchObject({ ok: false, field: "levels" });
    expect(
      mappingFromFields({ mode: "levels", levels: [{ code: "L0", statement: "T0" }, { code: "L1" }] }),
    ).toMatchObject({ ok: false, field: "levels", message: expect.stringContaining("every level") });
    expect(mappingFromFields({ mode: "levels", levels: [{ code: "L0" }] })).toMatchObject({ ok: false, field: "statement" });
  });

  it("starts empty without a suggestion", () => {
    expect(fieldsFromMapping(undefined)).toEqual({ mode: "parent" });
  });
});
