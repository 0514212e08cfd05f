/** Sign-off wording shared by the server's read models and the UI (plain data: browser-safe). */
import type { Quorum } from "./template";

/** How a version hash is shown to people (full hashes are on the certificate and the audit page). */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : "—";
}

/**
 * How a stored ISO timestamp is shown on sign-off pages: "2026-11-29 01:30:57 UTC", or to the
 * minute. Plain string work, no locale APIs, so the server's paint and the browser's agree.
 */
export function formatUtc(iso: string | null | undefined, precision: "second" | "minute" = "second"): string {
  return iso ? `${iso.slice(0, precision === "second" ? 19 : 16).replace("T", " ")} UTC` : "—";
}

export function quorumLabel(quorum: Quorum, parties: number): string {
  return quorum.kind === "all" ? (parties === 1 ? "Must approve" : `All ${parties} must approve`) : `${quorum.k} of ${parties} must approve`;
}
