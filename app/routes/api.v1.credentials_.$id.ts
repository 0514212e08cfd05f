/** GET /api/v1/credentials/<id> — one approved credential (issue #17). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiGet, originOf, parsePathId } from "~/modules/catalog/api.server";
import { ResourceIdSchema } from "~/modules/catalog/filters";
import { credentialDetail } from "~/modules/catalog/read-api.server";

export function loader({ request, params, context }: LoaderFunctionArgs) {
  return apiGet(request, context.clientIp, async () => ({ body: await credentialDetail(parsePathId(params.id, ResourceIdSchema, "Credential"), originOf(request)) }));
}
