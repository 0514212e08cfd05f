/**
 * Authorship of edits, the pure part (the database side is edits.server.ts): which organization a
 * person edits for, how an edited field is named, and how a person's edits of one minute read in
 * the Activity feed ("edited Purpose, Competencies (3 rows)").
 */
import { kindIndex, type CanonicalDiff, type DocumentKind } from "~/modules/documents/model";
import { TEXT_PATH_PREFIX } from "~/modules/documents/model/values";
import type { Actor, ProjectFacts } from "~/modules/permissions/can";
import { PROJECT_ROLES } from "~/modules/permissions/roles";

/** "Last changed by": the person, their organization and the minute (ISO). */
export type LastChange = { person: string; organization: string | null; at: string };

/** The latest change of each field (by key, any of its rows) and of each row (by path, `<fieldKey>.<rowId>`). */
export type LastChanges = { fields: Record<string, LastChange>; rows: Record<string, LastChange> };

/**
 * The organization a person acts for in a project: one of theirs that takes part in it; with
 * several, the first in project role order (the lead institution before a partner, …). Null when
 * none takes part (then they cannot edit anyway).
 */
export function actingOrganization(memberships: Actor["memberships"], project: ProjectFacts): string | null {
  const mine = new Set(memberships.map((membership) => membership.organizationId));
  const candidates = project.participants.filter((participant) => mine.has(participant.organizationId));
  candidates.sort((a, b) => PROJECT_ROLES.indexOf(a.role) - PROJECT_ROLES.indexOf(b.role));
  return candidates[0]?.organizationId ?? null;
}

/** The label people know a recorded field key by ("Purpose", "Competencies"); the key itself when the kind has no such field. */
export function editedFieldLabel(kind: DocumentKind, fieldKey: string): string {
  const index = kindIndex(kind);
  if (fieldKey.startsWith(TEXT_PATH_PREFIX)) return index.textByKey.get(fieldKey.slice(TEXT_PATH_PREFIX.length))?.text.label ?? fieldKey;
  return index.fieldByKey.get(fieldKey)?.field.label ?? fieldKey;
}

/** Where a field key comes in the document (sections, then items), for listing edits in reading order. */
function documentOrder(kind: DocumentKind): Map<string, number> {
  const order = new Map<string, number>();
  for (const section of kindIndex(kind).definition.sections) {
    for (const item of section.items) order.set(item.type === "richtext" ? `${TEXT_PATH_PREFIX}${item.key}` : item.key, order.size);
  }
  return order;
}

/** One place of an edit line: its label, and how many rows (or competencies) of it were edited. */
export type EditedField = { label: string; count: number; unit: "row" | "competency" | null };

/** The places one person edited in one minute, in reading order (describeEditedFields words them). */
export function editedFields(kind: DocumentKind, edits: ReadonlyArray<{ fieldKey: string; rowId: string | null }>): EditedField[] {
  const rows = new Map<string, Set<string>>();
  for (const edit of edits) {
    const set = rows.get(edit.fieldKey) ?? new Set<string>();
    if (edit.rowId !== null) set.add(edit.rowId);
    rows.set(edit.fieldKey, set);
  }
  const order = documentOrder(kind);
  const index = kindIndex(kind);
  return [...rows.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b))
    .map(([fieldKey, ids]): EditedField => {
      const label = editedFieldLabel(kind, fieldKey);
      if (ids.size === 0) return { label, count: 0, unit: null };
      return { label, count: ids.size, unit: index.fieldByKey.get(fieldKey)?.field.type === "coverage" ? "competency" : "row" };
    });
}

/** "Purpose, Competencies (3 rows), Coverage (2 competencies)": what one person edited in one minute. */
export function describeEditedFields(kind: DocumentKind, edits: ReadonlyArray<{ fieldKey: string; rowId: string | null }>): string {
  return editedFields(kind, edits)
    .map(({ label, count, unit }) => {
      if (unit === null) return label;
      const words = unit === "competency" ? ["competency", "competencies"] : ["row", "rows"];
      return `${label} (${count} ${count === 1 ? words[0] : words[1]})`;
    })
    .join(", ");
}

/** "Maya Singh, Northwind Energy": a person as the authorship lines name them. */
export function personAndOrganization(person: string, organization: string | null): string {
  return organization ? `${person}, ${organization}` : person;
}

/**
 * The people who edited each change of a diff ("Maya Singh, Northwind Energy"), by the change's
 * path: a row's change by those who edited that row (or the list as a whole), a field's by anyone
 * who edited it.
 */
export function authorsOfChanges(diff: CanonicalDiff, editors: ReadonlyArray<{ fieldKey: string; rowId: string | null; person: string; organization: string | null }>): Record<string, string[]> {
  const byPath: Record<string, string[]> = {};
  for (const change of [...diff.fields, ...diff.text]) {
    const rowId = "rowId" in change ? change.rowId : undefined;
    const names = new Set<string>();
    for (const editor of editors) {
      if (editor.fieldKey !== change.fieldKey) continue;
      if (rowId !== undefined && editor.rowId !== null && editor.rowId !== rowId) continue;
      names.add(personAndOrganization(editor.person, editor.organization));
    }
    if (names.size > 0) byPath[change.path] = [...names].sort();
  }
  return byPath;
}
