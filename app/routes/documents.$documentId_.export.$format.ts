/**
 * /documents/<id>/export/<format> — an approved credential specification as a download (resource
 * route): `openbadges` (the Open Badges 3.0 Achievement), `ctdl`, `openbadges-credential` (a sample
 * AchievementCredential signed by the lead institution) and `endorsements` (the approving employers'
 * and professional bodies' signed EndorsementCredentials). 404 to anyone who may not view the
 * document; 409 for anything not an approved specification.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { exportDownload, loadApprovedExport } from "~/modules/exports/exports.server";
import { signedExportDownload } from "~/modules/exports/signing.server";

const FormatSchema = z.enum(["openbadges", "ctdl", "openbadges-credential", "endorsements"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const format = FormatSchema.safeParse(params.format);
  if (!format.success) throw new Response("Not found", { status: 404 });
  const approved = await loadApprovedExport(user.id, params.documentId ?? "", new URL(request.url).origin);
  if (format.data === "openbadges-credential" || format.data === "endorsements") return signedExportDownload(format.data, approved);
  return exportDownload(format.data, approved);
}
