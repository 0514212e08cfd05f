/**
 * Integration: the audit table on the real schema and migrations (Postgres when DATABASE_URL is
 * set, else PGlite). Refuses UPDATE, DELETE and TRUNCATE; keeps the hash chain verifiable after a
 * round trip through the driver (jsonb key order, timestamps); never forks a chain.
 */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../../db/schema/audit";
import { openTestDatabase, type TestDatabase } from "../../../test/support/database";
import { chainOf, sealAuditRecord, verifyChain, type AuditRecord, type SealedAuditRecord } from "~/modules/audit/chain";
import { auditEvent } from "~/modules/audit/events";

const H = "c".repeat(64);
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** The database's message, whichever driver wrapped it. */
function messageOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(" / ");
}

async function expectRefused(run: () => Promise<unknown>, pattern: RegExp) {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, "the statement should have failed").toBeInstanceOf(Error);
  expect(messageOf(caught)).toMatch(pattern);
}

function record(documentId: string, n: number): AuditRecord {
  const event = auditEvent("document.decision_recorded", {
    round: 1,
    decisionId: `d-${n}`,
    stageIndex: 0,
    organizationId: "employer",
    decision: "changes_requested",
    versionHash: H,
    comment: `Comment ${n}: "quotes", ünïcödé, 🙂`,
  });
  return {
    chain: chainOf({ documentId }),
    documentId,
    projectId: "project-1",
    actorUserId: `user-${n}`,
    organizationId: "employer",
    type: event.type,
    schemaVersion: event.schemaVersion,
    payload: event.payload,
    versionHash: H,
    ip: "2001:db8::1",
    userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
    createdAt: new Date(Date.UTC(2026, 4, 1, 12, 0, n, 987)),
  };
}

async function appendChain(documentId: string, length: number): Promise<SealedAuditRecord[]> {
  const sealed: SealedAuditRecord[] = [];
  for (let n = 1; n <= length; n++) {
    const row = await sealAuditRecord(sealed.at(-1) ?? null, record(documentId, n));
    await database.db.insert(auditEvents).values(row);
    sealed.push(row);
  }
  return sealed;
}

async function readChain(documentId: string): Promise<SealedAuditRecord[]> {
  return database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.chain, chainOf({ documentId })))
    .orderBy(asc(auditEvents.seq));
}

describe("audit_events", () => {
  it("verifies intact after a round trip through the database", async () => {
    await appendChain("doc-roundtrip", 4);
    const rows = await readChain("doc-roundtrip");
    expect(rows).toHaveLength(4);
    expect(rows[0]!.createdAt.toISOString()).toBe("2026-05-01T12:00:01.987Z");
    expect(await verifyChain(rows)).toMatchObject({ intact: true, length: 4 });
  });

  it("refuses UPDATE, through drizzle and in raw SQL", async () => {
    await appendChain("doc-update", 2);
    await expectRefused(
      () => database.db.update(auditEvents).set({ payload: { forged: true } }).where(eq(auditEvents.chain, "document:doc-update")),
      /append-only: UPDATE/,
    );
    await expectRefused(() => database.db.execute(sql`UPDATE audit_events SET actor_user_id = 'mallory'`), /append-only: UPDATE/);
    expect(await verifyChain(await readChain("doc-update"))).toMatchObject({ intact: true, length: 2 });
  });

  it("refuses DELETE of one row and of all rows", async () => {
    await appendChain("doc-delete", 3);
    await expectRefused(
      () => database.db.delete(auditEvents).where(eq(auditEvents.chain, "document:doc-delete")),
      /append-only: DELETE/,
    );
    await expectRefused(() => database.db.execute(sql`DELETE FROM audit_events`), /append-only: DELETE/);
    expect(await readChain("doc-delete")).toHaveLength(3);
  });

  it("refuses TRUNCATE", async () => {
    await expectRefused(() => database.db.execute(sql`TRUNCATE audit_events`), /append-only: TRUNCATE/);
    expect((await readChain("doc-roundtrip")).length).toBe(4);
  });

  it("lets only one of two writers that read the same head append (the chain never forks)", async () => {
    const [head] = await appendChain("doc-race", 1);
    const a = await sealAuditRecord(head!, record("doc-race", 2));
    const b = await sealAuditRecord(head!, { ...record("doc-race", 2), actorUserId: "someone-else" });
    const results = await Promise.allSettled([
      database.db.insert(auditEvents).values(a),
      database.db.insert(auditEvents).values(b),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await verifyChain(await readChain("doc-race"))).toMatchObject({ intact: true, length: 2 });
  });

  it("refuses rows that break the chain's shape", async () => {
    const first = await sealAuditRecord(null, record("doc-shape", 1));
    await expectRefused(() => database.db.insert(auditEvents).values({ ...first, prevHash: H }), /audit_events_first_has_no_prev/);
    await expectRefused(() => database.db.insert(auditEvents).values({ ...first, chain: "document:elsewhere" }), /audit_events_document_chain/);
    await expectRefused(() => database.db.insert(auditEvents).values({ ...first, hash: "not-a-hash" }), /audit_events_hash_hex/);
  });
});
