/**
 * Who is on the other end of a socket and what they may do with the document: the Lucia session
 * and the web app's own access gate (app/modules/permissions/require.server). Used on upgrade and
 * again periodically on open sockets, so a revoked role or a locked document takes effect within
 * seconds.
 */
import type { Queryable } from "../../db/client";
import { validateSession } from "../../app/modules/auth/lucia.server";
import { actingOrganization } from "../../app/modules/documents/edits";
import { loadActor } from "../../app/modules/orgs/actor.server";
import { documentAccess, loadGatedDocument } from "../../app/modules/permissions/require.server";
import { isContentLocked } from "../../app/modules/permissions/roles";

export type Access =
  | { kind: "unauthenticated" }
  | { kind: "not_found" }
  | { kind: "forbidden" }
  | {
      kind: "granted";
      user: { id: string; name: string };
      canEdit: boolean;
      /** The organization the person acts for in the document's project: who their edits are recorded for. */
      organizationId: string | null;
      /** The document's status locks its content (approved, rejected, withdrawn): the room refuses edits in memory. */
      contentLocked: boolean;
    };

/** Per-check caches so a sweep over many sockets asks the database once per session, user and document. */
export type AccessCache = {
  sessions: Map<string, Promise<Awaited<ReturnType<typeof validateSession>>>>;
  actors: Map<string, ReturnType<typeof loadActor>>;
  documents: Map<string, ReturnType<typeof loadGatedDocument>>;
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
  // The gate's facts are loaded once per document and decided per person (documentAccess is pure).
  const [actor, document] = await Promise.all([
    cached(cache.actors, session.user.id, () => loadActor(session.user.id, db)),
    cached(cache.documents, documentId, () => loadGatedDocument(documentId, db)),
  ]);
  const view = documentAccess(actor, document, "document.view");
  // Hidden (404, not missing) is "forbidden": the socket tells an open connection its access was
  // revoked; the upgrade answers both with 404.
  if (!view.ok) return view.status === 404 && view.missing ? { kind: "not_found" } : { kind: "forbidden" };
  return {
    kind: "granted",
    user: { id: session.user.id, name: session.user.name },
    canEdit: documentAccess(actor, document, "document.edit").ok,
    organizationId: actingOrganization(actor.memberships, view.value.resource.project),
    contentLocked: isContentLocked(view.value.status),
  };
}
