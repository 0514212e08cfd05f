/**
 * Projections kept current by the collaboration server: edits made by stock y-websocket clients
 * reach the documents table within the debounce, and the server's own repairs (layout, the
 * migration of a plan's old per-competency rows) reach the people who have the document open.
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

  it("counts a competency new to the specification as a gap in its plan's projection", async () => {
    const spec = client("demo-doc-spec");
    await whenSynced(spec);
    addRow(spec.doc, "credential_spec", "competencies", { source: "custom", code: "CAP-Z9", title: "Brief a council on heat risk", level: "Level 2", essential: true }, { id: "cap-new" });
    await waitFor(async () => (await row("demo-doc-assessment")).projection?.competencies.some((c) => c.id === "cap-new") ?? false, { message: "plan projection", timeoutMs: 15_000 });
    expect((await row("demo-doc-assessment")).projection?.coverage?.gaps).toBe(1);
  });

  it("migrates a row written the old way (one per competency) for the people who have the plan open", async () => {
    const plan = client("demo-doc-assessment");
    await whenSynced(plan);
    const old = new Y.Map<unknown>();
    plan.doc.transact(() => {
      old.set("id", "old-row");
      old.set("competencyId", "cap-c01");
      old.set("methods", Y.Array.from(["simulation"]));
      old.set("assessor", "third_party");
      (plan.doc.getMap("fields").get("assessments") as Y.Array<unknown>).push([old]);
    });
    type Assessment = { id: string; method?: string; assessor?: string; competencyId?: string };
    const assessments = () => (readFields(plan.doc).assessments as Assessment[]) ?? [];
    await waitFor(() => !assessments().some((a) => a.competencyId) && assessments().some((a) => a.assessor === "third_party"), { message: "migrated row", timeoutMs: 15_000 });
    const migrated = assessments().find((a) => a.assessor === "third_party")!;
    expect(migrated.method).toBe("simulation");
    expect((plan.doc.getMap("fields").get("coverage") as Y.Map<unknown>).get(`${migrated.id}|cap-c01`)).toBe(true);
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
