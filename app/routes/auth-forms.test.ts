/**
 * The sign-up and sign-in pages after a refused submission: the real action answers, and the page
 * is rendered with that answer the way the browser renders it — Remix leaves `.server` modules out
 * of the browser bundle, so a hint built from a `.server` export reads "At least undefined
 * characters" there. Every message must be real words and numbers.
 */
import type { AppLoadContext } from "@remix-run/node";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MIN_PASSWORD_LENGTH } from "~/modules/auth/credentials";
import { action as signInAction } from "~/routes/login";
import { action as signUpAction } from "~/routes/signup";
import { useTestDatabase } from "../../test/support/use-test-database";

useTestDatabase();

type Route = "signup" | "login";
const ACTIONS = { signup: signUpAction, login: signInAction };
/** What the routes import from `.server` modules: absent in the browser. */
const SERVER_MODULES = ["~/modules/auth/accounts.server", "~/modules/auth/request.server"];
const BROKEN_TEXT = /undefined|NaN|\[object/;

afterEach(() => {
  for (const id of SERVER_MODULES) vi.doUnmock(id);
  vi.resetModules();
});

async function submit(route: Route, fields: Record<string, string>): Promise<{ status: number; data: unknown }> {
  const request = new Request(`http://localhost/${route}`, { method: "POST", body: new URLSearchParams(fields) });
  const response = await ACTIONS[route]({ request, params: {}, context: { clientIp: "192.0.2.1" } as AppLoadContext });
  const isJson = response.headers.get("content-type")?.includes("application/json");
  return { status: response.status, data: isJson ? await response.json() : null };
}

/** The page's HTML with `data` as its action data, rendered without the `.server` modules. */
async function renderInBrowserShape(route: Route, data: unknown): Promise<string> {
  vi.resetModules();
  for (const id of SERVER_MODULES) vi.doMock(id, () => ({}));
  const page = (route === "signup" ? await import("~/routes/signup") : await import("~/routes/login")).default as ComponentType;
  const handler = createStaticHandler([{ id: route, path: `/${route}`, Component: page, loader: () => null, action: () => data as object }]);
  const context = await handler.query(new Request(`http://localhost/${route}`, { method: "POST", body: new URLSearchParams() }));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
}

function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
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
    expect(html).toContain('value="not-an-email"');
    expect(html).not.toContain("short");
    expect(html).not.toMatch(BROKEN_TEXT);
  });

  it("sign-up: empty fields and an e-mail already taken", async () => {
    const empty = await submit("signup", {});
    expect(visibleText(await renderInBrowserShape("signup", empty.data))).toMatch(/Enter your name.*Enter a valid email address.*Use at least 10 characters/);

    expect((await submit("signup", { name: "Ada", email: "ada@example.com", password: "analytical-engine" })).status).toBe(302);
    const taken = await submit("signup", { name: "Ada again", email: "ADA@example.com", password: "analytical-engine" });
    expect(taken.status).toBe(400);
    const html = await renderInBrowserShape("signup", taken.data);
    expect(visibleText(html)).toContain("An account with this email already exists.");
    expect(html).not.toMatch(BROKEN_TEXT);
  });

  it("sign-in: field errors, then the form's error for wrong credentials", async () => {
    const empty = await submit("login", { email: "", password: "" });
    expect(empty.status).toBe(400);
    const emptyHtml = await renderInBrowserShape("login", empty.data);
    expect(visibleText(emptyHtml)).toMatch(/Enter a valid email address.*Enter your password/);
    expect(emptyHtml).not.toMatch(BROKEN_TEXT);

    const wrong = await submit("login", { email: "nobody@example.com", password: "whatever-password" });
    expect(wrong.status).toBe(400);
    const wrongHtml = await renderInBrowserShape("login", wrong.data);
    expect(visibleText(wrongHtml)).toContain("Email or password is incorrect.");
    expect(wrongHtml).toContain('value="nobody@example.com"');
    expect(wrongHtml).not.toMatch(BROKEN_TEXT);
  });
});
