/**
 * The inbox over several documents at once, on the demo workspace: documents awaiting each stage,
 * changes requested, an outdated approval, a draft, an approved document, a second project, and a
 * person in two organizations. Its output is pinned item by item, and its number of queries does
 * not grow with the number of documents.
 */
import { eq } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Database } from "../../../../db/client";
import * as schema from "../../../../db/schema/index";
import { documents } from "../../../../db/schema/documents";
import { memberships } from "../../../../db/schema/organizations";
import { projectParticipants, projects } from "../../../../db/schema/projects";
import { signoffDecisions, signoffRounds } from "../../../../db/schema/signoff";
import { DEMO_ACCOUNTS, DEMO_PROJECT_ID, seedDemo } from "../../../../db/seed/demo";
import { useTestDatabase } from "../../../../test/support/use-test-database";
import { setDatabase } from "~/db.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { setValue } from "~/modules/documents/model";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { inbox, type InboxItem } from "~/modules/signoff/read-models/inbox.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, syncSignoffContent, type SignoffCommand } from "~/modules/signoff/signoff.server";

const database = useTestDatabase();
const db = () => database().db;
const meta = { ip: null, userAgent: "vitest" };

type Who = "college" | "university" | "employer" | "profbody" | "qa";
/** The demo's people ("demo-user-<who>") and the organization each acts for. */
const account = (who: Who) => DEMO_ACCOUNTS.find((a) => a.id === `demo-user-${who}`)!;
const USERS = { college: account("college").id, university: account("university").id, employer: account("employer").id, profbody: account("profbody").id, qa: account("qa").id };
const ORGS = {
  college: account("college").organizationId,
  university: account("university").organizationId,
  employer: account("employer").organizationId,
  profbody: account("profbody").organizationId,
  qa: account("qa").organizationId,
};

async function newDocument(id: string, title: string, projectId = DEMO_PROJECT_ID): Promise<string> {
  await db().insert(documents).values({ id, projectId, kind: "credential_spec", title, createdBy: USERS.college });
  await edit(id, title);
  return id;
}

async function edit(documentId: string, title: string): Promise<void> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(db(), documentId);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  setValue(doc, "credential_spec", "title", title);
  await appendUpdates(db(), [{ documentId, update: Y.encodeStateAsUpdate(doc, before) }]);
  doc.destroy();
}

async function run(documentId: string, who: Who, command: SignoffCommand): Promise<void> {
  const result = await runSignoffCommand(documentId, USERS[who], command, meta, NO_LIVE_DOCUMENTS);
  if (!result.ok) throw new Error(`${who} ${command.type} on ${documentId}: ${result.message}`);
}

async function decide(documentId: string, who: Exclude<Who, "college"> | "college", decision: "approve" | "request_changes" = "approve"): Promise<void> {
  const versionHash = (await loadCurrentContent(db(), documentId, "credential_spec")).hash;
  const organizationId = ORGS[who];
  await run(documentId, who, decision === "approve" ? { type: "approve", organizationId, versionHash } : { type: "request_changes", organizationId, versionHash, comment: "Add outcomes" });
}

/** Every visible timestamp of the scenario, to pin `since` exactly. */
async function requestedAt(documentId: string): Promise<string> {
  const [round] = await db().select({ at: signoffRounds.requestedAt }).from(signoffRounds).where(eq(signoffRounds.documentId, documentId));
  return round!.at.toISOString();
}
async function decidedAt(documentId: string, organizationId: string): Promise<string> {
  const rows = await db()
    .select({ at: signoffDecisions.decidedAt, organizationId: signoffDecisions.organizationId })
    .from(signoffDecisions)
    .innerJoin(signoffRounds, eq(signoffRounds.id, signoffDecisions.roundId))
    .where(eq(signoffRounds.documentId, documentId));
  return rows.filter((row) => row.organizationId === organizationId).at(-1)!.at.toISOString();
}

/** Runs `read` on a database handle that counts the statements sent. */
async function countingQueries<T>(read: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const handle = database();
  let queries = 0;
  const logger = { logQuery: () => void queries++ };
  const client = (handle.db as unknown as { $client: never }).$client;
  const counted = (handle.kind === "pglite" ? drizzlePglite(client, { schema, logger }) : drizzlePostgres(client, { schema, logger })) as unknown as Database;
  setDatabase({ ...handle, db: counted });
  try {
    return { result: await read(), queries };
  } finally {
    setDatabase(handle);
  }
}

const A = "inbox-a";
const B = "inbox-b";
const C = "inbox-c";
const D = "inbox-d";
const E = "inbox-e";
const F = "inbox-f";
const G = "inbox-g";
const OTHER_PROJECT = "inbox-other-project";

