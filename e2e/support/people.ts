import type { Browser, Page } from "@playwright/test";
import { signIn } from "./auth";

/** Demo accounts (db/seed/demo.ts) as they appear on screen. */
export const COLLEGE = { email: "college@demo.concord.test", name: "Daniel Tremblay" };
export const EMPLOYER = { email: "employer@demo.concord.test", name: "Maya Okafor" };
export const QA = { email: "qa@demo.concord.test", name: "Elena Novak" };

/** A separate browser context per person: own cookies, own socket, like two laptops. Signed in, on `path`. */
export async function openAs(browser: Browser, person: { email: string }, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, person.email);
  await page.goto(path);
  return page;
}
