import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { COLLEGE, openAs } from "./support/people";

const FIXTURES = path.resolve("app/modules/frameworks/import/fixtures");
const DQP = path.join(FIXTURES, "ctdlasn-dqp-degree-qualifications-profile.jsonld");
const ESCO = path.join(FIXTURES, "esco-1.2.0-skillsHierarchy_en.csv");

/** The header and the first `n` records of a CSV, cut at a newline outside quotes (ESCO's descriptions span lines). */
function firstRecords(text: string, n: number): string {
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === "\n" && !quoted && ++records === n + 1) return text.slice(0, i + 1);
  }
  return text;
}

function tempFile(name: string, content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "concord-frameworks-")), name);
  fs.writeFileSync(file, content);
  return file;
}

async function startImport(page: Page, file: string) {
  await page.goto("/frameworks");
  await expect(page.getByRole("heading", { name: "Competency frameworks" })).toBeVisible();
  await page.getByRole("link", { name: "Import framework" }).click();
  await expect(page.getByRole("heading", { name: "Import framework" })).toBeVisible();
  await page.getByLabel("Organization").selectOption({ label: COLLEGE.organization });
  await page.getByLabel("Framework file").setInputFiles(file);
  await page.getByRole("button", { name: "Import", exact: true }).click();
}

test("a CTDL-ASN framework imports with a progress bar, then is searched, browsed as a tree and downloaded", async ({ browser }) => {
  const page = await openAs(browser, COLLEGE);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Frameworks" }).click();
  await startImport(page, DQP);

  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText("Imported 83 competencies")).toBeVisible();
  await expect(progress).toHaveAttribute("aria-valuenow", "83");
  await expect(progress).toHaveAttribute("aria-valuetext", "83 of 83 stored");
  await page.getByRole("link", { name: "Open Degree Qualification Profile" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Degree Qualification Profile" })).toBeVisible();
  await expect(page.locator(".page-header")).toContainText("83 competencies");
  const tree = page.getByRole("tree");
  await expect(tree.getByRole("treeitem", { name: /^Intellectual Skills/ })).toHaveAttribute("aria-expanded", "false");

  // Search, then reveal a result inside a closed branch.
  await page.getByLabel("Search competencies").fill("quantitative");
  await page.getByLabel("Search competencies").press("Enter");
  const results = page.getByRole("list", { name: "Search results" });
  const fluency = results.getByRole("button", { name: /^Quantitative Fluency/ });
  await expect(fluency).toContainText("Intellectual Skills");
  await expect(async () => {
    await fluency.click();
    await expect(tree.getByRole("treeitem", { name: /^Quantitative Fluency/ })).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
  }).toPass();
  await expect(tree.getByRole("treeitem", { name: /^Intellectual Skills/ })).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: /^Quantitative Fluency/ })).toBeFocused();

  // The keyboard: Home to the first row, Down to a closed branch, Right opens it, Down enters it, Left goes back up.
  await page.keyboard.press("Home");
  const first = tree.getByRole("treeitem", { name: /^Intellectual Skills/ });
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(first).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowDown");
  const second = tree.getByRole("treeitem", { name: /^Broad and Integrative Knowledge/ });
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute("aria-level", "1");
  await page.keyboard.press("ArrowRight");
  await expect(second).toHaveAttribute("aria-expanded", "true");
  // Its children arrive from the server: wait for them before stepping in.
  const child = tree.locator('[role="treeitem"][aria-level="2"]').first();
  await expect(child).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(child).toBeFocused();
  await expect(child).toHaveAttribute("aria-posinset", "1");
  await page.keyboard.press("ArrowLeft");
  await expect(second).toBeFocused();

  // Another search leaves the branches as they were.
  await page.getByLabel("Search competencies").fill("civic");
  await page.getByLabel("Search competencies").press("Enter");
  await expect(results.getByRole("button", { name: /^Civic and Global Learning/ })).toBeVisible();
  await expect(second).toHaveAttribute("aria-expanded", "true");

  // The downloads answer with the file and its type.
  for (const [name, type] of [
    ["Download CSV", "text/csv"],
    ["Download CTDL-ASN", "application/ld+json"],
  ] as const) {
    const href = await page.getByRole("link", { name }).getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
    expect(await response.text()).toContain("Quantitative Fluency");
  }
  await page.context().close();
});

