/**
 * Keystroke to a colleague's screen, in real Chromium (issue 21): what a person feels when they
 * type into the demo specification while a colleague watches, and where the time goes.
 *
 *   npm run bench:keystroke
 *   npm run bench:keystroke -- --keystrokes 20 --rate 5 --rich
 *
 * Flags (or env BENCH_<NAME>, e.g. BENCH_KEYSTROKES=60):
 *   --keystrokes N     characters typed per field (default 60)
 *   --rate r           keystrokes per second (default 5)
 *   --rich             also type into the first rich-text block (Tiptap), not only the plain text field
 *   --field LABEL      the plain text field, by its label (default "Credential title")
 *   --page-timeout s   longest wait for a page to be connected and editable (default 60)
 *
 * Setup: our production server (server/index.ts, NODE_ENV=production) on the embedded default — a
 * fresh DATA_DIR in a temp directory, the demo workspace seeded (SEED_DEMO=true), no Redis — started
 * with bench/collab/servers.ts's helper, as the e2e suite starts it. Debian's Chromium
 * (/usr/bin/chromium, the flags of playwright.config.ts), two browser contexts signed in through
 * the login form: Daniel (college@) types, Maya (employer@) watches, both on
 * `/documents/demo-doc-spec?edit`. One unmeasured page load each first (warm HTTP cache).
 *
 * Every time is an epoch time (performance.timeOrigin + performance.now(), or + event.timeStamp)
 * taken in one of the two pages of one browser on one machine, so the pages share a clock:
 * - keydown: Daniel's keydown event (event.timeStamp), the start of the keystroke;
 * - input: his `input` event (the browser changed the field; the app's handlers run next);
 * - sent: his page's WebSocket.send of a y-websocket update message (sync type 2), from an init
 *   script wrapping WebSocket.prototype.send before the app's scripts run;
 * - received: Maya's page's WebSocket "message" event for an update message (a listener added by an
 *   init script to every socket as it is created, so it runs before y-websocket's onmessage);
 * - render: the letter in Maya's DOM (a MutationObserver; a plain field's value is read from the
 *   element, React reflects it in the value attribute of an unfocused input).
 * The n-th letter is matched with the n-th update sent after the marker and the n-th received: one
 * keystroke is one Y.Doc transaction, one update message (the note says when the counts differ).
 * Printed: p50/p95/max of keydown → render, and the split keydown → input → sent → received → render.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startOurServer, sleep, type ServerProcess } from "./collab/servers";
import { percentile } from "./collab/stats";

// ---------------------------------------------------------------------------------------------
// Configuration

type Config = { keystrokes: number; rate: number; rich: boolean; field: string; pageTimeout: number };

function readConfig(argv: string[]): Config {
  const flags = new Map<string, string>();
  const switches = new Set(["rich"]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (switches.has(name)) flags.set(name, "true");
    else if (inline !== undefined) flags.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) flags.set(name, argv[++i]!);
    else throw new Error(`--${name} needs a value`);
  }
  const known = new Set(["keystrokes", "rate", "field", "page-timeout", ...switches]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}`);
  const value = (name: string) => flags.get(name) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  const number = (name: string, fallback: number, { min = 1, max = Infinity, integer = true } = {}) => {
    const raw = value(name);
    if (raw === undefined || raw === "") return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) throw new Error(`--${name}: bad value ${raw}`);
    return parsed;
  };
  return {
    keystrokes: number("keystrokes", 60, { min: 3, max: 1000 }),
    rate: number("rate", 5, { min: 0.5, max: 50, integer: false }),
    rich: value("rich") === "true",
    field: value("field") || "Credential title",
    pageTimeout: number("page-timeout", 60, { max: 600 }),
  };
}

const DOCUMENT_PATH = "/documents/demo-doc-spec?edit";
const BLOCK = "Who it is for and what holders can do";
const PASSWORD = "concord-demo";
const TYPIST = "college@demo.concord.test";
const WATCHER = "employer@demo.concord.test";
const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"];

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Scripts run in the pages. Plain strings: tsx (esbuild, keepNames) would wrap named functions of
// this file in a `__name` helper the page does not have.

/**
 * Both pages, before the app's scripts: every update message (y-websocket sync message, type 2)
 * the page sends and receives on the collaboration socket, as epoch times. Recording starts when
 * the bench sets window.__benchRecording.
 */
