/** Sign-off wording shared by the server's read models and the UI (plain data: browser-safe). */
import type { Quorum } from "./template";

/** How a version hash is shown to people (full hashes are on the certificate and the audit page). */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : "—";
}

export function quorumLabel(quorum: Quorum, parties: number): string {
  return quorum.kind === "all" ? (parties === 1 ? "Must approve" : `All ${parties} must approve`) : `${quorum.k} of ${parties} must approve`;
}
