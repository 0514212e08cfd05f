/** /documents/<id>/certificate.pdf — the approval certificate as a PDF (resource route). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/request.server";
import { requestLocale } from "~/modules/i18n/locale.server";
import { certificatePdf } from "~/modules/signoff/certificate-pdf.server";
import { approvalCertificate, roundParam } from "~/modules/signoff/read-models/certificate.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await approvalCertificate(user.id, params.documentId ?? "", roundParam(request), requestLocale(request, user));
  if (!certificate) throw new Response("This document has no approved version", { status: 404 });
  const bytes = await certificatePdf(certificate, { verificationUrl: new URL(certificate.verificationPath, request.url).toString(), locale: requestLocale(request, user) });
  const name = `approval-certificate-${certificate.document.id}-round-${certificate.round.number}.pdf`;
  // A Blob: the DOM typings accept it as a body whatever buffer backs the bytes.
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
