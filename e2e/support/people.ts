import type { Browser, Page, ViewportSize } from "@playwright/test";
import { signIn } from "./auth";

/** A demo account (db/seed/demo.ts) as it appears on screen: the person and the organization they act for. */
export type Person = { email: string; name: string; organization: string };

export const COLLEGE: Person = { email: "college@demo.concord.test", name: "Daniel Tremblay", organization: "Lakeshore College" };
export const UNIVERSITY: Person = { email: "university@demo.concord.test", name: "Priya Raman", organization: "Prairie University" };
export const EMPLOYER: Person = { email: "employer@demo.concord.test", name: "Maya Okafor", organization: "Northwind Energy" };
export const PROFBODY: Person = { email: "profbody@demo.concord.test", name: "Jordan Lefebvre", organization: "Canadian Climate Practitioners Association" };
export const QA: Person = { email: "qa@demo.concord.test", name: "Elena Novak", organization: "Postsecondary Quality Assessment Board" };

export type OpenOptions = {
  viewport?: ViewportSize;
  /** Resolves once the page is ready for the test, e.g. hydrated and its panels loaded. */
  until?: (page: Page) => Promise<unknown>;
};

/**
 * A separate browser context per person: own cookies, own socket, like two laptops. Signed in, then
 * on `path` when given (else where signing in left them), once `until` holds.
 */
export async function openAs(browser: Browser, person: { email: string }, path?: string, { viewport = { width: 1280, height: 900 }, until }: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, person.email);
  if (path !== undefined) await page.goto(path);
  if (until) await until(page);
  return page;
}
