/**
 * Forms after a refused submission — sign-up, sign-in, and creating an organization or a project:
 * the real action answers, and the page is rendered with that answer the way the browser renders
 * it — Remix leaves `.server` modules out of the browser bundle, so a hint built from a `.server`
 * export reads "At least undefined characters" there. Every message must be real words and numbers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INVITATIONS_PER_HOUR, ORGANIZATIONS_PER_DAY, PROJECTS_PER_DAY } from "~/modules/abuse/limits.server";
import { MIN_PASSWORD_LENGTH } from "~/modules/auth/credentials";
import { createSession, sessionCookieHeader } from "~/modules/auth/lucia.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createInvitation } from "~/modules/orgs/invitations.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import { createProject } from "~/modules/projects/projects.server";
import { i18nFor } from "~/modules/i18n/i18n";
import { action as signInAction } from "~/routes/login";
import { action as organizationAction } from "~/routes/organizations.$organizationId";
import { action as organizationsAction } from "~/routes/organizations._index";
import { action as projectsAction } from "~/routes/projects._index";
import { action as signUpAction } from "~/routes/signup";
import { NO_REQUEST, testUser } from "../../test/support/documents";
import { useTestDatabase } from "../../test/support/use-test-database";

useTestDatabase();

type ActionFn = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<Response>;

/** The pages under test: their action, route file and the loader data they render with. */
const PAGES = {
  signup: { path: "/signup", file: "signup.tsx", action: signUpAction as ActionFn, load: () => import("~/routes/signup") },
  login: { path: "/login", file: "login.tsx", action: signInAction as ActionFn, load: () => import("~/routes/login") },
  organizations: { path: "/organizations", file: "organizations._index.tsx", action: organizationsAction as ActionFn, load: () => import("~/routes/organizations._index") },
  projects: { path: "/projects", file: "projects._index.tsx", action: projectsAction as ActionFn, load: () => import("~/routes/projects._index") },
} as const;
type Page = keyof typeof PAGES;

const BROKEN_TEXT = /undefined|NaN|\[object/;

/** The `.server` modules a route imports: Remix leaves them out of the browser bundle. */
function serverModulesOf(page: Page): string[] {
  const source = readFileSync(path.join(import.meta.dirname, PAGES[page].file), "utf8");
  return [...source.matchAll(/from "(~\/[^"]+\.server)"/g)].map((match) => match[1] ?? "");
}

afterEach(() => {
  for (const page of Object.keys(PAGES) as Page[]) for (const id of serverModulesOf(page)) vi.doUnmock(id);
  vi.resetModules();
});

async function submit(page: Page, fields: Record<string, string>, cookie?: string): Promise<{ status: number; data: unknown }> {
  const headers: HeadersInit = cookie ? { Cookie: cookie } : {};
  const request = new Request(`http://localhost${PAGES[page].path}`, { method: "POST", body: new URLSearchParams(fields), headers });
  const response = await PAGES[page].action({ request, params: {}, context: { clientIp: "192.0.2.1" } as AppLoadContext }).catch((thrown: unknown) => {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  });
  const isJson = response.headers.get("content-type")?.includes("application/json");
  return { status: response.status, data: isJson ? await response.json() : null };
}

/** The page's HTML with `data` as its action data, rendered without the `.server` modules. */
async function renderInBrowserShape(page: Page, data: unknown, loaderData: unknown = null): Promise<string> {
  vi.resetModules();
  const serverModules = serverModulesOf(page);
  expect(serverModules.length).toBeGreaterThan(0);
  for (const id of serverModules) vi.doMock(id, () => ({}));
  const Component = (await PAGES[page].load()).default as ComponentType;
  const { path: url } = PAGES[page];
  const handler = createStaticHandler([{ id: page, path: url, Component, loader: () => loaderData as object, action: () => data as object }]);
  const context = await handler.query(new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams() }));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  // In English, as the root's provider gives it (app/root.tsx).
  return renderToString(createElement(I18nextProvider, { i18n: i18nFor("en") }, createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context })));
}

function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");
}

/** A signed-in person's session cookie. */
async function sessionCookie(userId: string): Promise<string> {
  const { sessionId } = await createSession(userId);
  return sessionCookieHeader(sessionId, false).split(";")[0] ?? "";
}

