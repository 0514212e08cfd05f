import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie, startTestServer, type TestServer } from "../testing/test-server";
import { bodyText, connectClient, typeParagraph, waitFor, whenSynced, type TestClient } from "./test-clients";

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

function client(documentId: string, cookie: string) {
  const c = connectClient(server.url, documentId, { cookie });
  clients.push(c);
  return c;
}

describe("collaboration endpoint", () => {
  it("two editors converge", async () => {
    const college = await signInCookie(server.url, "college@demo.concord.test");
    const employer = await signInCookie(server.url, "employer@demo.concord.test");
    const a = client("demo-doc-spec", college);
    const b = client("demo-doc-spec", employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    typeParagraph(a, "from college");
    typeParagraph(b, "from employer");
    await waitFor(() => bodyText(a.doc) === bodyText(b.doc) && bodyText(a.doc).includes("from college") && bodyText(a.doc).includes("from employer"));
    expect(bodyText(a.doc)).toBe(bodyText(b.doc));
  });
});
