import { count, eq } from "drizzle-orm";
import * as Y from "yjs";
import { documentKindOf } from "../../app/modules/documents/model";
import { countLoggedUpdates, loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/support/database";
import { documents, frameworkCompetencies, frameworks, memberships, organizations, projectParticipants, users } from "../schema/index";
import { consortiumPathways } from "../../app/modules/pathways/pathways.server";
import { recognitionsOf } from "../../app/modules/recognitions/recognitions.server";
import { setDatabase } from "../../app/db.server";
import { DEMO_ACCOUNTS, DEMO_CONSORTIUM_ID, DEMO_DOCUMENTS, DEMO_LADDER_PROPOSED, DEMO_LADDER_SIGNED, DEMO_STACK_ID, DEMO_STACK_TITLE, seedDemo, seedDemoConsortium, seedDemoIfEmpty } from "./demo";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function counts() {
  const db = database.db;
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    users: await n(users),
    organizations: await n(organizations),
    memberships: await n(memberships),
    participants: await n(projectParticipants),
    documents: await n(documents),
    frameworks: await n(frameworks),
  };
}

it("seeds the demo workspace once and is idempotent", async () => {
  expect(await seedDemoIfEmpty(database.db)).toBe(true);
  const first = await counts();
  // The demo project, and the approved credential's project (the catalog's): its specification and plan;
  // the consortium's two other institutions (one working in French), its three module projects and its
  // stack's (a specification and a plan each).
  expect(first).toEqual({ users: 7, organizations: 7, memberships: 7, participants: 10 + 3 + 2, documents: DEMO_DOCUMENTS.length + 2 + 8, frameworks: 1 });
  await seedDemo(database.db);
  await seedDemoConsortium(database.db);
  expect(await counts()).toEqual(first);
  expect(await seedDemoIfEmpty(database.db)).toBe(false);
  expect(DEMO_ACCOUNTS.map((a) => a.email)).toContain("qa@demo.concord.test");
  const [cegep] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.email, "cegep@demo.concord.test"));
  expect(cegep?.locale).toBe("fr");
});

it("stores complete demo documents through the collaboration tables, once", async () => {
  const logged = async () => Promise.all(DEMO_DOCUMENTS.map((d) => countLoggedUpdates(database.db, d.id)));
  const before = await logged();
  for (const demo of DEMO_DOCUMENTS) {
    const state = await loadDocumentState(database.db, demo.id);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state!);
    expect(documentKindOf(ydoc)).toBe(demo.kind);
    const [row] = await database.db.select().from(documents).where(eq(documents.id, demo.id));
    expect(row?.completenessPercent, demo.id).toBe(100);
    expect(row?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  }
  await seedDemo(database.db);
  expect(await logged()).toEqual(before);
});

it("imports the climate-adaptation framework once, owned by Lakeshore College, in three levels", async () => {
  const [framework] = await database.db.select().from(frameworks);
  expect(framework).toMatchObject({
    name: "Climate Adaptation Practitioner Competency Framework",
    organizationId: "demo-org-lakeshore",
    versionNumber: 1,
    competencyCount: 65,
    licenceUri: "https://creativecommons.org/licenses/by/4.0/",
  });
  const rows = await database.db.select().from(frameworkCompetencies).where(eq(frameworkCompetencies.frameworkId, framework!.id));
  expect(rows).toHaveLength(65);
  const byCode = new Map(rows.map((row) => [row.code, row]));
  expect(rows.filter((row) => row.depth === 0).map((row) => row.code)).toEqual(["CAP.1", "CAP.2", "CAP.3", "CAP.4", "CAP.5"]);
  expect(byCode.get("CAP.1.2.a")?.parentId).toBe(byCode.get("CAP.1.2")?.id);
  expect(byCode.get("CAP.1.2")?.parentId).toBe(byCode.get("CAP.1")?.id);
  expect(Math.max(...rows.map((row) => row.depth))).toBe(2);
  await seedDemo(database.db);
  expect(await database.db.select({ n: count() }).from(frameworkCompetencies)).toEqual([{ n: 65 }]);
});

it("the demo specification picks its competencies from the demo framework", async () => {
  const [framework] = await database.db.select().from(frameworks);
  const library = await database.db.select().from(frameworkCompetencies).where(eq(frameworkCompetencies.frameworkId, framework!.id));
  const idByCode = new Map(library.map((row) => [row.code, row.id]));
  const spec = DEMO_DOCUMENTS.find((d) => d.kind === "credential_spec")!;
  const [row] = await database.db.select().from(documents).where(eq(documents.id, spec.id));
  const competencies = row!.projection!.competencies;
  expect(competencies).toHaveLength(8);
  for (const competency of competencies) {
    expect(competency, competency.code ?? "").toMatchObject({ frameworkId: framework!.id, competencyId: idByCode.get(competency.code) });
  }
});

it("seeds the consortium: three institutions, an approved stack of three modules, laddering into Prairie programs with one recognition signed", async () => {
  setDatabase(database);
  const [stack] = await database.db.select().from(documents).where(eq(documents.id, DEMO_STACK_ID));
  expect(stack?.status).toBe("approved");
  const polytechnic = { userId: "demo-user-polytechnic", memberships: [{ organizationId: "demo-org-northern-lights", role: "admin" as const }] };
  const prairie = { userId: "demo-user-university", memberships: [{ organizationId: "demo-org-prairie", role: "admin" as const }] };
  const { rows, versionHash } = await recognitionsOf(prairie, DEMO_STACK_ID);
  expect(rows.map((r) => [r.rowId, r.status, r.canSign])).toEqual([
    [DEMO_LADDER_SIGNED, "confirmed", false],
    [DEMO_LADDER_PROPOSED, "proposed", true],
  ]);
  expect(rows[0]?.versionHash).toBe(versionHash);
  const { graph } = await consortiumPathways(polytechnic, DEMO_CONSORTIUM_ID);
  expect(graph.nodes.filter((n) => n.type === "module").map((n) => `${n.label} (${n.owner}, ${n.province})`)).toEqual([
    "Adaptation Planning and Implementation (Lakeshore College, ON)",
    "Climate Risk Assessment for Infrastructure (Lakeshore College, ON)",
    "Flood-Risk Modelling (Prairie University, SK)",
  ]);
  expect(graph.nodes.filter((n) => n.type === "stack").map((n) => n.label)).toEqual([DEMO_STACK_TITLE]);
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  expect(graph.edges.filter((e) => e.from === `doc:${DEMO_STACK_ID}`).map((e) => [label.get(e.to), e.status])).toEqual([
    ["Bachelor of Environmental Science (Climate Adaptation)", "confirmed"],
    ["Graduate Certificate in Climate Risk Management", "proposed"],
  ]);
});
