/**
 * Sign-off DB verbs: load the state, ask the pure machine (machine.ts), apply its effects in order
 * in ONE transaction (docs/decisions/0005). Nothing here decides a status; it makes the machine's
 * decision durable, or refuses it as a conflict.
 *
 * Every verb that reads content runs under the document's content lock, taken exclusively
 * (`lockDocumentContent`, app/modules/documents/store/content-lock.server.ts; the update log's
 * writers take it shared). The hash a decision is checked against is computed inside that lock from the durable
 * Yjs state, so an update either committed before (the approval is refused as stale, or the
 * content change outdates it first) or commits after (it then outdates the approval, or is refused
 * because the document is approved and locked). An approval can never bind to content that was
 * already replaced.
 *
 * Compare-and-set everywhere: zero rows or a unique violation is a conflict, the transaction rolls
 * back, and the person is told to reload.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, type Queryable, type Transaction } from "~/db.server";
import { log } from "~/utils/log.server";
import type { LiveDocuments } from "~/modules/documents/live-documents";
import { lockDocumentContent } from "~/modules/documents/store/content-lock.server";
import { durableContentKey, loadDocumentStateWithKey } from "~/modules/documents/store/stored-document.server";
import { documents } from "../../../db/schema/documents";
import { organizationSignatories, signoffDecisions, signoffRounds, signoffTemplates, signoffVersions } from "../../../db/schema/signoff";
import { coverageGate } from "~/modules/coverage/coverage-gate.server";
import { stackGate } from "~/modules/stacks/stack.server";
import { appendAuditEvent, type AuditActor, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { canonicalString, canonicalHash, type CanonicalDocument } from "~/modules/documents/model";
import { generateId } from "~/modules/ids.server";
import { loadActor } from "~/modules/orgs/actor.server";
import { can, type Actor } from "~/modules/permissions/can";
import { checkDocument, loadGatedDocument, type Access, type GatedDocument, type Refusal } from "~/modules/permissions/require.server";
import { isContentLocked, type DocumentKind, type DocumentStatus } from "~/modules/permissions/roles";
import { canonicalOfState, saveVersion } from "~/modules/versions/versions.server";
import {
  applyEvent,
  type ApplyContext,
  type DecisionRecord,
  type RefusalReason,
  type RoundState,
  type SignoffActor,
  type SignoffEffect,
  type SignoffEvent,
  type SignoffState,
} from "~/modules/signoff/machine";
import { signatoryOrganizations } from "~/modules/signoff/signatories";
import {
  defaultTemplate,
  mayAdjustTemplate,
  parseTemplate,
  resolveTemplate,
  type ProjectParticipant,
  type SignoffTemplate,
  type TemplateIssue,
} from "~/modules/signoff/template";
import { notifySignoffChange } from "~/modules/notifications/notify.server";

export const CONFLICT_MESSAGE = "Someone else changed this; reload.";

/** A compare-and-set found the world changed under us: roll back, nothing is recorded. */
export class SignoffConflictError extends Error {
  constructor(detail: string) {
    super(`${CONFLICT_MESSAGE} (${detail})`);
    this.name = "SignoffConflictError";
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

export type DocumentContent = {
  /** The durable Yjs state (null: never written). */
  state: Uint8Array | null;
  canonical: CanonicalDocument;
  /** canonicalString(canonical): stored byte for byte as the version snapshot. */
  text: string;
  hash: string;
};

/**
 * The durable content last derived per document, by its content key (durableContentKey). Every open
 * page polls its sign-off panel, and deriving a 3,000-competency plan's content (decode, canonical
 * form, hash) blocks the event loop for hundreds of milliseconds, delaying everyone's live edits:
 * while nothing was stored, the answer is the same.
 */
const CONTENT_CACHE_SIZE = 8;
const contentCache = new Map<string, { key: string; kind: DocumentKind; content: DocumentContent }>();

/** The document's durable content and its version hash (model canonical form, SHA-256). */
export async function loadCurrentContent(q: Queryable, documentId: string, kind: DocumentKind): Promise<DocumentContent> {
  const cached = contentCache.get(documentId);
  if (cached && cached.kind === kind && cached.key === (await durableContentKey(q, documentId))) {
    // Most recently used last: the map's order is the eviction order.
    contentCache.delete(documentId);
    contentCache.set(documentId, cached);
    return cached.content;
  }
  const { state, key } = await loadDocumentStateWithKey(q, documentId);
  const canonical = canonicalOfState(state, kind);
  const content = { state, canonical, text: canonicalString(canonical), hash: await canonicalHash(canonical) };
  contentCache.delete(documentId);
  contentCache.set(documentId, { key, kind, content });
  if (contentCache.size > CONTENT_CACHE_SIZE) contentCache.delete(contentCache.keys().next().value!);
  return content;
}

export type LoadedRound = RoundState & {
  /** The version the round is bound to now (moves when content changes in review). */
  currentVersionHash: string;
  requestedAt: Date;
  requestedBy: string | null;
  closedAt: Date | null;
};

/** The access gate's facts about the document, with its project's participants for the template. */
export type LoadedDocument = GatedDocument & { participants: ProjectParticipant[] };

function withParticipants(document: GatedDocument): LoadedDocument {
  return { ...document, participants: [...document.resource.project.participants] };
}

/** The document for the system (the content listener): no person, so no permission check. */
export async function loadDocument(q: Queryable, documentId: string): Promise<LoadedDocument | null> {
  const document = await loadGatedDocument(documentId, q);
  return document && withParticipants(document);
}

export type SignoffAccess = { actor: Actor; signoff: SignoffActor; document: LoadedDocument };

/**
 * The person and the document through the shared access gate (permissions/require.server): the
 * document only if they may view it, else the gate's refusal (404). What they may do with it is
 * the machine's decision. Verbs answer a refusal as a value, read models throw it (requireAccess).
 */
export async function accessSignoffDocument(q: Queryable, userId: string, documentId: string): Promise<Access<SignoffAccess>> {
  const actor = await loadActor(userId, q);
  const access = await checkDocument(actor, documentId, "document.view", q);
  if (!access.ok) return access;
  const document = withParticipants(access.value);
  return { ok: true, value: { actor, document, signoff: signoffActorOf(actor, document, await loadNamedSignatories(q, actor)) } };
}

function decisionRecord(row: typeof signoffDecisions.$inferSelect): DecisionRecord {
  return {
    id: row.id,
    stageIndex: row.stageIndex,
    organizationId: row.organizationId,
    decision: row.decision,
    versionHash: row.versionHash,
    decidedBy: row.decidedBy,
    comment: row.comment,
    decidedAt: row.decidedAt,
    outdated: row.outdatedAt !== null,
  };
}

function loadedRound(row: typeof signoffRounds.$inferSelect, decisions: ReadonlyArray<typeof signoffDecisions.$inferSelect>): LoadedRound {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    stages: row.stages,
    requestedVersionHash: row.requestedVersionHash,
    revision: row.revision,
    decisions: decisions.map(decisionRecord),
    currentVersionHash: row.currentVersionHash,
    requestedAt: row.requestedAt,
    requestedBy: row.requestedBy,
    closedAt: row.closedAt,
  };
}

/** A round with its decisions; the latest one when no number is given. */
export async function loadRound(q: Queryable, documentId: string, number?: number): Promise<LoadedRound | null> {
  const [row] = await q
    .select()
    .from(signoffRounds)
    .where(number === undefined ? eq(signoffRounds.documentId, documentId) : and(eq(signoffRounds.documentId, documentId), eq(signoffRounds.number, number)))
    .orderBy(desc(signoffRounds.number))
    .limit(1);
  if (!row) return null;
  const decisions = await q.select().from(signoffDecisions).where(eq(signoffDecisions.roundId, row.id)).orderBy(asc(signoffDecisions.decidedAt), asc(signoffDecisions.id));
  return loadedRound(row, decisions);
}

/** The latest round of each document that has one, with its decisions: two queries for any number. */
export async function loadLatestRounds(q: Queryable, documentIds: readonly string[]): Promise<Map<string, LoadedRound>> {
  if (documentIds.length === 0) return new Map();
  const rows = await q
    .selectDistinctOn([signoffRounds.documentId])
    .from(signoffRounds)
    .where(inArray(signoffRounds.documentId, [...documentIds]))
    .orderBy(signoffRounds.documentId, desc(signoffRounds.number));
  const decisions =
    rows.length === 0
      ? []
      : await q
          .select()
          .from(signoffDecisions)
          .where(inArray(signoffDecisions.roundId, rows.map((row) => row.id)))
          .orderBy(asc(signoffDecisions.decidedAt), asc(signoffDecisions.id));
  return new Map(rows.map((row) => [row.documentId, loadedRound(row, decisions.filter((d) => d.roundId === row.id))]));
}

/** The document's adjusted template, else the project default. */
export async function loadTemplate(q: Queryable, document: LoadedDocument): Promise<{ template: SignoffTemplate; adjusted: boolean }> {
  const [row] = await q.select({ template: signoffTemplates.template }).from(signoffTemplates).where(eq(signoffTemplates.documentId, document.id));
  return row ? { template: row.template, adjusted: true } : { template: defaultTemplate(document.kind, document.participants), adjusted: false };
}

export type NamedSignatories = Array<{ organizationId: string; userId: string }>;

/** Every named signatory of the person's organizations (signatories.ts decides who signs). */
export async function loadNamedSignatories(q: Queryable, actor: Actor): Promise<NamedSignatories> {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  if (orgIds.length === 0) return [];
  return q
    .select({ organizationId: organizationSignatories.organizationId, userId: organizationSignatories.userId })
    .from(organizationSignatories)
    .where(inArray(organizationSignatories.organizationId, orgIds));
}

/** The person as the machine sees them on this document. */
export function signoffActorOf(actor: Actor, document: LoadedDocument, namedSignatories: NamedSignatories): SignoffActor {
  const orgIds = actor.memberships.map((m) => m.organizationId);
  return {
    userId: actor.userId,
    projectRoles: document.participants.filter((p) => orgIds.includes(p.organizationId)),
    signatoryFor: signatoryOrganizations(actor.userId, { memberships: actor.memberships, namedSignatories }),
    mayEdit: can(actor, "document.edit", document.resource),
  };
}

/**
 * The machine's view of the document. For an open round the machine's "current" hash is the one
 * the round is bound to; the caller catches it up with the durable content (content_changed)
 * before applying anything else. Without an open round nothing is bound, so it is the content.
 */
function machineState(document: LoadedDocument, round: LoadedRound | null, content: DocumentContent): SignoffState {
  return {
    status: document.status,
    currentVersionHash: round?.status === "open" ? round.currentVersionHash : content.hash,
    round,
  };
}

// ---------------------------------------------------------------------------------------------
// Applying effects

type EffectContext = AuditActor & {
  document: LoadedDocument;
  content: DocumentContent;
  now: Date;
};

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
    if (!(e instanceof Error)) break;
  }
  return false;
}

