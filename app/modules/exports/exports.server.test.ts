/**
 * The exports read the approved version of the demo specification from the database: who may
 * download, what is refused (409), and that the downloaded records carry the approved content,
 * the linked plan and the approving QA agency.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { seedDemo } from "../../../db/seed/demo";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { testUser } from "../../../test/support/documents";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { setValue } from "~/modules/documents/model";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { exportDownload, loadApprovedExport, loadReadiness, NOT_EXPORTABLE } from "~/modules/exports/exports.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, type CommandResult, type SignoffCommand } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();
const meta = { ip: null, userAgent: "vitest" };
const COLLEGE = "demo-user-college";
const QA = "demo-user-qa";
const SPEC = "demo-doc-spec";
const ORIGIN = "https://concord.example";

function ok(result: CommandResult): void {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
}
const run = (documentId: string, userId: string, command: SignoffCommand) => runSignoffCommand(documentId, userId, command, meta, NO_LIVE_DOCUMENTS);

async function status(promise: Promise<unknown>): Promise<{ status: number; text: string } | "ok"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof Response) return { status: error.status, text: await error.text() };
    throw error;
  }
}

beforeAll(async () => {
  await seedDemo(database().db);
});

describe("exports of an approved specification", () => {
  it("refuses a specification that is not approved with 409 and the message", async () => {
    expect(await status(loadApprovedExport(COLLEGE, SPEC, ORIGIN))).toEqual({ status: 409, text: NOT_EXPORTABLE });
    // An assessment plan is never exportable, approved or not.
    expect(await status(loadApprovedExport(COLLEGE, "demo-doc-assessment", ORIGIN))).toEqual({ status: 409, text: NOT_EXPORTABLE });
  });

  it("exports the approved version, with its plan and the QA agency that approved it; 404 to outsiders", async () => {
    const template = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
    expect(await saveTemplate(SPEC, COLLEGE, template, meta)).toEqual({ ok: true });
    ok(await run(SPEC, COLLEGE, { type: "request_signoff" }));
    const hash = (await loadCurrentContent(database().db, SPEC, "credential_spec")).hash;
    ok(await run(SPEC, QA, { type: "approve", organizationId: "demo-org-pqab", versionHash: hash }));

    const approved = await loadApprovedExport(COLLEGE, SPEC, ORIGIN);
    expect(approved.spec.fields.title).toBe("Climate Adaptation Practitioner");
    expect(approved.context.approval).toMatchObject({ versionHash: hash, approvedByOrganizationIds: ["demo-org-pqab"] });
    expect(approved.context.plan?.kind).toBe("assessment_plan");
    expect(approved.context.organizations.map((o) => o.id).sort()).toEqual(["demo-org-ccpa", "demo-org-lakeshore", "demo-org-northwind", "demo-org-pqab", "demo-org-prairie"]);

    const badge = exportDownload("openbadges", approved);
    expect(badge.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(badge.headers.get("Content-Disposition")).toBe('attachment; filename="climate-adaptation-practitioner.openbadges.json"');
    const achievement = (await badge.json()) as { name: string; alignment: unknown[]; resultDescription: unknown[] };
    expect(achievement.name).toBe("Climate Adaptation Practitioner");
    expect(achievement.alignment).toHaveLength(8);
    expect(achievement.resultDescription.length).toBeGreaterThan(0);

    const ctdl = exportDownload("ctdl", approved);
    expect(ctdl.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    const record = (await ctdl.json()) as Record<string, unknown>;
    expect(record["ceterms:approvedBy"]).toEqual([`${ORIGIN}/organizations/demo-org-pqab`]);
    expect(record["ceterms:subjectWebpage"]).toBe(`${ORIGIN}/catalog/climate-adaptation-practitioner-${SPEC}`);

    const outsider = await testUser("Outsider");
    expect(await status(loadApprovedExport(outsider.id, SPEC, ORIGIN))).toMatchObject({ status: 404 });
  });

  it("reads the approved snapshot, not the live document", async () => {
    // Write into the stored document directly (the store refuses nothing at this level): the
    // export must still say what was approved.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadDocumentState(database().db, SPEC))!);
    const before = Y.encodeStateVector(doc);
    setValue(doc, "credential_spec", "title", "Changed after approval");
    await appendUpdates(database().db, [{ documentId: SPEC, update: Y.encodeStateAsUpdate(doc, before) }]);
    doc.destroy();
    const approved = await loadApprovedExport(COLLEGE, SPEC, ORIGIN);
    expect(approved.spec.fields.title).toBe("Climate Adaptation Practitioner");
  });

  it("checks readiness on the specification with its assessment plan", async () => {
    const page = await loadReadiness(COLLEGE, SPEC);
    expect(page.plan).toEqual({ id: "demo-doc-assessment" });
    expect(page.targets.map((t) => t.title)).toEqual(["EU micro-credential standard", "Open Badges 3.0", "CTDL publishing", "eCampusOntario"]);
    expect(page.targets.flatMap((t) => t.items).filter((i) => !i.ready)).toEqual([]);
    expect(await status(loadReadiness(COLLEGE, "demo-doc-assessment"))).toMatchObject({ status: 404 });
  });
});
