/**
 * Versions in human words (issue #15): "Version 3 — sent for sign-off 1 Dec 2026, 07:40 EST"
 * instead of a raw hash. Pure and browser-safe: read models gather the facts
 * (version-names.server.ts), this module numbers and words them, the UI renders the moment in the
 * reader's time zone and keeps the hash under "Details".
 *
 * Numbering: a version is a content hash; its number is the History number (document_versions) of
 * the first saved version with that content. History, the compare page, sign-off and the audit
 * trail therefore say the same "Version 3" for the same content, and numbers never move as new
 * versions come (History numbers are 1, 2, 3… in the order they were saved). Sign-off saves a
 * History version at every request, resubmission and approval, so every version sent for sign-off
 * or approved has a number. Content that only sign-off snapshotted (edited during review) or that
 * nobody recorded yet (the current draft) has none: it is worded by what it follows ("Edits after
 * version 3").
 */
import { formatMoment } from "~/utils/dates";

export type VersionEvent = "approved" | "sent_for_signoff" | "named" | "saved" | "changed_in_review" | "draft";

export type VersionName = {
  hash: string;
  /** History number of the first saved version with this content; null when never saved. */
  number: number | null;
  /** What the version is, most telling first: approved, sent for sign-off, named by a person… */
  event: VersionEvent;
  /** The person's name for a named version. */
  name: string | null;
  /** When the event happened (ISO); null for the unrecorded current draft. */
  at: string | null;
  /** For an unnumbered version: the latest numbered version before it. */
  since: number | null;
};

type Moment = Date | string;
export type VersionFacts = {
  /** History (document_versions): saved by people, or automatically at sign-off events. */
  saved: ReadonlyArray<{ number: number; hash: string; name: string; auto: boolean; at: Moment }>;
  /** Sign-off snapshots (signoff_versions): every version sign-off has seen. */
  snapshots: ReadonlyArray<{ hash: string; at: Moment }>;
  /** Sign-off rounds: the version each was requested on, and the approved one. */
  rounds: ReadonlyArray<{ requestedVersionHash: string; requestedAt: Moment; approvedVersionHash: string | null; closedAt: Moment | null }>;
};

const iso = (at: Moment): string => (typeof at === "string" ? at : at.toISOString());
const time = (at: Moment): number => new Date(at).getTime();

/** hash → number: the History number of the first saved version with that content. */
export function numberVersions(saved: VersionFacts["saved"]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const version of [...saved].sort((a, b) => a.number - b.number)) {
    if (!numbers.has(version.hash)) numbers.set(version.hash, version.number);
  }
  return numbers;
}

/** Latest first, so the most recent event of a kind is the one told. */
const latest = <T>(items: readonly T[], at: (item: T) => Moment): T | undefined => [...items].sort((a, b) => time(at(b)) - time(at(a)))[0];

/** Names versions of one document: call once per read, then once per hash. */
export function versionNamer(facts: VersionFacts): (hash: string) => VersionName {
  const numbers = numberVersions(facts.saved);
  const lastNumberBefore = (at: Moment | null): number | null => {
    const before = facts.saved.filter((v) => at === null || time(v.at) <= time(at)).map((v) => v.number);
    return before.length > 0 ? Math.max(...before) : null;
  };
  return (hash) => {
    const base = { hash, number: numbers.get(hash) ?? null, name: null, since: null };
    const approved = latest(
      facts.rounds.filter((r) => r.approvedVersionHash === hash && r.closedAt),
      (r) => r.closedAt!,
    );
    if (approved) return { ...base, event: "approved", at: iso(approved.closedAt!) };
    const requested = latest(
      facts.rounds.filter((r) => r.requestedVersionHash === hash),
      (r) => r.requestedAt,
    );
    if (requested) return { ...base, event: "sent_for_signoff", at: iso(requested.requestedAt) };
    const saved = facts.saved.filter((v) => v.hash === hash).sort((a, b) => a.number - b.number);
    const named = saved.find((v) => !v.auto);
    if (named) return { ...base, event: "named", name: named.name, at: iso(named.at) };
    if (saved[0]) return { ...base, event: "saved", at: iso(saved[0].at) };
    const snapshot = latest(
      facts.snapshots.filter((s) => s.hash === hash),
      (s) => s.at,
    );
    if (snapshot) return { ...base, event: "changed_in_review", at: iso(snapshot.at), since: lastNumberBefore(snapshot.at) };
    return { ...base, event: "draft", at: null, since: lastNumberBefore(null) };
  };
}

/** "Version 3", or for content never saved "Edits after version 3" ("First draft" before any). */
export function versionTitle(version: VersionName): string {
  return version.number !== null ? `Version ${version.number}` : version.since !== null ? `Edits after version ${version.since}` : "First draft";
}

/** "Version 3 — sent for sign-off", "Edits after version 3 — changed during review"; the moment follows. */
export function versionHeadline(version: VersionName): string {
  const title = versionTitle(version);
  switch (version.event) {
    case "approved":
      return `${title} — approved`;
    case "sent_for_signoff":
      return `${title} — sent for sign-off`;
    case "named":
      return `${title} — named “${version.name ?? ""}”`;
    case "saved":
      return `${title} — saved`;
    case "changed_in_review":
      return `${title} — changed during review`;
    case "draft":
      return `${title} — current draft, not yet saved`;
  }
}

/** The whole phrase as text: "Version 3 — sent for sign-off 1 Dec 2026, 07:40 EST". */
export function versionWords(version: VersionName, formatAt: (iso: string) => string = (at) => formatMoment(at)): string {
  const headline = versionHeadline(version);
  return version.at ? `${headline} ${formatAt(version.at)}` : headline;
}

/** How History words its automatic versions (signoff.server.ts names them at workflow events). */
const AUTOMATIC_EVENTS: Record<string, string> = {
  "Sign-off requested": "sent for sign-off",
  "Resubmitted for sign-off": "resubmitted for sign-off",
  Approved: "approved",
  "Reopened after sign-off": "reopened after sign-off",
};

/**
 * One History entry: "Version 4 — approved", "Version 1 — named “Draft 1”"; `sameAs` is the
 * earlier version with the same content (an approval saved right after the request, say), which is
 * the number sign-off and the audit trail use for that content.
 */
export function savedVersionHeadline(entry: { number: number; name: string; auto: boolean }): string {
  const event = entry.auto ? (AUTOMATIC_EVENTS[entry.name] ?? entry.name.toLowerCase()) : `named “${entry.name}”`;
  return `Version ${entry.number} — ${event}`;
}

export function sameContentAs(entry: { number: number; hash: string }, numbers: ReadonlyMap<string, number>): number | null {
  const first = numbers.get(entry.hash);
  return first !== undefined && first !== entry.number ? first : null;
}
