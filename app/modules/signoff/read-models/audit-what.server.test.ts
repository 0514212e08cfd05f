import { describe, expect, it } from "vitest";
import { PROJECT_ROLES, type DocumentStatus, type ProjectRole } from "~/modules/permissions/roles";
import { i18nFor } from "~/modules/i18n/i18n";
import { renderAuditWhat } from "~/modules/signoff/audit-what";
import { describeEvent, describeEventMessage } from "./audit-trail.server";

const H1 = "a".repeat(64);
const H2 = "b".repeat(64);
const orgName = (id: string) => ({ org1: "Northwind Energy", org2: "Lakeshore College" })[id] ?? id;
const versionOf = (hash: string | null) => (hash ? `version ${hash.slice(0, 4)}` : "—");

const STATUSES: DocumentStatus[] = ["draft", "in_review", "changes_requested", "approved", "rejected", "withdrawn"];

const events: Array<[string, unknown]> = [
  ["document.signoff_requested", { round: 2, versionHash: H1, stages: [{ name: "Institutions", quorum: { kind: "all" }, organizationIds: ["org1"] }] }],
  ["document.resubmitted", { round: 3, versionHash: H1, stages: [{ name: "Institutions", quorum: { kind: "all" }, organizationIds: ["org1"] }] }],
  ...(["approved", "changes_requested", "rejected"] as const).flatMap((decision): Array<[string, unknown]> => [
    ["document.decision_recorded", { round: 1, decisionId: "d1", stageIndex: 0, organizationId: "org1", decision, versionHash: H1, comment: null }],
    ["document.decision_recorded", { round: 1, decisionId: "d1", stageIndex: 0, organizationId: "org2", decision, versionHash: H1, comment: "Fix the hours, then it's fine {ok}" }],
  ]),
  ["document.approval_outdated", { round: 1, decisionId: "d1", stageIndex: 0, organizationId: "org1", approvedVersionHash: H1, currentVersionHash: H2 }],
  ["document.version_saved", { round: 1, previousVersionHash: H1, versionHash: H2 }],
  ["document.version_saved", { round: null, previousVersionHash: null, versionHash: H2 }],
  ["document.approved", { round: 1, versionHash: H1 }],
  ["document.changes_requested", { round: 1, organizationId: "org1", versionHash: H1, comment: "More detail" }],
  ["document.rejected", { round: 1, organizationId: "org1", versionHash: H1, reason: "Out of scope" }],
  ...STATUSES.flatMap((fromStatus): Array<[string, unknown]> => [
    ["document.withdrawn", { round: 1, fromStatus, reason: null }],
    ["document.reopened", { round: null, fromStatus, versionHash: H1, reason: "New year" }],
  ]),
  ...PROJECT_ROLES.flatMap((role: ProjectRole): Array<[string, unknown]> => [
    ["project.participant_added", { organizationId: "org1", role }],
    ["project.participant_invitation_withdrawn", { invitationId: "i1", organizationId: "org2", role }],
    ["project.participant_invited", { invitationId: "i1", organizationId: "org2", role }],
    ["project.participant_accepted", { invitationId: "i1", organizationId: "org2", role }],
    ["project.participant_declined", { invitationId: "i1", organizationId: "org2", role }],
    ["project.participant_removed", { organizationId: "org2", role }],
  ]),
  ["organization.signatory_added", { organizationId: "org1", userId: "u1" }],
  ["organization.signatory_removed", { organizationId: "org1", userId: "u1" }],
  ["organization.blocked", { organizationId: "org1", blockedOrganizationId: "org2" }],
  ["organization.unblocked", { organizationId: "org1", blockedOrganizationId: "org2" }],
  ["framework.imported", { frameworkId: "f1", name: "Red Seal Welder", sourceIdentifier: "s1", versionNumber: 1234, competencyCount: 40 }],
  ["framework.deleted", { frameworkId: "f1", name: "Red Seal Welder", sourceIdentifier: "s1", versionNumber: 2 }],
  ["demand.imported", { importId: "i1", sources: ["Job Bank", "LMIC"], rowCount: 12345, replaced: 0 }],
  ["commitment.recorded", { commitmentId: "c1", organizationId: "org1", hires: 1200, region: "Ontario", months: 12, note: null }],
  ["commitment.recorded", { commitmentId: "c1", organizationId: "org1", hires: 3, region: "Ontario", months: 12, note: "Apprentices first" }],
  ["commitment.withdrawn", { commitmentId: "c1", organizationId: "org1" }],
  ["consortium.created", { consortiumId: "k1", name: "Prairie Trades", organizationId: "org1" }],
  ["consortium.member_invited", { consortiumId: "k1", invitationId: "i1", organizationId: "org2" }],
  ["consortium.member_accepted", { consortiumId: "k1", invitationId: "i1", organizationId: "org2" }],
  ["consortium.member_declined", { consortiumId: "k1", invitationId: "i1", organizationId: "org2" }],
  ["consortium.member_removed", { consortiumId: "k1", organizationId: "org2" }],
  ["recognition.signed", { recognitionId: "r1", rowId: "w1", receivingOrganizationId: "org2", program: "Welding diploma", versionHash: H1 }],
  ["recognition.requested", { recognitionId: "r1", rowId: "w1", receivingOrganizationId: "org2", program: "Welding diploma" }],
  ["recognition.withdrawn", { recognitionId: "r1", rowId: "w1", receivingOrganizationId: "org2", program: "Welding diploma", reason: "" }],
  ["recognition.withdrawn", { recognitionId: "r1", rowId: "w1", receivingOrganizationId: "org2", program: "Welding diploma", reason: "Program closed" }],
];

describe("audit sentences as messages", () => {
  it("say exactly the English sentences in English", () => {
    let worded = 0;
    for (const [type, payload] of events) {
      const english = describeEvent(type, 1, payload, orgName, versionOf);
      expect(english, type).not.toContain("unreadable");
      const message = describeEventMessage(type, 1, payload, orgName, versionOf);
      if (message) worded += 1;
      expect(renderAuditWhat(i18nFor("en").t, message, english), type).toBe(english);
    }
    expect(worded).toBe(events.length);
  });

  it("are worded in French with the names and labels", () => {
    const fr = i18nFor("fr").t;
    const what = (type: string, payload: unknown) => renderAuditWhat(fr, describeEventMessage(type, 1, payload, orgName, versionOf), describeEvent(type, 1, payload, orgName, versionOf));
    expect(what("document.approved", { round: 1, versionHash: H1 })).toBe("Document approuvé (cycle 1)");
    expect(what("document.rejected", { round: 1, organizationId: "org1", versionHash: H1, reason: "Hors sujet" })).toBe("Document rejeté\u00a0: «\u00a0Hors sujet\u00a0»");
    expect(what("document.withdrawn", { round: 1, fromStatus: "in_review", reason: null })).not.toContain("In review");
  });
});
