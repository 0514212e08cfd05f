import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { documentVersions } from "../../../db/schema/versions";
import { accessStatus as status, editDocument, paragraph, setDocumentStatus, testDocument, testProject } from "../../../test/support/documents";
import { canonicalHash } from "~/modules/documents/model";
import { loadActor } from "~/modules/orgs/actor.server";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { canonicalOfState, compareVersions, getVersion, listVersions, saveNamedVersion, saveVersion } from "~/modules/versions/versions.server";

useTestDatabase();

describe("document versions on the real database", () => {
  it("saves named versions of the durable content and diffs any two, or one with the current content", async () => {
    const { projectId, lead, employer } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    const editor = await loadActor(employer.id);

    const first = await saveNamedVersion(editor, documentId, { name: "Draft 1" });
    expect(first.number).toBe(1);
    // The stored hash is the model's hash of the stored state.
    const [stored] = await db().select().from(documentVersions).where(eq(documentVersions.id, first.id));
    expect(stored!.contentHash).toBe(await canonicalHash(canonicalOfState(stored!.state, "credential_spec")));
    // postgres.js answers a Buffer, PGlite a Uint8Array: compare the bytes.
    expect(new Uint8Array(stored!.state)).toEqual(new Uint8Array((await loadDocumentState(db(), documentId))!));

    await editDocument(documentId, "credential_spec", {
      fields: { title: "Climate Adaptation Practitioner (Advanced)", shortCode: "CAP-ADV" },
      text: { purpose: paragraph("For utility staff who assess flood risk.") },
    });
    const second = await saveNamedVersion(editor, documentId, { name: "Draft 2", reason: "After the employer workshop" });
    expect(second.number).toBe(2);
    expect(second.contentHash).not.toBe(first.contentHash);

    const versions = await listVersions(editor, documentId);
    expect(versions.map((v) => [v.number, v.name, v.auto, v.reason, v.createdBy])).toEqual([
      [2, "Draft 2", false, "After the employer workshop", employer.name],
      [1, "Draft 1", false, null, employer.name],
    ]);

    const comparison = await compareVersions(editor, documentId, 1, 2);
    expect(comparison.diff.identical).toBe(false);
    const title = comparison.diff.fields.find((f) => f.path === "title");
    expect(title).toMatchObject({ change: "changed", before: "Climate Adaptation Practitioner", after: "Climate Adaptation Practitioner (Advanced)", label: "Credential title" });
    expect(comparison.diff.fields.find((f) => f.path === "shortCode")).toMatchObject({ change: "added", after: "CAP-ADV" });
    const purpose = comparison.diff.text.find((t) => t.path === "text:purpose");
    expect(purpose?.ops.filter((op) => op.op === "insert").map((op) => op.text).join("")).toContain("flood risk");
    expect(comparison.from).toMatchObject({ ref: 1, label: "Version 1 — Draft 1" });

    // Nothing changed since version 2: current is identical; then an edit shows up against current.
    expect((await compareVersions(editor, documentId, 2, "current")).diff.identical).toBe(true);
    await editDocument(documentId, "credential_spec", { text: { purpose: paragraph("For utility and municipal staff who assess flood risk.") } });
    const live = await compareVersions(editor, documentId, 2, "current");
    expect(live.to).toMatchObject({ ref: "current", version: null });
    expect(live.diff.text[0]?.ops).toEqual([
      { op: "equal", text: "For utility " },
      { op: "insert", text: "and municipal " },
      { op: "equal", text: "staff who assess flood risk." },
    ]);

    expect((await getVersion(editor, documentId, 1)).canonical.fields.title).toBe("Climate Adaptation Practitioner");
    expect(await status(getVersion(editor, documentId, 99))).toBe(404);
  });

  it("gives concurrent saves distinct consecutive numbers", async () => {
    const { projectId, lead } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    const saves = await Promise.all(
      Array.from({ length: 6 }, (_, i) => saveVersion(documentId, { name: `Save ${i}`, auto: i % 2 === 0, reason: i % 2 === 0 ? "Sign-off requested" : null, actorUserId: lead.id })),
    );
    expect(saves.map((s) => s.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(saves.map((s) => s.contentHash)).size).toBe(1);
  });

  it("lets QA reviewers read history but not save versions; outsiders get not found", async () => {
    const { projectId, lead, qa, outsider } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    await saveNamedVersion(await loadActor(lead.id), documentId, { name: "Baseline" });
    const qaActor = await loadActor(qa.id);
    expect(await status(listVersions(qaActor, documentId))).toBe("ok");
    expect(await status(compareVersions(qaActor, documentId, 1, "current"))).toBe("ok");
    expect(await status(saveNamedVersion(qaActor, documentId, { name: "Mine" }))).toBe(403);
    const outsiderActor = await loadActor(outsider.id);
    expect(await status(listVersions(outsiderActor, documentId))).toBe(404);
    expect(await status(compareVersions(outsiderActor, documentId, 1, "current"))).toBe(404);
    expect(await status(saveNamedVersion(outsiderActor, documentId, { name: "Mine" }))).toBe(404);
    // Locked once approved: nobody saves by hand, but the workflow still can (automatic versions).
    await setDocumentStatus(documentId, "approved");
    expect(await status(saveNamedVersion(await loadActor(lead.id), documentId, { name: "After" }))).toBe(403);
    expect((await saveVersion(documentId, { name: "Approved", auto: true, reason: "Approved by every party", actorUserId: null })).number).toBe(2);
  });

  it("refuses blank names", async () => {
    const { projectId, lead } = await testProject();
    const documentId = await testDocument(projectId, lead.id);
    await expect(saveNamedVersion(await loadActor(lead.id), documentId, { name: "   " })).rejects.toThrow(/Name the version/);
  });
});
