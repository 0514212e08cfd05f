/**
 * Recognitions (issue #18): a specification's laddering row counts only when a member of the
 * receiving institution signs it, for the specification's current version (its hash), recorded in
 * the document's audit trail like a sign-off decision. Until then the row is "proposed".
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { users } from "../../../db/schema/auth";
import { documents } from "../../../db/schema/documents";
import { organizations } from "../../../db/schema/organizations";
import { recognitions } from "../../../db/schema/recognitions";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import type { CanonicalFields } from "~/modules/documents/model/types";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";
import { checkDocumentView } from "~/modules/recognitions/access.server";
import { forbidden, notFound } from "~/modules/permissions/require.server";
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
  canSign: boolean;
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
      canSign: Boolean(actor && org && status !== "confirmed" && can(actor, "recognition.sign", { type: "recognition", receivingOrganizationId: org.id })),
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
  return { document: { id: doc.id, title: doc.title, status: doc.status }, versionHash: content.hash, rows, canViewDocument: viewer };
}

/**
 * A member of the receiving institution signs the row's recognition for the version it read
 * (`versionHash`): refused when the specification changed since, or the row is gone.
 */
export async function signRecognition(actor: Actor, documentId: string, rowId: string, versionHash: string, meta: RequestMeta): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`recognition:${documentId}`}))`);
    const doc = await loadSpecification(tx, documentId);
    if (!doc) throw notFound();
    const content = await loadCurrentContent(tx, documentId, "credential_spec");
    const [row] = (await recognitionsForContent(tx, actor, documentId, content.canonical.fields, content.hash)).filter((r) => r.rowId === rowId);
    if (!row?.receivingOrganization) throw notFound();
    const receivingOrganizationId = row.receivingOrganization.id;
    if (!can(actor, "recognition.sign", { type: "recognition", receivingOrganizationId })) {
      if (await checkDocumentView(actor, documentId, tx)) throw forbidden();
      throw notFound();
    }
    if (row.status === "confirmed") throw new RecognitionRuleError("This recognition is already signed.");
    if (versionHash !== content.hash) throw new RecognitionRuleError("The specification changed since you opened it: read it again, then sign.");
    const now = new Date();
    const [existing] = await tx
      .select({ id: recognitions.id })
      .from(recognitions)
      .where(and(eq(recognitions.documentId, documentId), eq(recognitions.rowId, rowId), eq(recognitions.receivingOrganizationId, receivingOrganizationId)));
    const id = existing?.id ?? generateId();
    const values = { status: "confirmed" as const, versionHash: content.hash, signedBy: actor.userId, signedAt: now };
    if (existing) await tx.update(recognitions).set(values).where(eq(recognitions.id, id));
    else await tx.insert(recognitions).values({ id, documentId, rowId, receivingOrganizationId, ...values });
    await appendAuditEvent(tx, {
      documentId,
      projectId: doc.projectId,
      organizationId: receivingOrganizationId,
      actorUserId: actor.userId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      versionHash: content.hash,
      event: auditEvent("recognition.signed", { recognitionId: id, rowId, receivingOrganizationId, program: row.program, versionHash: content.hash }),
      createdAt: now,
    });
  });
}

/** Confirmed recognitions of rows still in `fields` (an approved snapshot): what the catalog and exports show. */
export async function confirmedRecognitions(documentId: string, fields: CanonicalFields, q: Queryable = db()): Promise<RecognitionView[]> {
  return (await recognitionsForContent(q, null, documentId, fields, null)).filter((r) => r.status === "confirmed");
}
