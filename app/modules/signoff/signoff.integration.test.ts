/**
 * Integration through the real server (HTTP + collaboration, needs `npm run build`): the sign-off
 * template page's and the panel's resource route's answers, and an approval turning open sockets read-only at once — the periodic
 * permission re-check is set to a minute here, so only the immediate refresh can explain it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CollabCloseCode } from "~/modules/collab/close-codes";
import { signInCookie, startTestServer, type TestServer } from "../../../test/support/server";
import { connectClient, typeParagraph, waitFor, whenSynced, type TestClient } from "../../../test/support/collab-clients";
import { countLoggedUpdates } from "~/modules/documents/store/stored-document.server";

const DOCUMENT = "demo-doc-assessment";
const TEMPLATE_PAGE = `/documents/${DOCUMENT}/signoff?_data=${encodeURIComponent("routes/documents.$documentId_.signoff")}`;
const PANEL = `/documents/${DOCUMENT}/signoff-panel?_data=${encodeURIComponent("routes/documents.$documentId.signoff-panel")}`;
let server: TestServer;
const cookies: Record<string, string> = {};
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: { COLLAB_PERMISSION_RECHECK_MS: "60000" } });
  for (const who of ["college", "qa", "employer"]) cookies[who] = await signInCookie(server.url, `${who}@demo.concord.test`);
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

type Panel = { panel: { status: string; currentHash: string; seats: Array<{ organizationId: string }> } };

async function panel(who: string): Promise<Panel["panel"]> {
  const response = await fetch(`${server.url}${PANEL}`, { headers: { Cookie: cookies[who]! } });
  expect(response.status).toBe(200);
  return ((await response.json()) as Panel).panel;
}

async function post(who: string, fields: Record<string, string>, path = PANEL) {
  const response = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { Cookie: cookies[who]!, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", "User-Agent": "integration-test" },
    body: new URLSearchParams(fields),
  });
  const json = response.headers.get("content-type")?.includes("application/json");
  type Body = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };
  return { status: response.status, redirect: response.headers.get("x-remix-redirect"), body: (json ? await response.json() : null) as Body | null };
}

describe("sign-off over HTTP and sockets", () => {
  it("maps refusals to statuses and messages; an approval makes open sockets read-only at once", async () => {
    // A QA-only template keeps the round short: the lead adjusts it, then requests sign-off.
    const template = await post(
      "college",
      { intent: "save_template", "stages[0].name": "Quality assurance", "stages[0].parties": "role:qa_reviewer", "stages[0].quorum.kind": "all" },
      TEMPLATE_PAGE,
    );
    // Saved: the template page sends the lead back to the document.
    expect(template).toMatchObject({ status: 204, redirect: `/documents/${DOCUMENT}` });
    expect(await post("qa", { intent: "request_signoff" })).toMatchObject({ status: 403, body: { ok: false } });
    expect(await post("college", { intent: "request_signoff" })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await post("college", { intent: "request_signoff" })).toMatchObject({ status: 409, body: { message: "Sign-off has already been requested." } });

    // The lead has the document open and editable.
    const editor = connectClient(server.url, DOCUMENT, { cookie: cookies.college });
    clients.push(editor);
    await whenSynced(editor);
    typeParagraph(editor, "written in review");
    await waitFor(async () => (await countLoggedUpdates(server.database.db, DOCUMENT)) > 0, { message: "the edit stored" });

    const { currentHash, seats } = await panel("qa");
    expect(seats).toEqual([expect.objectContaining({ organizationId: "demo-org-pqab" })]);
    const decision = { organizationId: "demo-org-pqab", versionHash: currentHash };
    expect(await post("qa", { intent: "request_changes", ...decision, comment: "  " })).toMatchObject({
      status: 400,
      body: { fieldErrors: { comment: "Say which changes are needed" } },
    });
    expect(await post("qa", { intent: "approve", ...decision, versionHash: "0".repeat(64) })).toMatchObject({ status: 409, body: { ok: false } });
    expect(await post("employer", { intent: "approve", ...decision })).toMatchObject({ status: 403 });

    const started = Date.now();
    expect(await post("qa", { intent: "approve", ...decision })).toMatchObject({ status: 200, body: { ok: true } });
    await waitFor(() => editor.closes.some((close) => close.code === CollabCloseCode.PERMISSIONS_CHANGED), { timeoutMs: 3_000, message: "close 4001" });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await panel("college")).status).toBe("approved");

    // Reconnected read-only: what the lead types now is neither stored nor accepted.
    await whenSynced(editor);
    const stored = await countLoggedUpdates(server.database.db, DOCUMENT);
    typeParagraph(editor, "typed after approval");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await countLoggedUpdates(server.database.db, DOCUMENT)).toBe(stored);
  });
});
