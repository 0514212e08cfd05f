/**
 * Reading and managing the framework library. Frameworks are reference data: every signed-in user
 * may read every framework; the owning organization's admins may delete one. The tree is read a
 * level or a slice at a time (frameworks reach 50,000 competencies): `position` is each
 * competency's pre-order index, so the fully expanded tree is `ORDER BY position`.
 *
 * Contract notes (for the routes): search hits also carry `ancestorIds` (to expand the tree to a
 * hit); `deleteFramework` takes the request's `meta` for the audit trail as an optional third
 * argument; `frameworkTreeSlice` answers at most 5,000 rows; `FrameworkDetail.changes` is what
 * this version changed against the previous one; `deleteFramework` throws FrameworkInUseError
 * (./usage.server.ts) while a specification references the version.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db } from "~/db.server";
import { frameworkCompetencies, frameworkImports, frameworks } from "../../../db/schema/frameworks";
import { organizations } from "../../../db/schema/organizations";
import { appendAuditEvent, type RequestMeta } from "~/modules/audit/audit.server";
import { auditEvent } from "~/modules/audit/events";
import { toCtdlAsnCsv, toCtdlAsnJsonLd, type ExportedCompetency } from "~/modules/frameworks/export/ctdl-asn.server";
import type { FrameworkChanges } from "~/modules/frameworks/imports.server";
import type { FrameworkMetadata } from "~/modules/frameworks/import/types";
import { documentsUsingFramework, FrameworkInUseError } from "~/modules/frameworks/usage.server";
import type { Actor } from "~/modules/permissions/can";
import { forbidden, notFound } from "~/modules/permissions/require.server";

export type FrameworkVersion = {
  id: string;
  versionNumber: number;
  versionLabel: string | null;
  competencyCount: number;
  importedAt: Date;
};

export type FrameworkSummary = {
  /** The latest version's id. */
  id: string;
  sourceIdentifier: string;
  name: string;
  publisher: string | null;
  versionLabel: string | null;
  versionNumber: number;
  competencyCount: number;
  language: string | null;
  organizationId: string;
  organizationName: string;
  importedAt: Date;
  /** Older versions' ids, newest first. */
  olderVersionIds: string[];
};

export type FrameworkDetail = {
  id: string;
  sourceIdentifier: string;
  name: string;
  description: string | null;
  publisher: string | null;
  versionLabel: string | null;
  versionNumber: number;
  competencyCount: number;
  language: string | null;
  licence: string | null;
  licenceUri: string | null;
  sourceUri: string | null;
  ctid: string | null;
  /** import/types.ts FrameworkFormat of the file it came from. */
  format: string;
  organizationId: string;
  organizationName: string;
  importedAt: Date;
  /** Whether the actor is an admin of the owning organization (may delete it, import versions). */
  mayManage: boolean;
  /** Every version of this source identifier, newest first (this one included). */
  versions: FrameworkVersion[];
  /** What this version changed against the previous one; null for a first version. */
  changes: FrameworkChanges | null;
};

export type TreeNode = {
  id: string;
  code: string | null;
  statement: string;
  depth: number;
  parentId: string | null;
  childCount: number;
  position: number;
};

export type SearchHit = TreeNode & {
  /** Ancestors' labels ("CAP.1 Assess climate risk"), top level first. */
  path: string[];
  /** Ancestors' ids, top level first: what to expand to show the hit in the tree. */
  ancestorIds: string[];
};

const fc = frameworkCompetencies;

