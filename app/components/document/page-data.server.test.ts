import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { decodeState } from "~/components/editor/yjs-state";
import { INLINE_SNAPSHOT_LIMIT, loadDocumentPageData } from "~/components/document/page-data.server";
import { readFields } from "~/modules/documents/model";
import { editDocument, paragraph, testDocument, testProject } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

describe("the document page's data", () => {
  it("inlines a small document's state, which seeds a Y.Doc holding exactly the fields sent", async () => {
    const { projectId, lead } = await testProject();
    const id = await testDocument(projectId, lead.id);
    await editDocument(id, "credential_spec", { fields: { shortCode: "CAP-101" }, text: { purpose: paragraph("For utility staff.") } });
    const page = await loadDocumentPageData({ id, kind: "credential_spec", projectId });
    expect(page.snapshot).not.toBeNull();
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, decodeState(page.snapshot!));
    expect(readFields(ydoc)).toEqual(page.fields);
    expect(page.fields.shortCode).toBe("CAP-101");
    expect(page.firstPaint["text:purpose"]).toContain("For utility staff.");
  });

  it("leaves a large state to the socket, with its big table, and still paints every other field and text", async () => {
    const { projectId, lead } = await testProject();
    const id = await testDocument(projectId, lead.id);
    const rows = Array.from({ length: 1500 }, (_, i) => ({ code: `A.${i}`, title: `Task ${i}: ${"installs and tests piping ".repeat(6)}`, level: "Level 2" }));
    await editDocument(id, "credential_spec", { rows: { competencies: rows }, text: { purpose: paragraph("For plumbers.") } });
    const page = await loadDocumentPageData({ id, kind: "credential_spec", projectId });
    expect(page.snapshot).toBeNull();
    // The 1,500 rows come with the socket's first sync too: the page says how many are loading.
    expect(page.fields.competencies).toBeUndefined();
    expect(page.withheld).toEqual({ competencies: 1500 });
    expect(JSON.stringify(page.fields).length).toBeLessThan(INLINE_SNAPSHOT_LIMIT);
    expect(page.fields.languages).toEqual([]);
    expect(page.firstPaint["text:purpose"]).toContain("For plumbers.");
  });
});
