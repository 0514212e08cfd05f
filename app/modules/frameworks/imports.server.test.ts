import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { frameworkCompetencies, frameworkImports, frameworks } from "../../../db/schema/frameworks";
import { memberships } from "../../../db/schema/organizations";
import { FRAMEWORK_IMPORTS_PER_DAY, RateLimitedError } from "~/modules/abuse/limits.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { verifyChain } from "~/modules/audit/chain";
import { toCtdlAsnCsv } from "~/modules/frameworks/export/ctdl-asn.server";
import { importFrameworkFile } from "~/modules/frameworks/import/import-framework";
import type { ColumnMapping } from "~/modules/frameworks/import/mapped-csv";
import { importProgress, importSettled, startFrameworkImport, type ImportProgress } from "~/modules/frameworks/imports.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import type { Actor } from "~/modules/permissions/can";
import { accessStatus, testUser } from "../../../test/support/documents";
import { FIXTURE, fixtureBytes, fixtureText, imported } from "../../../test/support/framework-fixtures";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

/** One organization imports every fixture: another organization importing one is refused (see "who may import"). */
let library: { actor: Actor; organizationId: string };
const storedFrameworks: string[] = [];
beforeAll(async () => {
  library = await importer();
});

async function importer(): Promise<{ actor: Actor; organizationId: string }> {
  const user = await testUser(`Importer ${generateId(4)}`);
  const organizationId = await createOrganization(user.id, {
    name: `Library ${generateId(6)}`,
    kind: "institution",
    province: "ON",
  });
  return { actor: await loadActor(user.id), organizationId };
}

async function importToEnd(
  who: { actor: Actor; organizationId: string },
  fileName: string,
  bytes: Uint8Array,
  mapping?: ColumnMapping,
  name?: string,
): Promise<ImportProgress> {
  const started = await startFrameworkImport(who.actor, {
    organizationId: who.organizationId,
    fileName,
    bytes,
    ...(mapping ? { mapping } : {}),
    ...(name ? { name } : {}),
  });
  if (!("importId" in started)) throw new Error("expected the import to start");
  await importSettled(started.importId);
  return importProgress(who.actor, started.importId);
}

/** The stored tree as the parser's shape: sourceId → parent's sourceId, in position order. */
async function storedTree(frameworkId: string) {
  const rows = await db()
    .select()
    .from(frameworkCompetencies)
    .where(eq(frameworkCompetencies.frameworkId, frameworkId))
    .orderBy(asc(frameworkCompetencies.position));
  const sourceIdOf = new Map(rows.map((row) => [row.id, row.sourceId]));
  return rows.map((row) => ({
    sourceId: row.sourceId,
    parent: row.parentId === null ? null : sourceIdOf.get(row.parentId),
    order: row.siblingOrder,
    depth: row.depth,
    statement: row.statement,
    code: row.code ?? undefined,
  }));
}

describe("importing the real fixtures", () => {
  const cases: Array<[string, string]> = [
    ["CTDL-ASN JSON-LD", FIXTURE.dqp],
    ["CTDL-ASN CSV", FIXTURE.onet],
    ["CASE", FIXTURE.act],
  ];
  for (const [label, name] of cases) {
    it(`stores ${label} (${name}) with the parser's counts and parent links`, async () => {
      const who = library;
      const progress = await importToEnd(who, name, fixtureBytes(name));
      storedFrameworks.push(progress.frameworkId!);
      const parsed = imported(importFrameworkFile(fixtureBytes(name)));
      expect(progress).toMatchObject({
        status: "done",
        total: parsed.competencies.length,
        stored: parsed.competencies.length,
        problems: [],
      });
      expect(progress.frameworkName).toBe(parsed.framework.name);
      const tree = await storedTree(progress.frameworkId!);
      expect(tree).toEqual(
        parsed.competencies.map((c) => ({
          sourceId: c.sourceId,
          parent: c.parentSourceId,
          order: c.order,
          depth: c.depth,
          statement: c.statement,
          code: c.code,
        })),
      );
      const [framework] = await db().select().from(frameworks).where(eq(frameworks.id, progress.frameworkId!));
      expect(framework).toMatchObject({
        competencyCount: parsed.competencies.length,
        organizationId: who.organizationId,
      });
    });
  }

  it("asks for a column mapping for a plain CSV (ESCO), then stores it with the mapping", async () => {
    const who = library;
    const bytes = fixtureBytes(FIXTURE.esco);
    const first = await startFrameworkImport(who.actor, {
      organizationId: who.organizationId,
      fileName: "esco.csv",
      bytes,
      name: "ESCO skills",
    });
    if (!("needsMapping" in first)) throw new Error("expected the mapping step");
    expect(first.needsMapping.columns.map((c) => c.name)).toContain("Level 0 code");
    const mapping = first.needsMapping.suggestion!;
    expect(mapping).toBeDefined();
    const progress = await importToEnd(who, "esco.csv", bytes, mapping, "ESCO skills");
    storedFrameworks.push(progress.frameworkId!);
    const parsed = imported(importFrameworkFile(bytes, { mapping, defaults: { name: "ESCO skills" } }));
    expect(progress.status).toBe("done");
    expect(progress.stored).toBe(parsed.competencies.length);
    const tree = await storedTree(progress.frameworkId!);
    expect(tree.map((n) => [n.sourceId, n.parent])).toEqual(parsed.competencies.map((c) => [c.sourceId, c.parentSourceId]));
  });

  it("writes framework.imported into the organization's chain", async () => {
    const chain = await readAuditChain(db(), `organization:${library.organizationId}`);
    const events = chain.filter((row) => row.type === "framework.imported");
    expect(events.map((event) => (event.payload as { frameworkId: string }).frameworkId)).toEqual(storedFrameworks);
    expect(events.every((event) => event.actorUserId === library.actor.userId)).toBe(true);
    expect((await verifyChain(chain)).intact).toBe(true);
  });
});