/** Latest version of every source identifier, by name; older versions' ids alongside. */
export async function listFrameworks(): Promise<FrameworkSummary[]> {
  const rows = await db()
    .select({ framework: frameworks, organizationName: organizations.name })
    .from(frameworks)
    .innerJoin(organizations, eq(organizations.id, frameworks.organizationId))
    .orderBy(asc(frameworks.sourceIdentifier), desc(frameworks.versionNumber));
  const bySource = new Map<string, FrameworkSummary>();
  for (const { framework: f, organizationName } of rows) {
    const latest = bySource.get(f.sourceIdentifier);
    if (latest) {
      latest.olderVersionIds.push(f.id);
      continue;
    }
    bySource.set(f.sourceIdentifier, {
      id: f.id,
      sourceIdentifier: f.sourceIdentifier,
      name: f.name,
      publisher: f.publisher,
      versionLabel: f.versionLabel,
      versionNumber: f.versionNumber,
      competencyCount: f.competencyCount,
      language: f.language,
      organizationId: f.organizationId,
      organizationName,
      importedAt: f.importedAt,
      olderVersionIds: [],
    });
  }
  return [...bySource.values()].sort((a, b) => a.name.localeCompare(b.name, "en-CA"));
}

/** One framework version for a signed-in user; 404 when it does not exist. */
export async function getFramework(actor: Actor, id: string): Promise<FrameworkDetail> {
  const [row] = await db()
    .select({ framework: frameworks, organizationName: organizations.name })
    .from(frameworks)
    .innerJoin(organizations, eq(organizations.id, frameworks.organizationId))
    .where(eq(frameworks.id, id))
    .limit(1);
  if (!row) throw notFound();
  const f = row.framework;
  const [versions, [imported]] = await Promise.all([
    db()
      .select({
        id: frameworks.id,
        versionNumber: frameworks.versionNumber,
        versionLabel: frameworks.versionLabel,
        competencyCount: frameworks.competencyCount,
        importedAt: frameworks.importedAt,
      })
      .from(frameworks)
      .where(eq(frameworks.sourceIdentifier, f.sourceIdentifier))
      .orderBy(desc(frameworks.versionNumber)),
    db().select({ changes: frameworkImports.changes }).from(frameworkImports).where(eq(frameworkImports.frameworkId, id)).limit(1),
  ]);
  return {
    id: f.id,
    sourceIdentifier: f.sourceIdentifier,
    name: f.name,
    description: f.description,
    publisher: f.publisher,
    versionLabel: f.versionLabel,
    versionNumber: f.versionNumber,
    competencyCount: f.competencyCount,
    language: f.language,
    licence: f.licence,
    licenceUri: f.licenceUri,
    sourceUri: f.sourceUri,
    ctid: f.ctid,
    format: f.format,
    organizationId: f.organizationId,
    organizationName: row.organizationName,
    importedAt: f.importedAt,
    mayManage: isAdminOf(actor, f.organizationId),
    versions,
    changes: (imported?.changes as FrameworkChanges | null | undefined) ?? null,
  };
}

function isAdminOf(actor: Actor, organizationId: string): boolean {
  return actor.memberships.some((m) => m.organizationId === organizationId && m.role === "admin");
}

const treeNodeColumns = {
  id: fc.id,
  code: fc.code,
  statement: fc.statement,
  depth: fc.depth,
  parentId: fc.parentId,
  position: fc.position,
  // Written out in full: drizzle leaves columns unqualified inside a select list, which a
  // correlated subquery on the same table would read as its own.
  childCount: sql<number>`(SELECT count(*)::int FROM framework_competencies AS child WHERE child.framework_id = framework_competencies.framework_id AND child.parent_id = framework_competencies.id)`,
};

function treeNodes(where: SQL | undefined, limit?: number): Promise<TreeNode[]> {
  const query = db().select(treeNodeColumns).from(fc).where(where).orderBy(asc(fc.position));
  return (limit === undefined ? query : query.limit(limit)).then((rows) =>
    rows.map((row) => ({ ...row, childCount: Number(row.childCount) })),
  );
}

/** The children of `parentId` (the top level when null), in sibling order. */
export function frameworkChildren(frameworkId: string, parentId: string | null): Promise<TreeNode[]> {
  return treeNodes(and(eq(fc.frameworkId, frameworkId), parentId === null ? sql`${fc.parentId} IS NULL` : eq(fc.parentId, parentId)));
}

