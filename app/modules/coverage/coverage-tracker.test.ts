import { describe, expect, it } from "vitest";
import { CoverageTracker } from "~/modules/coverage/coverage-tracker";
import { computeCoverage, type CoverageAssessment, type CoverageCompetency } from "~/modules/coverage/rules";

const competencies: CoverageCompetency[] = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, code: `C${i}`, title: null, branch: `B${i % 4}`, essential: i % 5 !== 0 }));
const methods = ["observation", "logbook_signoff", "written_examination", "self_report", null];
const assessments: CoverageAssessment[] = methods.map((method, i) => ({ id: `a${i}`, name: `A${i}`, method, setting: i % 2 ? "workplace" : "institution", assessmentOnlyRoute: i === 2 }));

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function* random(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x / 2147483648;
  }
}

describe("CoverageTracker", () => {
  it.each([false, true])("gives computeCoverage's report after every one of 300 random ticks and unticks (route required: %s)", (routeRequired) => {
    const cells = new Set<string>(["a0|c1", "a1|c2", "a9|c3", "a2|c99"]);
    const pairs = () => [...cells].map((key) => key.split("|") as [string, string]);
    const tracker = new CoverageTracker(competencies, assessments, routeRequired, pairs());
    const next = random(routeRequired ? 7 : 11);
    for (let step = 0; step < 300; step++) {
      const key = `a${Math.floor(next.next().value * 6)}|c${Math.floor(next.next().value * 42)}`;
      const on = next.next().value < 0.6;
      if (on) cells.add(key);
      else cells.delete(key);
      const [assessmentId, competencyId] = key.split("|") as [string, string];
      tracker.setCell(assessmentId, competencyId, on);
      if (step % 7 === 0 || step === 299) expect(tracker.report()).toEqual(computeCoverage({ competencies, assessments, cells: pairs(), routeRequired }));
    }
  });

  it("keeps the same report object until something changes, and knows each competency's ticks", () => {
    const tracker = new CoverageTracker(competencies, assessments, false, [["a0", "c1"]]);
    const first = tracker.report();
    expect(tracker.report()).toBe(first);
    tracker.setCell("a0", "c1", false); // present: a change
    tracker.setCell("a0", "c1", false); // already gone: nothing
    expect(tracker.report()).not.toBe(first);
    expect([...tracker.tickedFor("c1")]).toEqual([]);
    tracker.setCell("a1", "c1", true);
    expect([...tracker.tickedFor("c1")]).toEqual(["a1"]);
  });
});
