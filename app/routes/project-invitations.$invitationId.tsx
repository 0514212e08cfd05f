/**
 * /project-invitations/<id> — where an invited organization's admin answers an invitation into a
 * project (POST `intent`: accept, decline, decline-block). The dashboard, /inbox and
 * /organizations/<id> post here with a fetcher; Accept then opens the project, Decline goes back
 * (`redirectTo`). Without JavaScript a refusal renders on this page. Anyone but the invited
 * organization's admins gets the gate's 404 (403 for its other members).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { z } from "zod";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor, safeRedirectPath } from "~/modules/auth/request.server";
import { acceptProjectInvitation, declineProjectInvitation } from "~/modules/projects/participation.server";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { PROJECT_MESSAGES } from "~/modules/projects/messages";
import { ProjectRuleError } from "~/modules/projects/projects.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("projects.invitations.metaTitle") }];

/** The answer of a refused decision, for the fetcher that posted it (or this page without JavaScript). */
export type InvitationDecisionData = { error: string };

const IntentSchema = z.enum(["accept", "decline", "decline-block"]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  // Nothing to show by itself: invitations are answered where they are listed.
  return redirect("/inbox");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const meta = requestMeta(request, context.clientIp);
  const invitationId = params.invitationId ?? "";
  try {
    if (intent.data === "accept") {
      const { projectId } = await acceptProjectInvitation(actor, invitationId, meta);
      return redirect(`/projects/${projectId}`);
    }
    await declineProjectInvitation(actor, invitationId, { block: intent.data === "decline-block" }, meta);
    return redirect(safeRedirectPath(formData.get("redirectTo"), "/inbox"));
  } catch (error) {
    if (error instanceof ProjectRuleError) return json<InvitationDecisionData>({ error: translateMessage(translator(requestLocale(request, user)), PROJECT_MESSAGES, error.message) }, { status: 409 });
    throw error;
  }
}

export default function InvitationDecisionPage() {
  const data = useActionData<typeof action>() as InvitationDecisionData | undefined;
  const { t } = useTranslation();
  return (
    <div className="card">
      <h1>{t("projects.invitations.title")}</h1>
      {data?.error ? (
        <div className="form-error" role="alert">
          {data.error}
        </div>
      ) : null}
      <p>
        <Link to="/inbox">{t("projects.invitations.backToInbox")}</Link>
      </p>
    </div>
  );
}
