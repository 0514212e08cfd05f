import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { frameworkCompetencies, frameworks } from "../../../db/schema/frameworks";
import { importProgress, importSettled, startFrameworkImport } from "~/modules/frameworks/imports.server";
import { frameworkChildren, searchCompetencies } from "~/modules/frameworks/library.server";
import {
  competenciesForSelection,
  frameworkChoices,
  MAX_SELECTED_COMPETENCIES,
  mergeRanges,
  SelectionError,
} from "~/modules/frameworks/selection.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import { testUser } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

const CAP = "Climate Adaptation Practitioner Competency Framework (1.0)";

async function newOrganization(): Promise<{ adminId: string; organizationId: string }> {
  const admin = await testUser(`Admin ${generateId(4)}`);
  const organizationId = await createOrganization(admin.id, { name: `Owner ${generateId(6)}`, kind: "institution", province: "ON" });
  return { adminId: admin.id, organizationId };
}

async function importFramework(bytes: Uint8Array, fileName: string): Promise<string> {
  const { adminId, organizationId } = await newOrganization();
  const actor = await loadActor(adminId);
  const started = await startFrameworkImport(actor, { organizationId, fileName, bytes });
  if (!("importId" in started)) throw new Error("expected an import");
  await importSettled(started.importId);
  const progress = await importProgress(actor, started.importId);
  if (progress.status !== "done") throw new Error(JSON.stringify(progress.problems));
  return progress.frameworkId!;
}

function importDemoFramework(): Promise<string> {
  return importFramework(new Uint8Array(readFileSync(new URL("../../../db/seed/frameworks/climate-adaptation-practitioner.csv", import.meta.url))), "cap.csv");
}