describe("auth forms after a refused submission", () => {
  it("sign-up: every field's error and the password hint name real values", async () => {
    const refused = await submit("signup", { name: " ", email: "not-an-email", password: "short" });
    expect(refused.status).toBe(400);
    const html = await renderInBrowserShape("signup", refused.data);
    const text = visibleText(html);
    expect(text).toContain("Enter your name");
    expect(text).toContain("Enter a valid email address");
    expect(text).toContain(`Use at least ${MIN_PASSWORD_LENGTH} characters`);
    expect(text).toContain(`At least ${MIN_PASSWORD_LENGTH} characters.`);
    // The real minimum, written out: a constant gone astray must not pass as "at least NaN".
    expect(text).toContain("Use at least 10 characters");
    expect(text).toContain("At least 10 characters.");
    expect(html).toContain('value="not-an-email"');
    expect(html).not.toContain("short");
    expect(html).not.toMatch(BROKEN_TEXT);
  });

  it("sign-up: a password one character short is refused naming the minimum", async () => {
    const refused = await submit("signup", { name: "Nine", email: "nine@example.com", password: "x".repeat(MIN_PASSWORD_LENGTH - 1) });
    expect(refused.status).toBe(400);
    const html = await renderInBrowserShape("signup", refused.data);
    expect(visibleText(html)).toContain("Use at least 10 characters");
    expect(html).not.toMatch(BROKEN_TEXT);
    expect((await submit("signup", { name: "Ten", email: "ten@example.com", password: "x".repeat(MIN_PASSWORD_LENGTH) })).status).toBe(302);
  });

  it("sign-up: empty fields and an e-mail already taken", async () => {
    const empty = await submit("signup", {});
    const emptyHtml = await renderInBrowserShape("signup", empty.data);
    expect(visibleText(emptyHtml)).toMatch(/Enter your name.*Enter a valid email address.*Use at least 10 characters/);
    expect(emptyHtml).not.toMatch(BROKEN_TEXT);

    expect((await submit("signup", { name: "Ada", email: "ada@example.com", password: "analytical-engine" })).status).toBe(302);
    const taken = await submit("signup", { name: "Ada again", email: "ADA@example.com", password: "analytical-engine" });
    expect(taken.status).toBe(400);
    const html = await renderInBrowserShape("signup", taken.data);
    expect(visibleText(html)).toContain("An account with this email already exists.");
    expect(html).not.toMatch(BROKEN_TEXT);
  });

  it("sign-in: field errors, then the form's error for an unknown e-mail and for a wrong password", async () => {
    const empty = await submit("login", { email: "", password: "" });
    expect(empty.status).toBe(400);
    const emptyHtml = await renderInBrowserShape("login", empty.data);
    expect(visibleText(emptyHtml)).toMatch(/Enter a valid email address.*Enter your password/);
    expect(emptyHtml).not.toMatch(BROKEN_TEXT);

    const unknown = await submit("login", { email: "nobody@example.com", password: "whatever-password" });
    expect(unknown.status).toBe(400);
    const unknownHtml = await renderInBrowserShape("login", unknown.data);
    expect(visibleText(unknownHtml)).toContain("Email or password is incorrect.");
    expect(unknownHtml).toContain('value="nobody@example.com"');
    expect(unknownHtml).not.toMatch(BROKEN_TEXT);

    expect((await submit("signup", { name: "Grace", email: "grace@example.com", password: "compiler-first" })).status).toBe(302);
    const wrong = await submit("login", { email: "grace@example.com", password: "not-her-password" });
    expect(wrong.status).toBe(400);
    const wrongHtml = await renderInBrowserShape("login", wrong.data);
    expect(visibleText(wrongHtml)).toContain("Email or password is incorrect.");
    expect(wrongHtml).not.toContain("not-her-password");
    expect(wrongHtml).not.toMatch(BROKEN_TEXT);
  });

  it("sign-in: too many wrong passwords are answered with a real wait", async () => {
    expect((await submit("signup", { name: "Linus", email: "linus@example.com", password: "kernel-hacker" })).status).toBe(302);
    for (let i = 0; i < 8; i++) await submit("login", { email: "linus@example.com", password: `guess-number-${i}` });
    const throttled = await submit("login", { email: "linus@example.com", password: "kernel-hacker" });
    expect(throttled.status).toBe(429);
    const html = await renderInBrowserShape("login", throttled.data);
    expect(visibleText(html)).toMatch(/Too many sign-in attempts\. Try again in 1[45] minutes\./);
    expect(html).not.toMatch(BROKEN_TEXT);
  });
});

