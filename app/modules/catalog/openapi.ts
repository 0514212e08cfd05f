/**
 * The read API's OpenAPI 3.1 document (issue #17), generated from the zod schemas that validate
 * the requests (filters.ts) with zod's own JSON Schema conversion: a parameter added to a schema
 * appears here without anyone writing it twice. OpenAPI 3.1 schemas are JSON Schema 2020-12.
 */
import { z } from "zod";
import { catalogFilterShape, paginationShape, ResourceIdSchema } from "~/modules/catalog/filters";
import { API_RATE_LIMIT } from "~/modules/catalog/rate-limit";

type Json = Record<string, unknown>;

/** One zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema: without `$schema` and the description it lifts out. */
function schemaOf(schema: z.ZodType): { schema: Json; description?: string } {
  const { $schema: _ignored, description, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as Json;
  return { schema: rest, ...(typeof description === "string" ? { description } : {}) };
}

function queryParameters(shape: Record<string, z.ZodType>): Json[] {
  return Object.entries(shape).map(([name, schema]) => {
    const { schema: json, description } = schemaOf(schema);
    return { name, in: "query", required: !schema.safeParse(undefined).success, ...(description ? { description } : {}), schema: json };
  });
}

function pathId(description: string): Json {
  return { name: "id", in: "path", required: true, description, schema: schemaOf(ResourceIdSchema).schema };
}

const ErrorSchema = z
  .object({
    error: z.object({
      parameter: z.string().optional().describe("The query parameter that was refused (400 only)."),
      message: z.string(),
    }),
  })
  .describe("An error.");

const RATE_HEADERS: Json = {
  RateLimit: { description: 'Remaining requests and seconds until the window resets, e.g. `"api";r=299;t=300` (IETF draft).', schema: { type: "string" } },
  "RateLimit-Policy": { description: `The limit: \`"api";q=${API_RATE_LIMIT.max};w=${API_RATE_LIMIT.windowSeconds}\`.`, schema: { type: "string" } },
  ETag: { description: "SHA-256 of the body; send it back as If-None-Match for a 304.", schema: { type: "string" } },
};

const IF_NONE_MATCH: Json = { name: "If-None-Match", in: "header", required: false, description: "An ETag from an earlier answer: 304 when unchanged.", schema: { type: "string" } };

function ok(description: string, mediaType = "application/json", schema: Json = { type: "object" }): Json {
  return { description, headers: RATE_HEADERS, content: { [mediaType]: { schema } } };
}

const COMMON_RESPONSES: Json = {
  "304": { description: "Not modified (If-None-Match matched the ETag)." },
  "429": { description: `More than ${API_RATE_LIMIT.max} requests in ${API_RATE_LIMIT.windowSeconds / 60} minutes from this address.`, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};
const NOT_FOUND: Json = { "404": { description: "Not found, or not an approved credential.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } };
const BAD_REQUEST: Json = { "400": { description: "A parameter was refused; `error.parameter` names it.", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } };

export function openApiDocument(origin: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Concord read API",
      version: "1.0.0",
      description:
        "Public data only: approved credential specifications (the catalog at /catalog), their Open Badges 3.0 and CTDL exports, and the competency framework library. No authentication.",
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: `${origin}/api/v1` }],
    paths: {
      "/credentials": {
        get: {
          operationId: "listCredentials",
          summary: "Approved credentials, filtered, a page at a time",
          parameters: [...queryParameters({ ...catalogFilterShape, ...paginationShape }), IF_NONE_MATCH],
          responses: { "200": ok("A page of credentials; follow nextCursor for the next."), ...BAD_REQUEST, ...COMMON_RESPONSES },
        },
      },
      "/credentials/{id}": {
        get: {
          operationId: "getCredential",
          summary: "One approved credential",
          parameters: [pathId("The credential specification's id."), IF_NONE_MATCH],
          responses: { "200": ok("The credential, with its competencies."), ...NOT_FOUND, ...COMMON_RESPONSES },
        },
      },
      "/credentials/{id}/openbadges": {
        get: {
          operationId: "getCredentialOpenBadges",
          summary: "The credential as an Open Badges 3.0 Achievement (its id is this address)",
          parameters: [pathId("The credential specification's id."), IF_NONE_MATCH],
          responses: { "200": ok("Open Badges 3.0 Achievement (JSON-LD)."), ...NOT_FOUND, ...COMMON_RESPONSES },
        },
      },
      "/credentials/{id}/ctdl": {
        get: {
          operationId: "getCredentialCtdl",
          summary: "The credential as CTDL JSON-LD (Credential Engine)",
          parameters: [pathId("The credential specification's id."), IF_NONE_MATCH],
          responses: { "200": ok("CTDL credential.", "application/ld+json"), ...NOT_FOUND, ...COMMON_RESPONSES },
        },
      },
      "/frameworks": {
        get: {
          operationId: "listFrameworks",
          summary: "The competency frameworks of the library (latest version of each)",
          parameters: [IF_NONE_MATCH],
          responses: { "200": ok("The frameworks."), ...COMMON_RESPONSES },
        },
      },
      "/frameworks/{id}": {
        get: {
          operationId: "getFramework",
          summary: "One framework version, with its versions and top-level competencies",
          parameters: [pathId("The framework version's id."), IF_NONE_MATCH],
          responses: { "200": ok("The framework."), ...NOT_FOUND, ...COMMON_RESPONSES },
        },
      },
      "/openapi.json": {
        get: { operationId: "openApi", summary: "This document", responses: { "200": ok("OpenAPI 3.1 document.") } },
      },
    },
    components: { schemas: { Error: schemaOf(ErrorSchema).schema } },
  };
}
