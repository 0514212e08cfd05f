/**
 * The committed fixtures are unchanged copies of the shared originals (their attribution is in
 * fixtures/README.md). Where the originals are beside this checkout (`../shared`), each copy is
 * checked byte for byte and the original is imported directly; elsewhere these tests skip and say
 * why — the format tests run on the copies either way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE, FIXTURES_DIR, SHARED_FIXTURES_DIR, SHARED_STANDARDS_DIR, sharedFile } from "../../../../test/support/framework-fixtures";
import { importFrameworkFile } from "~/modules/frameworks/import/import-framework";

const COPIES: Array<[string, string]> = [
  [FIXTURE.dqp, SHARED_FIXTURES_DIR],
  [FIXTURE.onet, SHARED_FIXTURES_DIR],
  [FIXTURE.act, SHARED_FIXTURES_DIR],
  [FIXTURE.esco, SHARED_FIXTURES_DIR],
  [FIXTURE.case11Schema, SHARED_FIXTURES_DIR],
  [FIXTURE.competencyFrameworkSchema, SHARED_STANDARDS_DIR],
  [FIXTURE.competencySchema, SHARED_STANDARDS_DIR],
];

describe("committed fixtures", () => {
  for (const [name, dir] of COPIES) {
    const original = sharedFile(dir, name);
    const where = path.relative(path.resolve(FIXTURES_DIR, "../../../../.."), dir);
    const title = original
      ? `${name} is an unchanged copy of ${where}/${name}`
      : `${name}: skipped — the original (${where}/${name}) is not beside this checkout`;
    it.skipIf(!original)(title, () => {
      expect(readFileSync(path.join(FIXTURES_DIR, name)).equals(readFileSync(original!))).toBe(true);
    });
  }

  it("has its attribution beside it", () => {
    const readme = readFileSync(path.join(FIXTURES_DIR, "README.md"), "utf8");
    for (const [name] of COPIES) expect(readme).toContain(name);
  });
});

describe("the shared originals import as the copies do", () => {
  const counts: Array<[string, number]> = [
    [FIXTURE.dqp, 83],
    [FIXTURE.onet, 73],
    [FIXTURE.act, 28],
  ];
  for (const [name, competencies] of counts) {
    const original = sharedFile(SHARED_FIXTURES_DIR, name);
    it.skipIf(!original)(
      original ? `${name}: ${competencies} competencies` : `${name}: skipped — ../shared/fixtures/frameworks is not beside this checkout`,
      () => {
        const result = importFrameworkFile(new Uint8Array(readFileSync(original!)));
        expect(result.status === "imported" && result.competencies.length).toBe(competencies);
      },
    );
  }
});
