/**
 * Named versions of a document and the diff between any two of them (or one and the current
 * content). A version stores the durable Yjs state (what the collaboration server has written,
 * which includes everything anyone was shown) and its canonical form + hash from the model, so
 * history diffs the same JSON that approvals are bound to.
 *
 * `saveVersion` is the system verb (sign-off calls it at workflow events, inside its own
 * transaction if it passes one); `saveNamedVersion` is the person's "Save version", gated with
 * `requireDocument(actor, id, "document.edit")`. Reading history needs `document.view`. Refusals
 * are thrown as the gate's 404/403 `Response`s.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import { db, type Queryable, type Transaction } from "~/db.server";
import { loadDocumentState, withStoredDocument } from "~/modules/documents/store/stored-document.server";
import { users } from "../../../db/schema/auth";
import { documents } from "../../../db/schema/documents";
import { documentVersions } from "../../../db/schema/versions";
import { notFound, requireDocument } from "~/modules/permissions/require.server";
import { canonicalDocument, canonicalHash, diffCanonical, type CanonicalDiff, type CanonicalDocument, type DocumentKind } from "~/modules/documents/model";
import { generateId } from "~/modules/ids.server";
import { can, type Actor } from "~/modules/permissions/can";

export const VERSION_NAME_MAX = 120;

export const VersionNameSchema = z
  .string({ error: "Name the version" })
  .trim()
  .min(1, "Name the version")
  .max(VERSION_NAME_MAX, `A version name is ${VERSION_NAME_MAX} characters at most`);

export const SaveVersionSchema = z.object({
  name: VersionNameSchema,
  reason: z.string().trim().max(500, "A note is 500 characters at most").optional().transform((value) => value || null),
});

export type SavedVersion = { id: string; number: number; contentHash: string; canonical: CanonicalDocument };

/** Canonical form of a Yjs state (empty state: an empty document of the kind). */
export function canonicalOfState(state: Uint8Array | null, kind: DocumentKind): CanonicalDocument {
  const ydoc = new Y.Doc();
  try {
    if (state && state.length > 0) Y.applyUpdate(ydoc, state);
    return canonicalDocument(ydoc, kind);
  } finally {
    ydoc.destroy();
  }
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Stores a version of the document's current durable content. Numbers are 1, 2, 3… per document:
 * the document row is locked (FOR NO KEY UPDATE, which does not block the collaboration server's
 * inserts that only reference the row) while the next number is read and written, so concurrent
 * saves get distinct, consecutive numbers.
 *
 * `options.state` lets a caller that already read the state (and hashed it, e.g. sign-off inside
 * its approval transaction) store exactly that state; `options.tx` runs inside its transaction.
 */
export async function saveVersion(
  documentId: string,
  input: { name: string; auto: boolean; reason?: string | null; actorUserId: string | null },
  options: { tx?: Transaction; state?: Uint8Array } = {},
): Promise<SavedVersion> {
  const name = VersionNameSchema.parse(input.name);
  const q: Queryable = options.tx ?? db();
  const document = await q.query.documents.findFirst({ where: eq(documents.id, documentId), columns: { id: true, kind: true } });
  if (!document) throw notFound();
  const state = options.state ?? (await loadDocumentState(q, documentId)) ?? EMPTY_STATE;
  const canonical = canonicalOfState(state, document.kind);
  const contentHash = await canonicalHash(canonical);
  const id = generateId();
  const write = async (tx: Transaction): Promise<SavedVersion> => {
    await tx.select({ id: documents.id }).from(documents).where(eq(documents.id, documentId)).for("no key update");
    const [row] = await tx
      .select({ next: sql<number>`coalesce(max(${documentVersions.number}), 0) + 1` })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId));
    const number = Number(row?.next ?? 1);
    await tx.insert(documentVersions).values({
      id,
      documentId,
      number,
      name,
      auto: input.auto,
      reason: input.reason ?? null,
      state,
      canonical,
      contentHash,
      createdBy: input.actorUserId,
    });
    return { id, number, contentHash, canonical };
  };
  return options.tx ? write(options.tx) : db().transaction(write);
}

