/**
 * The audit vocabulary: a discriminated union of `{entity}.{verb}` events, each with a schema
 * version and a zod schema for its payload. Who, for which organization, when, from where and
 * which version hash are columns of the audit row (see chain.ts), not payload.
 *
 * Evolving a payload: add the new version to its entry in AUDIT_EVENT_SCHEMAS and bump its
 * `current`; old rows keep their version and stay readable (and their hashes stay valid, since a
 * row is never rewritten).
 */
import { z } from "zod";
import { PROJECT_ROLES, DOCUMENT_STATUSES } from "~/modules/permissions/roles";
import { ResolvedStageSchema, SignoffTemplateSchema } from "~/modules/signoff/template";
import { SHA256_HEX } from "~/utils/canonical-json";

const hash = z.string().regex(SHA256_HEX, "Expected a SHA-256 hex digest");
const id = z.string().min(1);
const round = z.int().positive();
const text = z.string().trim().min(1);
const decision = z.enum(["approved", "changes_requested", "rejected"]);
const status = z.enum(DOCUMENT_STATUSES);

export const AUDIT_EVENT_SCHEMAS = {
  "document.signoff_requested": {
    current: 1,
    versions: { 1: z.object({ round, versionHash: hash, stages: z.array(ResolvedStageSchema).min(1) }) },
  },
  "document.resubmitted": {
    current: 1,
    versions: { 1: z.object({ round, versionHash: hash, stages: z.array(ResolvedStageSchema).min(1) }) },
  },
  "document.decision_recorded": {
    current: 1,
    versions: {
      1: z.object({
        round,
        decisionId: id,
        stageIndex: z.int().nonnegative(),
        organizationId: id,
        decision,
        versionHash: hash,
        comment: z.string().nullable(),
      }),
    },
  },
  "document.approval_outdated": {
    current: 1,
    versions: {
      1: z.object({
        round,
        decisionId: id,
        stageIndex: z.int().nonnegative(),
        organizationId: id,
        approvedVersionHash: hash,
        currentVersionHash: hash,
      }),
    },
  },
  "document.version_saved": {
    current: 1,
    versions: { 1: z.object({ round: round.nullable(), previousVersionHash: hash.nullable(), versionHash: hash }) },
  },
  "document.approved": { current: 1, versions: { 1: z.object({ round, versionHash: hash }) } },
  "document.changes_requested": {
    current: 1,
    versions: { 1: z.object({ round, organizationId: id, versionHash: hash, comment: text }) },
  },
  "document.rejected": {
    current: 1,
    versions: { 1: z.object({ round, organizationId: id, versionHash: hash, reason: text }) },
  },
  "document.withdrawn": {
    current: 1,
    versions: { 1: z.object({ round: round.nullable(), fromStatus: status, reason: z.string().nullable() }) },
  },
  "document.reopened": {
    current: 1,
    versions: {
      1: z.object({ round: round.nullable(), fromStatus: status, versionHash: hash, reason: z.string().nullable() }),
    },
  },
  "document.template_adjusted": {
    current: 1,
    versions: { 1: z.object({ template: SignoffTemplateSchema }) },
  },
  "project.participant_added": {
    current: 1,
    versions: { 1: z.object({ organizationId: id, role: z.enum(PROJECT_ROLES) }) },
  },
  "project.participant_removed": {
    current: 1,
    versions: { 1: z.object({ organizationId: id, role: z.enum(PROJECT_ROLES) }) },
  },
  // An organization's participation by consent (projects/participation.server.ts): the lead
  // invites with a proposed role; the invited organization accepts (it joins: there is no separate
  // participant_added, which stays the founding organization's event) or declines; or the lead
  // withdraws the invitation first. organizationId is the invited organization.
  "project.participant_invited": {
    current: 1,
    versions: { 1: z.object({ invitationId: id, organizationId: id, role: z.enum(PROJECT_ROLES) }) },
  },
  "project.participant_accepted": {
    current: 1,
    versions: { 1: z.object({ invitationId: id, organizationId: id, role: z.enum(PROJECT_ROLES) }) },
  },
  "project.participant_declined": {
    current: 1,
    versions: { 1: z.object({ invitationId: id, organizationId: id, role: z.enum(PROJECT_ROLES) }) },
  },
  "project.participant_invitation_withdrawn": {
    current: 1,
    versions: { 1: z.object({ invitationId: id, organizationId: id, role: z.enum(PROJECT_ROLES) }) },
  },
  "organization.signatory_added": { current: 1, versions: { 1: z.object({ organizationId: id, userId: id }) } },
  "organization.signatory_removed": { current: 1, versions: { 1: z.object({ organizationId: id, userId: id }) } },
  // In the blocking organization's own chain: the blocked side is never shown these.
  "organization.blocked": { current: 1, versions: { 1: z.object({ organizationId: id, blockedOrganizationId: id }) } },
  "organization.unblocked": { current: 1, versions: { 1: z.object({ organizationId: id, blockedOrganizationId: id }) } },
  // Consortia (consortia/): in the acting organization's chain. organizationId is the organization
  // the event is about (created by, invited, joined, declined, removed).
  "consortium.created": { current: 1, versions: { 1: z.object({ consortiumId: id, name: text, organizationId: id }) } },
  "consortium.member_invited": { current: 1, versions: { 1: z.object({ consortiumId: id, invitationId: id, organizationId: id }) } },
  "consortium.member_accepted": { current: 1, versions: { 1: z.object({ consortiumId: id, invitationId: id, organizationId: id }) } },
  "consortium.member_declined": { current: 1, versions: { 1: z.object({ consortiumId: id, invitationId: id, organizationId: id }) } },
  "consortium.member_removed": { current: 1, versions: { 1: z.object({ consortiumId: id, organizationId: id }) } },
  // The version hash signed is the audit row's column, like a sign-off decision's.
  "recognition.signed": { current: 1, versions: { 1: z.object({ recognitionId: id, rowId: id, receivingOrganizationId: id, program: text, versionHash: hash }) } },
  // Asked of the receiving institution by the specification's editors; withdrawn by the receiving institution.
  "recognition.requested": { current: 1, versions: { 1: z.object({ recognitionId: id, rowId: id, receivingOrganizationId: id, program: text }) } },
  "recognition.withdrawn": { current: 1, versions: { 1: z.object({ recognitionId: id, rowId: id, receivingOrganizationId: id, program: text, reason: z.string().max(2000) }) } },
  // Demand data (demand/): in the importing organization's chain.
  "demand.imported": {
    current: 1,
    versions: { 1: z.object({ importId: id, sources: z.array(text), rowCount: z.int().nonnegative(), replaced: z.int().nonnegative() }) },
  },
  // Hiring commitments: in the specification's chain, by the committing organization.
  "commitment.recorded": {
    current: 1,
    versions: { 1: z.object({ commitmentId: id, organizationId: id, hires: z.int().positive(), region: text, months: z.int().positive(), note: z.string().nullable() }) },
  },
  "commitment.withdrawn": { current: 1, versions: { 1: z.object({ commitmentId: id, organizationId: id }) } },
  // The framework library (frameworks/): in the owning organization's chain.
  "framework.imported": {
    current: 1,
    versions: {
      1: z.object({
        frameworkId: id,
        name: text,
        sourceIdentifier: id,
        versionNumber: z.int().positive(),
        competencyCount: z.int().nonnegative(),
      }),
    },
  },
  "framework.deleted": {
    current: 1,
    versions: { 1: z.object({ frameworkId: id, name: text, sourceIdentifier: id, versionNumber: z.int().positive() }) },
  },
} as const;