async function applyEffects(tx: Transaction, effects: readonly SignoffEffect[], context: EffectContext): Promise<void> {
  const { document, content, now } = context;
  for (const effect of effects) {
    switch (effect.type) {
      case "claim_round": {
        const claimed = await tx
          .update(signoffRounds)
          .set({ revision: effect.expectedRevision + 1 })
          .where(and(eq(signoffRounds.id, effect.roundId), eq(signoffRounds.revision, effect.expectedRevision), eq(signoffRounds.status, "open")))
          .returning({ id: signoffRounds.id });
        if (claimed.length !== 1) throw new SignoffConflictError("the round moved on");
        break;
      }
      case "set_status": {
        const moved = await tx
          .update(documents)
          .set({ status: effect.to, updatedAt: now })
          .where(and(eq(documents.id, document.id), eq(documents.status, effect.from)))
          .returning({ id: documents.id });
        if (moved.length !== 1) throw new SignoffConflictError(`the document is no longer ${effect.from}`);
        break;
      }
      case "snapshot_version": {
        // Snapshots are only ever taken of the content read under the lock in this transaction.
        if (effect.versionHash !== content.hash) throw new Error("signoff: snapshot of a version other than the current content");
        await tx
          .insert(signoffVersions)
          .values({ documentId: document.id, versionHash: content.hash, canonical: content.text, createdBy: context.actorUserId, createdAt: now })
          .onConflictDoNothing();
        break;
      }
      case "open_round":
        await insertOrConflict(() =>
          tx.insert(signoffRounds).values({
            id: effect.round.id,
            documentId: document.id,
            number: effect.round.number,
            stages: effect.round.stages,
            requestedVersionHash: effect.round.versionHash,
            currentVersionHash: effect.round.versionHash,
            requestedBy: context.actorUserId,
            requestedAt: now,
          }),
        );
        break;
      case "set_round_version": {
        const moved = await tx
          .update(signoffRounds)
          .set({ currentVersionHash: effect.to })
          .where(and(eq(signoffRounds.id, effect.roundId), eq(signoffRounds.currentVersionHash, effect.from)))
          .returning({ id: signoffRounds.id });
        if (moved.length !== 1) throw new SignoffConflictError("the round's version moved on");
        break;
      }
      case "mark_outdated": {
        if (effect.decisionIds.length === 0) break;
        const marked = await tx
          .update(signoffDecisions)
          .set({ outdatedAt: now })
          .where(and(eq(signoffDecisions.roundId, effect.roundId), inArray(signoffDecisions.id, effect.decisionIds), isNull(signoffDecisions.outdatedAt)))
          .returning({ id: signoffDecisions.id });
        if (marked.length !== effect.decisionIds.length) throw new SignoffConflictError("a decision changed");
        break;
      }
      case "record_decision": {
        const d = effect.decision;
        if (d.decidedBy !== context.actorUserId) throw new Error("signoff: a decision must be recorded for the acting person");
        await insertOrConflict(() =>
          tx.insert(signoffDecisions).values({
            id: d.id,
            roundId: effect.roundId,
            stageIndex: d.stageIndex,
            organizationId: d.organizationId,
            decision: d.decision,
            versionHash: d.versionHash,
            decidedBy: d.decidedBy,
            comment: d.comment,
            decidedAt: d.decidedAt,
          }),
        );
        break;
      }
      case "close_round": {
        const closed = await tx
          .update(signoffRounds)
          .set({ status: effect.outcome, closedAt: now })
          .where(and(eq(signoffRounds.id, effect.roundId), eq(signoffRounds.status, "open")))
          .returning({ id: signoffRounds.id });
        if (closed.length !== 1) throw new SignoffConflictError("the round was already closed");
        break;
      }
      case "audit":
        await appendAuditEvent(tx, {
          documentId: document.id,
          projectId: document.projectId,
          organizationId: effect.organizationId,
          actorUserId: context.actorUserId,
          ip: context.ip,
          userAgent: context.userAgent,
          event: effect.event,
          versionHash: effect.versionHash,
          createdAt: now,
        });
        break;
    }
  }
}

