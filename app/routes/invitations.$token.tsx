import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormError, SubmitButton } from "~/components/ui/form";
import { getUser, requireUser } from "~/modules/auth/request.server";
import { acceptInvitation, getInvitation } from "~/modules/orgs/invitations.server";

export const meta: MetaFunction = () => [{ title: "Invitation — Concord" }];

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
  if (!result.ok) return json({ error: result.error }, { status: 400 });
  return redirect(result.projectId ? `/projects/${result.projectId}` : `/organizations/${result.organizationId}`);
}

export default function InvitationPage() {
  const { invitation, user, here } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const next = encodeURIComponent(here);
  return (
    <div className="card auth-card">
      <p className="eyebrow">Invitation</p>
      <h1>Join {invitation.organizationName}</h1>
      <p>
        {invitation.invitedByName} invited <strong>{invitation.email}</strong> to join {invitation.organizationName} on Concord
        as {invitation.role === "admin" ? "an admin" : "a member"}.
      </p>
      <FormError error={data?.error} />
      {invitation.accepted ? (
        <p className="form-error">This invitation has already been used.</p>
      ) : invitation.expired ? (
        <p className="form-error">This invitation has expired. Ask for a new one.</p>
      ) : user ? (
        <Form method="post">
          <SubmitButton>Accept invitation</SubmitButton>
        </Form>
      ) : (
        <div className="hero__actions">
          <Link className="button" to={`/signup?redirectTo=${next}`}>Create account</Link>
          <Link className="button button--secondary" to={`/login?redirectTo=${next}`}>Sign in</Link>
        </div>
      )}
    </div>
  );
}