/** Rows `offset … offset + limit - 1` of the fully expanded tree (pre-order). */
export function frameworkTreeSlice(frameworkId: string, slice: { offset: number; limit: number }): Promise<TreeNode[]> {
  const offset = Math.max(0, Math.floor(slice.offset));
  const limit = Math.min(5000, Math.max(0, Math.floor(slice.limit)));
  return treeNodes(and(eq(fc.frameworkId, frameworkId), gte(fc.position, offset), lt(fc.position, offset + limit)));
}

/**
 * Competencies whose code, statement or description contain every word of `query` (the last one
 * as a prefix, so results come while typing), and any whose code is exactly the query; exact code
 * matches first, then in tree order.
 */
export async function searchCompetencies(frameworkId: string, query: string, limit = 50): Promise<SearchHit[]> {
  const trimmed = query.trim().slice(0, 200);
  if (trimmed === "") return [];
  const tsquery = prefixTsQuery(trimmed);
  const exactCode = sql`lower(${fc.code}) = lower(${trimmed})`;
  const matches = tsquery ? sql`(${fc.search} @@ to_tsquery('simple', ${tsquery}) OR ${exactCode})` : exactCode;
  const rows = await db()
    .select(treeNodeColumns)
    .from(fc)
    .where(and(eq(fc.frameworkId, frameworkId), matches))
    .orderBy(sql`CASE WHEN ${exactCode} THEN 0 ELSE 1 END`, asc(fc.position))
    .limit(Math.min(Math.max(1, limit), 500));
  const nodes = rows.map((row) => ({
    ...row,
    childCount: Number(row.childCount),
  }));
  const ancestors = await ancestorsOf(frameworkId, nodes);
  return nodes.map((node) => {
    const chain: Array<{ id: string; label: string }> = [];
    for (let id = node.parentId; id !== null; ) {
      const ancestor = ancestors.get(id);
      if (!ancestor) break;
      chain.unshift({
        id,
        label: ancestor.code ? `${ancestor.code} ${ancestor.statement}` : ancestor.statement,
      });
      id = ancestor.parentId;
    }
    return {
      ...node,
      path: chain.map((a) => a.label),
      ancestorIds: chain.map((a) => a.id),
    };
  });
}

/**
 * `'word1' & 'word2' & 'last':*` for to_tsquery: each word quoted (quotes doubled, backslashes
 * dropped) so nothing the person types is read as tsquery syntax. Null when no word is left.
 */
