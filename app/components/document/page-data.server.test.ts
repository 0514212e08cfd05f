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

  it("leaves a large state to the socket, and still paints every field and text", async () => {
    const { projectId, lead } = await testProject();
    const id = await testDocument(projectId, lead.id);
    const rows = Array.from({ length: 1500 }, (_, i) => ({ code: `A.${i}`, title: `Task ${i}: ${"installs and tests piping ".repeat(6)}`, level: "Level 2" }));
    await editDocument(id, "credential_spec", { rows: { competencies: rows }, text: { purpose: paragraph("For plumbers.") } });
    const page = await loadDocumentPageData({ id, kind: "credential_spec", projectId });
    expect(page.snapshot).toBeNull();
    expect(JSON.stringify(page.fields).length).toBeGreaterThan(INLINE_SNAPSHOT_LIMIT);
    expect(page.fields.competencies).toHaveLength(1500);
    expect(page.firstPaint["text:purpose"]).toContain("For plumbers.");
  });
});
