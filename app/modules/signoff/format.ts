/** Sign-off wording shared by the server's read models and the UI (plain data: browser-safe). */
import type { EffectiveDecision } from "~/modules/signoff/machine";
import type { Quorum } from "~/modules/signoff/template";

/** A party's decision as shown in the panel and on the certificate. */
export const DECISION_LABELS: Record<EffectiveDecision, string> = {
  pending: "Pending",
  approved: "Approved",
  outdated: "Outdated",
  changes_requested: "Changes requested",
  rejected: "Rejected",
};

/** How a version hash is shown to people (full hashes are on the certificate and the audit page). */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : "—";
}

export function quorumLabel(quorum: Quorum, parties: number): string {
  return quorum.kind === "all" ? (parties === 1 ? "Must approve" : `All ${parties} must approve`) : `${quorum.k} of ${parties} must approve`;
}
