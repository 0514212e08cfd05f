/**
 * A document's audit trail as people read it: one sentence per event, who, for which
 * organization, what, when, which version — and from where (IP, user agent) only for those who
 * may see it (audit/privacy.ts); and the verification of its hash chain. Participants only (the
 * access gate answers 404 to anyone else). `auditTrailRows` serves any chain (the project's too).
 */
import { db, type Queryable } from "~/db.server";
import { readAuditChain } from "~/modules/audit/audit.server";
import { chainOf, verifyChain, type ChainVerification, type SealedAuditRecord } from "~/modules/audit/chain";
import { parseAuditEvent } from "~/modules/audit/events";
import { requestDetailsFor } from "~/modules/audit/privacy";
import { DOCUMENT_STATUS_LABELS, PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import type { Actor, ProjectFacts } from "~/modules/permissions/can";
import { requireAccess } from "~/modules/permissions/require.server";
import type { DocumentStatus, ProjectRole } from "~/modules/permissions/roles";
import type { AuditWhat } from "~/modules/signoff/audit-what";
import { shortHash } from "~/modules/signoff/format";
import { organizationNames, userNames } from "~/modules/signoff/read-models/names.server";
import { accessSignoffDocument } from "~/modules/signoff/signoff.server";
import { versionTitle, type VersionName } from "~/modules/versions/version-names";
import { loadVersionNamer } from "~/modules/versions/version-names.server";

export type AuditRow = {
  seq: number;
  at: string;
  who: string | null;
  organization: string | null;
  what: string;
  /** `what` as a message for the reader's language (audit-what.ts); absent for events worded in English only. */
  whatMessage?: AuditWhat;
  type: string;
  versionHash: string | null;
  /** The version in words, on a document's trail (the project's trail shows the hash only). */
  version?: VersionName | null;
  hash: string;
  /**
   * Where the request came from. Present only on rows whose details the viewer may see (the acting
   * organization's admins, the QA reviewer: audit/privacy.ts); absent — not even null — otherwise.
   */
  ip?: string | null;
  userAgent?: string | null;
};

/** What an organization did, as the verb of an audit sentence ("Northwind Energy requested changes"). */
const DECISION_VERBS = { approved: "approved", changes_requested: "requested changes", rejected: "rejected" } as const;

const roleLabel = (role: unknown) => PROJECT_ROLE_LABELS[role as ProjectRole] ?? String(role);

/** A sentence for one event (payloads are validated against their schema version first). */
export function describeEvent(type: string, schemaVersion: number, payload: unknown, orgName: (id: string) => string, versionOf: (hash: string | null) => string): string {
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
      return `Approval of ${orgName(String(p.organizationId))} outdated by a content change (approved ${versionOf(String(p.approvedVersionHash))})`;
    case "document.version_saved":
      return `Content changed during review (was ${versionOf(p.previousVersionHash as string | null)})`;
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
      return `${orgName(String(p.organizationId))} joined the project as ${roleLabel(p.role)}`;
    case "project.participant_invited":
      return `Invited ${orgName(String(p.organizationId))} to take part as ${roleLabel(p.role)}`;
    case "project.participant_accepted":
      return `${orgName(String(p.organizationId))} accepted the invitation and joined as ${roleLabel(p.role)}`;
    case "project.participant_declined":
      return `${orgName(String(p.organizationId))} declined the invitation to take part as ${roleLabel(p.role)}`;
    case "project.participant_invitation_withdrawn":
      return `Withdrew the invitation of ${orgName(String(p.organizationId))} (${roleLabel(p.role)})`;
    case "project.participant_removed":
      return `${orgName(String(p.organizationId))} was removed from the project (${roleLabel(p.role)})`;
    case "organization.signatory_added":
      return "Signatory named";
    case "organization.signatory_removed":
      return "Signatory removed";
    case "organization.blocked":
      return `Blocked invitations from ${orgName(String(p.blockedOrganizationId))}`;
    case "organization.unblocked":
      return `Unblocked invitations from ${orgName(String(p.blockedOrganizationId))}`;
    case "framework.imported":
      return `Imported the framework ${text(p.name).slice(2)} (version ${String(p.versionNumber)})`;
    case "framework.deleted":
      return `Deleted the framework ${text(p.name).slice(2)} (version ${String(p.versionNumber)})`;
    case "demand.imported":
      return `Imported ${String(p.rowCount)} demand rows (${(p.sources as string[]).join(", ")})`;
    case "commitment.recorded":
      return `${orgName(String(p.organizationId))} committed to hire ${String(p.hires)} people in ${String(p.region)} within ${String(p.months)} months${text(p.note)}`;
    case "commitment.withdrawn":
      return `${orgName(String(p.organizationId))} withdrew its hiring commitment`;
    case "consortium.created":
      return `Created the consortium ${text(p.name).slice(2)}`;
    case "consortium.member_invited":
      return `Invited ${orgName(String(p.organizationId))} into a consortium`;
    case "consortium.member_accepted":
      return `${orgName(String(p.organizationId))} joined a consortium`;
    case "consortium.member_declined":
      return `${orgName(String(p.organizationId))} declined to join a consortium`;
    case "consortium.member_removed":
      return `${orgName(String(p.organizationId))} was removed from a consortium`;
    case "recognition.signed":
      return `${orgName(String(p.receivingOrganizationId))} signed the recognition for ${String(p.program)} (${versionOf(String(p.versionHash))})`;
    case "recognition.requested":
      return `Asked ${orgName(String(p.receivingOrganizationId))} to recognize it for ${String(p.program)}`;
    case "recognition.withdrawn":
      return `${orgName(String(p.receivingOrganizationId))} withdrew its recognition for ${String(p.program)}${text(p.reason)}`;
  }
}

