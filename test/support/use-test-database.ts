import { afterAll, beforeAll } from "vitest";
import { setDatabase } from "~/db.server";
import { openTestDatabase, type TestDatabase } from "./database";

/**
 * Opens a fresh, migrated database for one test file and installs it as the app's database, so
 * domain verbs run exactly as in production. Returns a getter (the database opens in beforeAll).
 */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
    setDatabase(database);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("the test database is not open yet");
    return database;
  };
}
