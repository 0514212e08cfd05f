import { describe, expect, it } from "vitest";
import { AUDIT_EVENT_SCHEMAS, AUDIT_EVENT_TYPES, auditEvent, parseAuditEvent } from "~/modules/audit/events";

const H = "a".repeat(64);

describe("audit events", () => {
  it("names every type {entity}.{verb}, with a schema for its current version", () => {
    for (const type of AUDIT_EVENT_TYPES) {
      expect(type).toMatch(/^(document|project|organization|framework|demand|commitment|consortium|recognition)\.[a-z_]+$/);
      const entry = AUDIT_EVENT_SCHEMAS[type];
      expect(Object.keys(entry.versions)).toContain(String(entry.current));
    }
  });

  it("builds an event at the current version and validates its payload", () => {
    expect(auditEvent("document.approved", { round: 1, versionHash: H })).toEqual({
      type: "document.approved",
      schemaVersion: 1,
      payload: { round: 1, versionHash: H },
    });
    expect(() => auditEvent("document.approved", { round: 0, versionHash: H })).toThrow();
    expect(() => auditEvent("document.approved", { round: 1, versionHash: "not-a-hash" })).toThrow();
    expect(() => auditEvent("document.changes_requested", { round: 1, organizationId: "o", versionHash: H, comment: "  " })).toThrow();
  });

  it("parses stored rows and refuses unknown types, versions and bad payloads", () => {
    expect(parseAuditEvent({ type: "project.participant_added", schemaVersion: 1, payload: { organizationId: "o", role: "qa_reviewer" } })).toMatchObject({
      ok: true,
    });
    expect(parseAuditEvent({ type: "document.exploded", schemaVersion: 1, payload: {} })).toMatchObject({ ok: false });
    expect(parseAuditEvent({ type: "toString", schemaVersion: 1, payload: {} })).toMatchObject({ ok: false });
    expect(parseAuditEvent({ type: "document.approved", schemaVersion: 7, payload: { round: 1, versionHash: H } })).toMatchObject({ ok: false });
    expect(parseAuditEvent({ type: "project.participant_added", schemaVersion: 1, payload: { organizationId: "o", role: "sponsor" } })).toMatchObject({
      ok: false,
    });
  });
});
