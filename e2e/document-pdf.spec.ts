import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { COLLEGE, openAs } from "./support/people";

test("the demo assessment plan downloads as a PDF from its Document card", async ({ browser }) => {
  const college = await openAs(browser, COLLEGE, "/documents/demo-doc-assessment");
  const [file] = await Promise.all([college.waitForEvent("download"), college.getByRole("link", { name: "Download PDF", exact: true }).click()]);
  expect(file.suggestedFilename()).toBe("climate-adaptation-practitioner-assessment-plan.pdf");
  const bytes = await readFile(await file.path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // Every section of the plan, its assessments and coverage: several pages, not an empty shell.
  expect(bytes.length).toBeGreaterThan(8_000);
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThanOrEqual(3);

  const response = await college.request.get("/documents/demo-doc-assessment/pdf");
  expect(response.headers()["content-type"]).toBe("application/pdf");
});
