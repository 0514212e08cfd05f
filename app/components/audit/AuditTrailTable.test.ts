import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { AuditTrailTable } from "~/components/audit/AuditTrailTable";
import { i18nFor } from "~/modules/i18n/i18n";
import type { AuditRow } from "~/modules/signoff/read-models/audit-trail.server";

const base = { at: "2026-05-01T10:00:00.000Z", type: "document.signoff_requested", versionHash: "ab".repeat(32), hash: "cd".repeat(32) };
const row = (seq: number, extra: Partial<AuditRow> = {}): AuditRow => ({ ...base, seq, who: "Maya Okafor", organization: "Northwind Energy", what: `Event ${seq}`, ...extra });

// In English, as the page's provider (root.tsx) gives it.
const render = (rows: AuditRow[]) => renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor("en") }, createElement(AuditTrailTable, { rows, empty: "Nothing yet." })));

describe("AuditTrailTable", () => {
  it("shows a Details disclosure only on rows that carry request details", () => {
    const html = render([row(1, { ip: "198.51.100.23", userAgent: "Probe/1.0" }), row(2), row(3, { ip: null, userAgent: "Probe/2.0" })]);
    expect(html.match(/<details/g)).toHaveLength(2);
    expect(html.match(/<summary>Details<\/summary>/g)).toHaveLength(2);
    expect(html).toContain("<th>From</th>");
    expect(html).toContain("198.51.100.23");
    expect(html).toContain("Probe/1.0");
    expect(html).toContain("not recorded");
    expect(html).not.toMatch(/undefined|NaN|\[object/);
  });

  it("has no From column and no disclosure for a viewer given no details", () => {
    const html = render([row(1), row(2, { who: null, organization: null })]);
    expect(html).not.toContain("<details");
    expect(html).not.toContain("From");
    expect(html).toContain("System");
    expect(html).not.toMatch(/undefined|NaN|\[object/);
  });

  it("names a document's version in words, its hash under Details", () => {
    const version = { hash: "ab".repeat(32), number: 2, event: "sent_for_signoff" as const, name: null, at: base.at, since: null };
    const html = render([row(1, { version }), row(2, { versionHash: null, version: null })]);
    expect(html).toContain("<td>Version 2<details");
    expect(html).toContain(`<summary>Details</summary>Content hash (SHA-256): <code class="hash" style="overflow-wrap:anywhere">${"ab".repeat(32)}</code>`);
    expect(html).not.toContain(">abababababab<");
  });

  it("says so when there is nothing yet", () => {
    expect(render([])).toContain("Nothing yet.");
  });
});
