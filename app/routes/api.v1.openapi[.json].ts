/** GET /api/v1/openapi.json — the read API's OpenAPI 3.1 document, generated from its zod schemas (issue #17). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiGet, originOf } from "~/modules/catalog/api.server";
import { openApiDocument } from "~/modules/catalog/openapi";

export function loader({ request, context }: LoaderFunctionArgs) {
  return apiGet(request, context.clientIp, async () => ({ body: openApiDocument(originOf(request)) }));
}
