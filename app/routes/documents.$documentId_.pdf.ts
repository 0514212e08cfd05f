/**
 * /documents/<id>/pdf — the document as a PDF (resource route, issue #17): the approved version with
 * its approval certificate appended, or the current content marked "Draft — not approved". Anyone
 * who may view the document; 404 to anyone else.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/request.server";
import { requestLocale } from "~/modules/i18n/locale.server";
import { loadDocumentPdf } from "~/modules/exports/document-pdf.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { bytes, filename } = await loadDocumentPdf(user.id, params.documentId ?? "", request.url, requestLocale(request, user));
  // A Blob: the DOM typings accept it as a body whatever buffer backs the bytes.
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
