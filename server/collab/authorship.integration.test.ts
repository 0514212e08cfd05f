/**
 * Who changed what, through real sockets: an edit sent by a person's y-websocket client is recorded
 * (document_edits) with that person, the organization they act for in the project, and the fields
 * and rows it touched; a read-only socket's edits, which are dropped, record nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lastChanges } from "../../app/modules/documents/edits.server";
import { addRow, newDocumentFromTemplate, setValue } from "../../app/modules/documents/model";
import { appendUpdates } from "../../app/modules/documents/store/stored-document.server";
import { documentEdits, documents } from "../../db/schema/index";
import { connectClient, waitFor, whenSynced, type TestClient } from "../../test/support/collab-clients";
import { signInCookie, startTestServer, type TestServer } from "../../test/support/server";

let server: TestServer;
let cookies: Record<"employer" | "qa", string>;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const [employer, qa] = await Promise.all(["employer", "qa"].map((who) => signInCookie(server.url, `${who}@demo.concord.test`)));
  cookies = { employer: employer!, qa: qa! };
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server?.stop();
});

/** A credential specification made from the template, as the app creates one. */
async function newDocument(id: string): Promise<string> {
  await server.database.db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title: `Test ${id}`, createdBy: "demo-user-college" });
  await appendUpdates(server.database.db, [{ documentId: id, update: newDocumentFromTemplate("credential_spec") }]);
  return id;
}

async function connected(documentId: string, cookie: string): Promise<TestClient> {
  const client = connectClient(server.url, documentId, { cookie });
  clients.push(client);
  await whenSynced(client);
  return client;
}

async function recorded(documentId: string) {
  await server.collaboration.flushEdits();
  const rows = await server.database.db.select().from(documentEdits).where(eq(documentEdits.documentId, documentId));
  return rows.map(({ userId, organizationId, fieldKey, rowId, edits }) => ({ userId, organizationId, fieldKey, rowId, edits })).sort((a, b) => `${a.fieldKey}.${a.rowId}`.localeCompare(`${b.fieldKey}.${b.rowId}`));
}

describe("authorship of edits", () => {
  it("records the person, their organization and the fields and rows an edit touched", async () => {
    const id = await newDocument("authorship-doc");
    const employer = await connected(id, cookies.employer);
    employer.doc.transact(() => {
      setValue(employer.doc, "credential_spec", "title", "Grid operations technician");
      addRow(employer.doc, "credential_spec", "occupations", { code: "2241" }, { id: "occ1" });
    });
    setValue(employer.doc, "credential_spec", "occupations.occ1.title", "Electrical technician");

    const author = { userId: "demo-user-employer", organizationId: "demo-org-northwind" };
    await waitFor(async () => (await recorded(id)).length === 2, { message: "two recorded places" });
    expect(await recorded(id)).toEqual([
      { ...author, fieldKey: "occupations", rowId: "occ1", edits: 2 },
      { ...author, fieldKey: "title", rowId: null, edits: 1 },
    ]);
    const { fields, rows } = await lastChanges(id, server.database.db);
    expect(fields.title).toMatchObject({ person: "Maya Okafor", organization: "Northwind Energy" });
    expect(rows["occupations.occ1"]).toMatchObject({ person: "Maya Okafor", organization: "Northwind Energy" });
  });

  it("records nothing for a read-only socket, whose edits are dropped", async () => {
    const id = await newDocument("authorship-readonly-doc");
    const reviewer = await connected(id, cookies.qa);
    const dropped = server.collaboration.metrics().totals.updatesDropped;
    setValue(reviewer.doc, "credential_spec", "title", "Reviewer's title");
    await waitFor(() => server.collaboration.metrics().totals.updatesDropped > dropped, { message: "the reviewer's edit dropped" });
    // Then an editor's edit, to show the recorder runs for this document.
    const employer = await connected(id, cookies.employer);
    setValue(employer.doc, "credential_spec", "shortCode", "GOT-1");
    await waitFor(async () => (await recorded(id)).length > 0, { message: "the editor's edit recorded" });
    expect(await recorded(id)).toEqual([{ userId: "demo-user-employer", organizationId: "demo-org-northwind", fieldKey: "shortCode", rowId: null, edits: 1 }]);
  });
});
