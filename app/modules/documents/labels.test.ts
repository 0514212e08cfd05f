import { describe, expect, it } from "vitest";
import { competencyCount } from "~/modules/documents/labels";

describe("competencyCount", () => {
  it("counts competencies in words, with thousands separated", () => {
    expect([competencyCount(1), competencyCount(2), competencyCount(3000)]).toEqual(["1 competency", "2 competencies", "3,000 competencies"]);
  });
});
