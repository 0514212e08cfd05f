/**
 * The read API through its route loaders (PGlite in memory): cursor pagination round trip,
 * 400 naming the parameter, ETag and 304, the RateLimit headers and 429, the public exports and
 * frameworks, and the OpenAPI document generated from the zod schemas.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { DEMO_PUBLISHED_SPEC_ID, seedApprovedSpecification, seedDemo } from "../../db/seed/demo";
import { useTestDatabase } from "../../test/support/use-test-database";
import { catalogFilterShape, paginationShape } from "~/modules/catalog/filters";
import { API_RATE_LIMIT } from "~/modules/catalog/rate-limit";
import { loader as credentialsLoader } from "~/routes/api.v1.credentials";
import { loader as credentialLoader } from "~/routes/api.v1.credentials_.$id";
import { loader as exportLoader } from "~/routes/api.v1.credentials_.$id_.$format";
import { loader as frameworksLoader } from "~/routes/api.v1.frameworks";
import { loader as frameworkLoader } from "~/routes/api.v1.frameworks_.$id";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.json]";

const database = useTestDatabase();
const ORIGIN = "https://concord.example";

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
let ipCounter = 0;
/** Each test its own client address, so the rate limit of one does not leak into another. */
const freshIp = () => `192.0.2.${++ipCounter}`;

function call(loader: Loader, path: string, options: { params?: Record<string, string>; ip?: string; headers?: Record<string, string> } = {}): Promise<Response> {
  const request = new Request(`${ORIGIN}${path}`, { headers: options.headers });
  return loader({ request, params: options.params ?? {}, context: { clientIp: options.ip ?? freshIp() } } as unknown as LoaderFunctionArgs);
}

type Page = { data: Array<{ id: string; title: string; links: { openBadges: string; catalogPage: string } }>; nextCursor: string | null; links: { next: string | null } };

beforeAll(async () => {
  await seedDemo(database().db);
  // Eight more approved credentials, two pairs sharing a title (the cursor must still tell them apart).
  const titles = ["Asset Risk Basics", "Asset Risk Basics", "Bridge Flood Review", "Culvert Design Update", "Drainage Planning", "Drainage Planning", "Energy Grid Resilience", "Zoning for Heat"];
  for (const [i, title] of titles.entries()) {
    await seedApprovedSpecification(database().db, {
      projectId: `test-pub-project-${i}`,
      specId: `test-pub-spec-${i}`,
      planId: `test-pub-plan-${i}`,
      title,
      shortCode: `TP-${i}`,
      summary: "Test credential",
      values: { costCad: 100 * (i + 1), learningMode: i % 2 === 0 ? "online" : "hybrid" },
    });
  }
}, 120_000);

