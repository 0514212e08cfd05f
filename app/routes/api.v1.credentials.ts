/** GET /api/v1/credentials — approved credentials, the catalog's filters, cursor pagination (issue #17). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiGet, originOf, parseQuery } from "~/modules/catalog/api.server";
import { CredentialListQuerySchema } from "~/modules/catalog/filters";
import { credentialsPage } from "~/modules/catalog/read-api.server";

export function loader({ request, context }: LoaderFunctionArgs) {
  return apiGet(request, context.clientIp, async () => ({ body: await credentialsPage(parseQuery(request, CredentialListQuerySchema), originOf(request)) }));
}