async function insertOrConflict(insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (error) {
    // The partial unique indexes (one live decision per seat, one open round per document) are
    // the second lock behind the revision claim.
    if (isUniqueViolation(error)) throw new SignoffConflictError("a simultaneous change was recorded first");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

export type SignoffCommand =
  | { type: "request_signoff" }
  | { type: "resubmit" }
  | { type: "approve"; organizationId: string; versionHash: string }
  | { type: "request_changes"; organizationId: string; versionHash: string; comment: string }
  | { type: "reject"; organizationId: string; versionHash: string; reason: string }
  | { type: "withdraw"; reason?: string | null }
  | { type: "reopen"; reason?: string | null };

export type CommandRefusal = {
  ok: false;
  reason: RefusalReason | "conflict" | "not_found" | "forbidden" | "invalid_template" | "coverage_gaps" | "modules_not_approved";
  message: string;
  /** HTTP status the route answers with. */
  status: 400 | 403 | 404 | 409;
};
export type CommandResult = { ok: true; status: DocumentStatus; previousStatus: DocumentStatus; versionHash: string } | CommandRefusal;

const REFUSAL_STATUS: Record<RefusalReason, 400 | 403 | 409> = {
  wrong_status: 409,
  locked: 409,
  not_lead: 403,
  not_editor: 403,
  not_signatory: 403,
  not_a_party: 400,
  stage_not_open: 409,
  stage_complete: 409,
  already_decided: 409,
  stale_version: 409,
  comment_required: 400,
  reason_required: 400,
  invalid_stages: 400,
};

/** The access gate's refusal as a command's: 404 "Not found" for anyone who may not view it. */
function commandRefusal(refusal: Refusal): CommandRefusal {
  return refusal.status === 404
    ? { ok: false, reason: "not_found", message: "Not found", status: 404 }
    : { ok: false, reason: "forbidden", message: "Forbidden", status: 403 };
}

/** Content changes are reported by the collaboration layer, not by a person. */
const SYSTEM_ACTOR: SignoffActor = { userId: "system", projectRoles: [], signatoryFor: [], mayEdit: false };

const VERSION_NAMES: Partial<Record<SignoffCommand["type"] | "approved", string>> = {
  request_signoff: "Sign-off requested",
  resubmit: "Resubmitted for sign-off",
  approved: "Approved",
  reopen: "Reopened after sign-off",
};

/**
 * Runs one person's sign-off command: lock, load, catch the round up with the durable content,
 * apply the machine, write the effects and their audit events, all in one transaction. After the
 * commit, the document's open sockets (`liveDocuments`: AppLoadContext's) are re-checked when the
 * content lock changed (approved ↔ editable).
 */
export async function runSignoffCommand(
  documentId: string,
  userId: string,
  command: SignoffCommand,
  meta: RequestMeta,
  liveDocuments: LiveDocuments,
): Promise<CommandResult> {
  let outcome: CommandResult;
  try {
    outcome = await db().transaction(async (tx): Promise<CommandResult> => {
      await lockDocumentContent(tx, [documentId], "exclusive");
      const access = await accessSignoffDocument(tx, userId, documentId);
      if (!access.ok) return commandRefusal(access);
      const { document, signoff } = access.value;
      const [round, content] = [await loadRound(tx, documentId), await loadCurrentContent(tx, documentId, document.kind)];
      const now = new Date();
      const newId = () => generateId();
      let state = machineState(document, round, content);

      // Catch up first: content that changed since the round last saw it outdates approvals now,
      // in this transaction, whether or not the change listener has run yet.
      const caughtUp = await catchUpContent(tx, document, state, content, now, newId);
      state = caughtUp;

      let event: SignoffEvent;
      if (command.type === "request_signoff" || command.type === "resubmit") {
        const { template } = await loadTemplate(tx, document);
        const resolved = resolveTemplate(template, document.participants);
        if (!resolved.ok) {
          return { ok: false, reason: "invalid_template", message: `The sign-off template does not fit this project: ${resolved.issues.map((i) => i.message).join("; ")}. Adjust the template.`, status: 400 };
        }
        // Every essential competency assessed first (issue #14): the same words as the disabled button.
        const gate = await coverageGate(tx, document, content.canonical);
        if (gate.blocking) return { ok: false, reason: "coverage_gaps", message: `${gate.blocking.message}.`, status: 409 };
        // A stack only with approved modules (issue #18): the same words as the panel.
        const unapprovedModules = await stackGate(tx, content.canonical.fields);
        if (unapprovedModules) return { ok: false, reason: "modules_not_approved", message: `${unapprovedModules}.`, status: 409 };
        event = { type: command.type, stages: resolved.stages };
      } else {
        event = command;
      }
      const context: ApplyContext = { actor: signoff, now, newId };
      const result = applyEvent(state, event, context);
      if (!result.ok) return { ok: false, reason: result.reason, message: result.message, status: REFUSAL_STATUS[result.reason] };
      await applyEffects(tx, result.effects, { document, content, now, actorUserId: userId, ip: meta.ip, userAgent: meta.userAgent });
      await notifySignoffChange(tx, { document, before: state, after: result.next, command, actorUserId: userId });

      // The workflow's named versions (history) are written in the same transaction, of exactly
      // the content the decision was made on.
      const versionName = result.next.status === "approved" && document.status !== "approved" ? VERSION_NAMES.approved : VERSION_NAMES[command.type];
      if (versionName) {
        await saveVersion(
          documentId,
          { name: versionName, auto: true, reason: `Sign-off: ${versionName.toLowerCase()}`, actorUserId: userId },
          { tx, state: content.state ?? undefined },
        );
      }
      return { ok: true, status: result.next.status, previousStatus: document.status, versionHash: content.hash };
    });
  } catch (error) {
    if (error instanceof SignoffConflictError) return { ok: false, reason: "conflict", message: CONFLICT_MESSAGE, status: 409 };
    throw error;
  }
  if (outcome.ok && outcome.status !== outcome.previousStatus) await refreshOpenSockets(liveDocuments, documentId, outcome.previousStatus, outcome.status);
  return outcome;
}

/** Applies content_changed (as the system) when the durable content moved past the round's version. */
async function catchUpContent(
  tx: Transaction,
  document: LoadedDocument,
  state: SignoffState,
  content: DocumentContent,
  now: Date,
  newId: () => string,
): Promise<SignoffState> {
  if (state.round?.status !== "open" || state.currentVersionHash === content.hash) return state;
  const result = applyEvent(state, { type: "content_changed", newHash: content.hash }, { actor: SYSTEM_ACTOR, now, newId });
  if (!result.ok) return state;
  await applyEffects(tx, result.effects, { document, content, now, actorUserId: null, ip: null, userAgent: null });
  return result.next;
}

/**
 * Sockets learn of a lock change at once instead of at the next periodic re-check (≤
 * COLLAB_PERMISSION_RECHECK_MS, 3 s by default). Best effort: the periodic re-check is the net.
 */
async function refreshOpenSockets(liveDocuments: LiveDocuments, documentId: string, from: DocumentStatus, to: DocumentStatus): Promise<void> {
  if (isContentLocked(from) === isContentLocked(to)) return;
  try {
    // First the room's in-memory lock: edits are broadcast before they are committed, and this
    // stops the next one before anyone sees it (the socket re-check below takes a query per socket).
    liveDocuments.setContentLocked(documentId, isContentLocked(to));
    await liveDocuments.refreshPermissions(documentId);
  } catch (error) {
    log.warn(`signoff: permission refresh of ${documentId} failed`, error instanceof Error ? error.message : error);
  }
}

/**
 * The projection's content-change hook (wired by server/app-server.ts): outdates approvals of
 * older versions. Safe to run any number of times and in any order: it re-reads the durable
 * content under the lock and does nothing when the round already knows it.
 */
export async function syncSignoffContent(documentId: string): Promise<{ changed: boolean }> {
  try {
    return await db().transaction(async (tx) => {
      await lockDocumentContent(tx, [documentId], "exclusive");
      const document = await loadDocument(tx, documentId);
      if (!document) return { changed: false };
      const round = await loadRound(tx, documentId);
      if (round?.status !== "open") return { changed: false };
      const content = await loadCurrentContent(tx, documentId, document.kind);
      const state = machineState(document, round, content);
      const next = await catchUpContent(tx, document, state, content, new Date(), () => generateId());
      return { changed: next !== state };
    });
  } catch (error) {
    // Another writer caught the round up first; the round is current either way.
    if (error instanceof SignoffConflictError) return { changed: false };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Template

export type TemplateResult = { ok: true } | { ok: false; issues: TemplateIssue[]; status: 400 } | CommandRefusal;

/** Stores the document's adjusted template (project leads, before requesting sign-off). */
export async function saveTemplate(documentId: string, userId: string, input: unknown, meta: RequestMeta): Promise<TemplateResult> {
  return db().transaction(async (tx): Promise<TemplateResult> => {
    // Same lock as a request, so a request never reads a template that is being replaced.
    await lockDocumentContent(tx, [documentId], "exclusive");
    const access = await accessSignoffDocument(tx, userId, documentId);
    if (!access.ok) return commandRefusal(access);
    const { document, signoff } = access.value;
    if (!mayAdjustTemplate(document.status, signoff.projectRoles.map((r) => r.role))) {
      return { ok: false, reason: "forbidden", message: "Only the lead institution adjusts the template, before sign-off is requested.", status: 403 };
    }
    const parsed = parseTemplate(input, document.participants);
    if (!parsed.ok) return { ok: false, issues: parsed.issues, status: 400 };
    const now = new Date();
    await tx
      .insert(signoffTemplates)
      .values({ documentId, template: parsed.template, adjustedBy: userId, adjustedAt: now })
      .onConflictDoUpdate({ target: signoffTemplates.documentId, set: { template: parsed.template, adjustedBy: userId, adjustedAt: now } });
    await appendAuditEvent(tx, {
      documentId,
      projectId: document.projectId,
      organizationId: signoff.projectRoles.find((r) => r.role === "lead_institution")?.organizationId ?? null,
      actorUserId: userId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      event: auditEvent("document.template_adjusted", { template: parsed.template }),
      versionHash: null,
      createdAt: now,
    });
    return { ok: true };
  });
}
