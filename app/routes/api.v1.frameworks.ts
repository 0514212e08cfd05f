/** GET /api/v1/frameworks — the framework library's public facts (issue #17). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiGet, originOf } from "~/modules/catalog/api.server";
import { frameworksList } from "~/modules/catalog/read-api.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return apiGet(request, context.clientIp, async () => ({ body: await frameworksList(originOf(request)) }));
}
