/**
 * Who is on the other end of a socket and what they may do with the document: the Lucia session
 * and the same `can()` the web app uses. Used on upgrade and again periodically on open sockets,
 * so a revoked role or a locked document takes effect within seconds.
 */
import type { Queryable } from "../../db/client";
import { validateSession } from "../../app/modules/auth/lucia.server";
import { loadDocumentResource } from "../../app/modules/documents/documents.server";
import { loadActor } from "../../app/modules/orgs/actor.server";
import { can } from "../../app/modules/permissions/can";

export type Access =
  | { kind: "unauthenticated" }
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | { kind: "granted"; user: { id: string; name: string }; canEdit: boolean };

/** Per-check caches so a sweep over many sockets asks the database once per session, user and document. */
export type AccessCache = {
  sessions: Map<string, Promise<Awaited<ReturnType<typeof validateSession>>>>;
  actors: Map<string, ReturnType<typeof loadActor>>;
  documents: Map<string, ReturnType<typeof loadDocumentResource>>;
};

export function newAccessCache(): AccessCache {
  return { sessions: new Map(), actors: new Map(), documents: new Map() };
}

function cached<K, V>(map: Map<K, V>, key: K, load: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = load();
    map.set(key, value);
  }
  return value;
}

export async function resolveAccess(db: Queryable, sessionId: string | null, documentId: string, cache = newAccessCache()): Promise<Access> {
  if (!sessionId) return { kind: "unauthenticated" };
  const session = await cached(cache.sessions, sessionId, () => validateSession(sessionId));
  if (!session) return { kind: "unauthenticated" };
  const [actor, resource] = await Promise.all([
    cached(cache.actors, session.user.id, () => loadActor(session.user.id, db)),
    cached(cache.documents, documentId, () => loadDocumentResource(documentId)),
  ]);
  if (!resource) return { kind: "not_found" };
  if (!can(actor, "document.view", resource)) return { kind: "forbidden" };
  return { kind: "granted", user: { id: session.user.id, name: session.user.name }, canEdit: can(actor, "document.edit", resource) };
}
