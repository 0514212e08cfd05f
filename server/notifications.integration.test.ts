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
import { signInCookie, startTestServer, type TestServer } from "../test/support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** Reads `unread` events from an SSE response body. */
function unreadEvents(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(timeoutMs = 5000): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").find((line) => line.startsWith("data: "));
          if (block.includes("event: unread") && data) return (JSON.parse(data.slice(6)) as { unread: number }).unread;
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no unread event in time");
        const chunk = await Promise.race([reader.read(), new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), left))]);
        if (chunk === "timeout") throw new Error("no unread event in time");
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

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