describe("GET /api/v1/credentials", () => {
  it("pages through every credential once with cursors, in catalog order", async () => {
    const ip = freshIp();
    const seen: string[] = [];
    let path: string | null = "/api/v1/credentials?limit=3";
    let pages = 0;
    while (path) {
      const response = await call(credentialsLoader, path, { ip });
      expect(response.status).toBe(200);
      const page = (await response.json()) as Page;
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((c) => c.id));
      path = page.links.next ? page.links.next.replace(ORIGIN, "") : null;
      if (page.nextCursor) expect(page.links.next).toContain(`cursor=${page.nextCursor}`);
      pages += 1;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen).toContain(DEMO_PUBLISHED_SPEC_ID);
    // One request with a large page answers the same order.
    const whole = (await (await call(credentialsLoader, "/api/v1/credentials?limit=100", { ip })).json()) as Page;
    expect(whole.data.map((c) => c.id)).toEqual(seen);
    expect(whole.nextCursor).toBeNull();
    expect(whole.data[0]!.title).toBe("Asset Risk Basics");
  });

  it("filters with the catalog's parameters, and keeps them in the next link", async () => {
    const page = (await (await call(credentialsLoader, "/api/v1/credentials?delivery=online&costMax=400&limit=1")).json()) as Page;
    expect(page.data.map((c) => c.id)).toEqual(["test-pub-spec-0"]);
    expect(page.links.next).toContain("delivery=online");
    expect(page.links.next).toContain("costMax=400");
    const next = (await (await call(credentialsLoader, page.links.next!.replace(ORIGIN, ""))).json()) as Page;
    expect(next.data.map((c) => c.id)).toEqual(["test-pub-spec-2"]);
    expect(next.nextCursor).toBeNull();
    const searched = (await (await call(credentialsLoader, "/api/v1/credentials?q=zoning")).json()) as Page;
    expect(searched.data.map((c) => c.title)).toEqual(["Zoning for Heat"]);
  });

  it("answers 400 naming the parameter", async () => {
    const cases: Array<[string, string]> = [
      ["limit=101", "limit"],
      ["limit=0", "limit"],
      ["delivery=teleport", "delivery"],
      ["costMin=-5", "costMin"],
      ["costMin=900&costMax=100", "costMax"],
      ["occupation=abc", "occupation"],
      ["cursor=not*a*cursor", "cursor"],
      ["cursor=bm9wZQ", "cursor"], // base64url of "nope": well-formed, not a cursor
    ];
    for (const [query, parameter] of cases) {
      const response = await call(credentialsLoader, `/api/v1/credentials?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { parameter: string; message: string } };
      expect(body.error.parameter, query).toBe(parameter);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });

  it("sends an ETag and answers 304 to If-None-Match", async () => {
    const first = await call(credentialsLoader, "/api/v1/credentials");
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await call(credentialsLoader, "/api/v1/credentials", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    const weak = await call(credentialsLoader, "/api/v1/credentials", { headers: { "If-None-Match": `"other", W/${etag}` } });
    expect(weak.status).toBe(304);
    const other = await call(credentialsLoader, "/api/v1/credentials?limit=2", { headers: { "If-None-Match": etag! } });
    expect(other.status).toBe(200);
    expect(other.headers.get("ETag")).not.toBe(etag);
  });

  it("counts requests per address with RateLimit headers and answers 429 beyond the limit", async () => {
    const ip = freshIp();
    const first = await call(openApiLoader, "/api/v1/openapi.json", { ip });
    expect(first.headers.get("RateLimit-Policy")).toBe(`"api";q=${API_RATE_LIMIT.max};w=${API_RATE_LIMIT.windowSeconds}`);
    expect(first.headers.get("RateLimit")).toBe(`"api";r=${API_RATE_LIMIT.max - 1};t=${API_RATE_LIMIT.windowSeconds}`);
    for (let i = 1; i < API_RATE_LIMIT.max; i++) expect((await call(openApiLoader, "/api/v1/openapi.json", { ip })).status).toBe(200);
    const refused = await call(credentialsLoader, "/api/v1/credentials", { ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("RateLimit")).toMatch(/^"api";r=0;t=\d+$/);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Too many requests/);
    // Another address is not affected.
    expect((await call(credentialsLoader, "/api/v1/credentials")).status).toBe(200);
  });
});

describe("one credential and its exports", () => {
  it("serves the credential and its Open Badges and CTDL records to anyone; 404 otherwise", async () => {
    const response = await call(credentialLoader, `/api/v1/credentials/${DEMO_PUBLISHED_SPEC_ID}`, { params: { id: DEMO_PUBLISHED_SPEC_ID } });
    expect(response.status).toBe(200);
    const credential = (await response.json()) as { competencies: unknown[]; links: Record<string, string> };
    expect(credential.competencies).toHaveLength(8);
    expect(credential.links.openBadges).toBe(`${ORIGIN}/api/v1/credentials/${DEMO_PUBLISHED_SPEC_ID}/openbadges`);

    const badge = await call(exportLoader, credential.links.openBadges!.replace(ORIGIN, ""), { params: { id: DEMO_PUBLISHED_SPEC_ID, format: "openbadges" } });
    expect(badge.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const achievement = (await badge.json()) as { id: string; type: string[]; criteria: { id: string } };
    // The Achievement's id is the address it is served at; its criteria, the catalog page.
    expect(achievement.id).toBe(credential.links.openBadges);
    expect(achievement.type).toEqual(["Achievement"]);
    expect(achievement.criteria.id).toBe(credential.links.catalogPage);

    const ctdl = await call(exportLoader, `/api/v1/credentials/${DEMO_PUBLISHED_SPEC_ID}/ctdl`, { params: { id: DEMO_PUBLISHED_SPEC_ID, format: "ctdl" } });
    expect(ctdl.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    const record = (await ctdl.json()) as Record<string, unknown>;
    expect(record["ceterms:subjectWebpage"]).toBe(credential.links.catalogPage);

    for (const [loader, params] of [
      [credentialLoader, { id: "demo-doc-spec" }], // a draft
      [credentialLoader, { id: "demo-doc-assessment" }], // not a specification
      [exportLoader, { id: "demo-doc-spec", format: "ctdl" }],
      [exportLoader, { id: DEMO_PUBLISHED_SPEC_ID, format: "pdf" }],
      [credentialLoader, { id: "../etc" }],
    ] as Array<[Loader, Record<string, string>]>) {
      const refused = await call(loader, "/api/v1/credentials/x", { params });
      expect(refused.status, JSON.stringify(params)).toBe(404);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/not found/i);
    }
  });

  it("lists the frameworks and one framework's public facts", async () => {
    const list = (await (await call(frameworksLoader, "/api/v1/frameworks")).json()) as { data: Array<{ id: string; name: string; competencyCount: number }> };
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({ name: "Climate Adaptation Practitioner Competency Framework", competencyCount: 65 });
    const id = list.data[0]!.id;
    const detail = (await (await call(frameworkLoader, `/api/v1/frameworks/${id}`, { params: { id } })).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ id, organization: "Lakeshore College" });
    expect(detail).not.toHaveProperty("mayManage");
    expect((detail.topLevelCompetencies as Array<{ code: string }>).map((c) => c.code)).toEqual(["CAP.1", "CAP.2", "CAP.3", "CAP.4", "CAP.5"]);
    const filtered = (await (await call(credentialsLoader, `/api/v1/credentials?framework=${id}`)).json()) as Page;
    expect(filtered.data.length).toBe(9);
    expect((await call(frameworkLoader, "/api/v1/frameworks/nope", { params: { id: "nope" } })).status).toBe(404);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document whose parameters come from the zod schemas", async () => {
    const response = await call(openApiLoader, "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      info: { title: string; version: string };
      servers: Array<{ url: string }>;
      paths: Record<string, { get: { operationId: string; parameters?: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>; responses: Record<string, unknown> } }>;
    };
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.servers[0]!.url).toBe(`${ORIGIN}/api/v1`);
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/credentials", "/credentials/{id}", "/credentials/{id}/ctdl", "/credentials/{id}/openbadges", "/frameworks", "/frameworks/{id}", "/openapi.json"].sort(),
    );
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(item.get.operationId, path).toBeTruthy();
      expect(item.get.responses["200"], path).toBeTruthy();
      // Every templated segment has its path parameter, required.
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect(item.get.parameters?.find((p) => p.in === "path" && `{${p.name}}` === name)?.required, path).toBe(true);
      }
    }
    const parameters = doc.paths["/credentials"]!.get.parameters!.filter((p) => p.in === "query");
    expect(parameters.map((p) => p.name)).toEqual([...Object.keys(catalogFilterShape), ...Object.keys(paginationShape)]);
    const byName = new Map(parameters.map((p) => [p.name, p]));
    expect(byName.get("limit")!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 20 });
    expect(byName.get("delivery")!.schema).toMatchObject({ type: "string", enum: ["online", "in_person", "hybrid"] });
    expect(byName.get("province")!.schema.enum).toContain("ON");
    expect(byName.get("occupation")!.schema).toMatchObject({ type: "string", pattern: "^\\d{1,5}$" });
    expect(parameters.every((p) => p.required === false)).toBe(true);
    expect(JSON.stringify(doc)).not.toContain("$schema");
  });
});
