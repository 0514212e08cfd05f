import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { MESSAGE_STORED } from "../app/modules/collab/acknowledgements";
import { duplicateDemoSpecification, editPath, liveConnectionUp } from "./support/document-page";
import { COLLEGE, openAs } from "./support/people";

/**
 * "Saving…" / "All changes saved" follow the server's stored acknowledgements (issue 21), and the
 * offline words show while edits wait for a connection. Works on a duplicate of the demo
 * specification. The collaboration socket goes through Playwright's WebSocket routing: that is how
 * the test holds acknowledgements back (so "Saving…" is seen for sure) and cuts the connection
 * (`setOffline` leaves open sockets open).
 */

test.describe.configure({ timeout: 120_000 });

const SAVING = "Saving…";
const SAVED = "All changes saved";
const OFFLINE = "Offline — your changes will be saved when you reconnect";

/** The specification's first rich-text block: one of the document's live editors. */
const editorOf = (page: Page) => page.getByRole("textbox", { name: "Who it is for and what holders can do" });
const collaborationBar = (page: Page) => page.getByRole("group", { name: "Collaboration" });
const saveStatus = (page: Page, label: string) => collaborationBar(page).getByRole("status").filter({ hasText: new RegExp(`^${label}$`) });

/** The page's collaboration sockets, relayed to the server by the test. */
class CollabNetwork {
  offline = false;
  holdingAcknowledgements = false;
  private held: (() => void)[] = [];
  private open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();

  async install(context: BrowserContext): Promise<void> {
    await context.routeWebSocket(/\/collab\//, (page) => {
      // No network: the socket closes as soon as it is made, like a failed connection.
      if (this.offline) return void page.close({ code: 1001, reason: "offline (test)" });
      const server = page.connectToServer();
      const pair = { page, server };
      this.open.add(pair);
      server.onMessage((message) => {
        const acknowledgement = typeof message !== "string" && message[0] === MESSAGE_STORED;
        if (acknowledgement && this.holdingAcknowledgements) this.held.push(() => page.send(message));
        else page.send(message);
      });
      page.onClose(() => {
        this.open.delete(pair);
        void server.close();
      });
      server.onClose(() => {
        this.open.delete(pair);
        void page.close();
      });
    });
  }

  /** Delivers the acknowledgements held back, in order, and lets the next ones through. */
  releaseAcknowledgements(): void {
    this.holdingAcknowledgements = false;
    for (const deliver of this.held.splice(0)) deliver();
  }

  /** Cuts every open socket and refuses new ones until `reconnect`. */
  async disconnect(): Promise<void> {
    this.offline = true;
    const pairs = [...this.open];
    this.open.clear();
    await Promise.all(pairs.flatMap(({ page, server }) => [page.close({ code: 1001, reason: "offline (test)" }), server.close()]));
  }

  reconnect(): void {
    this.offline = false;
  }
}

async function typeAtTheEnd(page: Page, text: string): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

test("the save status follows the server's acknowledgements, offline and back", async ({ browser }) => {
  const page = await openAs(browser, COLLEGE);
  const network = new CollabNetwork();
  await network.install(page.context());

  const url = await duplicateDemoSpecification(page);
  await expect(saveStatus(page, SAVED)).toBeVisible();

  // An edit is "Saving…" until the server says it is stored (held back here to see it for sure).
  network.holdingAcknowledgements = true;
  const online = `Typed online ${Date.now().toString(36)}`;
  await typeAtTheEnd(page, online);
  await expect(saveStatus(page, SAVING)).toBeVisible();
  // Going elsewhere in the app now asks first; staying keeps the page as it is.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  const question = page.getByRole("dialog", { name: "Some of your changes are not saved yet" });
  await expect(question).toBeVisible();
  await expect(question.getByRole("button", { name: "Stay on this page" })).toBeFocused();
  await question.getByRole("button", { name: "Stay on this page" }).click();
  await expect(question).toBeHidden();
  expect(new URL(page.url()).pathname).toBe(url);
  network.releaseAcknowledgements();
  await expect(saveStatus(page, SAVED)).toBeVisible();

  // The connection drops: typing now says the edit waits for the connection.
  await network.disconnect();
  await expect(page.getByRole("status").filter({ hasText: /^Reconnecting…$/ })).toBeVisible();
  await expect(saveStatus(page, SAVED)).toBeVisible();
  const offline = `Typed offline ${Date.now().toString(36)}`;
  await typeAtTheEnd(page, offline);
  await expect(saveStatus(page, OFFLINE)).toBeVisible();

  // Leaving now would lose it: the browser asks first (dismissed: the page stays).
  const warning = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await warning;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  // Back online: the reconnect's sync carries the edit; saved once the server acknowledges it.
  network.reconnect();
  await expect(saveStatus(page, SAVED)).toBeVisible({ timeout: 30_000 });
  await liveConnectionUp(page, 30_000);

  // Asked while the edit is on its way, the question goes away by itself once it is stored.
  network.holdingAcknowledgements = true;
  await typeAtTheEnd(page, " and more");
  await expect(saveStatus(page, SAVING)).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("dialog", { name: "Some of your changes are not saved yet" })).toBeVisible();
  network.releaseAcknowledgements();
  await expect(page).toHaveURL(/\/projects$/);

  // "All changes saved" was true: a fresh load (from storage) has both edits, and no warning stops it.
  await page.goto(editPath(url));
  await liveConnectionUp(page, 30_000);
  await expect(editorOf(page)).toContainText(online);
  await expect(editorOf(page)).toContainText(offline);
  await expect(saveStatus(page, SAVED)).toBeVisible();

  await page.context().close();
});
