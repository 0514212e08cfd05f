import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { z } from "zod";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { CommitmentInputSchema, recordCommitment, withdrawCommitment } from "~/modules/demand/commitments.server";

const WithdrawSchema = z.object({ commitmentId: z.string().min(1) });

/** Records or withdraws a hiring commitment (the Demand section's forms post here). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const documentId = params.documentId ?? "";
  const form = Object.fromEntries(await request.formData());
  const meta = requestMeta(request, context.clientIp);
  if (form.intent === "withdraw") {
    const parsed = WithdrawSchema.safeParse(form);
    if (!parsed.success) return json({ error: "Which commitment?" }, { status: 400 });
    await withdrawCommitment(actor, documentId, parsed.data.commitmentId, meta);
    return json({ ok: true });
  }
  const parsed = CommitmentInputSchema.safeParse(form);
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Check the commitment" }, { status: 400 });
  await recordCommitment(actor, documentId, parsed.data, meta);
  return json({ ok: true });
}

export function loader({ params }: { params: { documentId?: string } }) {
  return redirect(`/documents/${params.documentId ?? ""}#demand`);
}
