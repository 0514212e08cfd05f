import { describe, expect, it } from "vitest";
import type { ProjectRole } from "~/modules/permissions/roles";
import {
  checkResolvedStages,
  defaultTemplate,
  mayAdjustTemplate,
  parseTemplate,
  requiredApprovals,
  resolveTemplate,
  type ProjectParticipant,
  type SignoffTemplate,
} from "~/modules/signoff/template";

const p = (organizationId: string, role: ProjectRole): ProjectParticipant => ({ organizationId, role });
const full = [
  p("college", "lead_institution"),
  p("university", "partner_institution"),
  p("employer-b", "employer_partner"),
  p("employer-a", "employer_partner"),
  p("body", "professional_body"),
  p("qa", "qa_reviewer"),
];

function resolvedOrThrow(template: SignoffTemplate, participants: ProjectParticipant[]) {
  const result = resolveTemplate(template, participants);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.stages;
}

describe("defaultTemplate", () => {
  it("stage 1: every partner party; stage 2: the QA reviewer", () => {
    const template = defaultTemplate("credential_spec", full);
    expect(template.stages.map((s) => s.name)).toEqual(["Partners", "Quality assurance"]);
    expect(resolvedOrThrow(template, full)).toEqual([
      { name: "Partners", organizationIds: ["college", "university", "employer-a", "employer-b", "body"], quorum: { kind: "all" } },
      { name: "Quality assurance", organizationIds: ["qa"], quorum: { kind: "all" } },
    ]);
  });

  it("leaves out the professional body and the QA stage when the project has none", () => {
    const participants = [p("college", "lead_institution"), p("employer", "employer_partner")];
    const template = defaultTemplate("credential_spec", participants);
    expect(template.stages).toHaveLength(1);
    expect(template.stages[0]!.parties).toEqual([
      { kind: "role", role: "lead_institution" },
      { kind: "role", role: "employer_partner" },
    ]);
    expect(resolveTemplate(template, participants).ok).toBe(true);
  });

  it("a work-based learning agreement asks its own parties: the employers and the institutions, not the professional body; then QA", () => {
    const template = defaultTemplate("wbl_agreement", full);
    expect(template.stages.map((s) => s.name)).toEqual(["Parties to the agreement", "Quality assurance"]);
    expect(resolvedOrThrow(template, full)).toEqual([
      { name: "Parties to the agreement", organizationIds: ["employer-a", "employer-b", "college", "university"], quorum: { kind: "all" } },
      { name: "Quality assurance", organizationIds: ["qa"], quorum: { kind: "all" } },
    ]);
  });

  it("every other kind keeps every partner party", () => {
    for (const kind of ["credential_spec", "assessment_plan"] as const) {
      expect(resolvedOrThrow(defaultTemplate(kind, full), full)[0]!.organizationIds).toContain("body");
    }
  });
});

