/**
 * Resource route of the history panel (no page): GET lists the document's versions; POST saves a
 * named version of the current content (editors). JSON with a status, never a thrown error page.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ZodError } from "zod";
import { requireActor } from "~/modules/auth/request.server";
import { requireDocument } from "~/modules/comments/document-access.server";
import { can } from "~/modules/permissions/can";
import { DocumentAccessError, listVersions, saveNamedVersion, SaveVersionSchema } from "~/modules/versions/versions.server";

export type VersionsActionData = { ok: true; number: number } | { ok: false; fieldErrors: Record<string, string> };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  try {
    const document = await requireDocument(actor, params.documentId ?? "", "document.view");
    const versions = await listVersions(actor, document.id);
    return json({ ok: true as const, versions, canSave: can(actor, "document.edit", document.resource) });
  } catch (error) {
    if (error instanceof DocumentAccessError) return json({ ok: false as const, status: error.status }, { status: error.status });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const form = await request.formData();
  const parsed = SaveVersionSchema.safeParse({ name: form.get("name") ?? "", reason: form.get("reason") ?? undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return json<VersionsActionData>({ ok: false, fieldErrors }, { status: 400 });
  }
  try {
    const saved = await saveNamedVersion(actor, params.documentId ?? "", { name: parsed.data.name, reason: parsed.data.reason ?? undefined });
    return json<VersionsActionData>({ ok: true, number: saved.number });
  } catch (error) {
    if (error instanceof DocumentAccessError) {
      const message = error.status === 404 ? "This document no longer exists, or you no longer have access to it." : "Only editors can save versions, and not once the document is approved.";
      return json<VersionsActionData>({ ok: false, fieldErrors: { form: message } }, { status: error.status });
    }
    if (error instanceof ZodError) return json<VersionsActionData>({ ok: false, fieldErrors: { name: error.issues[0]?.message ?? "Check the name" } }, { status: 400 });
    throw error;
  }
}
