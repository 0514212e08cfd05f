import { describe, expect, it } from "vitest";
import { commentCountText, openCountsByPlace, placeOf, threadsAt } from "~/components/comments/comment-index";
import type { Anchor } from "~/modules/comments/anchors";

const field = (path: string): Anchor => ({ type: "field", path });
const text = (fragment: string): Anchor => ({ type: "text", fragment, start: {}, end: {}, quote: "flood risk" });
const thread = (id: string, anchor: Anchor, status: "open" | "resolved" = "open") => ({ id, anchor, status });

const THREADS = [
  thread("t1", field("title")),
  thread("t2", field("title")),
  thread("t3", field("title"), "resolved"),
  thread("t4", field("competencies.r1")),
  thread("t5", field("competencies.r1.level")),
  thread("t6", field("competencies.r2.outcome"), "resolved"),
  thread("t7", text("text:purpose")),
  thread("t8", field("text:purpose")),
  thread("t9", field("competencies.r10")),
];

describe("comment counts per place", () => {
  it("counts open threads on a field, leaving resolved ones out", () => {
    expect(openCountsByPlace(THREADS).get("title")).toBe(2);
  });

  it("counts a row's own threads and its cells' threads on the row", () => {
    const counts = openCountsByPlace(THREADS);
    expect(counts.get("competencies.r1")).toBe(2);
    expect(counts.get("competencies.r1.level")).toBe(1);
    // Only resolved threads: no badge. A row id that starts like another is another row.
    expect(counts.get("competencies.r2")).toBeUndefined();
    expect(counts.get("competencies.r10")).toBe(1);
    // The rows field itself is a place of its own, not the sum of its rows.
    expect(counts.get("competencies")).toBeUndefined();
  });

  it("puts words selected in a text block and the block itself on the same place", () => {
    expect(placeOf(text("text:purpose"))).toBe("text:purpose");
    expect(openCountsByPlace(THREADS).get("text:purpose")).toBe(2);
  });

  it("lists a place's threads, open and resolved, in the order given", () => {
    expect(threadsAt(THREADS, "title").map((t) => t.id)).toEqual(["t1", "t2", "t3"]);
    expect(threadsAt(THREADS, "competencies.r1").map((t) => t.id)).toEqual(["t4", "t5"]);
    expect(threadsAt(THREADS, "competencies.r2").map((t) => t.id)).toEqual(["t6"]);
    expect(threadsAt(THREADS, "competencies.r1.level").map((t) => t.id)).toEqual(["t5"]);
  });

  it("says the count in words", () => {
    expect(commentCountText(1)).toBe("1 comment");
    expect(commentCountText(2)).toBe("2 comments");
  });
});