describe("resolveTemplate", () => {
  it("expands a role to every organization holding it, and keeps named organizations", () => {
    const stages = resolvedOrThrow(
      {
        stages: [
          { name: "Employers", parties: [{ kind: "role", role: "employer_partner" }], quorum: { kind: "k_of_n", k: 1 } },
          { name: "Lead", parties: [{ kind: "organization", organizationId: "college" }], quorum: { kind: "all" } },
        ],
      },
      full,
    );
    expect(stages.map((s) => s.organizationIds)).toEqual([["employer-a", "employer-b"], ["college"]]);
    expect(stages.map(requiredApprovals)).toEqual([1, 1]);
  });

  it("gives an organization named twice in one stage (by role and by name) one seat", () => {
    const stages = resolvedOrThrow(
      {
        stages: [
          {
            name: "S",
            parties: [
              { kind: "role", role: "employer_partner" },
              { kind: "organization", organizationId: "employer-a" },
            ],
            quorum: { kind: "all" },
          },
        ],
      },
      full,
    );
    expect(stages[0]!.organizationIds).toEqual(["employer-a", "employer-b"]);
  });

  it.each([
    [
      "an organization outside the project",
      { stages: [{ name: "S", parties: [{ kind: "organization", organizationId: "stranger" }], quorum: { kind: "all" } }] },
      ["stages.0.parties.0", "stages.0.parties"],
    ],
    [
      "a stage whose role nobody holds",
      { stages: [{ name: "S", parties: [{ kind: "role", role: "professional_body" }], quorum: { kind: "all" } }] },
      ["stages.0.parties"],
    ],
    [
      "a quorum above the stage size",
      { stages: [{ name: "S", parties: [{ kind: "role", role: "employer_partner" }], quorum: { kind: "k_of_n", k: 3 } }] },
      ["stages.0.quorum"],
    ],
    [
      "an organization in two stages",
      {
        stages: [
          { name: "A", parties: [{ kind: "role", role: "employer_partner" }], quorum: { kind: "all" } },
          { name: "B", parties: [{ kind: "organization", organizationId: "employer-a" }], quorum: { kind: "all" } },
        ],
      },
      ["stages.1.parties.0", "stages.1.parties"],
    ],
  ] as const)("refuses %s", (_, template, paths) => {
    const participants = full.filter((x) => x.role !== "professional_body");
    const result = resolveTemplate(template as unknown as SignoffTemplate, participants);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(paths);
  });
});

describe("parseTemplate", () => {
  it("accepts an adjusted template and trims names", () => {
    const result = parseTemplate(
      {
        stages: [
          { name: "  Employers ", parties: [{ kind: "role", role: "employer_partner" }], quorum: { kind: "k_of_n", k: 2 }, extra: 1 },
          { name: "QA", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } },
        ],
      },
      full,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.template.stages[0]).toEqual({
        name: "Employers",
        parties: [{ kind: "role", role: "employer_partner" }],
        quorum: { kind: "k_of_n", k: 2 },
      });
      expect(result.stages[0]!.organizationIds).toEqual(["employer-a", "employer-b"]);
    }
  });

  it.each([
    ["no stages", { stages: [] }, "stages"],
    ["a stage without parties", { stages: [{ name: "S", parties: [], quorum: { kind: "all" } }] }, "stages.0.parties"],
    ["an unknown role", { stages: [{ name: "S", parties: [{ kind: "role", role: "sponsor" }], quorum: { kind: "all" } }] }, "stages.0.parties.0.role"],
    ["a quorum of 0", { stages: [{ name: "S", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "k_of_n", k: 0 } }] }, "stages.0.quorum.k"],
    ["a fractional quorum", { stages: [{ name: "S", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "k_of_n", k: 1.5 } }] }, "stages.0.quorum.k"],
    ["a blank stage name", { stages: [{ name: "  ", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] }, "stages.0.name"],
    [
      "the same party in two stages",
      {
        stages: [
          { name: "A", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } },
          { name: "B", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } },
        ],
      },
      "stages.1.parties.0",
    ],
    ["something else entirely", "stages", ""],
  ] as const)("refuses %s", (_, input, path) => {
    const result = parseTemplate(input, full);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });
});

describe("checkResolvedStages", () => {
  it("accepts resolved default stages and refuses duplicates and oversize quorums", () => {
    expect(checkResolvedStages(resolvedOrThrow(defaultTemplate("credential_spec", full), full))).toEqual([]);
    expect(
      checkResolvedStages([
        { name: "A", organizationIds: ["x", "x"], quorum: { kind: "all" } },
        { name: "B", organizationIds: ["y"], quorum: { kind: "k_of_n", k: 2 } },
      ]).map((i) => i.path),
    ).toEqual(["0.organizationIds", "1.quorum"]);
  });
});

describe("mayAdjustTemplate", () => {
  it.each([
    ["draft", ["lead_institution"], true],
    ["changes_requested", ["lead_institution"], true],
    ["in_review", ["lead_institution"], false],
    ["approved", ["lead_institution"], false],
    ["draft", ["employer_partner"], false],
    ["draft", [], false],
  ] as const)("%s, roles %j: %s", (status, roles, expected) => {
    expect(mayAdjustTemplate(status, roles)).toBe(expected);
  });
});
