/**
 * What the read API (/api/v1, issue #17) answers: public data only — approved credentials (the
 * catalog), their Open Badges and CTDL exports, and the framework library's public facts.
 * Pagination is by cursor over the catalog order (title, then id): a cursor names the last item
 * seen, so pages neither repeat nor skip items when credentials are approved in between.
 */
import { compareEntries, type CatalogEntry } from "~/modules/catalog/entry";
import type { CredentialListQuery } from "~/modules/catalog/filters";
import { catalogCredential, listCatalog } from "~/modules/catalog/catalog.server";
import { ApiError } from "~/modules/catalog/api.server";
import { credentialUrls } from "~/modules/exports/context";
import { ctdlCredential } from "~/modules/exports/ctdl";
import { loadPublicApprovedExport } from "~/modules/exports/exports.server";
import { openBadgesDocument } from "~/modules/exports/openbadges";
import { frameworkChildren, getFramework, listFrameworks } from "~/modules/frameworks/library.server";

type CursorKey = { title: string; id: string };

export function encodeCursor(entry: CursorKey): string {
  return Buffer.from(JSON.stringify([entry.title, entry.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") return { title: value[0], id: value[1] };
  } catch {
    // Falls through to the 400 below.
  }
  throw new ApiError(400, "Use the nextCursor of a previous page", "cursor");
}

export function credentialLinks(origin: string, entry: Pick<CatalogEntry, "id" | "title">) {
  const urls = credentialUrls({ origin, documentId: entry.id }, entry.title);
  return { self: `${origin}/api/v1/credentials/${entry.id}`, catalogPage: urls.catalogPage, openBadges: urls.achievement, ctdl: urls.ctdl };
}

function summary(origin: string, entry: CatalogEntry) {
  const { competencies: _competencies, ...rest } = entry;
  return { ...rest, links: credentialLinks(origin, entry) };
}

export async function credentialsPage(query: CredentialListQuery, origin: string) {
  const { cursor, limit, ...filters } = query;
  const after = cursor ? decodeCursor(cursor) : null;
  const all = await listCatalog(filters);
  const rest = after ? all.filter((entry) => compareEntries(entry, after) > 0) : all;
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rest.length > limit && last ? encodeCursor(last) : null;
  let next: string | null = null;
  if (nextCursor) {
    const url = new URL(`${origin}/api/v1/credentials`);
    for (const [key, value] of Object.entries({ ...filters, limit })) if (value !== undefined) url.searchParams.set(key, String(value));
    url.searchParams.set("cursor", nextCursor);
    next = url.toString();
  }
  return { data: page.map((entry) => summary(origin, entry)), nextCursor, links: { next } };
}

export async function credentialDetail(id: string, origin: string) {
  const entry = await catalogCredential(id);
  if (!entry) throw new ApiError(404, "Credential not found");
  return { ...entry, links: credentialLinks(origin, entry) };
}

export async function credentialExport(id: string, format: "openbadges" | "ctdl", origin: string) {
  const approved = await loadPublicApprovedExport(id, origin);
  if (!approved) throw new ApiError(404, "Credential not found");
  return format === "openbadges"
    ? { body: openBadgesDocument(approved.spec, approved.context), contentType: "application/json" }
    : { body: ctdlCredential(approved.spec, approved.context), contentType: "application/ld+json" };
}

function frameworkLinks(origin: string, id: string) {
  return { self: `${origin}/api/v1/frameworks/${id}`, credentials: `${origin}/api/v1/credentials?framework=${encodeURIComponent(id)}` };
}

export async function frameworksList(origin: string) {
  const frameworks = await listFrameworks();
  return {
    data: frameworks.map((f) => ({
      id: f.id,
      sourceIdentifier: f.sourceIdentifier,
      name: f.name,
      publisher: f.publisher,
      versionLabel: f.versionLabel,
      versionNumber: f.versionNumber,
      competencyCount: f.competencyCount,
      language: f.language,
      organization: f.organizationName,
      importedAt: f.importedAt.toISOString(),
      olderVersionIds: f.olderVersionIds,
      links: frameworkLinks(origin, f.id),
    })),
  };
}

/** No one is signed in: the library's reading needs no membership (mayManage is left out). */
const ANONYMOUS = { userId: "", memberships: [] };

export async function frameworkDetail(id: string, origin: string) {
  let detail;
  try {
    detail = await getFramework(ANONYMOUS, id);
  } catch (error) {
    if (error instanceof Response && error.status === 404) throw new ApiError(404, "Framework not found");
    throw error;
  }
  const topLevel = await frameworkChildren(id, null);
  const { mayManage: _mayManage, changes: _changes, format: _format, versions, importedAt, ...facts } = detail;
  return {
    ...facts,
    organization: detail.organizationName,
    importedAt: importedAt.toISOString(),
    versions: versions.map((v) => ({ ...v, importedAt: v.importedAt.toISOString() })),
    topLevelCompetencies: topLevel.map((n) => ({ id: n.id, code: n.code, statement: n.statement, childCount: n.childCount })),
    links: frameworkLinks(origin, id),
  };
}
