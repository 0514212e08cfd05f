import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { frameworkCompetencies, frameworks } from "../../../db/schema/frameworks";
import { memberships } from "../../../db/schema/organizations";
import { readAuditChain } from "~/modules/audit/audit.server";
import { importFrameworkFile } from "~/modules/frameworks/import/import-framework";
import { importProgress, importSettled, startFrameworkImport } from "~/modules/frameworks/imports.server";
import {
  deleteFramework,
  exportFramework,
  frameworkChildren,
  frameworkTreeSlice,
  getFramework,
  listFrameworks,
  prefixTsQuery,
  searchCompetencies,
} from "~/modules/frameworks/library.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import type { Actor } from "~/modules/permissions/can";
import { accessStatus, testUser } from "../../../test/support/documents";
import { FIXTURE, fixtureBytes, imported } from "../../../test/support/framework-fixtures";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

type Owner = {
  admin: Actor;
  member: Actor;
  outsider: Actor;
  organizationId: string;
};

async function owner(): Promise<Owner> {
  const admin = await testUser(`Admin ${generateId(4)}`);
  const organizationId = await createOrganization(admin.id, {
    name: `Owner ${generateId(6)}`,
    kind: "institution",
    province: "ON",
  });
  const member = await testUser(`Member ${generateId(4)}`);
  await db().insert(memberships).values({ userId: member.id, organizationId, role: "member" });
  const outsider = await testUser(`Outsider ${generateId(4)}`);
  return {
    admin: await loadActor(admin.id),
    member: await loadActor(member.id),
    outsider: await loadActor(outsider.id),
    organizationId,
  };
}

async function importFixture(who: Owner, bytes: Uint8Array, fileName: string): Promise<string> {
  const started = await startFrameworkImport(who.admin, {
    organizationId: who.organizationId,
    fileName,
    bytes,
  });
  if (!("importId" in started)) throw new Error("expected an import");
  await importSettled(started.importId);
  const progress = await importProgress(who.admin, started.importId);
  if (progress.status !== "done") throw new Error(JSON.stringify(progress.problems));
  return progress.frameworkId!;
}

describe("reading a framework (O*NET, CTDL-ASN CSV)", () => {
  let who: Owner;
  let frameworkId: string;
  const parsed = imported(importFrameworkFile(fixtureBytes(FIXTURE.onet)));

  beforeAll(async () => {
    who = await owner();
    frameworkId = await importFixture(who, fixtureBytes(FIXTURE.onet), "onet.csv");
  });

  it("lists it once, as its latest version, with its owner", async () => {
    const list = await listFrameworks();
    const entry = list.find((f) => f.id === frameworkId);
    expect(entry).toMatchObject({
      name: parsed.framework.name,
      competencyCount: parsed.competencies.length,
    });
    expect(entry?.organizationName).toMatch(/^Owner /);
    expect(new Set(list.map((f) => f.sourceIdentifier)).size).toBe(list.length);
  });

  it("is readable by any signed-in user; only its organization's admins may manage it", async () => {
    expect((await getFramework(who.outsider, frameworkId)).mayManage).toBe(false);
    expect((await getFramework(who.member, frameworkId)).mayManage).toBe(false);
    const detail = await getFramework(who.admin, frameworkId);
    expect(detail).toMatchObject({
      name: parsed.framework.name,
      mayManage: true,
      format: "ctdl-asn-csv",
    });
    expect(detail.versions.map((v) => v.id)).toContain(frameworkId);
    expect(await accessStatus(getFramework(who.admin, "no-such-framework"))).toBe(404);
  });

  it("gives each level's children in sibling order, with their child counts", async () => {
    const top = await frameworkChildren(frameworkId, null);
    const expectedTop = parsed.competencies.filter((c) => c.parentSourceId === null);
    expect(top.map((n) => n.statement)).toEqual(expectedTop.map((c) => c.statement));
    const first = top[0]!;
    const children = await frameworkChildren(frameworkId, first.id);
    const expected = parsed.competencies.filter((c) => c.parentSourceId === expectedTop[0]!.sourceId);
    expect(children.map((n) => n.statement)).toEqual(expected.map((c) => c.statement));
    expect(first.childCount).toBe(expected.length);
    expect(children.every((n) => n.parentId === first.id && n.depth === 1)).toBe(true);
  });

  it("slices the fully expanded tree in pre-order", async () => {
    const slice = await frameworkTreeSlice(frameworkId, {
      offset: 10,
      limit: 20,
    });
    expect(slice.map((n) => n.position)).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i));
    expect(slice.map((n) => n.statement)).toEqual(parsed.competencies.slice(10, 30).map((c) => c.statement));
    const end = await frameworkTreeSlice(frameworkId, {
      offset: parsed.competencies.length - 3,
      limit: 10,
    });
    expect(end).toHaveLength(3);
  });

  it("finds competencies by a word prefix, by several words and by exact code, with their path", async () => {
    const prefix = await searchCompetencies(frameworkId, "cogn");
    expect(prefix.map((h) => h.statement)).toContain("Cognitive Abilities");
    const hit = prefix.find((h) => h.statement === "Cognitive Abilities")!;
    expect(hit.path).toEqual(["1 Worker Characteristics", "1.A Abilities"]);
    expect(hit.ancestorIds).toHaveLength(2);

    const code = await searchCompetencies(frameworkId, "1.A.1");
    expect(code[0]).toMatchObject({
      code: "1.A.1",
      statement: "Cognitive Abilities",
    });

    const words = await searchCompetencies(frameworkId, "abilities cognitive");
    expect(words.map((h) => h.code)).toContain("1.A.1");
    expect(await searchCompetencies(frameworkId, "   ")).toEqual([]);
    // tsquery syntax typed by a person is only text.
    expect(await searchCompetencies(frameworkId, "a & | ! ( ' \\")).toBeInstanceOf(Array);
  });

  it("exports CSV that re-imports to the same tree, and CTDL-ASN JSON-LD", async () => {
    const csv = await exportFramework(frameworkId, "csv");
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.fileName).toMatch(/\.csv$/);
    const again = imported(importFrameworkFile(csv.body));
    expect(again.competencies.map((c) => [c.sourceId, c.parentSourceId, c.order, c.code, c.statement])).toEqual(
      parsed.competencies.map((c) => [c.sourceId, c.parentSourceId, c.order, c.code, c.statement]),
    );
    const jsonld = await exportFramework(frameworkId, "ctdl-asn");
    const document = JSON.parse(jsonld.body) as { "@graph": unknown[] };
    expect(document["@graph"]).toHaveLength(parsed.competencies.length + 1);
    const back = imported(importFrameworkFile(jsonld.body));
    expect(back.competencies).toHaveLength(parsed.competencies.length);
  });
});

