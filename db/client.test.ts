import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirectoryLockedError, lockDataDirectory, openDatabase } from "./client";

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