const SOCKET_PROBE = `(() => {
  window.__benchSends = [];
  window.__benchReceipts = [];
  window.__benchRecording = false;
  const isUpdate = (bytes) => bytes.length > 1 && bytes[0] === 0 && bytes[1] === 2;
  const bytesOf = (data) => data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (window.__benchRecording && this.url.includes("/collab/")) {
      const bytes = bytesOf(data);
      if (bytes && isUpdate(bytes)) window.__benchSends.push(performance.timeOrigin + performance.now());
    }
    return send.call(this, data);
  };
  const Native = window.WebSocket;
  window.WebSocket = new Proxy(Native, {
    construct(target, args) {
      const socket = Reflect.construct(target, args);
      socket.addEventListener("message", (event) => {
        if (!window.__benchRecording || !socket.url.includes("/collab/")) return;
        const bytes = bytesOf(event.data);
        if (bytes && isUpdate(bytes)) window.__benchReceipts.push(performance.timeOrigin + performance.now());
      });
      return socket;
    },
  });
})();`;

/** The typist's page: keydown and input epoch times of letters while recording; starts a new recording. */
const RECORD_TYPING = `(() => {
  window.__benchKeydowns = [];
  window.__benchInputs = [];
  window.__benchSends = [];
  window.__benchReceipts = [];
  if (!window.__benchTypingProbe) {
    window.__benchTypingProbe = true;
    window.addEventListener("keydown", (event) => { if (window.__benchRecording && /^[a-z]$/.test(event.key)) window.__benchKeydowns.push(performance.timeOrigin + event.timeStamp); }, true);
    window.addEventListener("input", (event) => { if (window.__benchRecording && event.data && /^[a-z]$/.test(event.data)) window.__benchInputs.push(performance.timeOrigin + event.timeStamp); }, true);
  }
  window.__benchRecording = true;
})()`;

/**
 * The watcher's page: when each letter typed after `marker` appeared. `target` is a CSS selector of
 * the plain field (its value) or of the rich-text block (its text); the whole body is observed,
 * because the app may replace the field's element (a one-line input grows into a textarea).
 */
const watchLetters = (selector: string, marker: string, plain: boolean) => `(() => {
  const selector = ${JSON.stringify(selector)};
  const marker = ${JSON.stringify(marker)};
  const plain = ${JSON.stringify(plain)};
  window.__benchSeen = [];
  window.__benchSends = [];
  window.__benchReceipts = [];
  if (window.__benchObserver) window.__benchObserver.disconnect();
  const update = () => {
    const element = document.querySelector(selector);
    if (!element) return;
    const text = plain ? element.value : (element.textContent || "");
    const at = text.lastIndexOf(marker);
    if (at < 0) return;
    let typed = 0;
    while (/[a-z]/.test(text.charAt(at + marker.length + typed))) typed++;
    const now = performance.timeOrigin + performance.now();
    while (window.__benchSeen.length < typed) window.__benchSeen.push(now);
  };
  window.__benchObserver = new MutationObserver(update);
  window.__benchObserver.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["value"] });
  window.__benchRecording = true;
})()`;

// ---------------------------------------------------------------------------------------------
// The run

async function signedInContext(browser: Browser, baseUrl: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: SOCKET_PROBE });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 30_000 });
  await page.close();
  return context;
}

/** The document in edit mode, connected, its editors live. */
async function openDocument(context: BrowserContext, timeoutS: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(DOCUMENT_PATH, { timeout: timeoutS * 1000 });
  await page.getByRole("status").filter({ hasText: /^Connected$/ }).waitFor({ timeout: timeoutS * 1000 });
  await page.locator('.rich-text--live[role="textbox"][contenteditable="true"]').first().waitFor({ timeout: timeoutS * 1000 });
  return page;
}

