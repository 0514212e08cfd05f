/**
 * The template form on /documents/<id>/signoff ↔ a SignoffTemplate. Pure, so the browser (to
 * prefill and check) and the server (to parse) agree. Field names are Conform's: `stages[i].name`,
 * `stages[i].parties` (repeated checkboxes, "role:<role>" or "organization:<id>"),
 * `stages[i].quorum.kind` ("all" | "k_of_n"), `stages[i].quorum.k` and `reminderAfterDays` (empty:
 * the default).
 */
import { z } from "zod";
import { SignoffTemplateSchema, type PartyRef, type SignoffTemplate, type TemplateIssue } from "~/modules/signoff/template";

export function partyValue(party: PartyRef): string {
  return party.kind === "role" ? `role:${party.role}` : `organization:${party.organizationId}`;
}

/** A party from its checkbox value; unknown shapes pass through for the schema to refuse. */
function partyFrom(value: string): unknown {
  const [kind, ...rest] = value.split(":");
  const id = rest.join(":");
  if (kind === "role") return { kind: "role", role: id };
  if (kind === "organization") return { kind: "organization", organizationId: id };
  return { kind, value };
}

/** What the form holds: the template with each party as its checkbox value. */
export type TemplateFormValue = {
  stages: Array<{ name: string; parties: string[]; quorum: { kind: "all" | "k_of_n"; k?: number } }>;
  reminderAfterDays?: number;
};

export function templateFormValue(template: SignoffTemplate): TemplateFormValue {
  return { stages: template.stages.map((stage) => ({ ...stage, parties: stage.parties.map(partyValue) })), reminderAfterDays: template.reminderAfterDays };
}

export function blankStage(): TemplateFormValue["stages"][number] {
  return { name: "", parties: [], quorum: { kind: "all" } };
}

/**
 * The submitted form as a SignoffTemplate: the parties' checkbox values become references, then
 * the template's own schema checks the rest, so its messages land on the fields they name.
 */
export const TemplateFormSchema = z
  .object({
    stages: z.array(z.looseObject({ parties: z.array(z.string()).transform((values) => values.map(partyFrom)) })),
    // Conform leaves an empty input out and passes a filled one as text.
    reminderAfterDays: z
      .unknown()
      .transform((value) => (value === undefined || value === "" ? undefined : Number(value)))
      .optional(),
  })
  .pipe(SignoffTemplateSchema);

/**
 * Issues found when resolving the template against the project, on the field that shows them: a
 * party's on its stage's party list, the quorum's on its "Approvals needed" input, anything else on
 * the stage list (shown as the form's error).
 */
export function templateFieldErrors(issues: readonly TemplateIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const match = /^stages\.(\d+)\.(name|parties|quorum)/.exec(issue.path);
    const field = match ? `stages[${match[1]}].${match[2] === "quorum" ? "quorum.k" : match[2]}` : "stages";
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
