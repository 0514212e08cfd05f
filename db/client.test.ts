import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DataDirectoryLockedError, lockDataDirectory, openDatabase, resultRows } from "./client";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded data directory lock", () => {
  it("refuses a directory locked by another live process, naming the directory", () => {
    const dir = tempDir();
    // pid 1 is always alive: it stands for another Concord process holding the directory.
    fs.writeFileSync(path.join(dir, "concord.lock"), "1");
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    expect(() => lockDataDirectory(dir)).toThrow(dir);
  });

  it("takes over a lock left by a dead process and releases it on unlock", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "concord.lock"), "999999999");
    const unlock = lockDataDirectory(dir);
    expect(fs.readFileSync(path.join(dir, "concord.lock"), "utf8")).toBe(String(process.pid));
    unlock();
    expect(fs.existsSync(path.join(dir, "concord.lock"))).toBe(false);
  });

  it("does not open PGlite on a locked directory", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "concord.lock"), "1");
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already in use/);
    expect(fs.existsSync(path.join(dir, "pglite"))).toBe(false);
  });
});

describe("resultRows", () => {
  it("reads both drivers' answers: postgres.js an array of rows, PGlite { rows }", async () => {
    expect(resultRows<{ n: number }>([{ n: 1 }])).toEqual([{ n: 1 }]);
    expect(resultRows<{ n: number }>({ rows: [{ n: 2 }], fields: [] })).toEqual([{ n: 2 }]);
    const database = await openDatabase({ dataDir: "memory://", migrate: false });
    try {
      expect(resultRows<{ n: number }>(await database.db.execute(sql`select 3 as n`))).toEqual([{ n: 3 }]);
    } finally {
      await database.close();
    }
  });
});
