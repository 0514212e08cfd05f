import { expect, test } from "@playwright/test";
import { openAs, UNIVERSITY } from "./support/people";

/** The demo consortium (db/seed/demo.ts seedDemoConsortium). */
const POLYTECHNIC = { email: "polytechnic@demo.concord.test" };
const CONSORTIUM = "/consortia/demo-consortium-climate";
const STACK = "Climate Adaptation Practitioner — stacked credential";
const SIGNED = "Bachelor of Environmental Science (Climate Adaptation)";
const PROPOSED = "Graduate Certificate in Climate Risk Management";

test("the demo consortium's pathway view shows modules, the stack and the programs it ladders into", async ({ browser }, testInfo) => {
  const page = await openAs(browser, POLYTECHNIC, CONSORTIUM);
  await page.getByRole("link", { name: "Pathways" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pathways" })).toBeVisible();
  const diagram = page.getByRole("img", { name: /Pathways of Climate Adaptation Consortium/ });
  await expect(diagram).toBeVisible();
  // Each specification is a link in the diagram, named with its kind and owner.
  await expect(diagram.getByRole("link", { name: `Stacked credential: ${STACK}, Lakeshore College` })).toBeVisible();
  await expect(diagram.getByRole("link", { name: "Module: Flood-Risk Modelling, Prairie University" })).toBeVisible();
  // The list view of the same graph.
  const list = page.getByTestId("pathway-list");
  const stack = list.getByRole("listitem").filter({ has: page.getByRole("link", { name: STACK, exact: true }) });
  await expect(stack).toContainText("Flood-Risk Modelling — Prairie University (SK)");
  await expect(stack).toContainText("Climate Risk Assessment for Infrastructure — Lakeshore College (ON)");
  await expect(stack).toContainText("Adaptation Planning and Implementation — Lakeshore College (ON)");
  await expect(stack).toContainText(`${SIGNED}, Prairie University (SK): advanced standing — confirmed`);
  await expect(stack).toContainText(`${PROPOSED}, Prairie University (SK): 3 credits — proposed`);
  await page.screenshot({ path: testInfo.outputPath("pathways.png"), fullPage: true });
  await page.context().close();
});

test("Prairie University's admin signs the proposed recognition; it then shows as confirmed", async ({ browser }) => {
  const page = await openAs(browser, UNIVERSITY, "/documents/demo-stack-cap/recognitions");
  const proposed = page.getByRole("row").filter({ hasText: PROPOSED });
  await expect(proposed).toContainText("proposed");
  await expect(page.getByRole("row").filter({ hasText: SIGNED })).toContainText("confirmed — signed by Priya Raman");
  await proposed.getByRole("button", { name: "Sign recognition" }).click();
  await expect(proposed).toContainText("confirmed — signed by Priya Raman");
  await expect(proposed.getByRole("button", { name: "Sign recognition" })).toHaveCount(0);
  // Recorded in the specification's audit trail.
  await page.goto("/documents/demo-stack-cap/audit");
  await expect(page.getByText(`Prairie University signed the recognition for ${PROPOSED}`)).toBeVisible();
  await page.context().close();

  // Another member of the consortium, neither in the stack's project nor receiving: nothing to see or sign.
  const polytechnic = await openAs(browser, POLYTECHNIC, "/");
  expect((await polytechnic.request.get("/documents/demo-stack-cap/recognitions")).status()).toBe(404);
  await polytechnic.context().close();
});
