/**
 * Notifications across two app instances (separate processes, one Postgres database): a comment
 * posted through one instance lights the mentioned person's bell on a page served by the other
 * (Postgres LISTEN/NOTIFY, no Redis needed), and the e-mail goes out exactly once although both
 * instances hear the NOTIFY. Server Postgres only (the embedded default is one process by design).
 * Needs the Remix build.
 */
import { afterAll, afterEach, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { seedDemo } from "../db/seed/demo";
import { outboxMessages } from "../db/schema/notifications";
import { startChildServer, unreadEvents, type ChildServer } from "../test/support/child-server";
import { openTestDatabase, testServerUrl, type TestDatabase } from "../test/support/database";
import { signInCookie } from "../test/support/server";

const children: ChildServer[] = [];
let database: TestDatabase | undefined;

afterEach(async () => {
  for (const child of children.splice(0)) {
    child.process.kill("SIGKILL");
    await child.exited;
  }
});
afterAll(async () => {
  await database?.drop();
});

it.skipIf(!testServerUrl())("a mention posted on one instance reaches a stream on the other, and is mailed once", { timeout: 120_000 }, async () => {
  database = await openTestDatabase();
  await seedDemo(database.db);
  // Both keep development-style mail in the database's outbox (no SMTP), so the test can count it.
  const env = { DATABASE_URL: database.url, MAIL_OUTBOX: "true", SMTP_URL: undefined, JOBS_ENABLED: "false" };
  const [first, second] = await Promise.all([startChildServer(env), startChildServer(env)]);
  children.push(first, second);

  // Maya (employer) has a page open on the second instance.
  const maya = await signInCookie(second.url, "employer@demo.concord.test");
  const stream = await fetch(`${second.url}/notifications/stream`, { headers: { Cookie: maya } });
  expect(stream.status).toBe(200);
  const events = unreadEvents(stream.body!);
  const before = await events.next();

  // Daniel (college) mentions her through the first instance.
  const daniel = await signInCookie(first.url, "college@demo.concord.test");
  const posted = await fetch(`${first.url}/documents/demo-doc-spec/comments`, {
    method: "POST",
    headers: { Cookie: daniel, Origin: first.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "start", anchor: JSON.stringify({ type: "field", path: "title" }), body: "Two instances, one bell: @Maya Okafor" }),
  });
  expect(posted.status).toBe(200);
  expect(await events.next(10_000)).toBe(before + 1);
  await events.cancel();

  // Both instances heard the NOTIFY and tried the e-mail; the claim lets exactly one send it.
  const mails = () =>
    database!.db
      .select({ subject: outboxMessages.subject })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.to, "employer@demo.concord.test"), like(outboxMessages.subject, "%mentioned you%")));
  const deadline = Date.now() + 10_000;
  while ((await mails()).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await mails()).toEqual([{ subject: "Daniel Tremblay mentioned you on Climate Adaptation Practitioner" }]);
});
