/**
 * Resource route of the comments panel (no page): GET lists the document's threads and the people
 * who can be mentioned; POST starts a thread, replies, edits, resolves or reopens. Answers JSON
 * with a status (404 for people outside the project) rather than throwing, so a failing panel
 * action never replaces the document page with an error page.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/request.server";
import { AnchorError, AnchorSchema } from "~/modules/comments/anchors";
import {
  CommentBodySchema,
  DocumentAccessError,
  editComment,
  listThreads,
  reply,
  setThreadStatus,
  startThread,
} from "~/modules/comments/comments.server";

export type CommentsActionData = { ok: true; intent: string; threadId?: string } | { ok: false; intent: string; fieldErrors: Record<string, string> };

function accessFailure(error: unknown, intent: string) {
  if (error instanceof DocumentAccessError) {
    const message = error.status === 404 ? "This document or comment no longer exists, or you no longer have access to it." : "You cannot do that on this document.";
    return json<CommentsActionData>({ ok: false, intent, fieldErrors: { form: message } }, { status: error.status });
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
    if (error instanceof DocumentAccessError) return json({ ok: false as const, status: error.status }, { status: error.status });
    throw error;
  }
}

const JsonAnchor = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "Choose what to comment on" });
    return z.NEVER;
  }
});

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), anchor: JsonAnchor.pipe(AnchorSchema), body: CommentBodySchema }),
  z.object({ intent: z.literal("reply"), threadId: z.string().min(1), body: CommentBodySchema }),
  z.object({ intent: z.literal("edit"), commentId: z.string().min(1), body: CommentBodySchema }),
  z.object({ intent: z.enum(["resolve", "reopen"]), threadId: z.string().min(1) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const documentId = params.documentId ?? "";
  const form = Object.fromEntries([...(await request.formData()).entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const intent = form.intent ?? "";
  const parsed = ActionSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return json<CommentsActionData>({ ok: false, intent, fieldErrors }, { status: 400 });
  }
  const input = parsed.data;
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
    return accessFailure(error, intent);
  }
}
