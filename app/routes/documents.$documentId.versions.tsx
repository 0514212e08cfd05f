/**
 * Resource route of the history panel (no page): GET lists the document's versions; POST saves a
 * named version of the current content (editors). JSON with a status, never a thrown error page.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { ZodError } from "zod";
import { requireActor } from "~/modules/auth/request.server";
import { fieldErrorsOf, type FieldErrors } from "~/modules/forms/replies";
import { refusalStatus } from "~/modules/permissions/require.server";
import { translator } from "~/modules/i18n/i18n";
import { requestLocale } from "~/modules/i18n/locale.server";
import { saveNamedVersion, SaveVersionSchema, versionHistory } from "~/modules/versions/versions.server";

export type VersionsActionData = { ok: true; number: number } | { ok: false; fieldErrors: FieldErrors };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  try {
    const { versions, canSave } = await versionHistory(actor, params.documentId ?? "");
    return json({ ok: true as const, versions, canSave });
  } catch (error) {
    const status = refusalStatus(error);
    if (status) return json({ ok: false as const, status }, { status });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const t = translator(requestLocale(request, user));
  const submission = parseWithZod(await request.formData(), { schema: SaveVersionSchema });
  if (submission.status !== "success") return json<VersionsActionData>({ ok: false, fieldErrors: fieldErrorsOf(submission.reply()) }, { status: 400 });
  try {
    const { name, reason } = submission.value;
    const saved = await saveNamedVersion(actor, params.documentId ?? "", { name, reason: reason ?? undefined });
    return json<VersionsActionData>({ ok: true, number: saved.number });
  } catch (error) {
    const status = refusalStatus(error);
    if (status) {
      const message = status === 404 ? t("history.errors.gone") : t("history.errors.forbidden");
      return json<VersionsActionData>({ ok: false, fieldErrors: { form: message } }, { status });
    }
    if (error instanceof ZodError) return json<VersionsActionData>({ ok: false, fieldErrors: { name: error.issues[0]?.message ?? t("history.errors.checkName") } }, { status: 400 });
    throw error;
  }
}
