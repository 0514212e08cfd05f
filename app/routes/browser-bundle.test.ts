/**
 * Every page module loads without the `.server` modules, as it does in the browser: Remix leaves
 * them out of the browser bundle, so module-level code that uses a `.server` export (a schema
 * derived at the top of a route, a constant in a hint) breaks the page once it hydrates, while the
 * server render looks fine. Resource routes (no default export) never reach the browser.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const APP = path.resolve(import.meta.dirname, "..");
const ROUTES = path.join(APP, "routes");

function serverModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serverModules(full);
    return /\.server\.tsx?$/.test(entry.name) ? [`~/${path.relative(APP, full).replace(/\.tsx?$/, "")}`] : [];
  });
}

const SERVER_MODULES = serverModules(APP);
const PAGES = fs
  .readdirSync(ROUTES)
  .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."))
  .filter((file) => /^export default /m.test(fs.readFileSync(path.join(ROUTES, file), "utf8")));

afterEach(() => {
  for (const id of SERVER_MODULES) vi.doUnmock(id);
  vi.resetModules();
});

describe("page modules in the browser's shape", () => {
  it("finds the pages and the server modules", () => {
    expect(PAGES).toContain("signup.tsx");
    expect(SERVER_MODULES).toContain("~/modules/auth/accounts.server");
  });

  it.each(PAGES)("%s loads without server modules", async (file) => {
    vi.resetModules();
    // An export read from a stub throws, so any module-level use of one fails the import.
    for (const id of SERVER_MODULES) vi.doMock(id, () => ({}));
    const page = (await import(path.join(ROUTES, file))) as { default?: unknown };
    expect(typeof page.default).toBe("function");
  });
});