type Schemas = typeof AUDIT_EVENT_SCHEMAS;
export type AuditEventType = keyof Schemas;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_SCHEMAS) as AuditEventType[];

type CurrentVersion<T extends AuditEventType> = Schemas[T]["current"];
type CurrentSchema<T extends AuditEventType> = Schemas[T]["versions"][CurrentVersion<T>];
export type AuditPayload<T extends AuditEventType> = z.infer<CurrentSchema<T>>;

/** An audit event as written today: the union over every type at its current schema version. */
export type AuditEvent = {
  [T in AuditEventType]: { type: T; schemaVersion: CurrentVersion<T>; payload: AuditPayload<T> };
}[AuditEventType];
export type AuditEventOf<T extends AuditEventType> = Extract<AuditEvent, { type: T }>;

/** Builds an event at the current schema version; the payload is validated (fail closed). */
export function auditEvent<T extends AuditEventType>(type: T, payload: AuditPayload<T>): AuditEventOf<T> {
  const entry = AUDIT_EVENT_SCHEMAS[type];
  const schema = (entry.versions as Record<number, z.ZodType>)[entry.current];
  if (!schema) throw new Error(`No schema for ${type} v${entry.current}`);
  return { type, schemaVersion: entry.current, payload: schema.parse(payload) } as AuditEventOf<T>;
}

/**
 * Validates a stored row's type, version and payload. Older versions parse against their own
 * schema; the result is typed loosely for them since the union only describes current versions.
 */
export function parseAuditEvent(input: {
  type: string;
  schemaVersion: number;
  payload: unknown;
}): { ok: true; event: { type: AuditEventType; schemaVersion: number; payload: unknown } } | { ok: false; error: string } {
  if (!Object.hasOwn(AUDIT_EVENT_SCHEMAS, input.type)) return { ok: false, error: `Unknown audit event type ${input.type}` };
  const type = input.type as AuditEventType;
  const schema = (AUDIT_EVENT_SCHEMAS[type].versions as Record<number, z.ZodType>)[input.schemaVersion];
  if (!schema) return { ok: false, error: `Unknown schema version ${input.schemaVersion} of ${type}` };
  const parsed = schema.safeParse(input.payload);
  if (!parsed.success) return { ok: false, error: `Invalid ${type} payload: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  return { ok: true, event: { type, schemaVersion: input.schemaVersion, payload: parsed.data } };
}
