/**
 * Recognitions (issue #18): a specification's laddering row counts only when a member of the
 * receiving institution signs it, for the specification's current version (its hash), recorded in
 * the document's audit trail like a sign-off decision. Until then the row is "proposed".
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Queryable, type Transaction } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { recognitions } from "../../../db/schema/recognitions";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent, type AuditEvent } from "~/modules/audit/events";
import type { CanonicalFields } from "~/modules/documents/model/types";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";
import { checkDocumentView } from "~/modules/recognitions/access.server";
import { documentAccess, forbidden, loadGatedDocument, notFound } from "~/modules/permissions/require.server";
import { membersOf, notify } from "~/modules/notifications/notify.server";
import { loadCurrentContent } from "~/modules/signoff/signoff.server";
import { ladderingRows, type LadderingRow, type RecognitionStatus } from "~/modules/recognitions/laddering";

export class RecognitionRuleError extends Error {}

export type RecognitionView = LadderingRow & {
  receivingOrganization: { id: string; name: string } | null;
  status: RecognitionStatus;
  versionHash: string | null;
  signedBy: string | null;
  signedAt: Date | null;
  /** Signed for an older version of the specification than the current one. */
  signedEarlierVersion: boolean;
  /** The specification's editors asked the receiving institution to sign (and it has not answered yet). */
  requestedAt: Date | null;
  canSign: boolean;
  canWithdraw: boolean;
};

/** Institutions on Concord by their exact name (case and outer spaces aside). */
async function institutionsNamed(q: Queryable, names: string[]): Promise<Map<string, { id: string; name: string }>> {
  const wanted = [...new Set(names.map((n) => n.trim().toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.kind, "institution"), inArray(sql<string>`lower(btrim(${organizations.name}))`, wanted)));
  return new Map(rows.map((r) => [r.name.trim().toLowerCase(), r]));
}

async function recordsOf(q: Queryable, documentId: string) {
  return q
    .select({
      id: recognitions.id,
      rowId: recognitions.rowId,
      receivingOrganizationId: recognitions.receivingOrganizationId,
      status: recognitions.status,
      versionHash: recognitions.versionHash,
      signedAt: recognitions.signedAt,
      requestedAt: recognitions.createdAt,
      signedBy: users.name,
    })
    .from(recognitions)
    .leftJoin(users, eq(users.id, recognitions.signedBy))
    .where(eq(recognitions.documentId, documentId));
}

/** The rows of `fields` with their recognition state (no permission check: callers gate). */
export async function recognitionsForContent(q: Queryable, actor: Actor | null, documentId: string, fields: CanonicalFields, currentHash: string | null): Promise<RecognitionView[]> {
  const rows = ladderingRows(fields);
  const [orgs, records] = await Promise.all([institutionsNamed(q, rows.map((r) => r.institution)), recordsOf(q, documentId)]);
  return rows.map((row) => {
    const org = orgs.get(row.institution.toLowerCase()) ?? null;
    const record = org ? records.find((r) => r.rowId === row.rowId && r.receivingOrganizationId === org.id) : undefined;
    const status: RecognitionStatus = record?.status ?? "proposed";
    return {
      ...row,
      receivingOrganization: org,
      status,
      versionHash: record?.versionHash ?? null,
      signedBy: record?.signedBy ?? null,
      signedAt: record?.signedAt ?? null,
      signedEarlierVersion: status === "confirmed" && currentHash !== null && record?.versionHash !== currentHash,
      requestedAt: record?.status === "proposed" ? record.requestedAt : null,
      canSign: Boolean(actor && org && status !== "confirmed" && can(actor, "recognition.sign", { type: "recognition", receivingOrganizationId: org.id })),
      canWithdraw: Boolean(actor && org && status === "confirmed" && can(actor, "recognition.withdraw", { type: "recognition", receivingOrganizationId: org.id })),
    };
  });
}

async function loadSpecification(q: Queryable, documentId: string) {
  const [doc] = await q.select({ id: documents.id, title: documents.title, kind: documents.kind, projectId: documents.projectId, status: documents.status }).from(documents).where(eq(documents.id, documentId));
  return doc?.kind === "credential_spec" ? doc : null;
}

/**
 * The specification's recognitions as the actor sees them: everyone who may view the document sees
 * every row; a member of a receiving institution outside the project sees only its own rows (what it
 * is asked to sign). 404 for anyone else.
 */
