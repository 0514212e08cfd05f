/**
 * GET /api/v1/credentials/<id>/openbadges and /ctdl — an approved credential's exports for anyone
 * (issue #17): the Open Badges Achievement's id is this address. The signed-in downloads stay at
 * /documents/<id>/export/<format>.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { ApiError, apiGet, originOf, parsePathId } from "~/modules/catalog/api.server";
import { ResourceIdSchema } from "~/modules/catalog/filters";
import { credentialExport } from "~/modules/catalog/read-api.server";

const FormatSchema = z.enum(["openbadges", "ctdl"]);

export function loader({ request, params, context }: LoaderFunctionArgs) {
  return apiGet(request, context.clientIp, async () => {
    const format = FormatSchema.safeParse(params.format);
    if (!format.success) throw new ApiError(404, "Not found");
    return credentialExport(parsePathId(params.id, ResourceIdSchema, "Credential"), format.data, originOf(request));
  });
}
