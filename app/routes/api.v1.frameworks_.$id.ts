/** GET /api/v1/frameworks/<id> — one framework version's public facts and top-level competencies (issue #17). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiGet, originOf, parsePathId } from "~/modules/catalog/api.server";
import { ResourceIdSchema } from "~/modules/catalog/filters";
import { frameworkDetail } from "~/modules/catalog/read-api.server";

export function loader({ request, params, context }: LoaderFunctionArgs) {
  return apiGet(request, context.clientIp, async () => ({ body: await frameworkDetail(parsePathId(params.id, ResourceIdSchema, "Framework"), originOf(request)) }));
}