export function prefixTsQuery(query: string): string | null {
  const words = query
    .toLowerCase()
    .split(/[\s&|!():*<>]+/)
    .map((word) => word.replace(/\\/g, "").replace(/'/g, "''"))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) return null;
  return words.map((word, index) => `'${word}'${index === words.length - 1 ? ":*" : ""}`).join(" & ");
}

type AncestorRow = {
  id: string;
  code: string | null;
  statement: string;
  parentId: string | null;
};

/** Every ancestor of the nodes, a level per query (trees are a handful of levels deep). */
async function ancestorsOf(frameworkId: string, nodes: readonly TreeNode[]): Promise<Map<string, AncestorRow>> {
  const found = new Map<string, AncestorRow>();
  let wanted = [...new Set(nodes.map((n) => n.parentId).filter((id): id is string => id !== null))];
  for (let level = 0; wanted.length > 0 && level < 100; level++) {
    const rows = await db()
      .select({
        id: fc.id,
        code: fc.code,
        statement: fc.statement,
        parentId: fc.parentId,
      })
      .from(fc)
      .where(and(eq(fc.frameworkId, frameworkId), inArray(fc.id, wanted)));
    for (const row of rows) found.set(row.id, row);
    wanted = [...new Set(rows.map((r) => r.parentId).filter((id): id is string => id !== null && !found.has(id)))];
  }
  return found;
}

/**
 * Deletes one framework version with its competencies: its organization's admins only (403), and
 * only while no specification references it (FrameworkInUseError, listing them): their rows would
 * point at competencies that no longer exist. Usage is read from projections, so a reference picked
 * within the projection's debounce is not seen — that row keeps its copied words regardless.
 */
export async function deleteFramework(actor: Actor, id: string, meta: RequestMeta = { ip: null, userAgent: null }): Promise<void> {
  await db().transaction(async (tx) => {
    const [f] = await tx.select().from(frameworks).where(eq(frameworks.id, id)).for("update");
    if (!f) throw notFound();
    if (!isAdminOf(actor, f.organizationId)) throw forbidden("Only an admin of the organization that owns this framework may delete it.");
    const using = await documentsUsingFramework(id, tx);
    if (using.length > 0) throw new FrameworkInUseError(using);
    // The next version now follows the one before this (the chain of versions stays linked).
    await tx.update(frameworks).set({ previousVersionId: f.previousVersionId }).where(eq(frameworks.previousVersionId, id));
    await tx.delete(frameworks).where(eq(frameworks.id, id));
    await appendAuditEvent(tx, {
      organizationId: f.organizationId,
      actorUserId: actor.userId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      event: auditEvent("framework.deleted", {
        frameworkId: f.id,
        name: f.name,
        sourceIdentifier: f.sourceIdentifier,
        versionNumber: f.versionNumber,
      }),
      createdAt: new Date(),
    });
  });
}

export type FrameworkExportFormat = "csv" | "ctdl-asn";

/** The framework in the CTDL-ASN CSV bulk-upload layout or as CTDL-ASN JSON-LD; 404 when missing. */
export async function exportFramework(
  frameworkId: string,
  format: FrameworkExportFormat,
): Promise<{ fileName: string; contentType: string; body: string }> {
  const [f] = await db().select().from(frameworks).where(eq(frameworks.id, frameworkId)).limit(1);
  if (!f) throw notFound();
  const rows = await db()
    .select({
      id: fc.id,
      sourceId: fc.sourceId,
      code: fc.code,
      statement: fc.statement,
      description: fc.description,
      typeLabel: fc.typeLabel,
      parentId: fc.parentId,
      siblingOrder: fc.siblingOrder,
      sourceUri: fc.sourceUri,
      ctid: fc.ctid,
    })
    .from(fc)
    .where(eq(fc.frameworkId, frameworkId))
    .orderBy(asc(fc.position));
  const sourceIdOf = new Map(rows.map((row) => [row.id, row.sourceId]));
  const competencies: ExportedCompetency[] = rows.map((row) => ({
    sourceId: row.sourceId,
    statement: row.statement,
    parentSourceId: row.parentId === null ? null : sourceIdOf.get(row.parentId) ?? null,
    order: row.siblingOrder,
    ...(row.code ? { code: row.code } : {}),
    ...(row.description ? { description: row.description } : {}),
    ...(row.typeLabel ? { typeLabel: row.typeLabel } : {}),
    ...(row.sourceUri ? { sourceUri: row.sourceUri } : {}),
    ...(row.ctid ? { ctid: row.ctid } : {}),
  }));
  const metadata: FrameworkMetadata = {
    name: f.name,
    sourceIdentifier: f.sourceIdentifier,
    ...(f.description ? { description: f.description } : {}),
    ...(f.publisher ? { publisher: f.publisher } : {}),
    ...(f.versionLabel ? { version: f.versionLabel } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.sourceUri ? { sourceUri: f.sourceUri } : {}),
    ...(f.ctid ? { ctid: f.ctid } : {}),
    ...(f.licence ? { licence: f.licence } : {}),
    ...(f.licenceUri ? { licenceUri: f.licenceUri } : {}),
  };
  const base = fileNameBase(f.name, f.versionNumber);
  return format === "csv"
    ? {
        fileName: `${base}.csv`,
        contentType: "text/csv; charset=utf-8",
        body: toCtdlAsnCsv(metadata, competencies),
      }
    : {
        fileName: `${base}.jsonld`,
        contentType: "application/ld+json; charset=utf-8",
        body: JSON.stringify(toCtdlAsnJsonLd(metadata, competencies), null, 2),
      };
}

/** "climate-adaptation-practitioner-v2": safe in a Content-Disposition header. */
function fileNameBase(name: string, versionNumber: number): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "framework"}-v${versionNumber}`;
}
