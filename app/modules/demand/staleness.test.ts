import { describe, expect, it } from "vitest";
import { monthsBetween, periodRange } from "~/modules/demand/periods";
import { demandFlags, reviewMonths, type DemandSubject } from "~/modules/demand/staleness";

const occupation: DemandSubject = { kind: "occupation", rowId: "o1", label: "21300 Civil engineers", keys: ["21300"] };
const competency: DemandSubject = { kind: "competency", rowId: "c1", label: "CAP.1.1", keys: ["CAP.1.1", "https://x.example/CAP.1.1"] };

describe("demand staleness", () => {
  it("spans periods", () => {
    expect(periodRange("2024")).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(periodRange("2024-Q1")).toEqual({ start: "2024-01-01", end: "2024-03-31" });
    expect(periodRange("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodRange("2024-13")).toBeNull();
    expect(monthsBetween("2025-06-30", "2026-06-30")).toBe(12);
    expect(monthsBetween("2025-06-30", "2026-06-29")).toBe(11);
  });

  it("flags no evidence, and evidence older than the review period", () => {
    const today = "2026-12-04";
    expect(demandFlags([occupation, competency], {}, today, 12).map((f) => [f.type, f.message])).toEqual([
      ["none", "No demand evidence"],
      ["none", "No demand evidence"],
    ]);
    // Any of a subject's keys counts; the latest period end decides.
    const fresh = { "21300": "2026-09-30", "https://x.example/CAP.1.1": "2025-09-30", "CAP.1.1": "2024-12-31" };
    const flags = demandFlags([occupation, competency], fresh, today, 12);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ type: "stale", subject: competency, latest: "2025-09-30", months: 14, message: "Demand evidence older than 12 months" });
    // A longer review period clears it; exactly the period is not yet stale.
    expect(demandFlags([competency], fresh, today, 24)).toEqual([]);
    expect(demandFlags([competency], { "CAP.1.1": "2025-12-04" }, today, 12)).toEqual([]);
  });

  it("defaults the review period to 12 months", () => {
    expect(reviewMonths(undefined)).toBe(12);
    expect(reviewMonths(0)).toBe(12);
    expect(reviewMonths(6)).toBe(6);
  });
});

describe("the specification's demand warnings", () => {
  it("appear as checklist warnings on the occupation and competency rows when the page brings demand data", async () => {
    const { validateFields } = await import("~/modules/documents/model");
    const fields = {
      occupations: [
        { id: "o1", system: "noc_2021", code: "21300", title: "Civil engineers" },
        { id: "o2", system: "noc_2021", code: "21310", title: "Electrical engineers" },
      ],
      competencies: [{ id: "c1", source: "custom", code: "CAP.1.1", title: "Interpret projections", level: "3", essential: true }],
      evidenceReviewMonths: 12,
    };
    const demand = { "21300": "2026-09-30", "21310": "2024-12-31" };
    const warnings = validateFields("credential_spec", fields, { today: "2026-12-04", demand }).filter((i) => /demand/i.test(i.message));
    expect(warnings.map((w) => [w.path, w.severity, w.message])).toEqual([
      ["occupations.o2.code", "warning", "Demand evidence older than 12 months"],
      ["competencies.c1.code", "warning", "No demand evidence"],
    ]);
    // Without the data (a time-independent check, the stored checklist) nothing is claimed.
    expect(validateFields("credential_spec", fields, { today: "2026-12-04" }).filter((i) => /demand/i.test(i.message))).toEqual([]);
  });
});
