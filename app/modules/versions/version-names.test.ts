import { describe, expect, it } from "vitest";
import { numberVersions, sameContentAs, savedVersionHeadline, versionHeadline, versionNamer, versionWords, type VersionFacts } from "~/modules/versions/version-names";

const h = (c: string) => c.repeat(64);
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 12, minute)).toISOString();

// A document's life: named "Draft 1" (a), edited and sent for sign-off (b, History 2), edited in
// review (c, sign-off snapshot only), resubmitted (c, History 3), approved (c, History 4).
const facts: VersionFacts = {
  saved: [
    { number: 1, hash: h("a"), name: "Draft 1", auto: false, at: at(0) },
    { number: 2, hash: h("b"), name: "Sign-off requested", auto: true, at: at(10) },
    { number: 3, hash: h("c"), name: "Resubmitted for sign-off", auto: true, at: at(30) },
    { number: 4, hash: h("c"), name: "Approved", auto: true, at: at(40) },
  ],
  snapshots: [
    { hash: h("b"), at: at(10) },
    { hash: h("c"), at: at(20) },
    { hash: h("d"), at: at(50) },
  ],
  rounds: [
    { requestedVersionHash: h("b"), requestedAt: at(10), approvedVersionHash: null, closedAt: at(15) },
    { requestedVersionHash: h("c"), requestedAt: at(30), approvedVersionHash: h("c"), closedAt: at(40) },
  ],
};
const utc = (iso: string) => iso.slice(11, 16);

describe("numberVersions", () => {
  it("numbers a content by the first History version holding it, whatever the order given", () => {
    const numbers = numberVersions([...facts.saved].reverse());
    expect([...numbers]).toEqual([
      [h("a"), 1],
      [h("b"), 2],
      [h("c"), 3],
    ]);
  });

  it("is stable as new versions come: earlier numbers never move", () => {
    const before = numberVersions(facts.saved);
    const after = numberVersions([...facts.saved, { number: 5, hash: h("e"), name: "Draft 2", auto: false, at: at(55) }, { number: 6, hash: h("a"), name: "Back", auto: false, at: at(56) }]);
    for (const [hash, number] of before) expect(after.get(hash)).toBe(number);
    expect(after.get(h("e"))).toBe(5);
  });
});

describe("versionNamer", () => {
  const name = versionNamer(facts);

  it("words each version by what it is, most telling first", () => {
    expect(versionWords(name(h("a")), utc)).toBe("Version 1 — named “Draft 1” 12:00");
    expect(versionWords(name(h("b")), utc)).toBe("Version 2 — sent for sign-off 12:10");
    expect(versionWords(name(h("c")), utc)).toBe("Version 3 — approved 12:40");
  });

  it("words content that was never saved by the version it follows", () => {
    expect(versionWords(name(h("d")), utc)).toBe("Edits after version 4 — changed during review 12:50");
    const draft = name(h("f"));
    expect(draft).toMatchObject({ number: null, event: "draft", at: null, since: 4 });
    expect(versionWords(draft, utc)).toBe("Edits after version 4 — current draft, not yet saved");
    expect(versionHeadline(versionNamer({ saved: [], snapshots: [], rounds: [] })(h("a")))).toBe("First draft — current draft, not yet saved");
  });

  it("tells a version sent for sign-off apart from one only saved automatically", () => {
    const onlySaved = versionNamer({ saved: [{ number: 7, hash: h("e"), name: "Reopened after sign-off", auto: true, at: at(5) }], snapshots: [], rounds: [] });
    expect(versionHeadline(onlySaved(h("e")))).toBe("Version 7 — saved");
  });

  it("writes the moment with the one date format by default", () => {
    expect(versionWords(name(h("b")))).toMatch(/^Version 2 — sent for sign-off 1 Dec 2026, \d{2}:\d{2} \S+/);
  });
});

describe("History entries", () => {
  it("words automatic versions by their event and people's by their name", () => {
    expect(savedVersionHeadline({ number: 2, name: "Sign-off requested", auto: true })).toBe("Version 2 — sent for sign-off");
    expect(savedVersionHeadline({ number: 4, name: "Approved", auto: true })).toBe("Version 4 — approved");
    expect(savedVersionHeadline({ number: 1, name: "Draft 1", auto: false })).toBe("Version 1 — named “Draft 1”");
  });

  it("points an entry saved with earlier content to the version that content is known by", () => {
    const numbers = numberVersions(facts.saved);
    expect(sameContentAs({ number: 4, hash: h("c") }, numbers)).toBe(3);
    expect(sameContentAs({ number: 3, hash: h("c") }, numbers)).toBeNull();
  });
});
