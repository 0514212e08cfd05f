import { expect, test } from "@playwright/test";
import { COLLEGE, openAs, UNIVERSITY } from "./support/people";

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
  const diagram = page.getByRole("group", { name: /Pathways of Climate Adaptation Consortium/ });
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

test("the lead asks Prairie University to sign; its admin finds it in the inbox, signs, and can withdraw it", async ({ browser }) => {
  // Lakeshore College (the stack's lead) asks the receiving institution.
  const lead = await openAs(browser, COLLEGE, "/documents/demo-stack-cap/recognitions");
  const asked = lead.getByRole("row").filter({ hasText: PROPOSED });
  await expect(asked).toContainText("proposed");
  await asked.getByRole("button", { name: "Ask Prairie University to sign" }).click();
  await expect(asked).toContainText("Awaiting Prairie University's signature since");
  await expect(asked.getByRole("button", { name: "Ask Prairie University to sign" })).toHaveCount(0);
  await lead.context().close();

  // The receiving institution: in its inbox, then signed from the recognitions page.
  const page = await openAs(browser, UNIVERSITY, "/inbox");
  const waiting = page.getByTestId("recognitions-awaiting");
  await expect(waiting).toContainText(PROPOSED);
  await waiting.getByRole("link", { name: STACK }).click();
  const proposed = page.getByRole("row").filter({ hasText: PROPOSED });
  await expect(proposed).toContainText("proposed");
  await expect(page.getByRole("row").filter({ hasText: SIGNED })).toContainText("confirmed — signed by Priya Raman");
  await proposed.getByRole("button", { name: "Sign recognition" }).click();
  await expect(proposed).toContainText("confirmed — signed by Priya Raman");
  await expect(proposed.getByRole("button", { name: "Sign recognition" })).toHaveCount(0);
  await page.goto("/inbox");
  await expect(page.getByTestId("recognitions-awaiting")).toHaveCount(0);

  // Withdrawn by the same institution, with a reason; both the signature and the withdrawal stay in the audit trail.
  await page.goto("/documents/demo-stack-cap/recognitions");
  await proposed.getByLabel("Why (shown in the audit trail)").fill("The certificate program closes in 2028");
  await proposed.getByRole("button", { name: "Withdraw recognition" }).click();
  await expect(proposed).toContainText("withdrawn");
  await expect(proposed.getByRole("button", { name: "Sign recognition" })).toBeVisible();
  await page.goto("/documents/demo-stack-cap/audit");
  await expect(page.getByText(`Asked Prairie University to recognize it for ${PROPOSED}`)).toBeVisible();
  await expect(page.getByText(`Prairie University signed the recognition for ${PROPOSED}`)).toBeVisible();
  await expect(page.getByText(`Prairie University withdrew its recognition for ${PROPOSED}: “The certificate program closes in 2028”`)).toBeVisible();
  await page.context().close();

  // Another member of the consortium, neither in the stack's project nor receiving: nothing to see or sign.
  const polytechnic = await openAs(browser, POLYTECHNIC, "/");
  expect((await polytechnic.request.get("/documents/demo-stack-cap/recognitions")).status()).toBe(404);
  await polytechnic.context().close();
});
