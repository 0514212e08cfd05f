/**
 * An audit sentence as a message key and its parameters (issue #20): the audit trail read model
 * words each event in English (`what`) and, for the events it knows, also as an AuditWhat, which
 * the table renders in the reader's language. A parameter may itself be a message (a status label,
 * the quoted comment) or a plain value (names, numbers, versions).
 */
import type { TFunction } from "i18next";

export type AuditWhat = { key: string; params?: { [name: string]: string | number | AuditWhat } };

/** The sentence in the language of `t`; `english` when there is no message. */
export function renderAuditWhat(t: TFunction, what: AuditWhat | undefined, english: string): string {
  if (!what) return english;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(what.params ?? {})) params[name] = typeof value === "object" ? renderAuditWhat(t, value, "") : value;
  return t(what.key, params);
}
