import { describe, expect, it } from "vitest";
import { validateFields } from "~/modules/documents/model/validate";

const base = { startDate: "2027-02-03", endDate: "2027-04-21", hoursPerWeek: 6, totalHours: 60, onTheJobHours: 48, offTheJobHours: 12, reviewDate: "2027-03-10" };
const issues = (fields: Record<string, unknown>, context = {}) =>
  validateFields("wbl_agreement", { ...base, ...fields } as never, context).map((i) => [i.path, i.severity, i.message]);

describe("WBL agreement rules", () => {
  it("accepts consistent dates and hours", () => {
    expect(issues({})).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, [string, string, string][]]>([
    ["end before start", { endDate: "2027-01-01" }, [["endDate", "error", "The end date must be after the start date."]]],
    ["review outside the placement", { reviewDate: "2027-06-01" }, [["reviewDate", "warning", "The review date is outside the placement dates."]]],
    ["hours that do not add up", { offTheJobHours: 20 }, [["offTheJobHours", "warning", "On-the-job and off-the-job hours add up to 68, not the 60 hours of the placement."]]],
    [
      "more hours than the weeks allow",
      { totalHours: 120, onTheJobHours: 100, offTheJobHours: 20 },
      [["totalHours", "warning", "6 hours a week between these dates gives about 66 hours, fewer than 120."]],
    ],
    ["milestone after the end", { milestones: [{ id: "m1", title: "Late", due: "2027-05-01" }] }, [["milestones.m1.due", "warning", "This milestone falls outside the placement dates."]]],
  ])("%s", (_name, fields, expected) => {
    expect(issues(fields)).toEqual(expected);
  });

  it("flags a competency listed twice and one that is not in the linked plan", () => {
    const fields = {
      workCompetencies: [
        { id: "w1", competencyId: "c1" },
        { id: "w2", competencyId: "c1" },
        { id: "w3", competencyId: "c9" },
      ],
    };
    expect(issues(fields)).toEqual([["workCompetencies.w2.competencyId", "error", "This competency is already listed."]]);
    const linked = [{ id: "c1", code: "A", title: "T", framework: null, level: null, essential: null }];
    expect(issues(fields, { linkedCompetencies: linked })).toContainEqual(["workCompetencies.w3.competencyId", "warning", "This competency is not in the linked assessment plan."]);
  });
});
