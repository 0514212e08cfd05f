/**
 * Authorship on a real database (demo workspace): counters written as the collaboration server's
 * recorder writes them, read back as "Last changed by" and as the document's Activity feed with its
 * comments and sign-off events.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { documentEdits } from "../../../db/schema/edits";
import { DEMO_PROJECT_ID, seedDemo } from "../../../db/seed/demo";
import { editDocument, testDocument } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { startThread } from "~/modules/comments/comments.server";
import { documentActivity, editorsBetween, lastChanges, recordEdits, type EditRecord } from "~/modules/documents/edits.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { loadActor } from "~/modules/orgs/actor.server";
import { runSignoffCommand } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();
const db = () => database().db;
const EMPLOYER = { userId: "demo-user-employer", organizationId: "demo-org-northwind" };
const COLLEGE = { userId: "demo-user-college", organizationId: "demo-org-lakeshore" };
const MINUTE_1 = new Date("2026-12-01T12:40:00Z");
const MINUTE_2 = new Date("2026-12-01T12:41:00Z");
let documentId = "";

const edit = (who: typeof EMPLOYER, fieldKey: string, rowId: string | null, minute: Date, edits = 1): EditRecord => ({ documentId, ...who, fieldKey, rowId, minute, edits });

beforeAll(async () => {
  await seedDemo(db());
  documentId = await testDocument(DEMO_PROJECT_ID, COLLEGE.userId, "credential_spec", "Authorship probe");
  await editDocument(documentId, "credential_spec", { fields: { title: "Authorship probe specification" } });
  await recordEdits(db(), [
    edit(EMPLOYER, "title", null, MINUTE_1, 3),
    edit(EMPLOYER, "text:purpose", null, MINUTE_1),
    edit(EMPLOYER, "occupations", "r1", MINUTE_1),
    edit(EMPLOYER, "occupations", "r2", MINUTE_1),
    edit(EMPLOYER, "occupations", "r3", MINUTE_1),
    edit(COLLEGE, "title", null, MINUTE_2),
  ]);
});

describe("recordEdits", () => {
  it("adds to the counter of the same person, place and minute", async () => {
    await recordEdits(db(), [edit(EMPLOYER, "title", null, MINUTE_1, 2)]);
    const rows = await db().select().from(documentEdits).where(eq(documentEdits.documentId, documentId));
    expect(rows.filter((row) => row.fieldKey === "title" && row.userId === EMPLOYER.userId)).toMatchObject([{ edits: 5, rowId: null, organizationId: EMPLOYER.organizationId }]);
    expect(rows).toHaveLength(6);
  });
});

describe("lastChanges", () => {
  it("names the latest person, organization and minute of each field and row", async () => {
    const { fields, rows } = await lastChanges(documentId, db());
    expect(fields.title).toEqual({ person: "Daniel Tremblay", organization: "Lakeshore College", at: MINUTE_2.toISOString() });
    expect(fields["text:purpose"]).toEqual({ person: "Maya Okafor", organization: "Northwind Energy", at: MINUTE_1.toISOString() });
    expect(fields.occupations?.person).toBe("Maya Okafor");
    expect(rows["occupations.r2"]).toEqual({ person: "Maya Okafor", organization: "Northwind Energy", at: MINUTE_1.toISOString() });
    expect(rows["title.null"]).toBeUndefined();
  });
});

describe("documentActivity", () => {
  it("lists edits grouped per person and minute, comments and sign-off events, newest first", async () => {
    await startThread(await loadActor(EMPLOYER.userId), documentId, { anchor: { type: "field", path: "title" }, body: "Shorter title, please." });
    const requested = await runSignoffCommand(documentId, EMPLOYER.userId, { type: "request_signoff" }, { ip: null, userAgent: null }, NO_LIVE_DOCUMENTS);
    expect(requested.ok).toBe(true);

    const { items } = await documentActivity(await loadActor("demo-user-qa"), documentId);
    const edits = items.filter((item) => item.kind === "edit");
    expect(edits).toMatchObject([
      { kind: "edit", at: MINUTE_2.toISOString(), person: "Daniel Tremblay", organization: "Lakeshore College", what: "edited Credential title" },
      { kind: "edit", at: MINUTE_1.toISOString(), person: "Maya Okafor", organization: "Northwind Energy", what: "edited Credential title, Who it is for and what holders can do, Target occupations (3 rows)" },
    ]);
    // The parts the activity page words in the reader's language.
    expect(edits[1]?.edited?.at(-1)).toEqual({ label: "Target occupations", count: 3, unit: "row" });
    // The comment and the request happened now, after the recorded minutes: they come first.
    expect(items.slice(0, 2).map((item) => item.kind).sort()).toEqual(["comment", "event"]);
    expect(items.find((item) => item.kind === "comment")).toMatchObject({ person: "Maya Okafor", organization: "Northwind Energy", what: "commented on Credential title: “Shorter title, please.”" });
    expect(items.find((item) => item.kind === "event")).toMatchObject({ person: "Maya Okafor", organization: "Northwind Energy", what: expect.stringContaining("Requested sign-off") });
  });

  it("is refused (404) to someone who may not view the document", async () => {
    const outsider = { userId: "nobody", memberships: [] };
    await expect(documentActivity(outsider, documentId)).rejects.toMatchObject({ status: 404 });
  });
});

describe("editorsBetween", () => {
  it("lists who edited what between two moments, at minute precision", async () => {
    const between = await editorsBetween(documentId, new Date("2026-12-01T12:41:30Z"), new Date("2026-12-01T12:50:00Z"), db());
    expect(between).toEqual([{ fieldKey: "title", rowId: null, person: "Daniel Tremblay", organization: "Lakeshore College" }]);
    const all = await editorsBetween(documentId, MINUTE_1, MINUTE_2, db());
    expect(all).toHaveLength(6);
  });
});
