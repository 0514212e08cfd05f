import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { requireActor } from "~/modules/auth/request.server";
import { ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import { parseForm, type FieldErrors } from "~/modules/forms/parse-form";
import { createInvitation, InvitationSchema, listPendingInvitations } from "~/modules/orgs/invitations.server";
import { ORGANIZATION_KIND_OPTIONS, PROVINCE_OPTIONS } from "~/modules/orgs/options";
import {
  changeMemberRole,
  getOrganizationForActor,
  MemberRoleSchema,
  OrganizationSchema,
  updateOrganization,
} from "~/modules/orgs/organizations.server";
import { provinceName } from "~/modules/orgs/provinces";
import { can } from "~/modules/permissions/can";
import { addSignatory, listSignatories, removeSignatory, SignatoryChangeSchema } from "~/modules/signoff/signatories.server";
import { requestMeta } from "~/modules/signoff/signoff.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organization.name ?? "Organization"} — Concord` }];

async function loadOrganization(request: Request, organizationId: string | undefined) {
  const { user, actor } = await requireActor(request);
  const found = organizationId ? await getOrganizationForActor(actor, organizationId) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  const canManage = can(actor, "organization.manage", { type: "organization", organizationId: found.organization.id });
  return { user, actor, canManage, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, members, canManage, user } = await loadOrganization(request, params.organizationId);
  const pending = canManage ? await listPendingInvitations(organization.id) : [];
  const signatories = await listSignatories(organization.id);
  const origin = new URL(request.url).origin;
  return json({
    organization,
    members,
    canManage,
    signatories,
    currentUserId: user.id,
    invitations: pending.map((i) => ({ id: i.id, email: i.email, role: i.role, link: `${origin}/invitations/${i.token}`, expiresAt: i.expiresAt })),
  });
}

const IntentSchema = z.enum(["update", "invite", "change-role", "add-signatory", "remove-signatory"]);
type ActionData = { intent: string; fieldErrors: FieldErrors; values?: Record<string, string>; inviteLink?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor, organization, canManage } = await loadOrganization(request, params.organizationId);
  if (!canManage) throw new Response("Forbidden", { status: 403 });
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const fail = (fieldErrors: FieldErrors, values?: Record<string, string>) =>
    json<ActionData>({ intent: intent.data, fieldErrors, values }, { status: 400 });

  switch (intent.data) {
    case "update": {
      const parsed = parseForm(OrganizationSchema, formData);
      if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
      await updateOrganization(organization.id, parsed.data);
      return redirect(`/organizations/${organization.id}`);
    }
    case "invite": {
      formData.set("organizationId", organization.id);
      const parsed = parseForm(InvitationSchema, formData);
      if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
      const token = await createInvitation(user.id, parsed.data);
      return json<ActionData>({ intent: intent.data, fieldErrors: {}, inviteLink: new URL(`/invitations/${token}`, request.url).toString() });
    }
    case "change-role": {
      const parsed = parseForm(MemberRoleSchema, formData);
      if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
      const result = await changeMemberRole(organization.id, parsed.data.userId, parsed.data.role);
      if (!result.ok) return fail({ form: result.error });
      return redirect(`/organizations/${organization.id}`);
    }
    case "add-signatory":
    case "remove-signatory": {
      const parsed = parseForm(SignatoryChangeSchema, formData);
      if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
      const change = intent.data === "add-signatory" ? addSignatory : removeSignatory;
      const result = await change(actor, organization.id, parsed.data.userId, requestMeta(request, context.clientIp));
      if (!result.ok) return fail({ form: result.error });
      return redirect(`/organizations/${organization.id}`);
    }
  }
}

const ROLE_OPTIONS = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Admin" },
];