/**
 * describeEvent's sentence as a message key (the "signoff" area's auditWhat), for the events of a
 * document's and a project's trail; undefined for the others, which stay in English.
 */
export function describeEventMessage(type: string, schemaVersion: number, payload: unknown, orgName: (id: string) => string, versionOf: (hash: string | null) => string): AuditWhat | undefined {
  const parsed = parseAuditEvent({ type, schemaVersion, payload });
  if (!parsed.ok) return undefined;
  const p = parsed.event.payload as Record<string, unknown>;
  const k = (name: string) => `signoff.auditWhat.${name}`;
  const round: AuditWhat = typeof p.round === "number" ? { key: k("round"), params: { round: p.round } } : { key: k("empty") };
  const text = (value: unknown): AuditWhat => (typeof value === "string" && value ? { key: k("quoted"), params: { text: value } } : { key: k("empty") });
  const status = (value: unknown): string | AuditWhat => (typeof value === "string" && Object.hasOwn(DOCUMENT_STATUS_LABELS, value) ? { key: `labels.documentStatus.${value}` } : String(value));
  const role = (value: unknown): string | AuditWhat => (typeof value === "string" && Object.hasOwn(PROJECT_ROLE_LABELS, value) ? { key: `labels.projectRole.${value}` } : String(value));
  const organization = (id: unknown) => orgName(String(id));
  switch (parsed.event.type) {
    case "document.signoff_requested":
      return { key: k("signoffRequested"), params: { round } };
    case "document.resubmitted":
      return { key: k("resubmitted"), params: { round } };
    case "document.decision_recorded": {
      const decision = p.decision;
      if (decision !== "approved" && decision !== "changes_requested" && decision !== "rejected") return undefined;
      return { key: k(`decision.${decision}`), params: { organization: organization(p.organizationId), text: text(p.comment) } };
    }
    case "document.approval_outdated":
      return { key: k("approvalOutdated"), params: { organization: organization(p.organizationId), version: versionOf(String(p.approvedVersionHash)) } };
    case "document.version_saved":
      return { key: k("versionSaved"), params: { version: versionOf(p.previousVersionHash as string | null) } };
    case "document.approved":
      return { key: k("approved"), params: { round } };
    case "document.changes_requested":
      return { key: k("changesRequested"), params: { text: text(p.comment) } };
    case "document.rejected":
      return { key: k("rejected"), params: { text: text(p.reason) } };
    case "document.withdrawn":
      return { key: k("withdrawn"), params: { status: status(p.fromStatus), text: text(p.reason) } };
    case "document.reopened":
      return { key: k("reopened"), params: { status: status(p.fromStatus), text: text(p.reason) } };
    case "document.template_adjusted":
      return { key: k("templateAdjusted") };
    case "project.participant_added":
      return { key: k("participantAdded"), params: { organization: organization(p.organizationId), role: role(p.role) } };
    case "project.participant_invited":
      return { key: k("participantInvited"), params: { organization: organization(p.organizationId), role: role(p.role) } };
    case "project.participant_accepted":
      return { key: k("participantAccepted"), params: { organization: organization(p.organizationId), role: role(p.role) } };
    case "project.participant_declined":
      return { key: k("participantDeclined"), params: { organization: organization(p.organizationId), role: role(p.role) } };
    case "project.participant_invitation_withdrawn":
      return { key: k("participantInvitationWithdrawn"), params: { organization: organization(p.organizationId), role: role(p.role) } };
    case "project.participant_removed":
      return { key: k("participantRemoved"), params: { organization: organization(p.organizationId), role: role(p.role) } };
    case "organization.signatory_added":
      return { key: k("signatoryAdded") };
    case "organization.signatory_removed":
      return { key: k("signatoryRemoved") };
    case "organization.blocked":
      return { key: k("blocked"), params: { organization: organization(p.blockedOrganizationId) } };
    case "organization.unblocked":
      return { key: k("unblocked"), params: { organization: organization(p.blockedOrganizationId) } };
    // Numbers as written ("1234", not "1,234"): the English sentences print them so.
    case "framework.imported":
      return { key: k("frameworkImported"), params: { name: String(p.name), version: String(p.versionNumber) } };
    case "framework.deleted":
      return { key: k("frameworkDeleted"), params: { name: String(p.name), version: String(p.versionNumber) } };
    case "demand.imported":
      return { key: k("demandImported"), params: { count: String(p.rowCount), sources: (p.sources as string[]).join(", ") } };
    case "commitment.recorded":
      return {
        key: k("commitmentRecorded"),
        params: { organization: organization(p.organizationId), hires: String(p.hires), region: String(p.region), months: String(p.months), text: text(p.note) },
      };
    case "commitment.withdrawn":
      return { key: k("commitmentWithdrawn"), params: { organization: organization(p.organizationId) } };
    case "consortium.created":
      return { key: k("consortiumCreated"), params: { name: String(p.name) } };
    case "consortium.member_invited":
      return { key: k("consortiumInvited"), params: { organization: organization(p.organizationId) } };
    case "consortium.member_accepted":
      return { key: k("consortiumAccepted"), params: { organization: organization(p.organizationId) } };
    case "consortium.member_declined":
      return { key: k("consortiumDeclined"), params: { organization: organization(p.organizationId) } };
    case "consortium.member_removed":
      return { key: k("consortiumRemoved"), params: { organization: organization(p.organizationId) } };
    case "recognition.signed":
      return { key: k("recognitionSigned"), params: { organization: organization(p.receivingOrganizationId), program: String(p.program), version: versionOf(String(p.versionHash)) } };
    case "recognition.requested":
      return { key: k("recognitionRequested"), params: { organization: organization(p.receivingOrganizationId), program: String(p.program) } };
    case "recognition.withdrawn":
      return { key: k("recognitionWithdrawn"), params: { organization: organization(p.receivingOrganizationId), program: String(p.program), text: text(p.reason) } };
    default:
      return undefined;
  }
}