/** Library ids by code ("CAP.1.2.a"), from a search (every CAP code starts with "CAP"). */
async function idsByCode(frameworkId: string): Promise<Map<string, string>> {
  const hits = await searchCompetencies(frameworkId, "CAP", 500);
  return new Map(hits.map((hit) => [hit.code!, hit.id]));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("competencies for a selection (the demo framework)", () => {
  let frameworkId: string;
  let id: (code: string) => string;

  beforeAll(async () => {
    frameworkId = await importDemoFramework();
    const byCode = await idsByCode(frameworkId);
    expect(byCode.size).toBe(65);
    id = (code) => {
      const found = byCode.get(code);
      if (!found) throw new Error(`no ${code}`);
      return found;
    };
  });

  it("offers the latest version of each framework, labelled with its version", async () => {
    const choices = await frameworkChoices();
    expect(choices.find((c) => c.id === frameworkId)).toEqual({ id: frameworkId, label: CAP, competencyCount: 65, language: "en" });
  });

  it("reads a ticked branch as the node and its whole subtree, in tree order, with the branch label and URI", async () => {
    const picked = await competenciesForSelection(frameworkId, { ids: [], branches: [id("CAP.2")] });
    expect(picked.map((p) => p.code)).toEqual([
      "CAP.2",
      "CAP.2.1",
      "CAP.2.1.a",
      "CAP.2.1.b",
      "CAP.2.1.c",
      "CAP.2.2",
      "CAP.2.2.a",
      "CAP.2.2.b",
      "CAP.2.2.c",
      "CAP.2.3",
      "CAP.2.3.a",
      "CAP.2.3.b",
      "CAP.2.3.c",
    ]);
    expect(picked[0]).toEqual({
      frameworkId,
      framework: CAP,
      competencyId: id("CAP.2"),
      code: "CAP.2",
      statement: expect.any(String),
      uri: "https://frameworks.concord.example/climate-adaptation-practitioner/CAP.2",
      branch: `CAP.2 ${picked[0]!.statement}`,
    });
    expect(new Set(picked.map((p) => p.branch))).toEqual(new Set([picked[0]!.branch]));
  });

  it("reads the last branch of the framework to its end, and a leaf branch as itself", async () => {
    const last = await competenciesForSelection(frameworkId, { ids: [], branches: [id("CAP.5.3")] });
    expect(last.map((p) => p.code)).toEqual(["CAP.5.3", "CAP.5.3.a", "CAP.5.3.b", "CAP.5.3.c"]);
    const leaf = await competenciesForSelection(frameworkId, { ids: [], branches: [id("CAP.1.1.b")] });
    expect(leaf.map((p) => p.code)).toEqual(["CAP.1.1.b"]);
  });

  it("reads ticked ids as the node alone, merges overlaps and duplicates, and keeps tree order", async () => {
    const picked = await competenciesForSelection(frameworkId, {
      // Out of order, repeated, one inside a ticked branch, one a non-leaf ticked on its own.
      ids: [id("CAP.4.1.c"), id("CAP.1.2.b"), id("CAP.1.2.b"), id("CAP.3.2.a"), id("CAP.4")],
      branches: [id("CAP.3.2"), id("CAP.3.2.b"), id("CAP.1.3")],
    });
    expect(picked.map((p) => p.code)).toEqual([
      "CAP.1.2.b",
      "CAP.1.3",
      "CAP.1.3.a",
      "CAP.1.3.b",
      "CAP.1.3.c",
      "CAP.3.2",
      "CAP.3.2.a",
      "CAP.3.2.b",
      "CAP.3.2.c",
      "CAP.4",
      "CAP.4.1.c",
    ]);
    const top = await frameworkChildren(frameworkId, null);
    const label = (code: string) => {
      const node = top.find((n) => n.code === code)!;
      return `${node.code} ${node.statement}`;
    };
    expect(picked.map((p) => p.branch)).toEqual([
      label("CAP.1"),
      label("CAP.1"),
      label("CAP.1"),
      label("CAP.1"),
      label("CAP.1"),
      label("CAP.3"),
      label("CAP.3"),
      label("CAP.3"),
      label("CAP.3"),
      label("CAP.4"),
      label("CAP.4"),
    ]);
  });

  it("answers every competency for all top-level branches, and nothing for an empty selection", async () => {
    const top = await frameworkChildren(frameworkId, null);
    const all = await competenciesForSelection(frameworkId, { ids: [], branches: top.map((n) => n.id) });
    expect(all).toHaveLength(65);
    expect(new Set(all.map((p) => p.competencyId)).size).toBe(65);
    expect(await competenciesForSelection(frameworkId, { ids: [], branches: [] })).toEqual([]);
  });

  it("refuses unknown ids and another framework's ids with a SelectionError", async () => {
    const unknown = await rejection(competenciesForSelection(frameworkId, { ids: ["no-such-competency"], branches: [] }));
    expect(unknown).toBeInstanceOf(SelectionError);
    expect((unknown as Error).message).toMatch(/not in this framework: no-such-competency/);

    const csv = [
      "@id,@type,ceasn:name,ceasn:isTopChildOf,ceasn:isChildOf,ceasn:codedNotation,ceasn:competencyText",
      "https://example.org/other,ceasn:CompetencyFramework,Other,,,,",
      "https://example.org/other/1,ceasn:Competency,,https://example.org/other,,CAP.1,Another framework's CAP.1",
    ].join("\n");
    const otherId = await importFramework(new TextEncoder().encode(csv), "other.csv");
    const [otherCap1] = await frameworkChildren(otherId, null);
    const foreign = await rejection(competenciesForSelection(frameworkId, { ids: [], branches: [otherCap1!.id] }));
    expect(foreign).toBeInstanceOf(SelectionError);
    const missingFramework = await rejection(competenciesForSelection("no-such-framework", { ids: [id("CAP.1")], branches: [] }));
    expect(missingFramework).toBeInstanceOf(SelectionError);
  });
});

describe("competencies for a selection (a large framework)", () => {
  // 4 top-level branches × 40 × 40 × 5 leaves: 34,724 competencies, inserted directly (the
  // importer has its own tests); positions are the pre-order index, as the importer writes them.
  let frameworkId: string;
  const rows: Array<typeof frameworkCompetencies.$inferInsert> = [];

  beforeAll(async () => {
    const { organizationId } = await newOrganization();
    frameworkId = `large-${generateId(8)}`;
    const add = (code: string, parentId: string | null, depth: number, siblingOrder: number) => {
      const row = {
        id: `${frameworkId}-${code}`,
        frameworkId,
        sourceId: code,
        code,
        statement: `Competency ${code}`,
        parentId,
        siblingOrder,
        depth,
        position: rows.length,
        sourceUri: `https://example.org/${code}`,
      };
      rows.push(row);
      return row.id;
    };
    for (let a = 0; a < 4; a++) {
      const top = add(`${a}`, null, 0, a);
      for (let b = 0; b < 40; b++) {
        const mid = add(`${a}.${b}`, top, 1, b);
        for (let c = 0; c < 40; c++) {
          const low = add(`${a}.${b}.${c}`, mid, 2, c);
          for (let d = 0; d < 5; d++) add(`${a}.${b}.${c}.${d}`, low, 3, d);
        }
      }
    }
    await db().insert(frameworks).values({
      id: frameworkId,
      sourceIdentifier: frameworkId,
      versionNumber: 1,
      name: "Large",
      format: "ctdl-asn-csv",
      organizationId,
      competencyCount: rows.length,
    });
    for (let i = 0; i < rows.length; i += 2000) await db().insert(frameworkCompetencies).values(rows.slice(i, i + 2000));
  });

  it("reads a whole top-level branch quickly, in tree order", async () => {
    const started = performance.now();
    const picked = await competenciesForSelection(frameworkId, { ids: [], branches: [`${frameworkId}-1`] });
    const elapsed = performance.now() - started;
    expect(picked).toHaveLength(rows.length / 4);
    expect(picked[0]!.code).toBe("1");
    expect(picked.at(-1)!.code).toBe("1.39.39.4");
    expect(picked.every((p) => p.branch === "1 Competency 1")).toBe(true);
    // Generous for a shared two-core machine; a per-row query would take far longer.
    expect(elapsed).toBeLessThan(5000);
  });

  it("reads 10,000 ticked leaves in one go", async () => {
    const leaves = rows.filter((r) => r.depth === 3).filter((_, i) => i % 2 === 0).slice(0, 10_000);
    const picked = await competenciesForSelection(frameworkId, { ids: leaves.map((l) => l.id), branches: [] });
    expect(picked.map((p) => p.competencyId)).toEqual(leaves.map((l) => l.id));
  });

  it(`refuses a selection of more than ${MAX_SELECTED_COMPETENCIES.toLocaleString("en-CA")} competencies`, async () => {
    // Grow the last top-level branch past the limit.
    const all = ["0", "1", "2", "3"].map((a) => `${frameworkId}-${a}`);
    const picked = await competenciesForSelection(frameworkId, { ids: [], branches: all });
    expect(picked).toHaveLength(rows.length);
    const extra = Array.from({ length: MAX_SELECTED_COMPETENCIES - rows.length + 1 }, (_, i) => ({
          id: `${frameworkId}-extra-${i}`,
          frameworkId,
          sourceId: `extra-${i}`,
          statement: `Extra ${i}`,
          parentId: `${frameworkId}-3`,
          siblingOrder: 40 + i,
          depth: 1,
          position: rows.length + i,
        }));
    for (let i = 0; i < extra.length; i += 2000) await db().insert(frameworkCompetencies).values(extra.slice(i, i + 2000));
    const refused = await rejection(competenciesForSelection(frameworkId, { ids: [], branches: all }));
    expect(refused).toBeInstanceOf(SelectionError);
    expect((refused as Error).message).toMatch(/at most 50,000/);
  });
});

describe("merging position ranges", () => {
  it.each([
    [[], []],
    [[{ start: 5, end: 6 }], [{ start: 5, end: 6 }]],
    [
      [
        { start: 10, end: 20 },
        { start: 12, end: 13 },
        { start: 20, end: 21 },
        { start: 0, end: 1 },
        { start: 2, end: 3 },
      ],
      [
        { start: 0, end: 1 },
        { start: 2, end: 3 },
        { start: 10, end: 21 },
      ],
    ],
  ])("%j → %j", (input, expected) => {
    expect(mergeRanges(input)).toEqual(expected);
  });
});
