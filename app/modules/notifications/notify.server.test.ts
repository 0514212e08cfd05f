/**
 * Integration: who is notified of what, on the real schema with the demo workspace (Postgres when
 * DATABASE_URL is set, else PGlite); marking read; the e-mail with its preferences and unsubscribe.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { seedDemo } from "../../../db/seed/demo";
import { documents } from "../../../db/schema/documents";
import { users } from "../../../db/schema/auth";
import { notifications, outboxMessages } from "../../../db/schema/notifications";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { startThread, reply } from "~/modules/comments/comments.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { setValue } from "~/modules/documents/model";
import { appendUpdates, loadDocumentState } from "~/modules/documents/store/stored-document.server";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { loadCurrentContent, runSignoffCommand, type SignoffCommand } from "~/modules/signoff/signoff.server";
import { deliverImmediateEmails, setEmailPreference } from "./mail.server";
import { listNotifications, markAllRead, markRead, unreadCount } from "./notifications.server";
import { notify } from "./notify.server";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe.server";

const database = useTestDatabase();
const meta = { ip: null, userAgent: "vitest" };
const USERS = {
  college: "demo-user-college",
  university: "demo-user-university",
  employer: "demo-user-employer",
  profbody: "demo-user-profbody",
  qa: "demo-user-qa",
} as const;
const ORGS = { college: "demo-org-lakeshore", university: "demo-org-prairie", employer: "demo-org-northwind", profbody: "demo-org-ccpa", qa: "demo-org-pqab" } as const;
type Who = keyof typeof USERS;

beforeAll(async () => {
  await seedDemo(database().db);
});

async function newDocument(title: string): Promise<string> {
  const id = generateId();
  await database().db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title, createdBy: USERS.college });
  const doc = new Y.Doc();
  const state = await loadDocumentState(database().db, id);
  if (state) Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  setValue(doc, "credential_spec", "title", title);
  await appendUpdates(database().db, [{ documentId: id, update: Y.encodeStateAsUpdate(doc, before) }]);
  doc.destroy();
  return id;
}

async function received(who: Who, documentId?: string) {
  const rows = await listNotifications(USERS[who]);
  return rows.filter((row) => !documentId || row.link.startsWith(`/documents/${documentId}`)).map((row) => [row.kind, row.title, row.link]);
}

async function run(documentId: string, who: Who, command: SignoffCommand) {
  const result = await runSignoffCommand(documentId, USERS[who], command, meta, NO_LIVE_DOCUMENTS);
  if (!result.ok) throw new Error(`${who} ${command.type}: ${result.message}`);
}

async function approve(documentId: string, who: keyof typeof ORGS) {
  const { hash } = await loadCurrentContent(database().db, documentId, "credential_spec");
  await run(documentId, who, { type: "approve", organizationId: ORGS[who], versionHash: hash });
}

describe("notifications for sign-off events", () => {
  it("tells the first stage's organizations, then the next stage, the editors of decisions and everyone of the outcome", async () => {
    const id = await newDocument("Heat Pump Installer");
    const link = `/documents/${id}#signoff`;
    await run(id, "college", { type: "request_signoff" });
    // The demo template: partners first (college, university, employer, professional body), then quality assurance.
    expect(await received("employer", id)).toEqual([["signoff_requested", "Sign-off requested: Heat Pump Installer", link]]);
    expect(await received("university", id)).toEqual([["signoff_requested", "Sign-off requested: Heat Pump Installer", link]]);
    expect(await received("qa", id)).toEqual([]);
    // The person who acted is not told of their own request.
    expect(await received("college", id)).toEqual([]);

    await approve(id, "employer");
    expect(await received("college", id)).toEqual([["decision", "Approval recorded: Heat Pump Installer", link]]);
    await approve(id, "university");
    await approve(id, "college");
    expect(await received("qa", id)).toEqual([]);
    await approve(id, "profbody");
    expect(await received("qa", id)).toEqual([["stage_opened", "Your stage opened: Heat Pump Installer", link]]);

    await approve(id, "qa");
    expect(await received("employer", id)).toContainEqual(["signoff_outcome", "Heat Pump Installer was approved", link]);
    // The college edits it: told of QA's decision and of the outcome (written in one transaction).
    expect(await received("college", id)).toEqual(
      expect.arrayContaining([
        ["signoff_outcome", "Heat Pump Installer was approved", link],
        ["decision", "Approval recorded: Heat Pump Installer", link],
      ]),
    );
    // QA approved it themselves: not told.
    expect((await received("qa", id))[0]?.[0]).toBe("stage_opened");
  });

  it("tells the editors when changes are requested", async () => {
    const id = await newDocument("Solar Technician");
    await run(id, "college", { type: "request_signoff" });
    const { hash } = await loadCurrentContent(database().db, id, "credential_spec");
    await run(id, "employer", { type: "request_changes", organizationId: ORGS.employer, versionHash: hash, comment: "Add the safety unit." });
    expect((await received("college", id))[0]).toEqual(["changes_requested", "Changes requested: Solar Technician", `/documents/${id}#signoff`]);
  });
});

describe("notifications for comments", () => {
  it("tells the mentioned person with a link to the thread, and the thread's people of a reply", async () => {
    const id = await newDocument("Wind Turbine Technician");
    const college = await loadActor(USERS.college);
    const employer = await loadActor(USERS.employer);
    const { threadId } = await startThread(college, id, { anchor: { type: "field", path: "title" }, body: "Is this the title the sector uses, @Maya Okafor?" });
    const thread = `/documents/${id}#thread-${threadId}`;
    expect(await received("employer", id)).toEqual([["mention", "Daniel Tremblay mentioned you on Wind Turbine Technician", thread]]);
    expect(await received("college", id)).toEqual([]);

    await reply(employer, id, threadId, "Yes, it is.");
    expect(await received("college", id)).toEqual([["reply", "Maya Okafor replied on Wind Turbine Technician", thread]]);
    // The author of the reply is not told of it.
    expect(await received("employer", id)).toHaveLength(1);
  });
});

describe("notify", () => {
  it("writes nothing when the event's transaction rolls back", async () => {
    const before = await unreadCount(database().db, USERS.profbody);
    await expect(
      database().db.transaction(async (tx) => {
        await notify(tx, [USERS.profbody], { kind: "mention", params: { who: "Rolled", document: "back" }, link: "/" });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await unreadCount(database().db, USERS.profbody)).toBe(before);
  });
});

describe("marking read", () => {
  it("marks one and all of the owner's notifications, never another person's", async () => {
    const db = database().db;
    const [first] = await notify(db, [USERS.profbody], { kind: "invitation", params: { place: "One" }, link: "/inbox" });
    expect(first).toBe(USERS.profbody);
    await notify(db, [USERS.profbody], { kind: "invitation", params: { place: "Two" }, link: "/inbox" });
    const count = await unreadCount(db, USERS.profbody);
    expect(count).toBeGreaterThanOrEqual(2);
    const [latest] = await listNotifications(USERS.profbody);
    expect(await markRead(USERS.qa, latest!.id)).toBe(false);
    expect(await markRead(USERS.profbody, latest!.id)).toBe(true);
    expect(await unreadCount(db, USERS.profbody)).toBe(count - 1);
    expect(await markAllRead(USERS.profbody)).toBe(count - 1);
    expect(await unreadCount(db, USERS.profbody)).toBe(0);
  });
});

describe("e-mail", () => {
  it("mails 'immediately' kinds once, with text, HTML and List-Unsubscribe; keeps 'daily' for the digest; skips 'never'", async () => {
    const db = database().db;
    await deliverImmediateEmails(USERS.university); // earlier tests' notifications
    await setEmailPreference(USERS.university, "reply", "daily");
    await setEmailPreference(USERS.university, "import_finished", "never");
    await notify(db, [USERS.university], { kind: "mention", params: { who: "Daniel", document: "Mail Test" }, link: "/documents/x#thread-y" });
    await notify(db, [USERS.university], { kind: "reply", params: { who: "Daniel", document: "Mail Test" }, link: "/documents/x#thread-y" });
    await notify(db, [USERS.university], { kind: "import_finished", params: { name: "Mail Test", failed: "no" }, link: "/frameworks/imports/z" });

    expect(await deliverImmediateEmails(USERS.university)).toBe(1);
    // A second instance hearing the same NOTIFY finds nothing left to claim.
    expect(await deliverImmediateEmails(USERS.university)).toBe(0);
    const mails = (await db.select().from(outboxMessages)).filter((m) => m.subject.includes("Mail Test"));
    expect(mails.map((m) => m.subject)).toEqual(["Daniel mentioned you on Mail Test"]);
    const [mail] = mails;
    expect(mail!.to).toBe("university@demo.concord.test");
    expect(mail!.text).toContain("http://localhost:3000/documents/x#thread-y");
    expect(mail!.html).toContain('<a href="http://localhost:3000/documents/x#thread-y">');
    const headers = JSON.parse(mail!.headers) as Record<string, string>;
    expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/notifications\/unsubscribe\?token=.+>$/);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // The daily one stays unsent for the digest.
    const pending = await db.select().from(notifications).where(and(eq(notifications.userId, USERS.university), eq(notifications.kind, "reply")));
    expect(pending.some((row) => row.emailedAt === null)).toBe(true);
  });

  it("writes to each person in the language they chose", async () => {
    const db = database().db;
    await deliverImmediateEmails(USERS.qa);
    await db.update(users).set({ locale: "fr" }).where(eq(users.id, USERS.qa));
    try {
      await notify(db, [USERS.qa], { kind: "invitation", params: { place: "Projet Langue" }, link: "/project-invitations/p9" });
      expect(await deliverImmediateEmails(USERS.qa)).toBe(1);
      const [mail] = (await db.select().from(outboxMessages)).filter((m) => m.subject.includes("Projet Langue"));
      expect(mail!.subject).toBe("Votre organisation est invitée à Projet Langue");
      expect(mail!.text).toContain("Bonjour Elena Novak,");
      expect(mail!.text).toContain("Ne plus recevoir de courriels pour « Une invitation pour votre organisation » : http://localhost:3000/notifications/unsubscribe?token=");
      expect(mail!.html).toContain("L’ouvrir dans Concord");
    } finally {
      await db.update(users).set({ locale: null }).where(eq(users.id, USERS.qa));
    }
  });
});

describe("unsubscribe tokens", () => {
  const secret = "test-secret-of-sufficient-length";
  it("accepts its own signature and refuses a changed kind, user or secret", () => {
    const token = unsubscribeToken(secret, "demo-user-employer", "mention");
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: "demo-user-employer", kind: "mention" });
    expect(verifyUnsubscribeToken(secret, token.replace(".mention.", ".reply."))).toBeNull();
    expect(verifyUnsubscribeToken(secret, token.replace("demo-user-employer", "demo-user-college"))).toBeNull();
    expect(verifyUnsubscribeToken("another-secret-of-some-length", token)).toBeNull();
    expect(verifyUnsubscribeToken(secret, "garbage")).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${token}x`)).toBeNull();
  });
});