export type AuditTrail = { document: { id: string; title: string; status: DocumentStatus }; rows: AuditRow[] };

/** The message only when there is one: rows without it keep their shape (and the tests' deep equality). */
function optionalWhat(whatMessage: AuditWhat | undefined): { whatMessage?: AuditWhat } {
  return whatMessage ? { whatMessage } : {};
}

/** Organizations an event's payload names (the deciding party, the invited or blocked one). */
function payloadOrganizationIds(payload: unknown): string[] {
  if (typeof payload !== "object" || payload === null) return [];
  const p = payload as Record<string, unknown>;
  return [p.organizationId, p.blockedOrganizationId, p.receivingOrganizationId].filter((id): id is string => typeof id === "string" && id.length > 0);
}

/**
 * The rows of one audit chain (a document's or a project's) as `viewer` reads them: names
 * resolved, one sentence per event, and the request details only where the viewer may see them.
 * `project` is the project the chain belongs to (its QA reviewer sees every event's details).
 */
export async function auditTrailRows(
  q: Queryable,
  viewer: Actor,
  project: ProjectFacts,
  records: ReadonlyArray<SealedAuditRecord>,
  nameVersion?: (hash: string) => VersionName,
): Promise<AuditRow[]> {
  const [people, orgs] = await Promise.all([
    userNames(q, records.map((r) => r.actorUserId)),
    organizationNames(q, [
      ...records.flatMap((r) => (r.organizationId ? [r.organizationId] : [])),
      ...records.flatMap((r) => payloadOrganizationIds(r.payload)),
      ...project.participants.map((p) => p.organizationId),
    ]),
  ]);
  const orgName = (id: string) => orgs.get(id) ?? id;
  const versionOf = (hash: string | null) => (hash && nameVersion ? versionTitle(nameVersion(hash)).replace(/^Version/, "version") : shortHash(hash));
  return records.map((r) => ({
    seq: r.seq,
    at: r.createdAt.toISOString(),
    who: r.actorUserId ? (people.get(r.actorUserId) ?? r.actorUserId) : null,
    organization: r.organizationId ? orgName(r.organizationId) : null,
    what: describeEvent(r.type, r.schemaVersion, r.payload, orgName, versionOf),
    ...optionalWhat(describeEventMessage(r.type, r.schemaVersion, r.payload, orgName, versionOf)),
    type: r.type,
    versionHash: r.versionHash,
    ...(nameVersion ? { version: r.versionHash ? nameVersion(r.versionHash) : null } : {}),
    hash: r.hash,
    // Dropped here, on the server, for everyone else: the browser never receives them.
    ...requestDetailsFor(viewer, r, project),
  }));
}

export async function documentAuditTrail(userId: string, documentId: string): Promise<AuditTrail> {
  const q = db();
  const { actor, document } = requireAccess(await accessSignoffDocument(q, userId, documentId));
  const records = await readAuditChain(q, chainOf({ documentId }));
  return {
    document: { id: document.id, title: document.title, status: document.status },
    rows: await auditTrailRows(q, actor, document.resource.project, records, await loadVersionNamer(q, document.id)),
  };
}

/** Verifies the document's audit chain. */
export async function verifyDocumentAudit(userId: string, documentId: string): Promise<ChainVerification> {
  const q = db();
  requireAccess(await accessSignoffDocument(q, userId, documentId));
  return verifyChain(await readAuditChain(q, chainOf({ documentId })));
}
