import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { ProjectInvitations } from "~/components/projects/ProjectInvitations";
import { Field, FormError, formErrorOf, SelectField, SubmitButton } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireActor } from "~/modules/auth/request.server";
import { ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import { errorOn } from "~/modules/forms/replies";
import { createInvitation, InvitationSchema, listPendingInvitations, type InvitationInput } from "~/modules/orgs/invitations.server";
import { ORGANIZATION_KIND_OPTIONS, PROVINCE_OPTIONS } from "~/modules/orgs/options";
import {
  changeMemberRole,
  getOrganizationForActor,
  MemberRoleSchema,
  OrganizationSchema,
  updateOrganization,
  type OrganizationInput,
} from "~/modules/orgs/organizations.server";
import { provinceName } from "~/modules/orgs/provinces";
import { requireOrganization } from "~/modules/permissions/require.server";
import { blockedOrganizations, invitationsAwaitingActor, unblockOrganization } from "~/modules/projects/participation.server";
import { addSignatory, listSignatories, removeSignatory, SignatoryChangeSchema } from "~/modules/signoff/signatories.server";
import { requestMeta } from "~/modules/audit/audit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organization.name ?? "Organization"} — Concord` }];

async function loadOrganization(request: Request, organizationId: string | undefined) {
  const { user, actor } = await requireActor(request);
  // Throws the access gate's 404 for anyone who is not a member.
  return { user, actor, ...(await getOrganizationForActor(actor, organizationId ?? "")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organization, members, canManage, user, actor } = await loadOrganization(request, params.organizationId);
  const pending = canManage ? await listPendingInvitations(organization.id) : [];
  // Admins answer invitations into projects and manage whom the organization blocks.
  const [projectInvitations, blocked] = canManage ? await Promise.all([invitationsAwaitingActor(actor, organization.id), blockedOrganizations(actor, organization.id)]) : [[], []];
  const signatories = await listSignatories(organization.id);
  const origin = new URL(request.url).origin;
  return json({
    organization,
    members,
    canManage,
    signatories,
    currentUserId: user.id,
    invitations: pending.map((i) => ({ id: i.id, email: i.email, role: i.role, link: `${origin}/invitations/${i.token}`, expiresAt: i.expiresAt })),
    projectInvitations,
    blocked,
  });
}

const IntentSchema = z.enum(["update", "invite", "change-role", "add-signatory", "remove-signatory", "unblock"]);
const UnblockSchema = z.object({ blockedOrganizationId: z.string({ error: "Choose an organization to unblock" }).min(1) });
/** Each form's answer goes back to that form only: `intent` says which one posted. */
type ActionData = { intent: string; result: SubmissionResult<string[]>; inviteLink?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  // Every change here is an admin's: the gate answers 404 to non-members, 403 to other members.
  const organization = await requireOrganization(actor, params.organizationId ?? "", "organization.manage");
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const fail = (result: SubmissionResult<string[]>) => json<ActionData>({ intent: intent.data, result }, { status: 400 });

  switch (intent.data) {
    case "update": {
      const submission = parseWithZod(formData, { schema: OrganizationSchema });
      if (submission.status !== "success") return fail(submission.reply());
      await updateOrganization(organization.id, submission.value);
      return redirect(`/organizations/${organization.id}`);
    }
    case "invite": {
      formData.set("organizationId", organization.id);
      const submission = parseWithZod(formData, { schema: InvitationSchema });
      if (submission.status !== "success") return fail(submission.reply());
      try {
        const token = await createInvitation(user.id, submission.value);
        return json<ActionData>({ intent: intent.data, result: submission.reply(), inviteLink: new URL(`/invitations/${token}`, request.url).toString() });
      } catch (error) {
        if (error instanceof RateLimitedError) return json<ActionData>({ intent: intent.data, result: submission.reply(errorOn(error.field, error.message)) }, { status: 429 });
        throw error;
      }
    }
    case "change-role": {
      const submission = parseWithZod(formData, { schema: MemberRoleSchema });
      if (submission.status !== "success") return fail(submission.reply());
      const result = await changeMemberRole(organization.id, submission.value.userId, submission.value.role);
      if (!result.ok) return fail(submission.reply({ formErrors: [result.error] }));
      return redirect(`/organizations/${organization.id}`);
    }
    case "add-signatory":
    case "remove-signatory": {
      const submission = parseWithZod(formData, { schema: SignatoryChangeSchema });
      if (submission.status !== "success") return fail(submission.reply());
      const change = intent.data === "add-signatory" ? addSignatory : removeSignatory;
      const result = await change(actor, organization.id, submission.value.userId, requestMeta(request, context.clientIp));
      if (!result.ok) return fail(submission.reply({ formErrors: [result.error] }));
      return redirect(`/organizations/${organization.id}`);
    }
    case "unblock": {
      const submission = parseWithZod(formData, { schema: UnblockSchema });
      if (submission.status !== "success") return fail(submission.reply());
      await unblockOrganization(actor, organization.id, submission.value.blockedOrganizationId, requestMeta(request, context.clientIp));
      return redirect(`/organizations/${organization.id}`);
    }
  }
}

const ROLE_OPTIONS = [
  { value: "member", label: "Member" },
  { value: "admin", label: "Admin" },
];

export default function OrganizationPage() {
  const { organization, members, canManage, invitations, currentUserId, signatories, projectInvitations, blocked } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const resultFor = (intent: string) => (data?.intent === intent ? data.result : undefined);
  // A new form state after every navigation: a saved form shows the saved values, not old errors.
  const formKey = useLocation().key;
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
          {projectInvitations.length > 0 ? (
            <section className="card" aria-labelledby="project-invitations-heading">
              <h2 id="project-invitations-heading">Invitations to projects</h2>
              <p className="muted">{organization.name} takes part only if you accept; its members see the project from then on.</p>
              <ProjectInvitations invitations={projectInvitations} redirectTo={`/organizations/${organization.id}`} showInvitedOrganization={false} />
            </section>
          ) : null}
          <section className="card" aria-labelledby="members-heading">
            <h2 id="members-heading">Members</h2>
            <FormError error={formErrorOf(resultFor("change-role"))} />
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
            <FormError error={formErrorOf(resultFor("add-signatory")) ?? formErrorOf(resultFor("remove-signatory"))} />
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
              <AddSignatoryForm key={formKey} members={signatories.others} lastResult={resultFor("add-signatory")} />
            ) : null}
          </section>
          {canManage ? (
            <section className="card">
              <h2>Organization details</h2>
              <OrganizationDetailsForm key={formKey} organization={organization} lastResult={resultFor("update")} />
            </section>
          ) : null}
          {canManage ? (
            <section className="card" aria-labelledby="blocked-heading">
              <h2 id="blocked-heading">Blocked organizations</h2>
              <FormError error={formErrorOf(resultFor("unblock"))} />
              {blocked.length === 0 ? (
                <p className="muted">None. An admin who declines an invitation can also block the organization that sent it.</p>
              ) : (
                <>
                  <p className="muted">These organizations cannot invite {organization.name} into their projects; they are told only that it does not accept their invitations.</p>
                  <ul className="list">
                    {blocked.map((other) => (
                      <li key={other.id}>
                        <span>{other.name}</span>
                        <Form method="post">
                          <input type="hidden" name="blockedOrganizationId" value={other.id} />
                          <button type="submit" name="intent" value="unblock" className="button button--secondary button--small" aria-label={`Unblock ${other.name}`}>
                            Unblock
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          ) : null}
        </div>
        {canManage ? (
          <aside className="card">
            <h2>Invite a member</h2>
            <InviteMemberForm key={formKey} lastResult={resultFor("invite")} />
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

type FormResult = SubmissionResult<string[]> | undefined;

function OrganizationDetailsForm({ organization, lastResult }: { organization: { name: string; kind: string; province: string }; lastResult: FormResult }) {
  const [form, fields] = useForm<OrganizationInput>({
    lastResult,
    defaultValue: { name: organization.name, kind: organization.kind, province: organization.province },
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <Field label="Organization name" field={fields.name} />
      <SelectField label="Kind" field={fields.kind} options={ORGANIZATION_KIND_OPTIONS} />
      <SelectField label="Province or territory" field={fields.province} options={PROVINCE_OPTIONS} />
      <div><SubmitButton intent="update" variant="secondary">Save details</SubmitButton></div>
    </Form>
  );
}

function AddSignatoryForm({ members, lastResult }: { members: ReadonlyArray<{ userId: string; name: string; email: string }>; lastResult: FormResult }) {
  const [form, fields] = useForm<{ userId: string }>({ lastResult });
  return (
    <Form method="post" className="row" style={{ marginTop: "0.75rem" }} {...getFormProps(form)}>
      <SelectField
        label="Member"
        field={fields.userId}
        placeholder="Choose a member"
        options={members.map((member) => ({ value: member.userId, label: `${member.name} (${member.email})` }))}
      />
      <SubmitButton intent="add-signatory" variant="secondary">
        Add signatory
      </SubmitButton>
    </Form>
  );
}

function InviteMemberForm({ lastResult }: { lastResult: FormResult }) {
  const [form, fields] = useForm<Pick<InvitationInput, "email" | "role">>({ lastResult, defaultValue: { role: "member" } });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormError error={form.errors?.[0]} />
      <Field label="Email" field={fields.email} type="email" />
      <SelectField label="Role" field={fields.role} options={ROLE_OPTIONS} />
      <div><SubmitButton intent="invite" variant="secondary">Create invitation link</SubmitButton></div>
    </Form>
  );
}
