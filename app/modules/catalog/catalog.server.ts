/**
 * The public catalog (issue #17): every credential specification whose status is approved, read
 * from its latest approved round's snapshot through the exports' own loader. No sign-in: approval
 * is what publishes a specification. A withdrawn or reopened one is no longer "approved" and
 * leaves at once (the list query reads the status on every call).
 *
 * Entries are cached per document and approved round: a round's snapshot never changes, so only a
 * new approval (a new round number) builds an entry again. The cost of a cached list is one
 * indexed query; names of organizations renamed since an approval show at the next approval.
 */
import { and, count, eq, inArray, max, sql } from "drizzle-orm";
import { recognitions } from "../../../db/schema/recognitions";
import { db, type Queryable } from "~/db.server";
import { resultRows } from "../../../db/client";
import { documents } from "../../../db/schema/documents";
import { frameworks } from "../../../db/schema/frameworks";
import { signoffRounds } from "../../../db/schema/signoff";
import { catalogEntry, compareEntries, matchesFilters, searchText, type CatalogEntry, type FrameworkMatch } from "~/modules/catalog/entry";
import type { CatalogFilters } from "~/modules/catalog/filters";
import { frameworkLabel } from "~/modules/documents/kinds/competency-references";
import { loadPublicApprovedExport } from "~/modules/exports/exports.server";
import { prefixTsQuery } from "~/modules/frameworks/library.server";

/** Entries kept: far more than a consortium publishes; beyond it the oldest built go first. */
const CACHE_LIMIT = 2000;
const cache = new Map<string, { entry: CatalogEntry; search: string }>();

/** Drops every cached entry (tests; a deploy starts empty anyway). */
export function clearCatalogCache(): void {
  cache.clear();
}

async function approvedRounds(q: Queryable): Promise<Array<{ id: string; round: number }>> {
  const rows = await q
    .select({ id: documents.id, round: max(signoffRounds.number) })
    .from(documents)
    .innerJoin(signoffRounds, and(eq(signoffRounds.documentId, documents.id), eq(signoffRounds.status, "approved")))
    .where(and(eq(documents.kind, "credential_spec"), eq(documents.status, "approved")))
    .groupBy(documents.id);
  return rows.flatMap((r) => (r.round === null ? [] : [{ id: r.id, round: Number(r.round) }]));
}

/** When the document's recognitions last changed: a signature changes its entry without a new round (issue #18). */
async function recognitionStamp(q: Queryable, id: string): Promise<string> {
  const [row] = await q.select({ n: count(), stamp: max(recognitions.signedAt) }).from(recognitions).where(eq(recognitions.documentId, id));
  return `${row?.n ?? 0}:${row?.stamp ? new Date(row.stamp).getTime() : ""}`;
}

async function cachedEntry(q: Queryable, id: string, round: number): Promise<{ entry: CatalogEntry; search: string } | null> {
  const key = `${id}:${round}:${await recognitionStamp(q, id)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  // The entry reads no address: the origin is only for the export builders' identifiers.
  const approved = await loadPublicApprovedExport(id, "", q);
  if (!approved) return null;
  const entry = catalogEntry(approved.spec, approved.context);
  const built = { entry, search: searchText(entry) };
  for (const old of cache.keys()) if (old.startsWith(`${id}:`)) cache.delete(old);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, built);
  return built;
}

async function allEntries(q: Queryable): Promise<Array<{ entry: CatalogEntry; search: string }>> {
  const rounds = await approvedRounds(q);
  const entries = [];
  // One at a time: a cold cache on a 2-core box should not open a query per credential at once.
  for (const { id, round } of rounds) {
    const built = await cachedEntry(q, id, round);
    if (built) entries.push(built);
  }
  return entries;
}

/** The library framework a filter names, with every version of it; null when there is none. */
async function frameworkMatch(q: Queryable, id: string): Promise<FrameworkMatch | null> {
  const [named] = await q.select({ sourceIdentifier: frameworks.sourceIdentifier }).from(frameworks).where(eq(frameworks.id, id)).limit(1);
  if (!named) return null;
  const versions = await q
    .select({ id: frameworks.id, name: frameworks.name, versionLabel: frameworks.versionLabel })
    .from(frameworks)
    .where(eq(frameworks.sourceIdentifier, named.sourceIdentifier));
  return {
    ids: new Set(versions.map((v) => v.id)),
    // Rows copied from the library name the framework as "Name (version)"; older rows by name.
    labels: new Set(versions.flatMap((v) => [v.name, frameworkLabel(v.name, v.versionLabel)]).map((label) => label.trim().toLowerCase())),
  };
}

/**
 * Ids whose text matches the search: Postgres full-text search (English stemming, last word as a
 * prefix) over the entries' words, sent as one JSON array. Works on PGlite alike.
 */
async function searchIds(q: Queryable, candidates: ReadonlyArray<{ entry: CatalogEntry; search: string }>, query: string): Promise<Set<string>> {
  const tsquery = prefixTsQuery(query);
  if (!tsquery || candidates.length === 0) return new Set();
  const payload = JSON.stringify(candidates.map((c) => ({ id: c.entry.id, text: c.search })));
  const rows = resultRows<{ id: string }>(
    await q.execute(
      sql`SELECT e->>'id' AS id FROM jsonb_array_elements(${payload}::jsonb) AS e WHERE to_tsvector('english', e->>'text') @@ to_tsquery('english', ${tsquery})`,
    ),
  );
  return new Set(rows.map((r) => r.id));
}

/** The approved credentials that pass the filters, in catalog order (title, then id). */
export async function listCatalog(filters: CatalogFilters = {}, q: Queryable = db()): Promise<CatalogEntry[]> {
  const [entries, framework] = await Promise.all([allEntries(q), filters.framework ? frameworkMatch(q, filters.framework) : Promise.resolve(null)]);
  let passing = entries.filter((e) => matchesFilters(e.entry, filters, framework));
  if (filters.q) {
    const ids = await searchIds(q, passing, filters.q);
    passing = passing.filter((e) => ids.has(e.entry.id));
  }
  return passing.map((e) => e.entry).sort(compareEntries);
}

/** One approved credential by document id; null when it is not (or no longer) approved. */
export async function catalogCredential(id: string, q: Queryable = db()): Promise<CatalogEntry | null> {
  const [row] = await q
    .select({ round: max(signoffRounds.number) })
    .from(documents)
    .innerJoin(signoffRounds, and(eq(signoffRounds.documentId, documents.id), eq(signoffRounds.status, "approved")))
    .where(and(eq(documents.id, id), eq(documents.kind, "credential_spec"), eq(documents.status, "approved")));
  if (!row || row.round === null) return null;
  return (await cachedEntry(q, id, Number(row.round)))?.entry ?? null;
}

/** The document id a catalog slug ends with (`<title-slug>-<id>`), among approved credentials. */
export async function credentialIdOfSlug(slug: string, q: Queryable = db()): Promise<string | null> {
  // Ids may contain "-" (demo ids do): try each suffix, longest first, against approved specifications.
  const parts = slug.split("-");
  const candidates = parts.map((_, i) => parts.slice(i).join("-")).filter((c) => c.length > 0 && c.length <= 100);
  if (candidates.length === 0) return null;
  const rows = await q
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, candidates), eq(documents.kind, "credential_spec"), eq(documents.status, "approved")));
  const found = new Set(rows.map((r) => r.id));
  return candidates.find((c) => found.has(c)) ?? null;
}
