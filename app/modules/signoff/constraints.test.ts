/**
 * Integration: the database half of the sign-off concurrency contract (machine.ts header), on the
 * real schema and migrations. The DB verbs rely on these constraints, so they are tested here
 * rather than assumed.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../db/schema/auth";
import { documents } from "../../../db/schema/documents";
import { memberships, organizations } from "../../../db/schema/organizations";
import { projects } from "../../../db/schema/projects";
import { organizationSignatories, signoffDecisions, signoffRounds, signoffVersions } from "../../../db/schema/signoff";
import { openTestDatabase, type TestDatabase } from "../../../test/support/database";
import { canonicalJson, sha256Hex } from "~/utils/canonical-json";

let database: TestDatabase;
let versionHash: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  await db.insert(users).values([
    { id: "u-emp", email: "e@example.test", name: "E", passwordHash: "x" },
    { id: "u-out", email: "o@example.test", name: "O", passwordHash: "x" },
  ]);
  await db.insert(organizations).values({ id: "employer", name: "Employer", kind: "employer", province: "ON" });
  await db.insert(memberships).values({ userId: "u-emp", organizationId: "employer", role: "member" });
  await db.insert(projects).values({ id: "p", title: "P" });
  await db.insert(documents).values([
    { id: "doc", projectId: "p", kind: "credential_spec", title: "Doc" },
    { id: "doc-2", projectId: "p", kind: "credential_spec", title: "Doc 2" },
  ]);
  const canonical = canonicalJson({ type: "doc", content: [] });
  versionHash = await sha256Hex(canonical);
  await db.insert(signoffVersions).values({ documentId: "doc", versionHash, canonical });
  await db.insert(signoffRounds).values({
    id: "round-1",
    documentId: "doc",
    number: 1,
    stages: [{ name: "Partners", organizationIds: ["employer"], quorum: { kind: "all" } }],
    requestedVersionHash: versionHash,
    currentVersionHash: versionHash,
  });
});
afterAll(async () => {
  await database.drop();
});

function messageOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(" / ");
}
async function expectRefused(run: () => Promise<unknown>, pattern: RegExp) {
  const caught = await run().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught, "the statement should have failed").toBeInstanceOf(Error);
  expect(messageOf(caught)).toMatch(pattern);
}

const decision = (id: string, overrides: Partial<typeof signoffDecisions.$inferInsert> = {}) => ({
  id,
  roundId: "round-1",
  stageIndex: 0,
  organizationId: "employer",
  decision: "approved" as const,
  versionHash,
  decidedBy: "u-emp",
  decidedAt: new Date(),
  ...overrides,
});

describe("sign-off constraints", () => {
  it("records exactly one of two simultaneous decisions by the same party", async () => {
    const results = await Promise.allSettled(
      ["approve-a", "approve-b"].map((id) =>
        database.db.transaction(async (tx) => {
          await tx.insert(signoffDecisions).values(decision(id));
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const live = await database.db
      .select()
      .from(signoffDecisions)
      .where(and(eq(signoffDecisions.roundId, "round-1"), isNull(signoffDecisions.outdatedAt)));
    expect(live).toHaveLength(1);
  });

  it("an outdated approval frees the seat for a new decision", async () => {
    await database.db.update(signoffDecisions).set({ outdatedAt: new Date() }).where(eq(signoffDecisions.roundId, "round-1"));
    await database.db.insert(signoffDecisions).values(decision("approve-again"));
    await expectRefused(() => database.db.insert(signoffDecisions).values(decision("approve-thrice")), /signoff_decisions_live_seat/);
  });

  it("lets one of two writers claim the same round revision", async () => {
    const claim = () =>
      database.db
        .update(signoffRounds)
        .set({ revision: sql`${signoffRounds.revision} + 1` })
        .where(and(eq(signoffRounds.id, "round-1"), eq(signoffRounds.revision, 0), eq(signoffRounds.status, "open")))
        .returning({ id: signoffRounds.id });
    const [a, b] = await Promise.all([claim(), claim()]);
    expect(a!.length + b!.length).toBe(1);
  });

  it("refuses a second open round, and a round on a version that was never snapshotted", async () => {
    const round = {
      documentId: "doc",
      stages: [],
      requestedVersionHash: versionHash,
      currentVersionHash: versionHash,
    };
    await expectRefused(() => database.db.insert(signoffRounds).values({ ...round, id: "round-2", number: 2 }), /signoff_rounds_one_open_per_document/);
    await expectRefused(
      () => database.db.insert(signoffRounds).values({ ...round, id: "round-x", documentId: "doc-2", number: 1 }),
      /signoff_rounds_requested_version_fk|signoff_rounds_current_version_fk/,
    );
  });

  it("refuses changes requested without a comment and an outdated rejection", async () => {
    await expectRefused(
      () => database.db.insert(signoffDecisions).values(decision("cr", { decision: "changes_requested", stageIndex: 1 })),
      /signoff_decisions_comment_required/,
    );
    await expectRefused(
      () =>
        database.db
          .insert(signoffDecisions)
          .values(decision("rj", { decision: "rejected", comment: "No", stageIndex: 1, outdatedAt: new Date() })),
      /signoff_decisions_only_approvals_outdate/,
    );
  });

  it("names only members as signatories, and forgets them when they leave", async () => {
    await expectRefused(
      () => database.db.insert(organizationSignatories).values({ organizationId: "employer", userId: "u-out" }),
      /organization_signatories_membership_fk/,
    );
    await database.db.insert(organizationSignatories).values({ organizationId: "employer", userId: "u-emp" });
    await database.db.delete(memberships).where(eq(memberships.userId, "u-emp"));
    expect(await database.db.select().from(organizationSignatories)).toEqual([]);
  });

  it("deleting a document removes its rounds, decisions and versions", async () => {
    await database.db.delete(documents).where(eq(documents.id, "doc"));
    expect(await database.db.select().from(signoffRounds)).toEqual([]);
    expect(await database.db.select().from(signoffDecisions)).toEqual([]);
    expect(await database.db.select().from(signoffVersions)).toEqual([]);
  });
});
