import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { FormError, SubmitButton } from "~/components/ui/form";
import { getUser, requireUser } from "~/modules/auth/request.server";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage, type KnownMessages } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { acceptInvitation, getInvitation } from "~/modules/orgs/invitations.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("organizations.invitation.metaTitle") }];

/** acceptInvitation's refusals (invitations.server.ts), in the reader's language. */
const REFUSALS: KnownMessages = [
  ["This invitation does not exist.", (t) => t("organizations.invitation.errors.missing")],
  ["This invitation has already been used.", (t) => t("organizations.invitation.used")],
  ["This invitation has expired. Ask for a new one.", (t) => t("organizations.invitation.expired")],
  [/^This invitation is for (.+)\. Sign in with that address to accept it\.$/, (t, m) => t("organizations.invitation.errors.otherEmail", { email: m?.[1] ?? "" })],
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = params.token ? await getInvitation(params.token) : null;
  if (!invitation) throw new Response("Not found", { status: 404 });
  const user = await getUser(request);
  return json({
    invitation: {
      email: invitation.email,
      organizationName: invitation.organizationName,
      invitedByName: invitation.invitedByName,
      role: invitation.role,
      expired: invitation.expiresAt.getTime() < Date.now(),
      accepted: invitation.acceptedAt !== null,
    },
    user: user ? { email: user.email } : null,
    here: new URL(request.url).pathname,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const result = await acceptInvitation(params.token ?? "", user);
  if (!result.ok) return json({ error: translateMessage(translator(requestLocale(request, user)), REFUSALS, result.error) }, { status: 400 });
  return redirect(result.projectId ? `/projects/${result.projectId}` : `/organizations/${result.organizationId}`);
}

export default function InvitationPage() {
  const { invitation, user, here } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const next = encodeURIComponent(here);
  const { t } = useTranslation();
  return (
    <div className="card auth-card">
      <p className="eyebrow">{t("organizations.invitation.eyebrow")}</p>
      <h1>{t("organizations.invitation.title", { organization: invitation.organizationName })}</h1>
      <p>
        {t("organizations.invitation.invitedBy", { name: invitation.invitedByName })} <strong>{invitation.email}</strong>{" "}
        {t("organizations.invitation.toJoin", { organization: invitation.organizationName, role: invitation.role === "admin" ? "admin" : "member" })}
      </p>
      <FormError error={data?.error} />
      {invitation.accepted ? (
        <p className="form-error">{t("organizations.invitation.used")}</p>
      ) : invitation.expired ? (
        <p className="form-error">{t("organizations.invitation.expired")}</p>
      ) : user ? (
        <Form method="post">
          <SubmitButton>{t("organizations.invitation.accept")}</SubmitButton>
        </Form>
      ) : (
        <div className="hero__actions">
          <Link className="button" to={`/signup?redirectTo=${next}`}>{t("organizations.invitation.createAccount")}</Link>
          <Link className="button button--secondary" to={`/login?redirectTo=${next}`}>{t("organizations.invitation.signIn")}</Link>
        </div>
      )}
    </div>
  );
}