export async function recognitionsOf(actor: Actor, documentId: string, q: Queryable = db()) {
  const doc = await loadSpecification(q, documentId);
  if (!doc) throw notFound();
  const content = await loadCurrentContent(q, documentId, "credential_spec");
  const all = await recognitionsForContent(q, actor, documentId, content.canonical.fields, content.hash);
  const viewer = await checkDocumentView(actor, documentId, q);
  const mine = new Set(actor.memberships.map((m) => m.organizationId));
  const rows = viewer ? all : all.filter((r) => r.receivingOrganization && mine.has(r.receivingOrganization.id));
  if (!viewer && rows.length === 0) throw notFound();
  const gated = viewer ? await loadGatedDocument(documentId, q) : null;
  const canRequest = Boolean(gated && can(actor, "recognition.request", gated.resource));
  return { document: { id: doc.id, title: doc.title, status: doc.status }, versionHash: content.hash, rows, canViewDocument: viewer, canRequest };
}

/** One row of the current content, checked against the actor's right to act on it (else 403/404). */
async function actionableRow(tx: Queryable, actor: Actor, documentId: string, rowId: string) {
  const doc = await loadSpecification(tx, documentId);
  if (!doc) throw notFound();
  const content = await loadCurrentContent(tx, documentId, "credential_spec");
  const [row] = (await recognitionsForContent(tx, actor, documentId, content.canonical.fields, content.hash)).filter((r) => r.rowId === rowId);
  return { doc, content, row };
}

