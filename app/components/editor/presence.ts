import { colorForUser } from "~/components/editor/user-color";

/** What each client publishes in its awareness state; the server checks id and name against the session. */
export type AwarenessUser = { id: string; name: string; color: string };

export type PresentUser = AwarenessUser & { isSelf: boolean };

export function awarenessUser(user: { id: string; name: string }): AwarenessUser {
  return { id: user.id, name: user.name, color: colorForUser(user.id) };
}

function readUser(state: unknown): { id: string; name: string } | null {
  if (typeof state !== "object" || state === null || !("user" in state)) return null;
  const user = (state as { user: unknown }).user;
  if (typeof user !== "object" || user === null) return null;
  const { id, name } = user as { id?: unknown; name?: unknown };
  if (typeof id !== "string" || id === "" || typeof name !== "string") return null;
  return { id, name };
}

/**
 * Who is here now, from the awareness states: one entry per person even when they have the page
 * open in several tabs, the viewer first, then everyone else by name. States without a user (a
 * client that has not announced itself yet) are skipped. Colours are recomputed from the id rather
 * than trusted from the wire, so a person looks the same everywhere.
 */
export function presentUsers(states: ReadonlyMap<number, unknown>, selfId: string): PresentUser[] {
  const byId = new Map<string, PresentUser>();
  for (const state of states.values()) {
    const user = readUser(state);
    if (!user || byId.has(user.id)) continue;
    byId.set(user.id, { id: user.id, name: user.name, color: colorForUser(user.id), isSelf: user.id === selfId });
  }
  return [...byId.values()].sort((a, b) => {
    if (a.isSelf !== b.isSelf) return a.isSelf ? -1 : 1;
    return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  });
}

/** True when two lists would render the same, so awareness heartbeats do not re-render the page. */
export function samePresence(a: readonly PresentUser[], b: readonly PresentUser[]): boolean {
  return a.length === b.length && a.every((user, index) => {
    const other = b[index];
    return other !== undefined && other.id === user.id && other.name === user.name && other.isSelf === user.isSelf;
  });
}
