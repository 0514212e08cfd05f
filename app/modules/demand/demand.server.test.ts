import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { demandSignals, hiringCommitments } from "../../../db/schema/demand";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf } from "~/modules/audit/chain";
import { listCommitments, recordCommitment, withdrawCommitment } from "~/modules/demand/commitments.server";
import { loadDemandData } from "~/modules/demand/demand.server";
import { demandImportProgress, demandImportSettled, startDemandImport, type DemandImportProgress } from "~/modules/demand/imports.server";
import { rankCompetencies } from "~/modules/demand/section";
import { sampleDemandBytes } from "~/modules/demand/sample.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { createOrganization } from "~/modules/orgs/organizations.server";
import type { Actor } from "~/modules/permissions/can";
import { accessStatus, testDocument, testProject, testUser } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

const HEADER = "subject,region,period,metric,value,source_name,source_url,retrieved_on";
let who: { actor: Actor; organizationId: string };

beforeAll(async () => {
  const user = await testUser(`Analyst ${generateId(4)}`);
  const organizationId = await createOrganization(user.id, { name: `Observatory ${generateId(6)}`, kind: "institution", province: "ON" });
  who = { actor: await loadActor(user.id), organizationId };
});

async function importText(text: string, by = who): Promise<DemandImportProgress> {
  const { importId } = await startDemandImport(by.actor, { organizationId: by.organizationId, fileName: "demand.csv", bytes: new TextEncoder().encode(text) });
  await demandImportSettled(importId);
  return demandImportProgress(by.actor, importId);
}

async function rowsOf(source: string) {
  return db()
    .select({ subject: demandSignals.subject, period: demandSignals.period, value: demandSignals.value })
    .from(demandSignals)
    .where(and(eq(demandSignals.organizationId, who.organizationId), eq(demandSignals.sourceName, source)))
    .orderBy(demandSignals.period);
}

describe("demand imports", () => {
  it("imports the sample data as a background job, audited in the organization's chain", async () => {
    const { importId } = await startDemandImport(who.actor, { organizationId: who.organizationId, fileName: "sample.csv", bytes: sampleDemandBytes() });
    await demandImportSettled(importId);
    const progress = await demandImportProgress(who.actor, importId);
    expect(progress).toMatchObject({ status: "done", total: 186, stored: 186, sources: ["Concord sample data (illustrative, not real statistics)"] });
    const chain = await readAuditChain(db(), chainOf({ organizationId: who.organizationId }));
    expect(chain.some((row) => row.type === "demand.imported" && (row.payload as { rowCount: number }).rowCount === 186)).toBe(true);
    const data = await loadDemandData(["21300", "21310", "CAP.4.1", "CAP.1.1"]);
    expect(data.freshness).toMatchObject({ "21300": "2026-12-31", "21310": "2024-12-31", "CAP.4.1": "2026-09-30" });
    const ranked = rankCompetencies(
      [
        { kind: "competency", rowId: "a", label: "CAP.1.1", keys: ["CAP.1.1"] },
        { kind: "competency", rowId: "b", label: "CAP.4.1", keys: ["CAP.4.1"] },
      ],
      data,
    );
    expect(ranked.map((r) => r.subject.label)).toEqual(["CAP.4.1", "CAP.1.1"]);
  });

  it("stores nothing of a file with a bad row, and says which line", async () => {
    const source = `Bad ${generateId(4)}`;
    const progress = await importText([HEADER, `21300,ON,2025-Q1,job_postings,5,${source},,2025-04-01`, `21300,ON,2025-Q2,job_postings,-5,${source},,2025-07-01`].join("\n"));
    expect(progress.status).toBe("failed");
    expect(progress.problems).toEqual([{ kind: "bad-value", line: 3, message: 'Line 3: "-5" is not a number of zero or more.' }]);
    expect(await rowsOf(source)).toEqual([]);
  });

  it("re-importing a source replaces its rows for the periods the new file covers", async () => {
    const source = `Job Bank ${generateId(4)}`;
    const row = (period: string, value: number) => `21300,ON,${period},job_postings,${value},${source},,2025-07-01`;
    await importText([HEADER, row("2025-Q1", 10), row("2025-Q2", 20)].join("\n"));
    const again = await importText([HEADER, row("2025-Q2", 25), row("2025-Q3", 30)].join("\n"));
    expect(again).toMatchObject({ status: "done", total: 2, replaced: 1 });
    expect(await rowsOf(source)).toEqual([
      { subject: "21300", period: "2025-Q1", value: 10 },
      { subject: "21300", period: "2025-Q2", value: 25 },
      { subject: "21300", period: "2025-Q3", value: 30 },
    ]);
  });

  it("refuses people outside the organization, and hides the job from them", async () => {
    const stranger = await loadActor((await testUser(`Stranger ${generateId(4)}`)).id);
    expect(await accessStatus(startDemandImport(stranger, { organizationId: who.organizationId, fileName: "x.csv", bytes: new TextEncoder().encode(HEADER) }))).toBe(403);
    const { importId } = await startDemandImport(who.actor, { organizationId: who.organizationId, fileName: "x.csv", bytes: new TextEncoder().encode(HEADER) });
    await demandImportSettled(importId);
    expect(await accessStatus(demandImportProgress(stranger, importId))).toBe(404);
  });
});

describe("hiring commitments", () => {
  it("only employer partners commit; they withdraw their own; both are audited", async () => {
    const project = await testProject();
    const documentId = await testDocument(project.projectId, project.lead.id);
    const [employer, lead, qa, outsider] = await Promise.all([project.employer, project.lead, project.qa, project.outsider].map((u) => loadActor(u.id)));
    const input = { hires: 12, region: "ON" as const, months: 18, note: "Storm-water programme" };
    for (const refused of [lead!, qa!]) expect(await accessStatus(recordCommitment(refused, documentId, input))).toBe(403);
    expect(await accessStatus(recordCommitment(outsider!, documentId, input))).toBe(404);

    const id = await recordCommitment(employer!, documentId, input);
    await recordCommitment(employer!, documentId, { hires: 3, region: "ON", months: 12 });
    const listed = await listCommitments(documentId);
    expect(listed.map((c) => [c.hires, c.region, c.months, c.signerName])).toEqual([
      [12, "ON", 18, project.employer.name],
      [3, "ON", 12, project.employer.name],
    ]);
    expect(listed[0]!.organizationName).toMatch(/^Firm /);

    // Another organization of the project may not withdraw it.
    expect(await accessStatus(withdrawCommitment(lead!, documentId, id))).toBe(403);
    await withdrawCommitment(employer!, documentId, id);
    expect((await listCommitments(documentId)).map((c) => c.hires)).toEqual([3]);
    const [row] = await db().select().from(hiringCommitments).where(eq(hiringCommitments.id, id));
    expect(row?.withdrawnAt).not.toBeNull();
    expect(await accessStatus(withdrawCommitment(employer!, documentId, id))).toBe(404);

    const chain = await readAuditChain(db(), chainOf({ documentId }));
    expect(chain.map((r) => r.type)).toEqual(["commitment.recorded", "commitment.recorded", "commitment.withdrawn"]);
    expect(chain[0]!.payload).toMatchObject({ commitmentId: id, hires: 12, region: "ON", months: 18, note: "Storm-water programme" });
  });
});
