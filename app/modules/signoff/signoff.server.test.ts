/**
 * Integration: the sign-off verbs on the real schema (Postgres when DATABASE_URL is set, else
 * PGlite), with the demo workspace. Concurrency, version binding against the durable Yjs content,
 * the collaboration write path's lock, audit atomicity and tamper detection.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { seedDemo } from "../../../db/seed/demo";
import { auditEvents } from "../../../db/schema/audit";
import { documents } from "../../../db/schema/documents";
import { memberships } from "../../../db/schema/organizations";
import { signoffDecisions, signoffRounds } from "../../../db/schema/signoff";
import { documentVersions } from "../../../db/schema/versions";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { chainOf } from "~/modules/audit/chain";
import { verifyDocumentTrail } from "~/modules/audit/audit.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { refreshProjection } from "~/modules/documents/projection.server";
import { setValue } from "~/modules/documents/model";
import { lockDocumentContent } from "~/modules/documents/store/content-lock.server";
import { DocumentContentLockedError, GroupCommitWriter } from "~/modules/documents/store/group-commit.server";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { generateId } from "~/modules/ids.server";
import { addSignatory, removeSignatory } from "~/modules/signoff/signatories.server";
import { loadCurrentContent, runSignoffCommand, saveTemplate, syncSignoffContent, type CommandResult, type SignoffCommand } from "~/modules/signoff/signoff.server";
import { documentAuditTrail } from "~/modules/signoff/read-models/audit-trail.server";
import { approvalCertificate } from "~/modules/signoff/read-models/certificate.server";
import { inbox } from "~/modules/signoff/read-models/inbox.server";
import { signoffPanel } from "~/modules/signoff/read-models/panel.server";

const database = useTestDatabase();
const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const USERS = {
  college: "demo-user-college",
  university: "demo-user-university",
  employer: "demo-user-employer",
  profbody: "demo-user-profbody",
  qa: "demo-user-qa",
} as const;
const ORGS = {
  college: "demo-org-lakeshore",
  university: "demo-org-prairie",
  employer: "demo-org-northwind",
  profbody: "demo-org-ccpa",
  qa: "demo-org-pqab",
} as const;
type Who = keyof typeof USERS;

beforeAll(async () => {
  await seedDemo(database().db);
});

async function newDocument(title = "Race document"): Promise<string> {
  const id = generateId();
  await database().db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title, createdBy: USERS.college });
  return id;
}

/** An edit as the collaboration server stores it: one Yjs update appended to the log. */
async function edit(documentId: string, title: string): Promise<{ refused: string[] }> {
  const doc = new Y.Doc();
  const state = await loadDocumentState(database().db, documentId);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  setValue(doc, "credential_spec", "title", title);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return appendUpdates(database().db, [{ documentId, update }]);
}

async function currentHash(documentId: string): Promise<string> {
  return (await loadCurrentContent(database().db, documentId, "credential_spec")).hash;
}