async function lockRecognitions(tx: Queryable, documentId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`recognition:${documentId}`}))`);
}

async function existingRecord(tx: Queryable, documentId: string, rowId: string, receivingOrganizationId: string): Promise<string | undefined> {
  const [existing] = await tx
    .select({ id: recognitions.id })
    .from(recognitions)
    .where(and(eq(recognitions.documentId, documentId), eq(recognitions.rowId, rowId), eq(recognitions.receivingOrganizationId, receivingOrganizationId)));
  return existing?.id;
}

/** A recognition event in the specification's audit trail, in the receiving institution's name. */
async function recordRecognitionEvent(
  tx: Transaction,
  at: { documentId: string; projectId: string; receivingOrganizationId: string; versionHash?: string },
  actor: Actor,
  meta: RequestMeta,
  event: AuditEvent,
  createdAt: Date,
): Promise<void> {
  await appendAuditEvent(tx, {
    documentId: at.documentId,
    projectId: at.projectId,
    organizationId: at.receivingOrganizationId,
    actorUserId: actor.userId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    ...(at.versionHash ? { versionHash: at.versionHash } : {}),
    event,
    createdAt,
  });
}

/**
 * A member of the receiving institution signs the row's recognition for the version it read
 * (`versionHash`): refused when the specification changed since, or the row is gone.
 */
export async function signRecognition(actor: Actor, documentId: string, rowId: string, versionHash: string, meta: RequestMeta): Promise<void> {
  await db().transaction(async (tx) => {
    await lockRecognitions(tx, documentId);
    const { doc, content, row } = await actionableRow(tx, actor, documentId, rowId);
    if (!row?.receivingOrganization) throw notFound();
    const receivingOrganizationId = row.receivingOrganization.id;
    if (!can(actor, "recognition.sign", { type: "recognition", receivingOrganizationId })) {
      if (await checkDocumentView(actor, documentId, tx)) throw forbidden();
      throw notFound();
    }
    if (row.status === "confirmed") throw new RecognitionRuleError("This recognition is already signed.");
    if (versionHash !== content.hash) throw new RecognitionRuleError("The specification changed since you opened it: read it again, then sign.");
    const now = new Date();
    const existing = await existingRecord(tx, documentId, rowId, receivingOrganizationId);
    const id = existing ?? generateId();
    const values = { status: "confirmed" as const, versionHash: content.hash, signedBy: actor.userId, signedAt: now };
    if (existing) await tx.update(recognitions).set(values).where(eq(recognitions.id, id));
    else await tx.insert(recognitions).values({ id, documentId, rowId, receivingOrganizationId, ...values });
    await recordRecognitionEvent(tx, { documentId, projectId: doc.projectId, receivingOrganizationId, versionHash: content.hash }, actor, meta, auditEvent("recognition.signed", { recognitionId: id, rowId, receivingOrganizationId, program: row.program, versionHash: content.hash }), now);
  });
}

/**
 * The specification's editors ask the receiving institution to sign a row: its members are told
 * (notification "recognition_awaiting") and find it in their inbox until they sign. Asking again
 * after a withdrawal puts the row back in front of them.
 */
export async function requestRecognition(actor: Actor, documentId: string, rowId: string, meta: RequestMeta): Promise<void> {
  await db().transaction(async (tx) => {
    await lockRecognitions(tx, documentId);
    const access = documentAccess(actor, await loadGatedDocument(documentId, tx), "recognition.request");
    if (!access.ok) throw access.status === 404 ? notFound() : forbidden();
    const { doc, row } = await actionableRow(tx, actor, documentId, rowId);
    if (!row) throw notFound();
    if (!row.receivingOrganization) throw new RecognitionRuleError("No institution on Concord has this exact name: correct the row's institution first.");
    if (row.status === "confirmed") throw new RecognitionRuleError("This recognition is already signed.");
    if (row.requestedAt) throw new RecognitionRuleError("The receiving institution has already been asked.");
    const receivingOrganizationId = row.receivingOrganization.id;
    const now = new Date();
    const existing = await existingRecord(tx, documentId, rowId, receivingOrganizationId);
    const id = existing ?? generateId();
    // createdAt is when the current request was made: what the inbox sorts by.
    const values = { status: "proposed" as const, versionHash: null, signedBy: null, signedAt: null, createdAt: now };
    if (existing) await tx.update(recognitions).set(values).where(eq(recognitions.id, id));
    else await tx.insert(recognitions).values({ id, documentId, rowId, receivingOrganizationId, ...values });
    await recordRecognitionEvent(tx, { documentId, projectId: doc.projectId, receivingOrganizationId }, actor, meta, auditEvent("recognition.requested", { recognitionId: id, rowId, receivingOrganizationId, program: row.program }), now);
    await notify(
      tx,
      await membersOf(tx, [receivingOrganizationId]),
      { kind: "recognition_awaiting", params: { document: doc.title, program: row.program }, link: `/documents/${documentId}/recognitions` },
      actor.userId,
    );
  });
}

/**
 * The receiving institution withdraws a confirmed recognition (the program changed, the agreement
 * ended): the row is no longer shown as confirmed in the catalog and exports; the audit trail keeps
 * both the signature and the withdrawal.
 */
export async function withdrawRecognition(actor: Actor, documentId: string, rowId: string, reason: string, meta: RequestMeta): Promise<void> {
  await db().transaction(async (tx) => {
    await lockRecognitions(tx, documentId);
    const { doc, row } = await actionableRow(tx, actor, documentId, rowId);
    if (!row?.receivingOrganization) throw notFound();
    const receivingOrganizationId = row.receivingOrganization.id;
    if (!can(actor, "recognition.withdraw", { type: "recognition", receivingOrganizationId })) {
      if (await checkDocumentView(actor, documentId, tx)) throw forbidden();
      throw notFound();
    }
    if (row.status !== "confirmed") throw new RecognitionRuleError("Only a signed recognition can be withdrawn.");
    const id = await existingRecord(tx, documentId, rowId, receivingOrganizationId);
    if (!id) throw notFound();
    const now = new Date();
    await tx.update(recognitions).set({ status: "withdrawn" }).where(eq(recognitions.id, id));
    await recordRecognitionEvent(tx, { documentId, projectId: doc.projectId, receivingOrganizationId }, actor, meta, auditEvent("recognition.withdrawn", { recognitionId: id, rowId, receivingOrganizationId, program: row.program, reason: reason.trim() }), now);
  });
}

export type AwaitingRecognition = { documentId: string; documentTitle: string; rowId: string; program: string; organizationName: string; since: Date };

/**
 * Recognitions the actor's institutions were asked to sign and have not (inbox). A request whose
 * row was since removed or renamed away from the institution no longer waits for anyone.
 */
export async function recognitionsAwaiting(actor: Actor, q: Queryable = db()): Promise<AwaitingRecognition[]> {
  const mine = actor.memberships.map((m) => m.organizationId);
  if (mine.length === 0) return [];
  const requests = await q
    .select({ documentId: recognitions.documentId, rowId: recognitions.rowId, receivingOrganizationId: recognitions.receivingOrganizationId, since: recognitions.createdAt, title: documents.title })
    .from(recognitions)
    .innerJoin(documents, eq(documents.id, recognitions.documentId))
    .where(and(eq(recognitions.status, "proposed"), inArray(recognitions.receivingOrganizationId, mine)))
    .orderBy(asc(recognitions.createdAt));
  const awaiting: AwaitingRecognition[] = [];
  for (const documentId of new Set(requests.map((r) => r.documentId))) {
    const content = await loadCurrentContent(q, documentId, "credential_spec");
    const rows = await recognitionsForContent(q, actor, documentId, content.canonical.fields, content.hash);
    for (const request of requests.filter((r) => r.documentId === documentId)) {
      const row = rows.find((r) => r.rowId === request.rowId && r.receivingOrganization?.id === request.receivingOrganizationId);
      if (row?.requestedAt && row.receivingOrganization) {
        awaiting.push({ documentId, documentTitle: request.title, rowId: row.rowId, program: row.program, organizationName: row.receivingOrganization.name, since: request.since });
      }
    }
  }
  return awaiting.sort((a, b) => a.since.getTime() - b.since.getTime());
}

/** Confirmed recognitions of rows still in `fields` (an approved snapshot): what the catalog and exports show. */
export async function confirmedRecognitions(documentId: string, fields: CanonicalFields, q: Queryable = db()): Promise<RecognitionView[]> {
  return (await recognitionsForContent(q, null, documentId, fields, null)).filter((r) => r.status === "confirmed");
}
