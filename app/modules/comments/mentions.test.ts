import { describe, expect, it } from "vitest";
import { mentionQueryAt, mentionSegments, parseMentions, suggestPeople } from "~/modules/comments/mentions";

const PEOPLE = [
  { id: "maya", name: "Maya Okafor" },
  { id: "ann", name: "Ann" },
  { id: "ann-lee", name: "Ann Lee" },
  { id: "elena", name: "Elena Novak" },
  { id: "elena-2", name: "elena novak" },
  { id: "zoe", name: "Zoë Côté" },
];

describe("parseMentions", () => {
  it.each([
    ["@Maya Okafor please check", ["maya"]],
    ["thanks @maya okafor!", ["maya"]],
    ["@Ann Lee and @Ann, see above", ["ann-lee", "ann"]],
    ["@Ann Leeds is nobody here", ["ann"]],
    ["@Annie is not Ann", []],
    ["write to maya@Maya Okafor.org", []],
    ["@Maya Okafor @Maya Okafor twice", ["maya"]],
    ["(@Zoë Côté)", ["zoe"]],
    ["@Elena Novak, same name twice", ["elena", "elena-2"]],
    ["no mention @ all", []],
    ["@Maya Okafo", []],
  ])("%s", (body, ids) => {
    expect(parseMentions(body, PEOPLE)).toEqual(ids);
  });
});

describe("mentionSegments", () => {
  it("cuts the body into text and mentions that join back to the body", () => {
    const body = "Hi @Maya Okafor, and @Ann Lee: see @nobody.";
    const segments = mentionSegments(body, PEOPLE);
    expect(segments.map((s) => s.text).join("")).toBe(body);
    expect(segments.filter((s) => s.type === "mention")).toEqual([
      { type: "mention", text: "@Maya Okafor", userIds: ["maya"] },
      { type: "mention", text: "@Ann Lee", userIds: ["ann-lee"] },
    ]);
  });
});

describe("autocomplete", () => {
  it("finds the query being typed after @ at the caret", () => {
    expect(mentionQueryAt("Please @Ma", 10)).toEqual({ start: 7, query: "Ma" });
    expect(mentionQueryAt("Please @Maya O", 14)).toEqual({ start: 7, query: "Maya O" });
    expect(mentionQueryAt("mail me@x", 9)).toBeNull();
    expect(mentionQueryAt("@Maya\nnext", 10)).toBeNull();
    expect(mentionQueryAt("nothing", 7)).toBeNull();
  });

  it("suggests people by the start of any word of their name", () => {
    expect(suggestPeople(PEOPLE, "nov").map((p) => p.id)).toEqual(["elena", "elena-2"]);
    expect(suggestPeople(PEOPLE, "ann l").map((p) => p.id)).toEqual(["ann-lee"]);
    expect(suggestPeople(PEOPLE, "", 2)).toHaveLength(2);
  });
});
