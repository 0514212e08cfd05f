/**
 * The running collaboration server, reachable from app code without importing the server (e.g. an
 * approval action calling `refreshPermissions(documentId)` so sockets turn read-only at once).
 * On globalThis because the Remix build is a separate module graph (re-imported on dev rebuilds).
 */
import type http from "node:http";
import type { CollabMetricsSnapshot } from "./metrics";

export type CollaborationHandle = {
  /** Closes sockets with 1001 and commits every pending update. */
  close: () => Promise<void>;
  metrics: (detail?: boolean) => CollabMetricsSnapshot & { documents?: Array<{ documentId: string; connections: number; uncompactedUpdates: number }> };
  /** Serves GET /metrics (aggregates; per-document detail with the METRICS_TOKEN bearer). */
  handleMetricsRequest: (request: http.IncomingMessage, response: http.ServerResponse) => void;
  /** Re-checks the permissions of every socket on the document now, instead of within seconds. */
  refreshPermissions: (documentId: string) => Promise<void>;
};

type Scope = { concordCollaboration?: CollaborationHandle };

export function setCollaborationHandle(handle: CollaborationHandle | undefined, ifCurrent?: CollaborationHandle): void {
  const scope = globalThis as typeof globalThis & Scope;
  if (ifCurrent && scope.concordCollaboration !== ifCurrent) return;
  scope.concordCollaboration = handle;
}

export function collaborationHandle(): CollaborationHandle | undefined {
  return (globalThis as typeof globalThis & Scope).concordCollaboration;
}
