import { afterAll, beforeAll, expect, it } from "vitest";
import { signInCookie, startTestServer, type TestServer } from "../test/support/server";

// Runs last in its own file: it closes the database under a running server on purpose.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  await server.database.drop().catch(() => {});
});

it("answers 503 on /healthz and a 500 page without a stack trace when the database is gone", async () => {
  const cookie = await signInCookie(server.url, "college@demo.concord.test");
  await server.database.close();

  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable" });

  const page = await fetch(`${server.url}/documents`, { headers: { Cookie: cookie } });
  expect(page.status).toBe(500);
  const html = await page.text();
  expect(html).toContain("Something went wrong");
  expect(html).not.toMatch(/\bat .+\.(ts|js):\d+/);
});
