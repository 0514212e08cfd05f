import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, SubmitButton } from "~/components/ui/form";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import { ConsortiumRuleError, getConsortiumForActor, inviteToConsortium, InviteToConsortiumSchema, removeConsortiumMember } from "~/modules/consortia/consortia.server";
import { provinceName } from "~/modules/orgs/provinces";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.consortium.name ?? "Consortium"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // The access gate's 404 for anyone outside the consortium.
  return json(await getConsortiumForActor(actor, params.consortiumId ?? ""));
}

const IntentSchema = z.enum(["invite", "remove"]);
type ActionData = { intent: string; error: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const consortiumId = params.consortiumId ?? "";
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const meta = requestMeta(request, context.clientIp);
  try {
    if (intent.data === "invite") {
      const input = InviteToConsortiumSchema.safeParse({ organization: formData.get("organization") ?? "" });
      if (!input.success) return json<ActionData>({ intent: intent.data, error: input.error.issues[0]?.message ?? "Check the form" }, { status: 400 });
      await inviteToConsortium(actor, consortiumId, input.data, meta);
    } else {
      await removeConsortiumMember(actor, consortiumId, z.string().min(1).parse(formData.get("organizationId")), meta);
    }
    return redirect(`/consortia/${consortiumId}`);
  } catch (error) {
    if (error instanceof ConsortiumRuleError) return json<ActionData>({ intent: intent.data, error: error.message }, { status: 400 });
    throw error;
  }
}

export default function ConsortiumPage() {
  const { consortium, members, pending, canInvite, canManage } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/consortia">Consortia</Link>
          </p>
          <h1>{consortium.name}</h1>
          <p>
            <Link to={`/consortia/${consortium.id}/modules`}>Module library</Link> — the approved modules of every member.
          </p>
          <p>
            <Link to={`/consortia/${consortium.id}/pathways`}>Pathways</Link> — modules, stacked credentials and the programs they ladder into.
          </p>
        </div>
      </div>
      <div className="grid grid--sidebar">
        <section className="card" aria-labelledby="consortium-members">
          <h2 id="consortium-members">Members</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Organization</th>
                <th scope="col">Kind</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {canManage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.organizationId}>
                  <td>
                    {member.name} <span className="muted">({provinceName(member.province)})</span>
                  </td>
                  <td>{ORGANIZATION_KIND_LABELS[member.kind]}</td>
                  <td>{member.role === "admin" ? "Admin" : "Member"}</td>
                  <td>{new Date(member.joinedAt).toLocaleDateString("en-CA")}</td>
                  {canManage ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="organizationId" value={member.organizationId} />
                        <button type="submit" name="intent" value="remove" className="button button--danger button--small" aria-label={`Remove ${member.name}`}>
                          Remove
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {answer?.intent === "remove" ? <FormError error={answer.error} /> : null}
          {pending.length > 0 ? (
            <>
              <h3>Invited</h3>
              <ul className="list" aria-label="Invited organizations">
                {pending.map((invitation) => (
                  <li key={invitation.id} className="list__item">
                    {invitation.organizationName} <span className="muted">— invited, awaiting an answer</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        {canInvite ? (
          <aside className="card" aria-labelledby="invite-member">
            <h2 id="invite-member">Invite an organization</h2>
            <p className="muted">An institution, employer or professional body; its admins accept or decline.</p>
            <Form method="post">
              <div className="field">
                <label htmlFor="invite-organization">Organization&apos;s exact name or an admin&apos;s e-mail address</label>
                <input id="invite-organization" name="organization" required maxLength={320} />
              </div>
              {answer?.intent === "invite" ? <FormError error={answer.error} /> : null}
              <SubmitButton intent="invite">Invite</SubmitButton>
            </Form>
          </aside>
        ) : null}
      </div>
    </>
  );
}