/** A person's "Save version": editors only. */
export async function saveNamedVersion(actor: Actor, documentId: string, input: z.input<typeof SaveVersionSchema>): Promise<SavedVersion> {
  const document = await requireDocument(actor, documentId, "document.edit");
  const parsed = SaveVersionSchema.parse(input);
  return saveVersion(document.id, { name: parsed.name, auto: false, reason: parsed.reason, actorUserId: actor.userId });
}

export type VersionSummary = {
  id: string;
  number: number;
  name: string;
  auto: boolean;
  reason: string | null;
  contentHash: string;
  createdAt: Date;
  createdBy: string | null;
};

const summaryColumns = {
  id: documentVersions.id,
  number: documentVersions.number,
  name: documentVersions.name,
  auto: documentVersions.auto,
  reason: documentVersions.reason,
  contentHash: documentVersions.contentHash,
  createdAt: documentVersions.createdAt,
  createdBy: users.name,
};

async function versionsOf(documentId: string): Promise<VersionSummary[]> {
  return db()
    .select(summaryColumns)
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.createdBy))
    .where(eq(documentVersions.documentId, documentId))
    .orderBy(desc(documentVersions.number));
}

/** Versions newest first (without their content). */
export async function listVersions(actor: Actor, documentId: string): Promise<VersionSummary[]> {
  const document = await requireDocument(actor, documentId, "document.view");
  return versionsOf(document.id);
}

/** The history panel: the versions, and whether this person may save one now. */
export async function versionHistory(actor: Actor, documentId: string): Promise<{ versions: VersionSummary[]; canSave: boolean }> {
  const document = await requireDocument(actor, documentId, "document.view");
  return { versions: await versionsOf(document.id), canSave: can(actor, "document.edit", document.resource) };
}

export async function getVersion(actor: Actor, documentId: string, number: number): Promise<VersionSummary & { canonical: CanonicalDocument }> {
  const document = await requireDocument(actor, documentId, "document.view");
  const [row] = await db()
    .select({ ...summaryColumns, canonical: documentVersions.canonical })
    .from(documentVersions)
    .leftJoin(users, eq(users.id, documentVersions.createdBy))
    .where(and(eq(documentVersions.documentId, document.id), eq(documentVersions.number, number)));
  if (!row) throw notFound(`Version ${number} does not exist`);
  return row;
}

/** One side of a comparison: a stored version number, or "current" (the durable content now). */
export const VersionRefSchema = z.union([z.literal("current"), z.coerce.number().int().min(1)]);
export type VersionRef = z.infer<typeof VersionRefSchema>;

export type ComparisonSide = { ref: VersionRef; label: string; version: VersionSummary | null; contentHash: string };

export type Comparison = { kind: DocumentKind; documentTitle: string; from: ComparisonSide; to: ComparisonSide; diff: CanonicalDiff };

/** The canonical form and hash of the document's current durable content. */
export async function currentCanonical(documentId: string, kind: DocumentKind): Promise<{ canonical: CanonicalDocument; contentHash: string }> {
  const canonical = await withStoredDocument(db(), documentId, (ydoc) => canonicalDocument(ydoc, kind));
  return { canonical, contentHash: await canonicalHash(canonical) };
}

export async function compareVersions(actor: Actor, documentId: string, from: VersionRef, to: VersionRef): Promise<Comparison> {
  const document = await requireDocument(actor, documentId, "document.view");
  let current: Promise<{ canonical: CanonicalDocument; contentHash: string }> | null = null;
  const side = async (ref: VersionRef): Promise<ComparisonSide & { canonical: CanonicalDocument }> => {
    if (ref === "current") {
      current ??= currentCanonical(document.id, document.kind);
      const { canonical, contentHash } = await current;
      return { ref, label: "Current content", version: null, contentHash, canonical };
    }
    const { canonical, ...version } = await getVersion(actor, document.id, ref);
    return { ref, label: `Version ${version.number} — ${version.name}`, version, contentHash: version.contentHash, canonical };
  };
  const [a, b] = await Promise.all([side(from), side(to)]);
  const diff = diffCanonical(a.canonical, b.canonical);
  const strip = ({ canonical: _canonical, ...rest }: ComparisonSide & { canonical: CanonicalDocument }): ComparisonSide => rest;
  return { kind: document.kind, documentTitle: document.title, from: strip(a), to: strip(b), diff };
}
