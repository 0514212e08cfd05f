import { describe, expect, it } from "vitest";
import { awarenessUser, presentUsers, samePresence } from "~/components/editor/presence";
import { colorForUser } from "~/components/editor/user-color";

describe("presentUsers", () => {
  it("lists each person once, the viewer first, then by name", () => {
    const states = new Map<number, unknown>([
      [11, { user: { id: "u-zoe", name: "Zoë Tremblay", color: "#000000" } }],
      [12, { user: { id: "u-me", name: "Me Myself", color: "#1f5f8b" } }],
      [13, { user: { id: "u-amir", name: "Amir Haddad", color: "#1f5f8b" } }],
      // Zoë has a second tab open.
      [14, { user: { id: "u-zoe", name: "Zoë Tremblay", color: "#1f5f8b" }, cursor: null }],
    ]);
    const people = presentUsers(states, "u-me");
    expect(people.map((person) => [person.name, person.isSelf])).toEqual([
      ["Me Myself", true],
      ["Amir Haddad", false],
      ["Zoë Tremblay", false],
    ]);
  });

  it("takes colours from the id, not from what a client claims", () => {
    const [zoe] = presentUsers(new Map([[1, { user: { id: "u-zoe", name: "Zoë", color: "red; background: url(x)" } }]]), "u-me");
    expect(zoe?.color).toBe(colorForUser("u-zoe"));
  });

  it("skips clients that have not announced a well-formed user", () => {
    const states = new Map<number, unknown>([
      [1, {}],
      [2, null],
      [3, { user: "mallory" }],
      [4, { user: { id: 42, name: "Number" } }],
      [5, { user: { id: "", name: "Empty id" } }],
      [6, { user: { id: "u-ok", name: "Okay" } }],
    ]);
    expect(presentUsers(states, "u-me").map((person) => person.id)).toEqual(["u-ok"]);
  });
});

describe("awarenessUser", () => {
  it("publishes exactly id, name and colour", () => {
    expect(awarenessUser({ id: "u-1", name: "Ada" })).toEqual({ id: "u-1", name: "Ada", color: colorForUser("u-1") });
  });
});

describe("samePresence", () => {
  it("ignores awareness heartbeats that change nothing shown", () => {
    const a = presentUsers(new Map([[1, { user: { id: "u-1", name: "Ada" } }]]), "u-1");
    const b = presentUsers(new Map([[9, { user: { id: "u-1", name: "Ada" }, cursor: { anchor: 1 } }]]), "u-1");
    expect(samePresence(a, b)).toBe(true);
    expect(samePresence(a, [])).toBe(false);
    expect(samePresence(a, presentUsers(new Map([[1, { user: { id: "u-1", name: "Ada L." } }]]), "u-1"))).toBe(false);
  });
});
