/**
 * The read API's response discipline (issue #17), one function for every /api/v1 route: the
 * per-IP rate limit (429 beyond it), JSON bodies with an ETag (SHA-256 of the body) and 304 for
 * a matching If-None-Match, open CORS (public data), and errors as `{ "error": { … } }`: 400 names
 * the parameter, 404 says what was not found.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { parameterError, queryObject } from "~/modules/catalog/filters";
import { RateLimiter, rateLimitHeaders } from "~/modules/catalog/rate-limit";

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The one limiter of this process: every /api/v1 route counts against it. */
export const apiRateLimiter = new RateLimiter();

export type ApiBody = { body: unknown; contentType?: string };

const BASE_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, RateLimit, RateLimit-Policy, Retry-After",
  // Revalidate every time (with the ETag): an approval or a reopen shows at once.
  "Cache-Control": "public, no-cache",
  Vary: "Accept-Encoding",
};

export function etagOf(text: string): string {
  return `"${createHash("sha256").update(text).digest("base64url")}"`;
}

/** Whether If-None-Match names this ETag (weak or strong, or `*`). */
function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

function errorBody(error: ApiError): unknown {
  return { error: error.parameter ? { parameter: error.parameter, message: error.message } : { message: error.message } };
}

/**
 * Answers one GET of the read API: rate limit, then `produce` (throw ApiError for 400/404), then
 * the body with its ETag, or 304.
 */
export async function apiGet(request: Request, clientIp: string, produce: () => Promise<ApiBody>, limiter: RateLimiter = apiRateLimiter): Promise<Response> {
  const decision = limiter.take(clientIp || "unknown");
  const limitHeaders = rateLimitHeaders(decision);
  if (!decision.allowed) {
    return new Response(JSON.stringify({ error: { message: `Too many requests; try again in ${decision.resetSeconds} seconds.` } }), {
      status: 429,
      headers: { ...BASE_HEADERS, ...limitHeaders, "Content-Type": "application/json; charset=utf-8", "Retry-After": String(decision.resetSeconds), "Cache-Control": "no-store" },
    });
  }
  let status = 200;
  let result: ApiBody;
  try {
    result = await produce();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    status = error.status;
    result = { body: errorBody(error) };
  }
  const text = `${JSON.stringify(result.body, null, 2)}\n`;
  const etag = etagOf(text);
  const headers = { ...BASE_HEADERS, ...limitHeaders, ETag: etag, "Content-Type": `${result.contentType ?? "application/json"}; charset=utf-8` };
  if (status === 200 && notModified(request, etag)) {
    const { "Content-Type": _type, ...rest } = headers;
    return new Response(null, { status: 304, headers: rest });
  }
  return new Response(text, { status, headers });
}

/** Parses the query string with a schema; 400 naming the first bad parameter. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(queryObject(new URL(request.url).searchParams));
  if (!parsed.success) {
    const { parameter, message } = parameterError(parsed.error);
    throw new ApiError(400, message, parameter);
  }
  return parsed.data;
}

/** Parses a path parameter; 404 when it cannot be an id (nothing could be found under it). */
export function parsePathId(value: string | undefined, schema: z.ZodType<string>, what: string): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(404, `${what} not found`);
  return parsed.data;
}

/** The origin the public addresses use: this request's. */
export function originOf(request: Request): string {
  return new URL(request.url).origin;
}