type Split = { total: number[]; toInput: number[]; toSent: number[]; toReceived: number[]; toRender: number[] };
type Measured = { what: string; split: Split; typed: number; seen: number; notes: string[] };

async function epochs(page: Page, expression: string): Promise<number[]> {
  return (await page.evaluate(expression)) as number[];
}

async function measureField(typist: Page, watcher: Page, config: Config, rich: boolean): Promise<Measured> {
  const what = rich ? `rich-text block "${BLOCK}"` : `plain text field "${config.field}"`;
  const marker = `bench${Math.random().toString(36).slice(2, 8).replace(/[^a-z]/g, "x")}:`;
  let selector: string;
  if (rich) {
    selector = `[role="textbox"][aria-label="${BLOCK}"]`;
    await typist.locator(selector).click();
    await typist.keyboard.press("Control+End");
    await typist.keyboard.press("Enter");
  } else {
    const field = typist.getByLabel(config.field, { exact: true });
    const id = await field.getAttribute("id");
    if (!id) throw new Error(`the field "${config.field}" has no id`);
    selector = `#${CSS_escape(id)}`;
    await field.click();
    await typist.keyboard.press("End");
    await typist.keyboard.press("Space");
  }
  await typist.keyboard.type(marker);
  const read = rich ? `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ""` : `document.querySelector(${JSON.stringify(selector)})?.value ?? ""`;
  await watcher.waitForFunction(`(${read}).includes(${JSON.stringify(marker)})`, null, { timeout: 60_000, polling: 100 });
  // Let the marker's own updates pass before recording starts.
  await sleep(500);
  await watcher.evaluate(watchLetters(selector, marker, !rich));
  await typist.evaluate(RECORD_TYPING);

  const period = 1000 / config.rate;
  const started = performance.now();
  for (let i = 0; i < config.keystrokes; i++) {
    const wait = started + i * period - performance.now();
    if (wait > 0) await sleep(wait);
    await typist.keyboard.press(String.fromCharCode(97 + (i % 26)));
  }
  const deadline = performance.now() + 30_000;
  let seen: number[] = [];
  while (performance.now() < deadline) {
    seen = await epochs(watcher, "window.__benchSeen");
    if (seen.length >= config.keystrokes) break;
    await sleep(100);
  }
  await sleep(300);
  const [keydowns, inputs, sends] = await Promise.all([epochs(typist, "window.__benchKeydowns"), epochs(typist, "window.__benchInputs"), epochs(typist, "window.__benchSends")]);
  const receipts = await epochs(watcher, "window.__benchReceipts");
  await typist.evaluate("window.__benchRecording = false");
  await watcher.evaluate("window.__benchRecording = false; window.__benchObserver.disconnect()");

  const notes: string[] = [];
  const n = Math.min(keydowns.length, seen.length);
  if (seen.length < config.keystrokes) notes.push(`${config.keystrokes - seen.length} letters not seen 30 s after typing`);
  const aligned = (name: string, list: number[]) => {
    if (list.length !== keydowns.length) notes.push(`${list.length} ${name} for ${keydowns.length} keystrokes: that part of the split is matched by order and approximate`);
  };
  aligned("input events", inputs);
  aligned("update messages sent", sends);
  aligned("update messages received", receipts);
  const split: Split = { total: [], toInput: [], toSent: [], toReceived: [], toRender: [] };
  for (let i = 0; i < n; i++) {
    split.total.push(seen[i]! - keydowns[i]!);
    if (inputs[i] !== undefined) split.toInput.push(inputs[i]! - keydowns[i]!);
    if (sends[i] !== undefined) split.toSent.push(sends[i]! - (inputs[i] ?? keydowns[i]!));
    if (sends[i] !== undefined && receipts[i] !== undefined) split.toReceived.push(receipts[i]! - sends[i]!);
    if (receipts[i] !== undefined) split.toRender.push(seen[i]! - receipts[i]!);
  }
  return { what, split, typed: keydowns.length, seen: seen.length, notes };
}

