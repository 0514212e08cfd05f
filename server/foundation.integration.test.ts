import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, startTestServer, type TestServer } from "../test/support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("the HTTP server on the real database", () => {
  it("answers /healthz with ok while the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers an unknown URL with a 404 page", async () => {
    const response = await fetch(`${server.url}/no/such/page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });

  it("refuses a cross-origin form post", async () => {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "http://evil.test", "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ email: "college@demo.concord.test", password: "concord-demo" }),
    });
    expect(response.status).toBe(403);
  });

  it("signs up, rejects a duplicate e-mail and a short password with field errors", async () => {
    const post = (fields: Record<string, string>) =>
      fetch(`${server.url}/signup?_data=routes%2Fsignup`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: form(fields),
      });
    const created = await post({ name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine" });
    expect(created.status).toBe(204); // Remix data request redirect
    expect(created.headers.get("x-remix-redirect")).toBeTruthy();
    expect(created.headers.get("set-cookie")).toMatch(/concord_session=.+HttpOnly.+SameSite=Lax/i);

    const duplicate = await post({ name: "Ada again", email: "ADA@example.com", password: "analytical-engine" });
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).error.email[0]).toMatch(/already exists/);

    const short = await post({ name: "Bob", email: "bob@example.com", password: "short" });
    expect(short.status).toBe(400);
    const body = await short.json();
    expect(body.error.password[0]).toMatch(/at least 10/);
    // What was typed comes back to fill the form again, never the password.
    expect(body.initialValue).toEqual({ name: "Bob", email: "bob@example.com" });
  });

  it("gives the same error for an unknown e-mail and a wrong password", async () => {
    const attempt = async (email: string, password: string) => {
      const response = await fetch(`${server.url}/login?_data=routes%2Flogin`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ email, password }),
      });
      return { status: response.status, body: await response.json() };
    };
    const unknown = await attempt("nobody@example.com", "whatever-password");
    const wrong = await attempt("college@demo.concord.test", "wrong-password");
    expect(unknown.status).toBe(400);
    // Conform keeps the form's own errors under the empty name.
    expect(unknown.body.error[""]).toEqual(["Email or password is incorrect."]);
    expect(unknown.body.error[""]).toEqual(wrong.body.error[""]);
  });

  it("rate-limits repeated failed sign-ins for one e-mail", async () => {
    let last = 0;
    for (let i = 0; i < 9; i++) {
      const response = await fetch(`${server.url}/login?_data=routes%2Flogin`, {
        method: "POST",
        headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: form({ email: "university@demo.concord.test", password: `wrong-${i}` }),
      });
      last = response.status;
      if (i === 8) expect(response.headers.get("retry-after")).toBeTruthy();
    }
    expect(last).toBe(429);
  });

  it("shows members their project and documents, and answers 404 to outsiders", async () => {
    const member = await signInCookie(server.url, "employer@demo.concord.test");
    const page = await fetch(`${server.url}/projects/demo-project-cap`, { headers: { Cookie: member } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Climate Adaptation Practitioner");

    const outsiderSignup = await fetch(`${server.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: form({ name: "Out Sider", email: "outsider@example.com", password: "outsider-password" }),
    });
    const outsider = outsiderSignup.headers.get("set-cookie")!.split(";")[0]!;
    for (const path of ["/projects/demo-project-cap", "/documents/demo-doc-spec", "/documents/demo-doc-wbl"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { Cookie: outsider } });
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("Climate Adaptation Practitioner");
    }
  });
});
