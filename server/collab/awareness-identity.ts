/**
 * Identity in awareness: carets carry `user: { id, name, color }`. A connection may only speak for
 * its own session's person, and only for awareness client ids that nobody else owns; otherwise it
 * could draw (or hide) someone else's caret.
 */
import { z } from "zod";
import type { Awareness } from "y-protocols/awareness";
import type { AwarenessEntry } from "./protocol";

/** Who controls an awareness client id: a local connection or a connection on another instance. */
export type AwarenessOwner = { userId: string; connectionId: string };

export type Identity = { userId: string; name: string };

const MAX_STATE_BYTES = 16 * 1024;
/** A browser tab uses one client id; Yjs changes it only on a clash. A few is plenty. */
export const MAX_CLIENT_IDS_PER_CONNECTION = 8;

const UserClaim = z
  .object({
    id: z.string().max(200).optional(),
    name: z.string().max(200).optional(),
    color: z.string().max(64).optional(),
  })
  .loose();

export type AwarenessVerdict =
  | { ok: true; effective: AwarenessEntry[] }
  | { ok: false; reason: string; closeCode: "IDENTITY_MISMATCH" | "PROTOCOL_ERROR" };

/**
 * Mirrors applyAwarenessUpdate's rule: only entries with a newer clock (or a removal at the same
 * clock) change anything. Clients echo other people's states back to the server (y-websocket
 * rebroadcasts every awareness change it sees); those echoes change nothing and must not count as
 * impersonation.
 */
function isEffective(awareness: Awareness, entry: AwarenessEntry): boolean {
  const current = awareness.meta.get(entry.clientID)?.clock ?? 0;
  return current < entry.clock || (current === entry.clock && entry.state === null && awareness.states.has(entry.clientID));
}

export function checkAwarenessUpdate(
  awareness: Awareness,
  entries: readonly AwarenessEntry[],
  identity: Identity,
  connectionId: string,
  owners: ReadonlyMap<number, AwarenessOwner>,
  ownedByConnection: ReadonlySet<number>,
): AwarenessVerdict {
  const effective: AwarenessEntry[] = [];
  const claimed = new Set(ownedByConnection);
  for (const entry of entries) {
    if (!isEffective(awareness, entry)) continue;
    const owner = owners.get(entry.clientID);
    // Another person's client id: taking it over would move or hide their caret. The same person
    // may take over (a reconnect whose old socket the server has not noticed closing yet).
    if (owner && owner.userId !== identity.userId) {
      return { ok: false, reason: `awareness client ${entry.clientID} belongs to another participant`, closeCode: "IDENTITY_MISMATCH" };
    }
    if (entry.state !== null) {
      if (typeof entry.state !== "object" || Array.isArray(entry.state)) {
        return { ok: false, reason: "awareness state is not an object", closeCode: "PROTOCOL_ERROR" };
      }
      if (JSON.stringify(entry.state).length > MAX_STATE_BYTES) {
        return { ok: false, reason: "awareness state too large", closeCode: "PROTOCOL_ERROR" };
      }
      const user = (entry.state as { user?: unknown }).user;
      if (user !== undefined) {
        const parsed = UserClaim.safeParse(user);
        if (!parsed.success) return { ok: false, reason: "awareness user is malformed", closeCode: "PROTOCOL_ERROR" };
        if (parsed.data.id !== undefined && parsed.data.id !== identity.userId) {
          return { ok: false, reason: `awareness claims user ${parsed.data.id}`, closeCode: "IDENTITY_MISMATCH" };
        }
        if (parsed.data.name !== undefined && parsed.data.name !== identity.name) {
          return { ok: false, reason: "awareness claims another name", closeCode: "IDENTITY_MISMATCH" };
        }
      }
      claimed.add(entry.clientID);
    }
    effective.push(entry);
  }
  if (claimed.size > MAX_CLIENT_IDS_PER_CONNECTION) {
    return { ok: false, reason: "too many awareness client ids on one connection", closeCode: "PROTOCOL_ERROR" };
  }
  return { ok: true, effective };
}
