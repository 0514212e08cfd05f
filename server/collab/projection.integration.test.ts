/**
 * Projections kept current by the collaboration server: edits made by stock y-websocket clients
 * reach the documents table within the debounce, and the server's own repairs (layout, one
 * assessment row per competency of the specification) reach the people who have the document open.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addRow, readFields, setValue } from "../../app/modules/documents/model";
import type { DocumentContentChanged } from "../../app/modules/documents/projection.server";
import { documents } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../../test/support/server";
import { connectClient, waitFor, whenSynced, type TestClient } from "../../test/support/collab-clients";

let server: TestServer;
let college: string;
const clients: TestClient[] = [];
const heard: DocumentContentChanged[] = [];

beforeAll(async () => {
  server = await startTestServer({
    env: { COLLAB_PROJECTION_DEBOUNCE_MS: "100" },
    hooks: { onContentChanged: async (event) => void heard.push(event) },
  });
  college = await signInCookie(server.url, "college@demo.concord.test");
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server?.stop();
});

function client(documentId: string) {
  const c = connectClient(server.url, documentId, { cookie: college });
  clients.push(c);
  return c;
}

async function row(id: string) {
  const [found] = await server.database.db.select().from(documents).where(eq(documents.id, id));
  return found!;
}

describe("projection after durable writes", () => {
  it("follows a field edit: key fields, validation, hash, content-change hook", async () => {
    const before = await row("demo-doc-wbl");
    const editor = client("demo-doc-wbl");
    await whenSynced(editor);
    setValue(editor.doc, "wbl_agreement", "hoursPerWeek", "6 or 7");
    await waitFor(async () => (await row("demo-doc-wbl")).projection?.keyFields.hoursPerWeek === "6 or 7", { message: "projection", timeoutMs: 10_000 });
    const after = await row("demo-doc-wbl");
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.projection?.validationErrors.map((issue) => issue.path)).toContain("hoursPerWeek");
    expect(after.completenessPercent).toBe(100);
    await waitFor(() => heard.some((event) => event.documentId === "demo-doc-wbl" && event.contentHash === after.contentHash), { message: "notification" });
    expect(heard.find((event) => event.contentHash === after.contentHash)?.previousHash).toBe(before.contentHash);
  });

  it("adds the assessment row of a new competency to the open plan, live", async () => {
    const plan = client("demo-doc-assessment");
    const spec = client("demo-doc-spec");
    await Promise.all([whenSynced(plan), whenSynced(spec)]);
    addRow(spec.doc, "credential_spec", "competencies", { framework: "CCPA", code: "CAP-Z9", title: "Brief a council on heat risk", level: "Level 2" }, { id: "cap-new" });
    const rowsOf = (doc: Y.Doc) => (readFields(doc).assessments as Array<{ competencyId: string; competencyCode: string }>) ?? [];
    await waitFor(() => rowsOf(plan.doc).some((r) => r.competencyId === "cap-new" && r.competencyCode === "CAP-Z9"), { message: "row in the plan", timeoutMs: 15_000 });
    expect(rowsOf(plan.doc).filter((r) => r.competencyId === "cap-new")).toHaveLength(1);
    await waitFor(async () => (await row("demo-doc-assessment")).projection?.competencies.some((c) => c.id === "cap-new") ?? false, { message: "plan projection", timeoutMs: 10_000 });
  });

  it("repairs the layout of a document that has none, for the person who opens it", async () => {
    await server.database.db.insert(documents).values({ id: "bare-doc", projectId: "demo-project-cap", kind: "assessment_plan", title: "Bare", createdBy: "demo-user-college" });
    const reader = client("bare-doc");
    await whenSynced(reader);
    await waitFor(() => reader.doc.getMap("meta").get("kind") === "assessment_plan" && reader.doc.getMap("fields").get("assessments") instanceof Y.Array, {
      message: "layout",
      timeoutMs: 10_000,
    });
    await waitFor(async () => (await row("bare-doc")).contentHash !== null, { message: "projected" });
  });
});
