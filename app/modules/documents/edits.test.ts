import { describe, expect, it } from "vitest";
import { actingOrganization, authorsOfChanges, describeEditedFields, editedFieldLabel } from "~/modules/documents/edits";
import { canonicalFrom, diffCanonical } from "~/modules/documents/model";

describe("actingOrganization", () => {
  const project = {
    participants: [
      { organizationId: "partner", role: "partner_institution" as const },
      { organizationId: "lead", role: "lead_institution" as const },
      { organizationId: "employer", role: "employer_partner" as const },
    ],
  };
  it("is the person's organization that takes part, the first in project role order", () => {
    expect(actingOrganization([{ organizationId: "partner", role: "member" }, { organizationId: "lead", role: "member" }], project)).toBe("lead");
    expect(actingOrganization([{ organizationId: "elsewhere", role: "admin" }, { organizationId: "employer", role: "member" }], project)).toBe("employer");
    expect(actingOrganization([{ organizationId: "elsewhere", role: "admin" }], project)).toBeNull();
  });
});

describe("describeEditedFields", () => {
  it("names fields by label in document order, with how many rows", () => {
    expect(
      describeEditedFields("credential_spec", [
        { fieldKey: "occupations", rowId: "r1" },
        { fieldKey: "title", rowId: null },
        { fieldKey: "occupations", rowId: "r2" },
        { fieldKey: "occupations", rowId: "r1" },
        { fieldKey: "text:purpose", rowId: null },
      ]),
    ).toBe("Credential title, Who it is for and what holders can do, Target occupations (2 rows)");
    expect(describeEditedFields("assessment_plan", [{ fieldKey: "coverage", rowId: "c1" }])).toMatch(/ \(1 competency\)$/);
    expect(editedFieldLabel("credential_spec", "gone")).toBe("gone");
  });
});

describe("authorsOfChanges", () => {
  it("names who edited each changed field and row", () => {
    const before = canonicalFrom("credential_spec", { title: "A", occupations: [{ id: "r1", code: "1" }, { id: "r2", code: "2" }] }, {});
    const after = canonicalFrom("credential_spec", { title: "B", occupations: [{ id: "r1", code: "1b" }, { id: "r2", code: "2" }] }, {});
    const diff = diffCanonical(before, after);
    const authors = authorsOfChanges(diff, [
      { fieldKey: "title", rowId: null, person: "Maya Okafor", organization: "Northwind Energy" },
      { fieldKey: "occupations", rowId: "r1", person: "Daniel Tremblay", organization: "Lakeshore College" },
      { fieldKey: "occupations", rowId: "r2", person: "Priya Raman", organization: "Prairie University" },
    ]);
    expect(authors.title).toEqual(["Maya Okafor, Northwind Energy"]);
    const rowChange = diff.fields.find((change) => change.rowId === "r1")!;
    expect(authors[rowChange.path]).toEqual(["Daniel Tremblay, Lakeshore College"]);
  });
});