test("a plain CSV goes through the column mapping, with a preview, before it imports", async ({ browser }) => {
  const csv = tempFile("esco-language-skills.csv", firstRecords(fs.readFileSync(ESCO, "utf8"), 50));
  const page = await openAs(browser, COLLEGE);
  await startImport(page, csv);

  // ESCO's level columns are recognised and already mapped; the preview shows the first rows.
  await expect(page.getByRole("group", { name: "Map the columns" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "One code column per level" })).toBeChecked();
  await expect(page.getByLabel("Level 1 code")).toHaveValue("Level 0 code");
  const preview = page.getByRole("table", { name: /Preview: the first 10 of 50 rows/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByRole("row").nth(1)).toContainText("language skills and knowledge");

  await page.getByLabel("Framework name").fill("ESCO language skills (sample)");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(preview).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(page.getByText("Imported 50 competencies")).toBeVisible();
  await page.getByRole("link", { name: "Open ESCO language skills (sample)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ESCO language skills (sample)" })).toBeVisible();
  // The sample holds the two top-level groups it reaches: languages, and the start of skills.
  const top = page.getByRole("tree").getByRole("treeitem");
  await expect(top).toHaveCount(2);
  await expect(top.first()).toHaveAccessibleName(/^L language skills and knowledge/);
  await expect(top.nth(1)).toHaveAccessibleName(/^S skills/);

  // Its organization's admin deletes it, after a confirmation.
  await expect(async () => {
    await page.getByRole("button", { name: "Delete framework" }).click();
    await expect(page.getByRole("button", { name: "Yes, delete this version" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.getByRole("button", { name: "Yes, delete this version" }).click();
  await expect(page.getByRole("heading", { name: "Competency frameworks" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ESCO language skills (sample)" })).toHaveCount(0);
  await page.context().close();
});

test("a bad file shows every problem with its node and imports nothing", async ({ browser }) => {
  const base = "https://example.test/broken";
  const bad = tempFile(
    "broken.jsonld",
    JSON.stringify({
      "@context": "https://credreg.net/ctdlasn/schema/context/json",
      "@graph": [
        { "@id": `${base}/framework`, "@type": "ceasn:CompetencyFramework", "ceasn:name": { "en-US": "Broken framework" }, "ceasn:hasTopChild": [`${base}/c1`] },
        { "@id": `${base}/c1`, "@type": "ceasn:Competency", "ceasn:competencyText": { "en-US": "Top competency" }, "ceasn:isTopChildOf": `${base}/framework` },
        { "@id": `${base}/c2`, "@type": "ceasn:Competency", "ceasn:competencyText": { "en-US": "Orphan" }, "ceasn:isChildOf": `${base}/missing` },
        { "@id": `${base}/c3`, "@type": "ceasn:Competency", "ceasn:isChildOf": `${base}/c1` },
      ],
    }),
  );
  const page = await openAs(browser, COLLEGE);
  await startImport(page, bad);

  await expect(page.getByText("Nothing was imported: 2 problems in the file.")).toBeVisible();
  const problems = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(problems).toContainText(`Node ${base}/c3: no statement`);
  await expect(problems).toContainText(`Node ${base}/c2: its parent "${base}/missing"`);
  await expect(page.getByText(/Imported \d+ competenc/)).toHaveCount(0);

  await page.goto("/frameworks");
  await expect(page.getByRole("heading", { name: "Competency frameworks" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Broken framework" })).toHaveCount(0);

  // Over 20 MiB: refused on the file field while it uploads, before anything is parsed.
  const huge = tempFile("huge.csv", "Code,Statement\n" + "A,".padEnd(21 * 1024 * 1024, "x") + "\n");
  await startImport(page, huge);
  await expect(page.getByText("The file is larger than 20 MiB, the limit.")).toBeVisible();
  await expect(page.getByLabel("Framework file")).toHaveAttribute("aria-invalid", "true");
  await page.context().close();
});