describe("search in French and with accents ('simple' configuration)", () => {
  it("matches French words by prefix", async () => {
    const who = await owner();
    const csv = [
      "@id,@type,ceasn:name,ceasn:inLanguage,ceasn:isTopChildOf,ceasn:isChildOf,ceasn:codedNotation,ceasn:competencyText",
      "https://example.org/fr,ceasn:CompetencyFramework,Adaptation climatique,fr,,,,",
      "https://example.org/fr/1,ceasn:Competency,,,https://example.org/fr,,AC.1,Évaluer les risques climatiques",
      "https://example.org/fr/2,ceasn:Competency,,,,https://example.org/fr/1,AC.1.1,Cartographier les zones inondables",
    ].join("\n");
    const frameworkId = await importFixture(who, new TextEncoder().encode(csv), "fr.csv");
    expect((await searchCompetencies(frameworkId, "inond")).map((h) => h.code)).toEqual(["AC.1.1"]);
    expect((await searchCompetencies(frameworkId, "évalu")).map((h) => h.code)).toEqual(["AC.1"]);
    expect((await searchCompetencies(frameworkId, "ac.1.1"))[0]?.code).toBe("AC.1.1");
  });

  it("finds a code's branch by its prefix, the exact code first (the demo framework)", async () => {
    const who = await owner();
    const bytes = new Uint8Array(readFileSync(new URL("../../../db/seed/frameworks/climate-adaptation-practitioner.csv", import.meta.url)));
    const frameworkId = await importFixture(who, bytes, "cap.csv");
    const hits = await searchCompetencies(frameworkId, "CAP.1.2");
    expect(hits.map((h) => h.code)).toEqual(["CAP.1.2", "CAP.1.2.a", "CAP.1.2.b", "CAP.1.2.c"]);
    expect(hits[1]!.path).toEqual([
      "CAP.1 Climate information and projections",
      "CAP.1.2 Derive climate design values from historical records and projections",
    ]);
    expect((await searchCompetencies(frameworkId, "flood haz")).map((h) => h.code)).toContain("CAP.3.1");
  });

  it("quotes every word of a query", () => {
    expect(prefixTsQuery("flood risk")).toBe("'flood' & 'risk':*");
    expect(prefixTsQuery("l'eau")).toBe("'l''eau':*");
    expect(prefixTsQuery("& |")).toBeNull();
  });
});

describe("deleting a framework", () => {
  it("is refused to members who are not admins and to outsiders (403), and audited for admins", async () => {
    const who = await owner();
    const frameworkId = await importFixture(who, fixtureBytes(FIXTURE.act), "act.json");
    expect(await accessStatus(deleteFramework(who.member, frameworkId))).toBe(403);
    expect(await accessStatus(deleteFramework(who.outsider, frameworkId))).toBe(403);
    await deleteFramework(who.admin, frameworkId);
    expect(await db().select().from(frameworks).where(eq(frameworks.id, frameworkId))).toEqual([]);
    expect(await db().select().from(frameworkCompetencies).where(eq(frameworkCompetencies.frameworkId, frameworkId))).toEqual([]);
    const chain = await readAuditChain(db(), `organization:${who.organizationId}`);
    expect(chain.map((row) => row.type)).toEqual(["framework.imported", "framework.deleted"]);
    expect(await accessStatus(deleteFramework(who.admin, frameworkId))).toBe(404);
  });
});
