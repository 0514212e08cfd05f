/**
 * Integration: the scheduled jobs on the real schema with TWO job runners (two pg-boss instances,
 * each with its own database connection pool, on one database), as two app instances would run
 * them. Each runner's scheduler fires the same cron slot, and both workers poll; the daily digest
 * must reach a real SMTP server (smtp-server) once per person, and each reminder be written once.
 * On server Postgres when DATABASE_URL is set; on PGlite both runners share the one connection.
 */
import { and, eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { seedDemo } from "../../../db/seed/demo";
import { documents } from "../../../db/schema/documents";
import { notifications, reminderDeliveries } from "../../../db/schema/notifications";
import { signoffRounds } from "../../../db/schema/signoff";
import { openDatabase, type DatabaseHandle } from "../../../db/client";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { setValue } from "~/modules/documents/model";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { generateId } from "~/modules/ids.server";
import { setEmailPreference } from "~/modules/notifications/mail.server";
import { notify } from "~/modules/notifications/notify.server";
import { sendDueReminders } from "~/modules/notifications/reminders.server";
import { sendDailyDigests } from "~/modules/notifications/digest.server";
import { runSignoffCommand } from "~/modules/signoff/signoff.server";
import { bossConnection, JOBS, jobsConnection, startJobs, type Jobs } from "./queue.server";

const database = useTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

type Received = { from: string; to: string[]; raw: string };
const inbox: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
      callback();
    });
  },
});

/** The message's text with quoted-printable soft breaks and escapes undone (enough to search it). */
const decoded = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

let second: DatabaseHandle | undefined;
const runners: Jobs[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  // Read by env() on first use: every e-mail of this file goes over real SMTP.
  process.env.SMTP_URL = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  await seedDemo(database().db);
  // The second runner gets its own connections, as another instance would.
  const url = database().url;
  second = url ? await openDatabase({ url, dataDir: "unused", migrate: false, poolSize: 3 }) : undefined;
});

afterAll(async () => {
  for (const runner of runners) await runner.stop();
  await second?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function newDocument(title: string, createdBy = "demo-user-college"): Promise<string> {
  const id = generateId();
  await database().db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title, createdBy });
  const doc = new Y.Doc();
  const state = await loadDocumentState(database().db, id);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  setValue(doc, "credential_spec", "title", title);
  await appendUpdates(database().db, [{ documentId: id, update: Y.encodeStateAsUpdate(doc, before) }]);
  doc.destroy();
  return id;
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const countOf = async (userId: string, kind: "decision_reminder" | "stage_overdue" | "review_due", documentId: string) =>
  (await database().db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)))).filter((row) => row.link.startsWith(`/documents/${documentId}`)).length;

