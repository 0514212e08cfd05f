/**
 * A project's own audit trail (/projects/<id>/audit): who was invited, who accepted, declined or
 * was removed, and invitations withdrawn — read by every participant, with the same sentences,
 * names and request-details rule as a document's trail (signoff/read-models/audit-trail.server.ts).
 * Anyone else gets the access gate's 404.
 */
import { db } from "~/db.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain, type ChainVerification } from "~/modules/audit/chain";
import type { Actor } from "~/modules/permissions/can";
import { requireProject } from "~/modules/permissions/require.server";
import { auditTrailRows, type AuditRow } from "~/modules/signoff/read-models/audit-trail.server";

export type ProjectAuditTrail = { project: { id: string; title: string }; rows: AuditRow[] };

export async function projectAuditTrail(actor: Actor, projectId: string): Promise<ProjectAuditTrail> {
  const q = db();
  const project = await requireProject(actor, projectId, "project.view", q);
  const records = await readAuditChain(q, chainOf({ projectId: project.id }));
  return { project: { id: project.id, title: project.title }, rows: await auditTrailRows(q, actor, project.resource, records) };
}

/** Re-checks the project chain's hashes (participants only). */
export async function verifyProjectAudit(actor: Actor, projectId: string): Promise<ChainVerification> {
  const q = db();
  const project = await requireProject(actor, projectId, "project.view", q);
  return verifyChain(await readAuditChain(q, chainOf({ projectId: project.id })));
}
