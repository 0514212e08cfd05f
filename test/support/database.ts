/**
 * Test databases: a fresh, migrated database per test file. On the machine's Postgres when
 * TEST_DATABASE_URL or DATABASE_URL is set (a new database is created and dropped), else PGlite
 * in memory. Either way the real schema and migrations run.
 */
import { randomBytes } from "node:crypto";
import { openDatabase, type DatabaseHandle } from "../../db/client";

export type TestDatabase = DatabaseHandle & { url?: string; drop: () => Promise<void> };

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: "memory://" });
    return { ...handle, drop: () => handle.close() };
  }
  const { default: postgres } = await import("postgres");
  const name = `concord_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), dataDir: "unused", poolSize: 5 });
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