/** CSS.escape for an element id (the page's ids are plain, but do not rely on it). */
function CSS_escape(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : "—");

function summarize(values: number[]): [string, string, string] {
  const sorted = Float64Array.from(values).sort();
  if (!sorted.length) return ["—", "—", "—"];
  return [fmt(percentile(sorted, 50)), fmt(percentile(sorted, 95)), fmt(sorted[sorted.length - 1]!)];
}

function report(config: Config, results: Measured[]): void {
  log("");
  log(`Keystroke → colleague's screen, real Chromium, ${config.keystrokes} letters at ${config.rate}/s per field, embedded database (PGlite in a fresh DATA_DIR), one browser, two signed-in people`);
  const rows: string[][] = [["", "p50 (ms)", "p95 (ms)", "max (ms)"]];
  for (const result of results) {
    rows.push([`${result.what}: keydown → colleague's render`, ...summarize(result.split.total)]);
    rows.push(["  keydown → input event (typist)", ...summarize(result.split.toInput)]);
    rows.push(["  input event → update sent on the socket (typist: app, Y.Doc, provider)", ...summarize(result.split.toSent)]);
    rows.push(["  sent → received (socket, server, socket)", ...summarize(result.split.toReceived)]);
    rows.push(["  received → DOM mutation (colleague: provider, Y.Doc, app render)", ...summarize(result.split.toRender)]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  log("(split parts are per keystroke and their p50s need not add up to the total's p50)");
  for (const result of results) {
    log(`${result.what}: ${result.typed} typed, ${result.seen} seen by the colleague`);
    for (const note of result.notes) log(`  note: ${note}`);
  }
  for (const result of results) {
    const sorted = Float64Array.from(result.split.total).sort();
    if (!sorted.length) continue;
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    log(`${result.what}: target p50 ≤ 50 ms and p95 ≤ 100 ms: p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms — ${p50 <= 50 && p95 <= 100 ? "met" : "MISSED"}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2));
  if (!fs.existsSync("build/index.js")) throw new Error("no Remix build: run npm run build first");
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-keystroke-"));
  const dataDir = path.join(logDir, "data");
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let ok = false;
  try {
    const started = performance.now();
    server = await startOurServer({
      cpu: null,
      logDir,
      databaseUrl: "",
      env: {
        DATA_DIR: dataDir,
        SEED_DEMO: "true",
        REDIS_URL: "",
        // Production refuses to sign credentials without a secret for the organizations' keys (ADR 0016).
        SIGNING_KEY_SECRET: "bench-only-signing-key-secret-not-for-real-use",
      },
    });
    log(`server pid ${server.pid} on ${server.baseUrl} (embedded database in ${dataDir}), ready in ${((performance.now() - started) / 1000).toFixed(1)} s; log ${server.logPath}`);
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: BROWSER_ARGS });
    const typistContext = await signedInContext(browser, server.baseUrl, TYPIST);
    const watcherContext = await signedInContext(browser, server.baseUrl, WATCHER);
    // Warm-up, not measured: the app's scripts and styles in both contexts' HTTP caches.
    for (const context of [typistContext, watcherContext]) await (await openDocument(context, config.pageTimeout)).close();
    const typist = await openDocument(typistContext, config.pageTimeout);
    const watcher = await openDocument(watcherContext, config.pageTimeout);
    const results: Measured[] = [];
    log(`typing ${config.keystrokes} letters into "${config.field}"`);
    results.push(await measureField(typist, watcher, config, false));
    if (config.rich) {
      log(`typing ${config.keystrokes} letters into the rich-text block "${BLOCK}"`);
      results.push(await measureField(typist, watcher, config, true));
    }
    report(config, results);
    ok = true;
    return 0;
  } finally {
    await browser?.close();
    await server?.stop();
    // The server's log stays when something went wrong.
    fs.rmSync(ok ? logDir : dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench:keystroke failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
