import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { defaultTemplate, parseTemplate } from "~/modules/signoff/template";
import { TemplateFormSchema, templateFieldErrors, templateFormValue } from "~/modules/signoff/template-form";

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

const submit = (entries: Array<[string, string]>) => parseWithZod(form(entries), { schema: TemplateFormSchema });

describe("template form", () => {
  it("reads the reminder delay: empty is the default, a number is kept, zero is refused", () => {
    const stage: Array<[string, string]> = [
      ["stages[0].name", "Partners"],
      ["stages[0].parties", "role:lead_institution"],
      ["stages[0].quorum.kind", "all"],
    ];
    const empty = submit(stage);
    expect(empty.status === "success" && empty.value.reminderAfterDays).toBeUndefined();
    const five = submit([...stage, ["reminderAfterDays", "5"]]);
    expect(five.status === "success" && five.value.reminderAfterDays).toBe(5);
    expect(templateFormValue({ ...defaultTemplate("credential_spec", participants), reminderAfterDays: 5 }).reminderAfterDays).toBe(5);
    const zero = submit([...stage, ["reminderAfterDays", "0"]]);
    expect(zero.status).toBe("error");
    expect(zero.reply().error?.reminderAfterDays).toEqual(["Remind after at least 1 day"]);
  });

  it("reads stages, parties and quorum into a template that resolves", () => {
    const submission = submit([
      ["intent", "save_template"],
      ["stages[0].name", "Partners"],
      ["stages[0].parties", "role:lead_institution"],
      ["stages[0].parties", "organization:employer"],
      ["stages[0].quorum.kind", "k_of_n"],
      ["stages[0].quorum.k", "1"],
      ["stages[1].name", "QA"],
      ["stages[1].parties", "role:qa_reviewer"],
      ["stages[1].quorum.kind", "all"],
    ]);
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(parseTemplate(submission.value, participants)).toMatchObject({
      ok: true,
      stages: [
        { name: "Partners", organizationIds: ["college", "employer"], quorum: { kind: "k_of_n", k: 1 } },
        { name: "QA", organizationIds: ["qa"], quorum: { kind: "all" } },
      ],
    });
  });

  it("puts every problem on the field that shows it", () => {
    const submission = submit([
      ["stages[0].name", " "],
      ["stages[0].quorum.kind", "k_of_n"],
      ["stages[0].quorum.k", "two"],
      ["stages[1].name", ""],
      ["stages[1].parties", "role:lead_institution"],
      ["stages[1].quorum.kind", "k_of_n"],
      ["stages[1].quorum.k", ""],
    ]);
    expect(submission.reply().error).toEqual({
      "stages[0].name": ["Name the stage"],
      "stages[0].parties": ["A stage needs at least one party"],
      "stages[0].quorum.k": ["The quorum must be a whole number"],
      "stages[1].name": ["Name the stage"],
      "stages[1].quorum.k": ["The quorum must be a whole number"],
    });
    // Once the shape is right, a party listed twice is refused where it is listed again.
    const twice = submit([
      ["stages[0].name", "S"],
      ["stages[0].parties", "role:lead_institution"],
      ["stages[0].quorum.kind", "all"],
      ["stages[1].name", "T"],
      ["stages[1].parties", "role:lead_institution"],
      ["stages[1].quorum.kind", "all"],
    ]);
    expect(twice.reply().error).toEqual({ "stages[1].parties[0]": ["Already listed at stage 1"] });
  });

  it("puts problems found against the project on the party list or the quorum", () => {
    const submission = submit([
      ["stages[0].name", "S"],
      ["stages[0].parties", "organization:stranger"],
      ["stages[0].quorum.kind", "all"],
      ["stages[1].name", "T"],
      ["stages[1].parties", "organization:qa"],
      ["stages[1].quorum.kind", "k_of_n"],
      ["stages[1].quorum.k", "2"],
    ]);
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.reply().error));
    // A stranger organization is only found when resolving, after the shape is valid.
    const resolved = parseTemplate(submission.value, participants);
    expect(templateFieldErrors(resolved.ok ? [] : resolved.issues)).toEqual({
      "stages[0].parties": ["This organization does not take part in the project", "No organization of the project holds a seat in this stage"],
      "stages[1].quorum.k": ["The quorum (2) is larger than the stage (1)"],
    });
  });

  it("refuses a form without stages, on the stage list", () => {
    expect(submit([["intent", "save_template"]]).reply().error).toEqual({ stages: ["A template needs at least one stage"] });
  });

  it("prefills the form with the template it shows", () => {
    const template = defaultTemplate("credential_spec", participants);
    expect(templateFormValue(template).stages[0]).toEqual({ name: "Partners", parties: ["role:lead_institution", "role:employer_partner"], quorum: { kind: "all" } });
    const entries = templateFormValue(template).stages.flatMap((stage, i): Array<[string, string]> => [
      [`stages[${i}].name`, stage.name],
      ...stage.parties.map((party): [string, string] => [`stages[${i}].parties`, party]),
      [`stages[${i}].quorum.kind`, stage.quorum.kind],
    ]);
    const submission = submit(entries);
    expect(submission.status === "success" ? submission.value : null).toEqual(template);
  });
});
