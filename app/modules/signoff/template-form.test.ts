import { describe, expect, it } from "vitest";
import { parseTemplate } from "./template";
import { templateFieldErrors, templateFromForm } from "./template-form";

const participants = [
  { organizationId: "college", role: "lead_institution" as const },
  { organizationId: "employer", role: "employer_partner" as const },
  { organizationId: "qa", role: "qa_reviewer" as const },
];

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("template form", () => {
  it("reads stages, parties and quorum into a template that resolves", () => {
    const input = templateFromForm(
      form([
        ["stageCount", "2"],
        ["stages.0.name", "Partners"],
        ["stages.0.parties", "role:lead_institution"],
        ["stages.0.parties", "organization:employer"],
        ["stages.0.quorum", "k_of_n"],
        ["stages.0.k", "1"],
        ["stages.1.name", "QA"],
        ["stages.1.parties", "role:qa_reviewer"],
        ["stages.1.quorum", "all"],
      ]),
    );
    const parsed = parseTemplate(input, participants);
    expect(parsed).toMatchObject({
      ok: true,
      stages: [
        { name: "Partners", organizationIds: ["college", "employer"], quorum: { kind: "k_of_n", k: 1 } },
        { name: "QA", organizationIds: ["qa"], quorum: { kind: "all" } },
      ],
    });
  });

  it("maps every problem to the field that shows it", () => {
    const input = templateFromForm(
      form([
        ["stageCount", "2"],
        ["stages.0.name", " "],
        ["stages.0.quorum", "k_of_n"],
        ["stages.0.k", "two"],
        ["stages.1.name", "Later"],
        ["stages.1.parties", "organization:stranger"],
      ]),
    );
    const parsed = parseTemplate(input, participants);
    expect(parsed.ok).toBe(false);
    const errors = templateFieldErrors(parsed.ok ? [] : parsed.issues);
    expect(errors).toMatchObject({
      "stages.0.name": "Name the stage",
      "stages.0.parties": "A stage needs at least one party",
      "stages.0.k": "The quorum must be a whole number",
    });
    // A stranger organization is only found when resolving, after the shape is valid.
    const resolved = parseTemplate(
      templateFromForm(form([["stageCount", "1"], ["stages.0.name", "S"], ["stages.0.parties", "organization:stranger"]])),
      participants,
    );
    expect(templateFieldErrors(resolved.ok ? [] : resolved.issues)).toMatchObject({ "stages.0.parties": "This organization does not take part in the project" });
  });

  it("refuses a form without stages", () => {
    const parsed = parseTemplate(templateFromForm(form([["stageCount", "0"]])), participants);
    expect(templateFieldErrors(parsed.ok ? [] : parsed.issues)).toEqual({ form: "A template needs at least one stage" });
  });
});