describe("a trade-scale framework", () => {
  it("stores 3,000 competencies across several batches, in pre-order with every parent link", async () => {
    const competencies: Array<{
      sourceId: string;
      code: string;
      statement: string;
      parentSourceId: string | null;
      order: number;
    }> = [];
    for (let s = 0; s < 10; s++) {
      const section = String.fromCharCode(65 + s);
      competencies.push({
        sourceId: `https://example.org/trade/${section}`,
        code: section,
        statement: `Major work activity ${section}`,
        parentSourceId: null,
        order: s,
      });
      for (let t = 0; t < 13; t++) {
        const task = `${section}-${t + 1}`;
        competencies.push({
          sourceId: `https://example.org/trade/${task}`,
          code: task,
          statement: `Task ${task}`,
          parentSourceId: `https://example.org/trade/${section}`,
          order: t,
        });
        for (let u = 0; u < 22; u++) {
          const sub = `${task}.${u + 1}`;
          competencies.push({
            sourceId: `https://example.org/trade/${sub}`,
            code: sub,
            statement: `Sub-task ${sub}`,
            parentSourceId: `https://example.org/trade/${task}`,
            order: u,
          });
        }
      }
    }
    const csv = toCtdlAsnCsv(
      {
        name: "Plumber (generated)",
        sourceIdentifier: `https://example.org/trade/${generateId(6)}`,
      },
      competencies,
    );
    const who = await importer();
    const started = performance.now();
    const progress = await importToEnd(who, "trade.csv", new TextEncoder().encode(csv));
    console.info(`3,000 competencies imported in ${(performance.now() - started).toFixed(0)} ms`);
    expect(progress).toMatchObject({
      status: "done",
      total: 3000,
      stored: 3000,
    });
    const tree = await storedTree(progress.frameworkId!);
    // The export gives nodes registry ids: compare by code.
    const codeOf = new Map(tree.map((n) => [n.sourceId, n.code]));
    const sourceCode = new Map(competencies.map((c) => [c.sourceId, c.code]));
    expect(tree.map((n) => [n.code, n.parent ? codeOf.get(n.parent) : null, n.order])).toEqual(
      competencies.map((c) => [c.code, c.parentSourceId ? sourceCode.get(c.parentSourceId) : null, c.order]),
    );
  });
});

describe("a bad file", () => {
  it("stores nothing and lists every problem", async () => {
    const who = await importer();
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(frameworkCompetencies);
    const bad = [
      "@id,@type,ceasn:name,ceasn:isTopChildOf,ceasn:isChildOf,ceasn:codedNotation,ceasn:competencyText",
      "https://example.org/f,ceasn:CompetencyFramework,Broken framework,,,,",
      "https://example.org/a,ceasn:Competency,,https://example.org/f,,A,Assess climate risk",
      "https://example.org/b,ceasn:Competency,,,https://example.org/missing,B,Plan adaptation",
      "https://example.org/a,ceasn:Competency,,https://example.org/f,,C,Monitor outcomes",
    ].join("\n");
    const progress = await importToEnd(who, "bad.csv", new TextEncoder().encode(bad));
    expect(progress.status).toBe("failed");
    expect(progress.frameworkId).toBeNull();
    expect(progress.problems.length).toBeGreaterThanOrEqual(2);
    expect(progress.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "unknown-parent", line: 4 }),
        expect.objectContaining({ kind: "duplicate-id", line: 5 }),
      ]),
    );
    const after = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(frameworkCompetencies);
    expect(after[0]!.n).toBe(before[0]!.n);
    const [row] = await db().select().from(frameworkImports).where(eq(frameworkImports.userId, who.actor.userId));
    expect(row).toMatchObject({ status: "failed", frameworkId: null });
  });

  it("refuses a file of an unrecognised format with its problem", async () => {
    const who = await importer();
    const progress = await importToEnd(who, "notes.xml", new TextEncoder().encode("<xml/>"));
    expect(progress).toMatchObject({ status: "failed", stored: 0 });
    expect(progress.problems[0]!.kind).toBe("unrecognised-format");
  });
});

