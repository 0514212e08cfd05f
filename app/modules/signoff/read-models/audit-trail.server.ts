/**
 * A document's audit trail as people read it: one sentence per event, who, for which
 * organization, from where; and the verification of its hash chain. Participants only (the
 * access gate answers 404 to anyone else).
 */
import { db } from "~/db.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain, type ChainVerification } from "~/modules/audit/chain";
import { parseAuditEvent } from "~/modules/audit/events";
import { DOCUMENT_STATUS_LABELS } from "~/modules/documents/labels";
import { requireAccess } from "~/modules/permissions/require.server";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { shortHash } from "~/modules/signoff/format";
import { organizationNames, userNames } from "~/modules/signoff/read-models/names.server";
import { accessSignoffDocument } from "~/modules/signoff/signoff.server";

export type AuditRow = {
  seq: number;
  at: string;
  who: string | null;
  organization: string | null;
  what: string;
  type: string;
  versionHash: string | null;
  ip: string | null;
  userAgent: string | null;
  hash: string;
};

/** What an organization did, as the verb of an audit sentence ("Northwind Energy requested changes"). */
const DECISION_VERBS = { approved: "approved", changes_requested: "requested changes", rejected: "rejected" } as const;

/** A sentence for one event (payloads are validated against their schema version first). */
function describeEvent(type: string, schemaVersion: number, payload: unknown, orgName: (id: string) => string): string {
  const parsed = parseAuditEvent({ type, schemaVersion, payload });
  if (!parsed.ok) return `${type} (unreadable: ${parsed.error})`;
  const p = parsed.event.payload as Record<string, unknown>;
  const round = typeof p.round === "number" ? ` (round ${p.round})` : "";
  const text = (value: unknown) => (typeof value === "string" && value ? `: “${value}”` : "");
  switch (parsed.event.type) {
    case "document.signoff_requested":
      return `Requested sign-off${round}`;
    case "document.resubmitted":
      return `Resubmitted for sign-off${round}`;
    case "document.decision_recorded":
      return `${orgName(String(p.organizationId))} ${DECISION_VERBS[p.decision as keyof typeof DECISION_VERBS] ?? p.decision}${text(p.comment)}`;
    case "document.approval_outdated":
      return `Approval of ${orgName(String(p.organizationId))} outdated by a content change (approved ${shortHash(String(p.approvedVersionHash))})`;
    case "document.version_saved":
      return `Content changed during review (was ${shortHash(p.previousVersionHash as string | null)})`;
    case "document.approved":
      return `Document approved${round}`;
    case "document.changes_requested":
      return `Changes requested — document sent back${text(p.comment)}`;
    case "document.rejected":
      return `Document rejected${text(p.reason)}`;
    case "document.withdrawn":
      return `Sign-off withdrawn (was ${DOCUMENT_STATUS_LABELS[p.fromStatus as DocumentStatus] ?? p.fromStatus})${text(p.reason)}`;
    case "document.reopened":
      return `Reopened as a new draft (was ${DOCUMENT_STATUS_LABELS[p.fromStatus as DocumentStatus] ?? p.fromStatus})${text(p.reason)}`;
    case "document.template_adjusted":
      return "Sign-off template adjusted";
    case "project.participant_added":
      return `${orgName(String(p.organizationId))} joined the project`;
    case "project.participant_removed":
      return `${orgName(String(p.organizationId))} left the project`;
    case "organization.signatory_added":
      return "Signatory named";
    case "organization.signatory_removed":
      return "Signatory removed";
  }
}

export type AuditTrail = { document: { id: string; title: string; status: DocumentStatus }; rows: AuditRow[] };

export async function documentAuditTrail(userId: string, documentId: string): Promise<AuditTrail> {
  const q = db();
  const { document } = requireAccess(await accessSignoffDocument(q, userId, documentId));
  const records = await readAuditChain(q, chainOf({ documentId }));
  const [people, orgs] = await Promise.all([
    userNames(q, records.map((r) => r.actorUserId)),
    organizationNames(q, [
      ...records.map((r) => r.organizationId).filter((id): id is string => Boolean(id)),
      ...document.participants.map((p) => p.organizationId),
    ]),
  ]);
  const orgName = (id: string) => orgs.get(id) ?? id;
  return {
    document: { id: document.id, title: document.title, status: document.status },
    rows: records.map((r) => ({
      seq: r.seq,
      at: r.createdAt.toISOString(),
      who: r.actorUserId ? (people.get(r.actorUserId) ?? r.actorUserId) : null,
      organization: r.organizationId ? orgName(r.organizationId) : null,
      what: describeEvent(r.type, r.schemaVersion, r.payload, orgName),
      type: r.type,
      versionHash: r.versionHash,
      ip: r.ip,
      userAgent: r.userAgent,
      hash: r.hash,
    })),
  };
}

/** Verifies the document's audit chain. */
export async function verifyDocumentAudit(userId: string, documentId: string): Promise<ChainVerification> {
  const q = db();
  requireAccess(await accessSignoffDocument(q, userId, documentId));
  return verifyChain(await readAuditChain(q, chainOf({ documentId })));
}
