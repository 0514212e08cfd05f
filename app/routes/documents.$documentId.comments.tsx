/**
 * Resource route of the comments panel (no page): GET lists the document's threads and the people
 * who can be mentioned; POST starts a thread, replies, edits, resolves or reopens. Answers JSON
 * with a status (404 for people outside the project) rather than throwing, so a failing panel
 * action never replaces the document page with an error page.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/request.server";
import { AnchorError, AnchorSchema } from "~/modules/comments/anchors";
import {
  CommentBodySchema,
  editComment,
  listThreads,
  reply,
  setThreadStatus,
  startThread,
} from "~/modules/comments/comments.server";
import { fieldErrorsOf, type FieldErrors } from "~/modules/forms/replies";
import { refusalStatus } from "~/modules/permissions/require.server";
import type { TFunction } from "i18next";
import { translator } from "~/modules/i18n/i18n";
import { requestLocale } from "~/modules/i18n/locale.server";

export type CommentsActionData = { ok: true; intent: string; threadId?: string } | { ok: false; intent: string; fieldErrors: FieldErrors };

function accessFailure(error: unknown, intent: string, t: TFunction) {
  const status = refusalStatus(error);
  if (status) {
    const message = status === 404 ? t("comments.errors.gone") : t("comments.errors.forbidden");
    return json<CommentsActionData>({ ok: false, intent, fieldErrors: { form: message } }, { status });
  }
  if (error instanceof AnchorError) return json<CommentsActionData>({ ok: false, intent, fieldErrors: { anchor: error.message } }, { status: 400 });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  try {
    const result = await listThreads(actor, params.documentId ?? "");
    return json({ ok: true as const, viewerId: user.id, ...result });
  } catch (error) {
    const status = refusalStatus(error);
    if (status) return json({ ok: false as const, status }, { status });
    throw error;
  }
}

/** The anchor's JSON; its refusal is worded in the person's language. */
const jsonAnchor = (t: TFunction) =>
  z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: t("comments.errors.chooseAnchor") });
      return z.NEVER;
    }
  });

const actionSchema = (t: TFunction) =>
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("start"), anchor: jsonAnchor(t).pipe(AnchorSchema), body: CommentBodySchema }),
    z.object({ intent: z.literal("reply"), threadId: z.string().min(1), body: CommentBodySchema }),
    z.object({ intent: z.literal("edit"), commentId: z.string().min(1), body: CommentBodySchema }),
    z.object({ intent: z.enum(["resolve", "reopen"]), threadId: z.string().min(1) }),
  ]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const t = translator(requestLocale(request, user));
  const documentId = params.documentId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  // No coercion: the anchor is JSON the schema parses itself, and an empty body is the schema's to refuse.
  const submission = parseWithZod(formData, { schema: actionSchema(t), disableAutoCoercion: true });
  if (submission.status !== "success") return json<CommentsActionData>({ ok: false, intent, fieldErrors: fieldErrorsOf(submission.reply()) }, { status: 400 });
  const input = submission.value;
  try {
    switch (input.intent) {
      case "start": {
        const { threadId } = await startThread(actor, documentId, { anchor: input.anchor, body: input.body });
        return json<CommentsActionData>({ ok: true, intent, threadId });
      }
      case "reply":
        await reply(actor, documentId, input.threadId, input.body);
        return json<CommentsActionData>({ ok: true, intent, threadId: input.threadId });
      case "edit":
        await editComment(actor, documentId, input.commentId, input.body);
        return json<CommentsActionData>({ ok: true, intent });
      case "resolve":
      case "reopen":
        await setThreadStatus(actor, documentId, input.threadId, input.intent === "resolve" ? "resolved" : "open");
        return json<CommentsActionData>({ ok: true, intent, threadId: input.threadId });
    }
  } catch (error) {
    return accessFailure(error, intent, t);
  }
}
