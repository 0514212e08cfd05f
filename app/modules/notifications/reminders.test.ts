import { describe, expect, it } from "vitest";
import type { DecisionRecord } from "~/modules/signoff/machine";
import { notificationTitle } from "./titles";
import { DAY_MS, dueReminders, reminderParams, stageOpenedAt, type DueReminder, type OpenRoundFacts, type ReviewDateFacts } from "./reminders";

const H = "a".repeat(64);
const REQUESTED = new Date(Date.UTC(2026, 2, 2, 9, 0)); // a Monday, 09:00 UTC
const at = (days: number, hours = 0) => new Date(REQUESTED.getTime() + days * DAY_MS + hours * 3_600_000);

function approval(stageIndex: number, organizationId: string, decidedAt: Date, outdated = false): DecisionRecord {
  return { id: `${stageIndex}-${organizationId}`, stageIndex, organizationId, decision: "approved", versionHash: H, decidedBy: "u", comment: null, decidedAt, outdated };
}

/** Two stages: the college and the employer (both needed), then QA. */
function round(decisions: DecisionRecord[] = [], reminderAfterDays?: number, status: "open" | "approved" = "open"): OpenRoundFacts {
  return {
    documentId: "doc",
    documentTitle: "Spec",
    reminderAfterDays,
    round: {
      id: "r1",
      number: 1,
      status,
      stages: [
        { name: "Partners", organizationIds: ["college", "employer"], quorum: { kind: "all" } },
        { name: "Quality assurance", organizationIds: ["qa"], quorum: { kind: "all" } },
      ],
      requestedVersionHash: H,
      currentVersionHash: H,
      revision: 0,
      decisions,
      requestedAt: REQUESTED,
    },
  };
}

const keys = (facts: { openRounds?: OpenRoundFacts[]; reviewDates?: ReviewDateFacts[] }, now: Date) =>
  dueReminders({ openRounds: facts.openRounds ?? [], reviewDates: facts.reviewDates ?? [] }, now).map((r) => r.key);

describe("dueReminders: pending decisions and overdue stages", () => {
  const employerApprovedDay1 = [approval(0, "employer", at(1))];
  const partnersDoneDay2 = [approval(0, "employer", at(1)), approval(0, "college", at(2))];
  const cases: Array<{ name: string; facts: OpenRoundFacts; now: Date; expected: string[] }> = [
    { name: "nothing before the delay (default 3 days)", facts: round(), now: at(2, 23), expected: [] },
    { name: "every pending seat of the open stage on day 3", facts: round(), now: at(3), expected: ["decision:r1:0:college:0", "decision:r1:0:employer:0"] },
    { name: "a seat that decided is not reminded", facts: round(employerApprovedDay1), now: at(4), expected: ["decision:r1:0:college:0"] },
    { name: "still the first occasion a week later minus a moment", facts: round(), now: at(9, 23), expected: ["decision:r1:0:college:0", "decision:r1:0:employer:0", "stage_overdue:r1:0"] },
    { name: "the weekly reminder is a new occasion", facts: round(), now: at(10), expected: ["decision:r1:0:college:1", "decision:r1:0:employer:1", "stage_overdue:r1:0"] },
    { name: "only the latest occasion after a long outage", facts: round(), now: at(25), expected: ["decision:r1:0:college:3", "decision:r1:0:employer:3", "stage_overdue:r1:0"] },
    { name: "overdue at twice the delay", facts: round(), now: at(6), expected: ["decision:r1:0:college:0", "decision:r1:0:employer:0", "stage_overdue:r1:0"] },
    { name: "a template's own delay", facts: round([], 5), now: at(4), expected: [] },
    { name: "a template's own delay, reached", facts: round([], 5), now: at(5), expected: ["decision:r1:0:college:0", "decision:r1:0:employer:0"] },
    { name: "an invalid delay falls back to 3", facts: round([], 0), now: at(3), expected: ["decision:r1:0:college:0", "decision:r1:0:employer:0"] },
    { name: "the next stage counts from when the last partner approved", facts: round(partnersDoneDay2), now: at(4, 23), expected: [] },
    { name: "the next stage's signatory on its day 3", facts: round(partnersDoneDay2), now: at(5), expected: ["decision:r1:1:qa:0"] },
    { name: "an outdated approval reopens the seat, counted from the request", facts: round([approval(0, "employer", at(1), true), approval(0, "college", at(1))]), now: at(3), expected: ["decision:r1:0:employer:0"] },
    { name: "a closed round reminds nobody", facts: round([], undefined, "approved"), now: at(30), expected: [] },
  ];
  it.each(cases)("$name", ({ facts, now, expected }) => {
    expect(keys({ openRounds: [facts] }, now).sort()).toEqual([...expected].sort());
  });

  it("derives when a stage opened", () => {
    const facts = round(partnersDoneDay2);
    expect(stageOpenedAt(facts.round, 0)).toEqual(REQUESTED);
    expect(stageOpenedAt(facts.round, 1)).toEqual(at(2));
  });
});

describe("dueReminders: review dates", () => {
  const review = (date: string, field: ReviewDateFacts["field"] = "nextReviewDate"): ReviewDateFacts => ({ documentId: "doc", documentTitle: "Spec", field, date });
  const cases: Array<{ name: string; review: ReviewDateFacts; now: string; expected: string[] }> = [
    { name: "31 days ahead: not yet", review: review("2026-06-30"), now: "2026-05-30T23:59:59Z", expected: [] },
    { name: "30 days ahead: due", review: review("2026-06-30"), now: "2026-05-31T00:00:00Z", expected: ["review:doc:nextReviewDate:2026-06-30"] },
    { name: "evidence review, same rule", review: review("2026-06-30", "evidenceReviewDate"), now: "2026-06-15T00:00:00Z", expected: ["review:doc:evidenceReviewDate:2026-06-30"] },
    { name: "a past date is still due once (same key)", review: review("2026-01-01"), now: "2026-06-15T00:00:00Z", expected: ["review:doc:nextReviewDate:2026-01-01"] },
    { name: "not a date", review: review("next spring"), now: "2026-06-15T00:00:00Z", expected: [] },
  ];
  it.each(cases)("$name", ({ review, now, expected }) => {
    expect(keys({ reviewDates: [review] }, new Date(now))).toEqual(expected);
  });
});

describe("reminder titles", () => {
  it("name the document and how long it waited, in each language", () => {
    const [decision, overdue] = dueReminders({ openRounds: [round([approval(0, "employer", at(1))])], reviewDates: [] }, at(7));
    const title = (locale: "en" | "fr", reminder: DueReminder) => notificationTitle(locale, { kind: reminder.type === "decision" ? "decision_reminder" : "stage_overdue", params: reminderParams(reminder) });
    expect(title("en", decision!)).toBe("Reminder: Spec has waited 7 days for your organization's decision");
    expect(title("en", overdue!)).toBe("Sign-off stage “Partners” of Spec is overdue (open 7 days)");
    expect(title("fr", decision!)).toBe("Rappel : Spec attend la décision de votre organisation depuis 7 jours");
  });

  it("word the two review dates differently", () => {
    const review = (field: "evidenceReviewDate" | "nextReviewDate") => notificationTitle("en", { kind: "review_due", params: { document: "Spec", field, date: "2027-01-31" } });
    expect(review("evidenceReviewDate")).toBe("Labour-market evidence of Spec is due for review by 2027-01-31");
    expect(review("nextReviewDate")).toBe("Spec is due for its credential review on 2027-01-31");
  });
});
