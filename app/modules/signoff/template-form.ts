/**
 * The template form on /documents/<id>/signoff ↔ a SignoffTemplate. Pure, so the browser (to
 * prefill) and the server (to parse) agree. Field names: `stages.<i>.name`, `stages.<i>.parties`
 * (repeated, "role:<role>" or "organization:<id>"), `stages.<i>.quorum` ("all" | "k_of_n") and
 * `stages.<i>.k`; `stageCount` says how many stages were submitted.
 */
import type { PartyRef, SignoffTemplate, TemplateIssue } from "./template";
import { MAX_STAGES } from "./template";

export function partyValue(party: PartyRef): string {
  return party.kind === "role" ? `role:${party.role}` : `organization:${party.organizationId}`;
}

/** A party from its form value; unknown shapes pass through for the schema to refuse. */
function partyFrom(value: string): unknown {
  const [kind, ...rest] = value.split(":");
  const id = rest.join(":");
  if (kind === "role") return { kind: "role", role: id };
  if (kind === "organization") return { kind: "organization", organizationId: id };
  return { kind, value };
}

/** The submitted template, unvalidated (parseTemplate validates and resolves it). */
export function templateFromForm(form: { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] }): unknown {
  const count = Math.min(Math.max(Number.parseInt(String(form.get("stageCount") ?? "0"), 10) || 0, 0), MAX_STAGES + 1);
  const stages = Array.from({ length: count }, (_, i) => {
    const quorum = String(form.get(`stages.${i}.quorum`) ?? "all");
    const k = String(form.get(`stages.${i}.k`) ?? "").trim();
    return {
      name: String(form.get(`stages.${i}.name`) ?? ""),
      parties: form.getAll(`stages.${i}.parties`).map((value) => partyFrom(String(value))),
      // An empty or non-numeric k reaches the schema as NaN, which it refuses with a message.
      quorum: quorum === "k_of_n" ? { kind: "k_of_n", k: k === "" ? Number.NaN : Number(k) } : { kind: "all" },
    };
  });
  return { stages };
}

/**
 * One message per form field: issues about a party point at the stage's party list, issues inside
 * the quorum at its k input, the rest at the template ("form").
 */
export function templateFieldErrors(issues: readonly TemplateIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const match = /^stages\.(\d+)\.(name|parties|quorum)/.exec(issue.path);
    const key = match ? `stages.${match[1]}.${match[2] === "quorum" ? "k" : match[2]}` : "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function blankStage(): SignoffTemplate["stages"][number] {
  return { name: "", parties: [], quorum: { kind: "all" } };
}