describe("creation forms after a refused submission", () => {
  it("organization: every field's error, then the per-account limit as the form's error", async () => {
    const founder = await testUser("Form Founder");
    const cookie = await sessionCookie(founder.id);
    const loaderData = { organizations: [] };

    const empty = await submit("organizations", {}, cookie);
    expect(empty.status).toBe(400);
    const emptyHtml = await renderInBrowserShape("organizations", empty.data, loaderData);
    expect(visibleText(emptyHtml)).toMatch(/Enter the organization's name.*Choose what kind of organization this is.*Choose a province or territory/);
    expect(emptyHtml).not.toMatch(BROKEN_TEXT);

    for (let i = 0; i < ORGANIZATIONS_PER_DAY; i++) await createOrganization(founder.id, { name: `Form Org ${i}`, kind: "employer", province: "ON" });
    const limited = await submit("organizations", { name: "Form Org too many", kind: "employer", province: "ON" }, cookie);
    expect(limited.status).toBe(429);
    const html = await renderInBrowserShape("organizations", limited.data, loaderData);
    expect(html).toMatch(/role="alert"[^>]*>You have created many organizations recently; try again in \d+ (minutes|hours)\.</);
    expect(html).toContain('value="Form Org too many"');
    expect(html).not.toMatch(BROKEN_TEXT);
  });

  it("project: every field's error, a rule's refusal, then the per-account limit as the form's error", async () => {
    const lead = await testUser("Form Lead");
    const cookie = await sessionCookie(lead.id);
    const college = await createOrganization(lead.id, { name: "Form College", kind: "institution", province: "ON" });
    const strangers = await createOrganization((await testUser("Form Stranger")).id, { name: "Stranger College", kind: "institution", province: "ON" });
    const loaderData = { projects: [], organizations: [{ id: college, name: "Form College", kind: "institution", province: "ON", role: "admin" }] };

    const empty = await submit("projects", {}, cookie);
    expect(empty.status).toBe(400);
    const emptyHtml = await renderInBrowserShape("projects", empty.data, loaderData);
    expect(visibleText(emptyHtml)).toMatch(/Give the project a title \(3 characters or more\).*Choose the organization you are acting for.*Choose your organization's role in the project/);
    expect(emptyHtml).not.toMatch(BROKEN_TEXT);

    const notYours = await submit("projects", { title: "Borrowed name", organizationId: strangers, role: "lead_institution" }, cookie);
    expect(notYours.status).toBe(400);
    const notYoursHtml = await renderInBrowserShape("projects", notYours.data, loaderData);
    expect(visibleText(notYoursHtml)).toContain("You can only start a project for an organization you belong to.");
    expect(notYoursHtml).not.toMatch(BROKEN_TEXT);

    const actor = await loadActor(lead.id);
    for (let i = 0; i < PROJECTS_PER_DAY; i++) await createProject(actor, { title: `Form Project ${i}`, summary: "", organizationId: college, role: "lead_institution" }, NO_REQUEST);
    const limited = await submit("projects", { title: "One project too many", organizationId: college, role: "lead_institution" }, cookie);
    expect(limited.status).toBe(429);
    const html = await renderInBrowserShape("projects", limited.data, loaderData);
    expect(html).toMatch(/role="alert"[^>]*>You have created many projects recently; try again in \d+ (minutes|hours)\.</);
    expect(html).toContain('value="One project too many"');
    expect(html).not.toMatch(BROKEN_TEXT);
  });

  it("invitation into an organization: the per-account limit comes back as the invite form's error", async () => {
    const admin = await testUser("Form Inviter");
    const org = await createOrganization(admin.id, { name: "Inviting Org", kind: "employer", province: "ON" });
    for (let i = 0; i < INVITATIONS_PER_HOUR; i++) await createInvitation(admin.id, { email: `form.invitee.${i}@example.com`, organizationId: org, role: "member" });
    const request = new Request(`http://localhost/organizations/${org}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "invite", email: "one.more@example.com", role: "member" }),
      headers: { Cookie: await sessionCookie(admin.id) },
    });
    const response = await organizationAction({ request, params: { organizationId: org }, context: { clientIp: "192.0.2.1" } as AppLoadContext });
    expect(response.status).toBe(429);
    const data = (await response.json()) as { intent: string; result: { error?: Record<string, string[]> }; inviteLink?: string };
    expect(data.intent).toBe("invite");
    expect(data.inviteLink).toBeUndefined();
    expect(data.result.error?.[""]?.[0]).toMatch(/^You have created many invitations recently; try again in \d+ minutes?\.$/);
  });
});