beforeAll(async () => {
  await seedDemo(db());
  // The lead's person is also a (non-admin) member of the employer: seats it cannot act on.
  await db().insert(memberships).values({ userId: USERS.college, organizationId: ORGS.employer, role: "member" });
  await db().insert(projects).values({ id: OTHER_PROJECT, title: "Other project", createdBy: USERS.college });
  await db()
    .insert(projectParticipants)
    .values([
      { projectId: OTHER_PROJECT, organizationId: ORGS.college, role: "lead_institution" },
      { projectId: OTHER_PROJECT, organizationId: ORGS.qa, role: "qa_reviewer" },
    ]);

  // A: the partners decide. B: the partners approved, QA decides.
  await newDocument(A, "A awaiting partners");
  await run(A, "college", { type: "request_signoff" });
  await newDocument(B, "B awaiting QA");
  await run(B, "college", { type: "request_signoff" });
  for (const who of ["college", "university", "employer", "profbody"] as const) await decide(B, who);
  // C: the employer asked for changes; editors resubmit.
  await newDocument(C, "C changes requested");
  await run(C, "college", { type: "request_signoff" });
  await decide(C, "employer", "request_changes");
  // D: the employer's approval outdated by an edit during review.
  await newDocument(D, "D outdated approval");
  await run(D, "college", { type: "request_signoff" });
  await decide(D, "employer");
  await edit(D, "D outdated approval (revised)");
  await syncSignoffContent(D);
  // E: a draft. F: approved by QA alone. Neither awaits anyone.
  await newDocument(E, "E draft");
  await newDocument(F, "F approved");
  const qaOnly = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
  expect(await saveTemplate(F, USERS.college, qaOnly, meta)).toEqual({ ok: true });
  await run(F, "college", { type: "request_signoff" });
  await decide(F, "qa");
  // G: the other project (lead and QA only), its lead stage open.
  await newDocument(G, "G other project", OTHER_PROJECT);
  await run(G, "college", { type: "request_signoff" });
});

type Expected = Omit<InboxItem, "since" | "projectTitle" | "status" | "stageName"> & { since: () => Promise<string> };

async function expectInbox(who: Who, expected: Expected[]) {
  const items = await inbox(USERS[who]);
  const titles: Record<string, string> = { [OTHER_PROJECT]: "Other project" };
  const want = await Promise.all(
    expected.map(async ({ since, ...item }) => ({
      ...item,
      projectTitle: item.documentId === G ? titles[OTHER_PROJECT] : "Climate Adaptation Practitioner",
      status: item.kind === "resubmit" ? "changes_requested" : "in_review",
      stageName: item.kind === "resubmit" ? null : item.documentId === B ? "Quality assurance" : "Partners",
      since: await since(),
    })),
  );
  expect(items).toEqual(want);
}

const seat = (documentId: string, organizationName: string, mayAct: boolean, since: () => Promise<string>, outdated = false): Expected => ({
  kind: "decide",
  documentId,
  documentTitle: { [A]: "A awaiting partners", [B]: "B awaiting QA", [D]: "D outdated approval", [G]: "G other project" }[documentId]!,
  organizationName,
  outdated,
  mayAct,
  since,
});
const resubmit: Expected = {
  kind: "resubmit",
  documentId: C,
  documentTitle: "C changes requested",
  organizationName: null,
  outdated: false,
  mayAct: true,
  since: () => decidedAt(C, ORGS.employer),
};

describe("the inbox over many documents", () => {
  it("lists each person's seats and resubmissions, oldest first", async () => {
    // The lead decides for its own institution; it also sees the employer's seats (member, not signatory).
    await expectInbox("college", [
      seat(A, "Lakeshore College", true, () => requestedAt(A)),
      seat(A, "Northwind Energy", false, () => requestedAt(A)),
      resubmit,
      seat(D, "Lakeshore College", true, () => requestedAt(D)),
      seat(D, "Northwind Energy", false, () => requestedAt(D), true),
      seat(G, "Lakeshore College", true, () => requestedAt(G)),
    ]);
    await expectInbox("employer", [seat(A, "Northwind Energy", true, () => requestedAt(A)), resubmit, seat(D, "Northwind Energy", true, () => requestedAt(D), true)]);
    await expectInbox("university", [seat(A, "Prairie University", true, () => requestedAt(A)), resubmit, seat(D, "Prairie University", true, () => requestedAt(D))]);
    await expectInbox("profbody", [
      seat(A, "Canadian Climate Practitioners Association", true, () => requestedAt(A)),
      resubmit,
      seat(D, "Canadian Climate Practitioners Association", true, () => requestedAt(D)),
    ]);
    // QA's stage of B opened with the last partner approval; QA cannot edit, so no resubmission.
    await expectInbox("qa", [seat(B, "Postsecondary Quality Assessment Board", true, () => decidedAt(B, ORGS.profbody))]);
  });

  it("answers nothing to someone outside every project", async () => {
    expect(await inbox("no-such-user")).toEqual([]);
  });

  it("asks the database a fixed number of queries, however many documents await", async () => {
    const before = await countingQueries(() => inbox(USERS.college));
    for (const n of [1, 2, 3]) {
      await newDocument(`inbox-more-${n}`, `More ${n}`);
      await run(`inbox-more-${n}`, "college", { type: "request_signoff" });
    }
    const after = await countingQueries(() => inbox(USERS.college));
    expect(after.result.length).toBe(before.result.length + 6);
    expect(after.queries).toBe(before.queries);
    // Memberships, documents, participants, rounds, decisions, named signatories, organization names.
    expect(after.queries).toBe(7);
  });
});