function ok(result: CommandResult): Extract<CommandResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}: ${result.message}`);
  return result;
}

const run = (documentId: string, who: Who, command: SignoffCommand) => runSignoffCommand(documentId, USERS[who], command, meta, NO_LIVE_DOCUMENTS);
const approve = async (documentId: string, who: Exclude<Who, "college"> | "college", versionHash?: string) =>
  run(documentId, who, { type: "approve", organizationId: ORGS[who], versionHash: versionHash ?? (await currentHash(documentId)) });

async function auditCount(documentId: string): Promise<number> {
  const [row] = await database().db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.chain, chainOf({ documentId })));
  return Number(row?.n ?? 0);
}

async function liveDecisions(documentId: string) {
  return database()
    .db.select({ organizationId: signoffDecisions.organizationId, decision: signoffDecisions.decision, versionHash: signoffDecisions.versionHash })
    .from(signoffDecisions)
    .innerJoin(signoffRounds, eq(signoffRounds.id, signoffDecisions.roundId))
    .where(and(eq(signoffRounds.documentId, documentId), isNull(signoffDecisions.outdatedAt)));
}

/** A document in review with a one-stage template: the QA reviewer alone decides. */
async function inReviewWithQaOnly(): Promise<string> {
  const id = await newDocument();
  await edit(id, "First version");
  const template = { stages: [{ name: "Quality assurance", parties: [{ kind: "role", role: "qa_reviewer" }], quorum: { kind: "all" } }] };
  expect(await saveTemplate(id, USERS.college, template, meta)).toEqual({ ok: true });
  ok(await run(id, "college", { type: "request_signoff" }));
  return id;
}

describe("the demo flow", () => {
  it("request → partners approve → an edit outdates → re-approve → QA approves → locked; the trail verifies", async () => {
    const id = await newDocument("Demo flow");
    await edit(id, "Climate Adaptation Practitioner");
    const v1 = await currentHash(id);

    // An editor who is not the lead may request sign-off; a QA reviewer may not.
    expect(await run(id, "qa", { type: "request_signoff" })).toMatchObject({ ok: false, reason: "not_editor", status: 403 });
    expect(ok(await run(id, "employer", { type: "request_signoff" })).status).toBe("in_review");

    // The inbox: the employer's seat waits for a decision; QA's stage is not open yet.
    expect((await inbox(USERS.employer)).filter((item) => item.documentId === id)).toMatchObject([
      { kind: "decide", organizationName: "Northwind Energy", stageName: "Partners", mayAct: true, outdated: false },
    ]);
    expect((await inbox(USERS.qa)).filter((item) => item.documentId === id)).toEqual([]);

    // The QA reviewer cannot decide before the partners.
    expect(await approve(id, "qa")).toMatchObject({ ok: false, reason: "stage_not_open" });
    for (const who of ["college", "university", "employer"] as const) ok(await approve(id, who));

    // An edit during review: the employer's (and everyone's) approval of v1 becomes outdated.
    await edit(id, "Climate Adaptation Practitioner (revised)");
    const v2 = await currentHash(id);
    expect(v2).not.toBe(v1);
    expect(await syncSignoffContent(id)).toEqual({ changed: true });
    expect(await syncSignoffContent(id)).toEqual({ changed: false });
    expect((await liveDecisions(id)).filter((d) => d.decision === "approved")).toEqual([]);
    const panel = await signoffPanel(USERS.employer, id);
    const employerParty = panel?.stages[0]?.parties.find((p) => p.organizationId === ORGS.employer);
    expect(employerParty).toMatchObject({ decision: "outdated", approvedVersionHash: v1 });
    expect(panel?.seats).toEqual([
      {
        stageIndex: 0,
        organizationId: ORGS.employer,
        organizationName: "Northwind Energy",
        outdatedVersionHash: v1,
        outdatedVersion: expect.objectContaining({ hash: v1, number: 1, event: "sent_for_signoff" }),
      },
    ]);
    // The content edited during review has no History number: it is worded by what it follows.
    expect(panel?.currentVersion).toMatchObject({ hash: v2, number: null, event: "changed_in_review", since: 1 });

    expect((await inbox(USERS.employer)).find((item) => item.documentId === id)).toMatchObject({ outdated: true, mayAct: true });
    // Approving what one was shown before the edit is refused.
    expect(await approve(id, "employer", v1)).toMatchObject({ ok: false, reason: "stale_version", status: 409 });
    for (const who of ["college", "university", "employer", "profbody"] as const) ok(await approve(id, who, v2));
    const final = ok(await approve(id, "qa", v2));
    expect(final.status).toBe("approved");

    // Locked: a late edit is refused by the write path, the content stays the approved version.
    expect(await edit(id, "Sneaky change")).toEqual({ refused: [id] });
    expect(await currentHash(id)).toBe(v2);
    expect(await verifyDocumentTrail(database().db, id)).toMatchObject({ intact: true });
    const types = (await database().db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.documentId, id)).orderBy(auditEvents.seq)).map((r) => r.type);
    expect(types[0]).toBe("document.signoff_requested");
    expect(types).toContain("document.version_saved");
    expect(types.filter((t) => t === "document.approval_outdated")).toHaveLength(3);
    expect(types.at(-1)).toBe("document.approved");
    const [requested] = await database().db.select().from(auditEvents).where(eq(auditEvents.documentId, id)).orderBy(auditEvents.seq).limit(1);
    expect(requested).toMatchObject({ actorUserId: USERS.employer, organizationId: ORGS.employer, ip: meta.ip, userAgent: "vitest", versionHash: v1 });

    const trail = await documentAuditTrail(USERS.qa, id);
    expect(trail?.rows.map((row) => row.what)).toContain("Document approved (round 1)");
    expect(trail?.rows[0]).toMatchObject({ who: "Maya Okafor", organization: "Northwind Energy", ip: meta.ip, userAgent: "vitest" });
    const certificate = await approvalCertificate(USERS.profbody, id);
    expect(certificate).toMatchObject({ versionHash: v2, snapshotIntact: true, chain: { intact: true } });
    expect(certificate?.decisions.filter((d) => !d.outdated)).toHaveLength(5);

    // Reopen (lead only): a new draft; the approved version stays readable and certified.
    expect(await run(id, "employer", { type: "reopen" })).toMatchObject({ ok: false, reason: "not_lead" });
    expect(ok(await run(id, "college", { type: "reopen" })).status).toBe("draft");
    expect(await edit(id, "Version 2 draft")).toEqual({ refused: [] });
    expect(await approvalCertificate(USERS.qa, id)).toMatchObject({ versionHash: v2, snapshotIntact: true });
    const versions = await database().db.select({ name: documentVersions.name, hash: documentVersions.contentHash }).from(documentVersions).where(eq(documentVersions.documentId, id)).orderBy(documentVersions.number);
    expect(versions).toEqual([
      { name: "Sign-off requested", hash: v1 },
      { name: "Approved", hash: v2 },
      { name: "Reopened after sign-off", hash: v2 },
    ]);
  });
});

describe("concurrency", () => {
  it("50 concurrent approvals for the same party record exactly one decision", async () => {
    const id = await inReviewWithQaOnly();
    const hash = await currentHash(id);
    const results = await Promise.all(Array.from({ length: 50 }, () => approve(id, "qa", hash)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ status: 409 });
    expect(await liveDecisions(id)).toEqual([{ organizationId: ORGS.qa, decision: "approved", versionHash: hash }]);
    const decided = await database().db.select({ type: auditEvents.type }).from(auditEvents).where(and(eq(auditEvents.documentId, id), eq(auditEvents.type, "document.decision_recorded")));
    expect(decided).toHaveLength(1);
    expect(await verifyDocumentTrail(database().db, id)).toMatchObject({ intact: true });
  });

  it("an edit committed while the approval waits for the content lock makes the approval stale, never approved", async () => {
    const id = await inReviewWithQaOnly();
    const shown = await currentHash(id);
    // A collaboration writer mid-commit: holds the content lock (shared) and has inserted its row.
    let approval: Promise<CommandResult> | undefined;
    await database().db.transaction(async (tx) => {
      await lockDocumentContent(tx, [id], "shared");
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadDocumentState(tx, id))!);
      const sv = Y.encodeStateVector(doc);
      setValue(doc, "credential_spec", "title", "Changed while approving");
      await appendUpdates(tx, [{ documentId: id, update: Y.encodeStateAsUpdate(doc, sv) }]);
      // The approval starts now, on the version the signatory was shown; it must wait for us.
      approval = approve(id, "qa", shown);
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const result = await approval!;
    expect(result).toMatchObject({ ok: false, reason: "stale_version" });
    const [row] = await database().db.select({ status: documents.status }).from(documents).where(eq(documents.id, id));
    expect(row?.status).toBe("in_review");
  });

  it("an approval racing edits ends approved on the durable content or refused, and approved content never changes", async () => {
    for (let i = 0; i < 8; i++) {
      const id = await inReviewWithQaOnly();
      const shown = await currentHash(id);
      const [approval, written] = await Promise.all([approve(id, "qa", shown), edit(id, `Racing edit ${i}`)]);
      const [row] = await database().db.select({ status: documents.status }).from(documents).where(eq(documents.id, id));
      const [round] = await database().db.select().from(signoffRounds).where(eq(signoffRounds.documentId, id));
      const durable = await currentHash(id);
      if (approval.ok) {
        // The approval went first: the edit was refused and the approved version is the content.
        expect(row?.status).toBe("approved");
        expect(written.refused).toEqual([id]);
        expect(durable).toBe(shown);
        expect(round?.currentVersionHash).toBe(durable);
      } else {
        // The edit went first: the approval of the old version was refused.
        expect(approval.reason).toBe("stale_version");
        expect(row?.status).toBe("in_review");
        expect(written.refused).toEqual([]);
        expect(durable).not.toBe(shown);
      }
    }
  });

  it("a non-final approval racing an edit ends outdated", async () => {
    const id = await newDocument();
    await edit(id, "v1");
    ok(await run(id, "college", { type: "request_signoff" }));
    const shown = await currentHash(id);
    const [approval] = await Promise.all([approve(id, "employer", shown), edit(id, "v2")]);
    await syncSignoffContent(id);
    const durable = await currentHash(id);
    const panel = await signoffPanel(USERS.employer, id);
    const party = panel?.stages[0]?.parties.find((p) => p.organizationId === ORGS.employer);
    // Either refused as stale or recorded and then outdated: never a live approval of old content.
    expect(party?.decision).toBe(approval.ok ? "outdated" : "pending");
    expect((await liveDecisions(id)).filter((d) => d.decision === "approved" && d.versionHash !== durable)).toEqual([]);
  });

  it("the group commit writer rejects updates to a locked document", async () => {
    const id = await inReviewWithQaOnly();
    ok(await approve(id, "qa"));
    const doc = new Y.Doc();
    setValue(doc, "credential_spec", "title", "after approval");
    const writer = new GroupCommitWriter(database().db);
    await expect(writer.append(id, Y.encodeStateAsUpdate(doc))).rejects.toBeInstanceOf(DocumentContentLockedError);
  });
});

describe("audit", () => {
  it("a failing step writes no audit row: the events roll back with the change", async () => {
    const id = await inReviewWithQaOnly();
    const before = await auditCount(id);
    const db = database().db;
    // An injected failure after the decision and its audit event were written (closing the round).
    await db.execute(sql`CREATE FUNCTION signoff_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$`);
    await db.execute(sql`CREATE TRIGGER signoff_test_fail BEFORE UPDATE OF status ON signoff_rounds FOR EACH ROW EXECUTE FUNCTION signoff_test_fail()`);
    try {
      await expect(approve(id, "qa")).rejects.toThrow();
    } finally {
      await db.execute(sql`DROP TRIGGER signoff_test_fail ON signoff_rounds`);
      await db.execute(sql`DROP FUNCTION signoff_test_fail()`);
    }
    expect(await auditCount(id)).toBe(before);
    expect(await liveDecisions(id)).toEqual([]);
    expect(ok(await approve(id, "qa")).status).toBe("approved");
    expect(await auditCount(id)).toBe(before + 2);
  });

  it("Verify finds a row changed by a superuser with the append-only trigger disabled", async () => {
    const id = await inReviewWithQaOnly();
    ok(await approve(id, "qa"));
    expect(await verifyDocumentTrail(database().db, id)).toMatchObject({ intact: true });
    const db = database().db;
    await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`);
    try {
      await db.execute(sql`UPDATE audit_events SET ip = '198.51.100.1' WHERE document_id = ${id} AND seq = 2`);
    } finally {
      await db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`);
    }
    expect(await verifyDocumentTrail(db, id)).toMatchObject({ intact: false, brokenAt: 1, reason: "hash_mismatch" });
    const certificate = await approvalCertificate(USERS.qa, id);
    expect(certificate?.chain).toMatchObject({ intact: false });
  });
});

describe("template and signatories", () => {
  it("only the lead adjusts the template, with field errors", async () => {
    const id = await newDocument();
    const template = { stages: [{ name: "", parties: [], quorum: { kind: "k_of_n", k: 0 } }] };
    const refused = await saveTemplate(id, USERS.college, template, meta);
    expect(refused).toMatchObject({ ok: false, status: 400 });
    const paths = refused.ok ? [] : "issues" in refused ? refused.issues.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["stages.0.name", "stages.0.parties", "stages.0.quorum.k"]));
    expect(await saveTemplate(id, USERS.employer, { stages: [] }, meta)).toMatchObject({ ok: false, status: 403 });
    const twoOfThree = {
      stages: [
        {
          name: "Institutions and employer",
          parties: [
            { kind: "organization", organizationId: ORGS.college },
            { kind: "organization", organizationId: ORGS.university },
            { kind: "organization", organizationId: ORGS.employer },
          ],
          quorum: { kind: "k_of_n", k: 2 },
        },
      ],
    };
    expect(await saveTemplate(id, USERS.college, twoOfThree, meta)).toEqual({ ok: true });
    await edit(id, "k of n");
    ok(await run(id, "college", { type: "request_signoff" }));
    ok(await approve(id, "university"));
    expect(ok(await approve(id, "employer")).status).toBe("approved");
    // Template changes are closed while a round runs or after approval.
    expect(await saveTemplate(id, USERS.college, twoOfThree, meta)).toMatchObject({ ok: false, status: 403 });
  });

  it("a named signatory replaces the admin fallback; changes are audited on the organization's chain", async () => {
    const db = database().db;
    await db.insert(memberships).values({ userId: USERS.qa, organizationId: ORGS.employer, role: "member" });
    const admin = { userId: USERS.employer, memberships: [{ organizationId: ORGS.employer, role: "admin" as const }] };
    const member = { userId: USERS.qa, memberships: [{ organizationId: ORGS.employer, role: "member" as const }] };
    expect(await addSignatory(member, ORGS.employer, USERS.qa, meta)).toMatchObject({ ok: false, status: 403 });
    expect(await addSignatory(admin, ORGS.employer, USERS.qa, meta)).toEqual({ ok: true });

    const id = await newDocument();
    await edit(id, "signatories");
    ok(await run(id, "college", { type: "request_signoff" }));
    // The admin is no longer the employer's signatory; the named member is.
    expect(await approve(id, "employer")).toMatchObject({ ok: false, reason: "not_signatory" });
    const named = await runSignoffCommand(id, USERS.qa, { type: "approve", organizationId: ORGS.employer, versionHash: await currentHash(id) }, meta, NO_LIVE_DOCUMENTS);
    expect(named.ok).toBe(true);

    expect(await removeSignatory(admin, ORGS.employer, USERS.qa, meta)).toEqual({ ok: true });
    const orgChain = await db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.chain, chainOf({ organizationId: ORGS.employer }))).orderBy(auditEvents.seq);
    expect(orgChain.map((r) => r.type)).toEqual(["organization.signatory_added", "organization.signatory_removed"]);
    await db.delete(memberships).where(and(eq(memberships.userId, USERS.qa), eq(memberships.organizationId, ORGS.employer)));
  });
});

describe("open sockets", () => {
  it("are re-checked when the content lock changes, and only then", async () => {
    const refreshed: string[] = [];
    const liveDocuments = { ...NO_LIVE_DOCUMENTS, refreshPermissions: async (documentId: string) => void refreshed.push(documentId) };
    const changed = await inReviewWithQaOnly();
    const comment = "Please cite the framework.";
    ok(await runSignoffCommand(changed, USERS.qa, { type: "request_changes", organizationId: ORGS.qa, versionHash: await currentHash(changed), comment }, meta, liveDocuments));
    expect(refreshed).toEqual([]);
    const approved = await inReviewWithQaOnly();
    ok(await runSignoffCommand(approved, USERS.qa, { type: "approve", organizationId: ORGS.qa, versionHash: await currentHash(approved) }, meta, liveDocuments));
    expect(refreshed).toEqual([approved]);
  });
});

describe("current content", () => {
  it("is derived once per stored content: the same answer until an edit is stored, then the new content", async () => {
    const id = await newDocument("Cached content");
    await edit(id, "First title");
    const first = await loadCurrentContent(database().db, id, "credential_spec");
    expect(await loadCurrentContent(database().db, id, "credential_spec")).toBe(first);
    await edit(id, "Second title");
    const second = await loadCurrentContent(database().db, id, "credential_spec");
    expect(second).not.toBe(first);
    expect(second.hash).not.toBe(first.hash);
    expect(second.canonical.fields.title).toBe("Second title");
  });

  it("is not derived for a draft's panel, which shows the projected version; an open round's panel reads the durable content", async () => {
    const id = await newDocument("Projected panel");
    await edit(id, "Projected title");
    await refreshProjection(database().db, id);
    const projected = await currentHash(id);
    expect((await signoffPanel(USERS.college, id)).currentHash).toBe(projected);
    // Stored but not projected yet: the draft's panel still shows the projected version.
    await edit(id, "Typed since");
    const durable = await currentHash(id);
    expect(durable).not.toBe(projected);
    expect((await signoffPanel(USERS.college, id)).currentHash).toBe(projected);
    ok(await run(id, "college", { type: "request_signoff" }));
    expect((await signoffPanel(USERS.college, id)).currentHash).toBe(durable);
  });
});