describe("scheduled jobs on two runners", () => {
  it("sends each daily digest and each reminder exactly once", async () => {
    const db = database().db;
    // Digest: the employer and the university take mentions/replies daily; three items wait.
    await setEmailPreference("demo-user-employer", "mention", "daily");
    await setEmailPreference("demo-user-employer", "reply", "daily");
    await setEmailPreference("demo-user-university", "mention", "daily");
    await notify(db, ["demo-user-employer", "demo-user-university"], { kind: "mention", params: { who: "Daniel", document: "Digest Spec" }, link: "/documents/d1#thread-t1" });
    await notify(db, ["demo-user-employer"], { kind: "reply", params: { who: "Daniel", document: "Digest Spec" }, link: "/documents/d1#thread-t2" });

    // Reminders: a sign-off requested 7 days ago (past the 3-day reminder and the 6-day overdue
    // mark), and a credential review 20 days ahead.
    const pending = await newDocument("Reminder Spec");
    const requested = await runSignoffCommand(pending, "demo-user-college", { type: "request_signoff" }, { ip: null, userAgent: "vitest" }, NO_LIVE_DOCUMENTS);
    expect(requested.ok).toBe(true);
    await db.update(signoffRounds).set({ requestedAt: new Date(Date.now() - 7 * DAY) }).where(eq(signoffRounds.documentId, pending));
    const review = await newDocument("Review Spec");
    const reviewDate = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
    await db
      .update(documents)
      .set({ projection: sql`jsonb_build_object('title', 'Review Spec', 'keyFields', jsonb_build_object('nextReviewDate', ${reviewDate}::text))` })
      .where(eq(documents.id, review));

    // Two runners, every minute (the cron check every second), on separate connections.
    for (const handle of [database(), second ?? database()]) {
      runners.push(
        await startJobs({
          connection: jobsConnection(handle),
          database: () => handle.db,
          digestCron: "* * * * *",
          remindersCron: "* * * * *",
          timezone: "UTC",
          pollingIntervalSeconds: 0.5,
          cronMonitorIntervalSeconds: 1,
        }),
      );
    }
    // Both instances also queue the same slot by hand (as after a restart): pg-boss keeps one job.
    await Promise.all(runners.flatMap((runner) => [runner.enqueue(JOBS.digest, "slot-1"), runner.enqueue(JOBS.reminders, "slot-1")]));

    await until(async () => inbox.length >= 2 && (await countOf("demo-user-employer", "decision_reminder", pending)) > 0 && (await countOf("demo-user-college", "review_due", review)) > 0);
    // Let every runner poll a few more times; nothing more may arrive.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // And a direct race of both instances' job bodies finds nothing left.
    expect(await Promise.all([sendDailyDigests(new Date(), db), sendDailyDigests(new Date(), (second ?? database()).db)])).toEqual([0, 0]);
    expect(await Promise.all([sendDueReminders(new Date(), db), sendDueReminders(new Date(), (second ?? database()).db)])).toEqual([[], []]);

    // One digest per person, over real SMTP, with every item linked and the unsubscribe links.
    expect(inbox.map((mail) => mail.to).sort()).toEqual([["employer@demo.concord.test"], ["university@demo.concord.test"]]);
    const employer = decoded(inbox.find((mail) => mail.to[0] === "employer@demo.concord.test")!.raw);
    expect(employer).toMatch(/Subject: Your Concord digest: 2 notifications/);
    expect(employer).toMatch(/List-Unsubscribe:\s+<http:\/\/localhost:3000\/notifications\/unsubscribe\?token=demo-user-employer\.(mention|reply)\./);
    expect(employer).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(employer).toContain("multipart/alternative");
    expect(employer).toContain("http://localhost:3000/documents/d1#thread-t1");
    expect(employer).toContain('<a href="http://localhost:3000/documents/d1#thread-t2">Daniel replied on Digest Spec</a>');
    expect(employer).toContain("token=demo-user-employer.mention.");
    expect(employer).toContain("token=demo-user-employer.reply.");
    expect(employer).toContain("http://localhost:3000/notifications/settings");

    // Each reminder once: the partners' signatories (decision), the lead institution (overdue, review).
    expect(await countOf("demo-user-employer", "decision_reminder", pending)).toBe(1);
    expect(await countOf("demo-user-university", "decision_reminder", pending)).toBe(1);
    expect(await countOf("demo-user-qa", "decision_reminder", pending)).toBe(0);
    expect(await countOf("demo-user-college", "stage_overdue", pending)).toBe(1);
    expect(await countOf("demo-user-employer", "stage_overdue", pending)).toBe(0);
    expect(await countOf("demo-user-college", "review_due", review)).toBe(1);
    const keys = (await db.select().from(reminderDeliveries)).map((row) => row.key);
    expect(keys).toContain(`review:${review}:nextReviewDate:${reviewDate}`);
  });

  it("keeps its schedules in the database: a new instance after a restart finds them", async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    const restarted = new PgBoss({ ...bossConnection(jobsConnection(database())), schedule: false, supervise: false });
    await restarted.start();
    try {
      const schedules = await restarted.getSchedules();
      expect(schedules.map((schedule) => [schedule.name, schedule.cron]).sort()).toEqual([
        [JOBS.digest, "* * * * *"],
        [JOBS.reminders, "* * * * *"],
      ]);
    } finally {
      await restarted.stop({ graceful: false, wait: true });
    }
  });

  it("lets exactly one of two instances racing on the same digest send it", async () => {
    // The runners are stopped: here the two instances' job bodies race each other directly.
    await setEmailPreference("demo-user-profbody", "invitation", "daily");
    await notify(database().db, ["demo-user-profbody"], { kind: "invitation", params: { place: "Race Project" }, link: "/project-invitations/p1" });
    const before = inbox.length;
    const sent = await Promise.all([sendDailyDigests(new Date(), database().db), sendDailyDigests(new Date(), (second ?? database()).db)]);
    expect(sent.sort()).toEqual([0, 1]);
    expect(inbox.slice(before).map((mail) => mail.to)).toEqual([["profbody@demo.concord.test"]]);
  });
});
