/**
 * A fresh test database with the demo workspace seeded, for one test file, and blank documents in
 * the demo project to write to. Unlike useTestDatabase it does not install itself as the app's
 * database: store and collaboration tests hand `database.db` to the functions they test.
 */
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../db/client";
import { documents } from "../../db/schema/index";
import { DEMO_PROJECT_ID, seedDemo } from "../../db/seed/demo";
import { openTestDatabase, type TestDatabase } from "./database";

export type DemoDatabase = {
  /** The open database (from beforeAll on). */
  readonly db: Database;
  /** Its postgres:// URL, for a second connection (unset on PGlite). */
  readonly url: string | undefined;
  /** Inserts an empty credential specification with this id into the demo project. */
  newDocument(id: string): Promise<string>;
};

export function useDemoDatabase(): DemoDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemo(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });
  const open = (): TestDatabase => {
    if (!database) throw new Error("the test database is not open yet");
    return database;
  };
  return {
    get db() {
      return open().db;
    },
    get url() {
      return open().url;
    },
    async newDocument(id) {
      await open().db.insert(documents).values({ id, projectId: DEMO_PROJECT_ID, kind: "credential_spec", title: id });
      return id;
    },
  };
}