describe("versions", () => {
  it("a second import of the same source makes the next version with what was added, removed and reworded", async () => {
    const who = library;
    const original = fixtureText(FIXTURE.onet);
    const first = await importToEnd(who, "onet.csv", new TextEncoder().encode(original));
    const parsed = imported(importFrameworkFile(original));
    // Drop a leaf, reword another, add one under the first top-level competency.
    const leaves = parsed.competencies.filter((c) => !parsed.competencies.some((o) => o.parentSourceId === c.sourceId));
    const removed = leaves[0]!;
    const reworded = leaves[1]!;
    const lines = original.split(/\r?\n/);
    const modified = lines
      .filter((line) => !line.startsWith(`${removed.sourceId},`) && !line.startsWith(`"${removed.sourceId}",`))
      .map((line) => line.replace(reworded.statement, `${reworded.statement} (revised)`));
    expect(modified.length).toBe(lines.length - 1);
    const top = parsed.competencies[0]!;
    const header = lines[0]!.split(",");
    const added = header.map((column) =>
      column === "@id"
        ? "https://example.org/onet/new-skill"
        : column === "ceasn:isChildOf"
        ? top.sourceId
        : column === "ceasn:competencyText"
        ? "Adapts work plans to extreme heat"
        : column === "ceasn:codedNotation"
        ? "9.Z.9"
        : "",
    );
    modified.splice(modified.length - (modified.at(-1) === "" ? 1 : 0), 0, added.join(","));

    const second = await importToEnd(who, "onet-v2.csv", new TextEncoder().encode(modified.join("\n")));
    expect(second.status, JSON.stringify(second.problems)).toBe("done");
    const [v1, v2] = await Promise.all(
      [first.frameworkId!, second.frameworkId!].map(async (id) => (await db().select().from(frameworks).where(eq(frameworks.id, id)))[0]!),
    );
    expect(v2!.sourceIdentifier).toBe(v1!.sourceIdentifier);
    // Other tests import the same fixture: this is the version after the one just imported.
    expect(v2!.versionNumber).toBe(v1!.versionNumber + 1);
    expect(v2!.previousVersionId).toBe(v1!.id);
    expect(second.changes!.added.map((c) => c.sourceId)).toEqual(["https://example.org/onet/new-skill"]);
    expect(second.changes!.removed.map((c) => c.sourceId)).toEqual([removed.sourceId]);
    expect(second.changes!.reworded).toEqual([
      expect.objectContaining({
        sourceId: reworded.sourceId,
        statement: `${reworded.statement} (revised)`,
        previousStatement: reworded.statement,
      }),
    ]);
  });
});

describe("who may import", () => {
  it("refuses a new version to another organization and to a member who is not an admin", async () => {
    const other = await importer();
    const elsewhere = await importToEnd(other, "dqp.jsonld", fixtureBytes(FIXTURE.dqp));
    expect(elsewhere).toMatchObject({ status: "failed", stored: 0, frameworkId: null });
    expect(elsewhere.problems[0]!.message).toMatch(/already in the library .*only an admin of/);

    const member = await testUser(`Member ${generateId(4)}`);
    await db().insert(memberships).values({ userId: member.id, organizationId: library.organizationId, role: "member" });
    const asMember = { actor: await loadActor(member.id), organizationId: library.organizationId };
    expect((await importToEnd(asMember, "dqp.jsonld", fixtureBytes(FIXTURE.dqp))).status).toBe("failed");
  });

  it("refuses an organization the actor is not a member of (403)", async () => {
    const who = await importer();
    const other = await importer();
    const status = await accessStatus(
      startFrameworkImport(who.actor, {
        organizationId: other.organizationId,
        fileName: "x.jsonld",
        bytes: fixtureBytes(FIXTURE.dqp),
      }),
    );
    expect(status).toBe(403);
  });

  it("shows progress only to the importing organization's members (404 otherwise)", async () => {
    const who = library;
    const started = await startFrameworkImport(who.actor, {
      organizationId: who.organizationId,
      fileName: "act.json",
      bytes: fixtureBytes(FIXTURE.act),
    });
    if (!("importId" in started)) throw new Error("expected an import");
    const outsider = await importer();
    expect(await accessStatus(importProgress(outsider.actor, started.importId))).toBe(404);
    await importSettled(started.importId);
    expect(await accessStatus(importProgress(outsider.actor, started.importId))).toBe(404);
    expect((await importProgress(who.actor, started.importId)).status).toBe("done");
  });

  it(`allows ${FRAMEWORK_IMPORTS_PER_DAY} imports a day per account`, async () => {
    const who = await importer();
    await db()
      .insert(frameworkImports)
      .values(
        Array.from({ length: FRAMEWORK_IMPORTS_PER_DAY }, () => ({
          id: generateId(),
          organizationId: who.organizationId,
          userId: who.actor.userId,
          fileName: "earlier.csv",
          status: "failed" as const,
        })),
      );
    await expect(
      startFrameworkImport(who.actor, {
        organizationId: who.organizationId,
        fileName: "x.json",
        bytes: fixtureBytes(FIXTURE.act),
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });
});