export default function OrganizationPage() {
  const { organization, members, canManage, invitations, currentUserId, signatories } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errorsFor = (intent: string) => (data?.intent === intent ? data.fieldErrors : {});
  const valuesFor = (intent: string) => (data?.intent === intent ? (data.values ?? {}) : {});
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow"><Link to="/organizations">Organizations</Link></p>
          <h1>{organization.name}</h1>
          <p>{ORGANIZATION_KIND_LABELS[organization.kind]} · {provinceName(organization.province)}</p>
        </div>
      </div>
      <div className="grid grid--sidebar">
        <div className="stack">
          <section className="card" aria-labelledby="members-heading">
            <h2 id="members-heading">Members</h2>
            <FormError error={errorsFor("change-role").form} />
            <table className="table">
              <thead>
                <tr><th>Name</th><th>Email</th><th>Role</th></tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.userId}>
                    <td>{member.name}{member.userId === currentUserId ? <span className="muted"> (you)</span> : null}</td>
                    <td>{member.email}</td>
                    <td>
                      {canManage ? (
                        <Form method="post" className="row">
                          <input type="hidden" name="userId" value={member.userId} />
                          <label className="muted" htmlFor={`role-${member.userId}`} style={{ position: "absolute", left: "-9999px" }}>
                            Role of {member.name}
                          </label>
                          <select id={`role-${member.userId}`} name="role" defaultValue={member.role} style={{ width: "auto" }}>
                            {ROLE_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                          </select>
                          <SubmitButton intent="change-role" variant="secondary" small>Save</SubmitButton>
                        </Form>
                      ) : member.role === "admin" ? "Admin" : "Member"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="signatories-heading">
            <h2 id="signatories-heading">Signatories</h2>
            <p className="muted">
              Signatories decide for {organization.name} when a document is signed off.{" "}
              {signatories.named.length === 0 ? "No one is named yet, so the organization's admins decide." : "Only the people named here decide."}
            </p>
            <FormError error={errorsFor("add-signatory").form ?? errorsFor("remove-signatory").form} />
            {signatories.named.length > 0 ? (
              <ul className="list">
                {signatories.named.map((signatory) => (
                  <li key={signatory.userId}>
                    <span>
                      {signatory.name} <span className="muted">{signatory.email}</span>
                    </span>
                    {canManage ? (
                      <Form method="post">
                        <input type="hidden" name="userId" value={signatory.userId} />
                        <SubmitButton intent="remove-signatory" variant="secondary" small>
                          Remove
                        </SubmitButton>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {canManage && signatories.others.length > 0 ? (
              <Form method="post" className="row" style={{ marginTop: "0.75rem" }}>
                <SelectField
                  label="Member"
                  name="userId"
                  placeholder="Choose a member"
                  options={signatories.others.map((member) => ({ value: member.userId, label: `${member.name} (${member.email})` }))}
                  error={errorsFor("add-signatory").userId}
                />
                <SubmitButton intent="add-signatory" variant="secondary">
                  Add signatory
                </SubmitButton>
              </Form>
            ) : null}
          </section>
          {canManage ? (
            <section className="card">
              <h2>Organization details</h2>
              <Form method="post" className="form" noValidate>
                <Field label="Organization name" name="name" defaultValue={valuesFor("update").name ?? organization.name} error={errorsFor("update").name} />
                <SelectField label="Kind" name="kind" options={ORGANIZATION_KIND_OPTIONS} defaultValue={valuesFor("update").kind ?? organization.kind} error={errorsFor("update").kind} />
                <SelectField label="Province or territory" name="province" options={PROVINCE_OPTIONS} defaultValue={valuesFor("update").province ?? organization.province} error={errorsFor("update").province} />
                <div><SubmitButton intent="update" variant="secondary">Save details</SubmitButton></div>
              </Form>
            </section>
          ) : null}
        </div>
        {canManage ? (
          <aside className="card">
            <h2>Invite a member</h2>
            <Form method="post" className="form" noValidate>
              <Field label="Email" name="email" type="email" defaultValue={valuesFor("invite").email} error={errorsFor("invite").email} />
              <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue={valuesFor("invite").role ?? "member"} error={errorsFor("invite").role} />
              <div><SubmitButton intent="invite" variant="secondary">Create invitation link</SubmitButton></div>
            </Form>
            {data?.inviteLink ? (
              <div className="notice" style={{ marginTop: "1rem" }} role="status">
                Send this link to your colleague: <code className="token">{data.inviteLink}</code>
              </div>
            ) : null}
            {invitations.length > 0 ? (
              <>
                <h3 style={{ marginTop: "1.25rem" }}>Pending invitations</h3>
                <ul className="list">
                  {invitations.map((invitation) => (
                    <li key={invitation.id}>
                      <span>
                        {invitation.email} <span className="muted">({invitation.role})</span>
                        <br />
                        <code className="token">{invitation.link}</code>
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </aside>
        ) : null}
      </div>
    </>
  );
}
