import { expect, type Browser, type Page } from "@playwright/test";
import { COLLEGE, EMPLOYER, openAs, PROFBODY, QA, UNIVERSITY, type Person } from "./people";

/**
 * Sign-off driven through the panel's resource route (`POST /documents/<id>/signoff-panel`), for
 * tests whose subject is what comes after a decision (certificates, exports, editing in review),
 * not the panel itself (e2e/signoff.spec.ts clicks through that).
 */

/** Who decides for which organization under a specification's default template (db/seed/demo.ts). */
export const DEMO_SEATS: ReadonlyArray<[Person, string]> = [
  [COLLEGE, "demo-org-lakeshore"],
  [UNIVERSITY, "demo-org-prairie"],
  [EMPLOYER, "demo-org-northwind"],
  [PROFBODY, "demo-org-ccpa"],
  [QA, "demo-org-pqab"],
];

const PANEL_DATA = encodeURIComponent("routes/documents.$documentId.signoff-panel");

/** One sign-off command, as the person signed in on `page`; it must succeed. */
export async function signoffCommand(page: Page, documentPath: string, fields: Record<string, string>): Promise<void> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`${documentPath}/signoff-panel?_data=${PANEL_DATA}`, { form: fields, headers: { Origin: origin } });
  expect(response.status(), `${fields.intent}: ${await response.text()}`).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true });
}

/** The version the panel asks people to decide on now (its full hash). */
export async function currentVersionHash(page: Page, documentPath: string): Promise<string> {
  const response = await page.request.get(`${documentPath}/signoff-panel?_data=${PANEL_DATA}`);
  const { panel } = (await response.json()) as { panel: { currentHash: string } };
  expect(panel.currentHash).toMatch(/^[0-9a-f]{64}$/);
  return panel.currentHash;
}

/**
 * The lead (signed in on `college`) requests sign-off, then each of `seats` approves the version it
 * was shown, each in a browser context of its own (closed afterwards). Returns the approved hash.
 */
export async function requestAndApprove(browser: Browser, college: Page, documentPath: string, seats: ReadonlyArray<[Person, string]> = DEMO_SEATS): Promise<string> {
  await signoffCommand(college, documentPath, { intent: "request_signoff" });
  const hash = await currentVersionHash(college, documentPath);
  for (const [person, organizationId] of seats) {
    const page = person === COLLEGE ? college : await openAs(browser, person, "/");
    await signoffCommand(page, documentPath, { intent: "approve", organizationId, versionHash: hash });
    if (page !== college) await page.context().close();
  }
  return hash;
}
