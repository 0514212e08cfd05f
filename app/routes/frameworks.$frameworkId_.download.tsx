/** /frameworks/<id>/download?format=csv|ctdl-asn — the framework as a file (resource route). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { exportFramework } from "~/modules/frameworks/library.server";

const FormatSchema = z.enum(["csv", "ctdl-asn"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Every signed-in user may read every framework, so downloading needs no more than a session.
  await requireUser(request);
  const format = FormatSchema.safeParse(new URL(request.url).searchParams.get("format"));
  if (!format.success) throw new Response("Choose format=csv or format=ctdl-asn", { status: 400 });
  const file = await exportFramework(params.frameworkId ?? "", format.data);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
