/**
 * Integration over real HTTP: /notifications/stream pushes the unread count after a committed
 * notification (and not after a rolled-back one); the one-click unsubscribe works without a
 * session or an Origin, and only with a valid token. Needs the Remix build.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailPreferences } from "../app/modules/notifications/mail.server";
import { markAllRead } from "../app/modules/notifications/notifications.server";
import { notify } from "../app/modules/notifications/notify.server";
import { unsubscribeUrl } from "../app/modules/notifications/mail.server";
import { unreadEvents } from "../test/support/child-server";
import { signInCookie, startTestServer, type TestServer } from "../test/support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("/notifications/stream", () => {
  it("refuses anonymous requests", async () => {
    const response = await fetch(`${server.url}/notifications/stream`, { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.headers.get("content-type") ?? "").not.toContain("text/event-stream");
  });

  it("pushes the new unread count to a subscribed stream after the notification commits", async () => {
    const cookie = await signInCookie(server.url, "employer@demo.concord.test");
    const response = await fetch(`${server.url}/notifications/stream`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const events = unreadEvents(response.body!);
    const initial = await events.next();

    // A rolled-back event pushes nothing; the committed one after it does.
    await server.database.db
      .transaction(async (tx) => {
        await notify(tx, ["demo-user-employer"], { kind: "mention", params: { who: "Daniel", document: "Rolled back" }, link: "/" });
        throw new Error("rollback");
      })
      .catch(() => {});
    await server.database.db.transaction((tx) => notify(tx, ["demo-user-employer"], { kind: "mention", params: { who: "Daniel", document: "Pushed live" }, link: "/notifications" }));
    expect(await events.next()).toBe(initial + 1);

    // Someone else's notification does not reach this stream.
    await notify(server.database.db, ["demo-user-qa"], { kind: "mention", params: { who: "Daniel", document: "For QA" }, link: "/" });
    await notify(server.database.db, ["demo-user-employer"], { kind: "mention", params: { who: "Daniel", document: "Second" }, link: "/" });
    expect(await events.next()).toBe(initial + 2);

    // Marking read elsewhere (another tab) updates this stream too.
    await markAllRead("demo-user-employer");
    expect(await events.next()).toBe(0);
    await events.cancel();
  });
});

describe("/notifications/unsubscribe", () => {
  it("sets the kind to never on a mail client's one-click POST with a valid token, and refuses an invalid one", async () => {
    const url = unsubscribeUrl("demo-user-university", "reply").replace("http://localhost:3000", server.url);
    const ok = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(ok.status).toBe(200);
    expect((await emailPreferences("demo-user-university")).reply).toBe("never");

    const forged = await fetch(url.replace("reply", "mention"), { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(forged.status).toBe(400);
    expect((await emailPreferences("demo-user-university")).mention).toBe("immediately");
    expect((await fetch(`${server.url}/notifications/unsubscribe?token=nope`)).status).toBe(400);
  });
});
