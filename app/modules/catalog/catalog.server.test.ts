/**
 * The public catalog reads approved specifications from the database (PGlite in memory): the demo
 * seed's approved credential is listed with its facts, each filter and the full-text search
 * narrow the list, and a credential that is reopened leaves the catalog.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEMO_PUBLISHED_SPEC_ID, DEMO_PUBLISHED_TITLE, seedDemo } from "../../../db/seed/demo";
import { frameworks } from "../../../db/schema/frameworks";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { catalogCredential, credentialIdOfSlug, listCatalog } from "~/modules/catalog/catalog.server";
import type { CatalogFilters } from "~/modules/catalog/filters";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { loadCurrentContent, runSignoffCommand, saveTemplate, type CommandResult, type SignoffCommand } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();
const meta = { ip: null, userAgent: "vitest" };
const COLLEGE = "demo-user-college";
const SPEC = "demo-doc-spec";

function ok(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
}
const run = (documentId: string, userId: string, command: SignoffCommand) => runSignoffCommand(documentId, userId, command, meta, NO_LIVE_DOCUMENTS);
const ids = async (filters: CatalogFilters) => (await listCatalog(filters)).map((e) => e.id);

beforeAll(async () => {
  await seedDemo(database().db);
});

describe("the catalog", () => {
  it("lists the demo's approved credential with the facts of its approved version", async () => {
    const entries = await listCatalog();
    expect(entries.map((e) => e.id)).toEqual([DEMO_PUBLISHED_SPEC_ID]);
    const entry = entries[0]!;
    expect(entry).toMatchObject({
      title: DEMO_PUBLISHED_TITLE,
      slug: `infrastructure-climate-risk-assessor-${DEMO_PUBLISHED_SPEC_ID}`,
      province: { code: "ON", label: "Ontario" },
      deliveryMode: { code: "hybrid" },
      timeToCompleteWeeks: 16,
      costCad: 1450,
      startModel: { schedule: { code: "cohort" }, cohortStarts: ["2027-01-11", "2027-09-13"] },
      credit: { value: 3, system: { code: "institutional" } },
      level: { framework: { code: "oqf" }, level: 8 },
      competenciesCount: 8,
      // Every party approved under the default template; Northwind Energy is the employer among them.
      endorsingEmployers: ["Northwind Energy"],
      issuingInstitutions: [
        { name: "Lakeshore College", province: "ON" },
        { name: "Prairie University", province: "SK" },
      ],
    });
    expect(entry.laddersInto.map((l) => l.institution)).toEqual(["Lakeshore College", "Prairie University"]);
    expect(await credentialIdOfSlug(entry.slug)).toBe(DEMO_PUBLISHED_SPEC_ID);
    expect(await credentialIdOfSlug(`old-title-${DEMO_PUBLISHED_SPEC_ID}`)).toBe(DEMO_PUBLISHED_SPEC_ID);
    expect(await credentialIdOfSlug("climate-adaptation-practitioner-demo-doc-spec")).toBeNull();
  });

  it("narrows by each filter", async () => {
    const all = [DEMO_PUBLISHED_SPEC_ID];
    expect(await ids({ delivery: "hybrid" })).toEqual(all);
    expect(await ids({ delivery: "online" })).toEqual([]);
    expect(await ids({ province: "ON" })).toEqual(all);
    expect(await ids({ province: "SK" })).toEqual(all); // Prairie University issues it
    expect(await ids({ province: "BC" })).toEqual([]);
    expect(await ids({ costMin: 1000, costMax: 1500 })).toEqual(all);
    expect(await ids({ costMax: 1000 })).toEqual([]);
    expect(await ids({ costMin: 1500 })).toEqual([]);
    expect(await ids({ maxWeeks: 16 })).toEqual(all);
    expect(await ids({ maxWeeks: 15 })).toEqual([]);
    expect(await ids({ occupation: "21300" })).toEqual(all);
    expect(await ids({ occupation: "213" })).toEqual(all);
    expect(await ids({ occupation: "632" })).toEqual([]);
    const [framework] = await database().db.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.name, "Climate Adaptation Practitioner Competency Framework"));
    expect(await ids({ framework: framework!.id })).toEqual(all);
    expect(await ids({ framework: "no-such-framework" })).toEqual([]);
  });

  it("searches title, description and competencies with stemming and a prefix", async () => {
    expect(await ids({ q: "assessor" })).toEqual([DEMO_PUBLISHED_SPEC_ID]);
    expect(await ids({ q: "flood models" })).toEqual([DEMO_PUBLISHED_SPEC_ID]); // "modelling"/"model" stem alike
    expect(await ids({ q: "infrastruc" })).toEqual([DEMO_PUBLISHED_SPEC_ID]);
    expect(await ids({ q: "astronomy" })).toEqual([]);
    expect(await ids({ q: "' & | !" })).toEqual([]);
    expect(await ids({ q: "assessor", delivery: "online" })).toEqual([]);
  });

  it("adds a newly approved credential and drops it when it is reopened", async () => {
    const template = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
    expect(await saveTemplate(SPEC, COLLEGE, template, meta)).toEqual({ ok: true });
    ok(await run(SPEC, COLLEGE, { type: "request_signoff" }));
    const hash = (await loadCurrentContent(database().db, SPEC, "credential_spec")).hash;
    ok(await run(SPEC, "demo-user-qa", { type: "approve", organizationId: "demo-org-pqab", versionHash: hash }));

    // Catalog order is by title: "Climate…" before "Infrastructure…".
    expect(await ids({})).toEqual([SPEC, DEMO_PUBLISHED_SPEC_ID]);
    expect((await catalogCredential(SPEC))?.endorsingEmployers).toEqual([]); // only the QA agency approved
    expect(await ids({ q: "assessor" })).toEqual([DEMO_PUBLISHED_SPEC_ID]);

    ok(await run(SPEC, COLLEGE, { type: "reopen", reason: "A new cohort" }));
    expect(await ids({})).toEqual([DEMO_PUBLISHED_SPEC_ID]);
    expect(await catalogCredential(SPEC)).toBeNull();
  });
});
