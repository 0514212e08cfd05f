/**
 * Resource route of the document page's Sign-off panel (no page): GET reads the panel (stages,
 * decisions, the person's seats and the buttons they may use), POST runs one command (an `intent`
 * field). Answers JSON with a status, so a refused decision shows as a message in the panel. The
 * template page is /documents/<id>/signoff.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { fieldErrorsOf, type FieldErrors } from "~/modules/forms/replies";
import { signoffPanel } from "~/modules/signoff/read-models/panel.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { runSignoffCommand, type SignoffCommand } from "~/modules/signoff/signoff.server";
import type { TFunction } from "i18next";
import { translator } from "~/modules/i18n/i18n";
import { requestLocale } from "~/modules/i18n/locale.server";
import { translatePanelTexts, translateSignoffRefusal } from "~/modules/signoff/messages";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Outsiders get the access gate's 404 (thrown by the read model).
  const panel = translatePanelTexts(translator(requestLocale(request, user)), await signoffPanel(user.id, params.documentId ?? ""));
  return json({ panel }, { headers: { "Cache-Control": "no-store" } });
}

/** What the panel's forms post; each refusal comes back as a message for the person. */
export type SignoffActionData = { ok: boolean; intent: string; message?: string; fieldErrors?: FieldErrors };

/** The panel's commands; refusals are worded in the person's language. */
function commandSchema(t: TFunction) {
  const hash = z.string().regex(/^[0-9a-f]{64}$/, t("signoff.errors.versionMissing"));
  const organizationId = z.string().min(1).max(100);
  const reason = z.string().trim().max(2000, t("signoff.errors.under2000")).optional();
  return z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("request_signoff") }),
    z.object({ intent: z.literal("resubmit") }),
    z.object({ intent: z.literal("approve"), organizationId, versionHash: hash }),
    z.object({
      intent: z.literal("request_changes"),
      organizationId,
      versionHash: hash,
      comment: z.string().trim().min(1, t("signoff.errors.sayChanges")).max(4000, t("signoff.errors.under4000")),
    }),
    z.object({
      intent: z.literal("reject"),
      organizationId,
      versionHash: hash,
      reason: z.string().trim().min(1, t("signoff.errors.giveReason")).max(4000, t("signoff.errors.under4000")),
    }),
    z.object({ intent: z.literal("withdraw"), reason }),
    z.object({ intent: z.literal("reopen"), reason }),
  ]);
}

function toCommand(input: z.infer<ReturnType<typeof commandSchema>>): SignoffCommand {
  switch (input.intent) {
    case "request_signoff":
    case "resubmit":
      return { type: input.intent };
    case "approve":
      return { type: "approve", organizationId: input.organizationId, versionHash: input.versionHash };
    case "request_changes":
      return { type: "request_changes", organizationId: input.organizationId, versionHash: input.versionHash, comment: input.comment };
    case "reject":
      return { type: "reject", organizationId: input.organizationId, versionHash: input.versionHash, reason: input.reason };
    case "withdraw":
    case "reopen":
      return { type: input.intent, reason: input.reason ?? null };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(requestLocale(request, user));
  const documentId = params.documentId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  // No coercion: the fields reach the schema as posted (an empty reason stays "", as it always was).
  const submission = parseWithZod(formData, { schema: commandSchema(t), disableAutoCoercion: true });
  if (submission.status !== "success") {
    const fieldErrors = fieldErrorsOf(submission.reply());
    if (fieldErrors.intent) throw new Response("Unknown action", { status: 400 });
    return json<SignoffActionData>({ ok: false, intent, fieldErrors, message: Object.values(fieldErrors)[0] }, { status: 400 });
  }
  const result = await runSignoffCommand(documentId, user.id, toCommand(submission.value), requestMeta(request, context.clientIp), context.liveDocuments);
  if (result.ok) return json<SignoffActionData>({ ok: true, intent });
  if (result.status === 404) throw new Response("Not found", { status: 404 });
  // The refusal's English (its reason is the stable code) in the person's language.
  return json<SignoffActionData>({ ok: false, intent, message: translateSignoffRefusal(t, result.message) }, { status: result.status });
}
