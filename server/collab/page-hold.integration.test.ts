/**
 * A document page's loader reads the document from its room (LiveDocuments.readForPage) and the
 * room stays loaded for the socket the page opens next: one load of a big document, not two. The
 * hold ends when a connection joins (or after PAGE_HOLD_MS), so rooms still unload as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, startTestServer, type TestServer } from "../../test/support/server";
import { connectClient, waitFor, whenSynced } from "../../test/support/collab-clients";

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer({ env: { COLLAB_UNLOAD_GRACE_MS: "50" } });
  cookie = await signInCookie(server.url, "college@demo.concord.test");
});
afterAll(async () => {
  await server?.stop();
});

const isOpen = (id: string) => server.collaboration.metrics(true).documents?.some((d) => d.documentId === id) ?? false;

describe("a page's read of its document", () => {
  it("reads the room's document and holds the room until the page's socket joins; then it unloads as usual", async () => {
    const title = await server.collaboration.readForPage("demo-doc-wbl", (doc) => doc.getMap("fields").get("title"));
    expect(typeof title).toBe("string");
    // Far past the 50 ms grace period: still loaded, waiting for the page's socket.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(isOpen("demo-doc-wbl")).toBe(true);

    const client = connectClient(server.url, "demo-doc-wbl", { cookie });
    await whenSynced(client);
    client.destroy();
    await waitFor(() => !isOpen("demo-doc-wbl"), { message: "unloaded after the socket left", timeoutMs: 10_000 });
  });
});
