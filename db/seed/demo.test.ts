import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../testing";
import { documents, memberships, organizations, projectParticipants, users } from "../schema/index";
import { DEMO_ACCOUNTS, DEMO_DOCUMENTS, seedDemo, seedDemoIfEmpty } from "./demo";

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
  };
}

it("seeds the demo workspace once and is idempotent", async () => {
  expect(await seedDemoIfEmpty(database.db)).toBe(true);
  const first = await counts();
  expect(first).toEqual({ users: 5, organizations: 5, memberships: 5, participants: 5, documents: DEMO_DOCUMENTS.length });
  await seedDemo(database.db);
  expect(await counts()).toEqual(first);
  expect(await seedDemoIfEmpty(database.db)).toBe(false);
  expect(DEMO_ACCOUNTS.map((a) => a.email)).toContain("qa@demo.concord.test");
});
