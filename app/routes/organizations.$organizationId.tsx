import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { useLabels } from "~/components/i18n/use-labels";
import { ProjectInvitations } from "~/components/projects/ProjectInvitations";
import { Field, FormError, formErrorOf, SelectField, SubmitButton } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireActor } from "~/modules/auth/request.server";
import { errorOn } from "~/modules/forms/replies";
import { createInvitation, InvitationSchema, listPendingInvitations, type InvitationInput } from "~/modules/orgs/invitations.server";
import {
  changeMemberRole,
  getOrganizationForActor,
  MemberRoleSchema,
  OrganizationSchema,
  updateOrganization,
  type OrganizationInput,
} from "~/modules/orgs/organizations.server";
import { PROVINCES } from "~/modules/orgs/provinces";
import { ORGANIZATION_KINDS } from "~/modules/permissions/roles";
import { requireOrganization } from "~/modules/permissions/require.server";
import { blockedOrganizations, invitationsAwaitingActor, unblockOrganization } from "~/modules/projects/participation.server";
import { addSignatory, listSignatories, removeSignatory, SignatoryChangeSchema } from "~/modules/signoff/signatories.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { translator } from "~/modules/i18n/i18n";
import { translateReply } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { rateLimitText } from "~/modules/i18n/rate-limit";
import { ORGANIZATION_MESSAGES } from "~/modules/orgs/messages";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("organizations.page.metaTitle", { name: data?.organization.name ?? t("organizations.page.fallbackTitle") }) }];
};

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
  const t = translator(requestLocale(request, user));
  const fail = (result: SubmissionResult<string[]>) => json<ActionData>({ intent: intent.data, result: translateReply(t, ORGANIZATION_MESSAGES, result) }, { status: 400 });

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
        if (error instanceof RateLimitedError) return json<ActionData>({ intent: intent.data, result: submission.reply(errorOn(error.field, rateLimitText(t, error))) }, { status: 429 });
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

const MEMBERSHIP_ROLES = ["member", "admin"] as const;

export default function OrganizationPage() {
  const { organization, members, canManage, invitations, currentUserId, signatories, projectInvitations, blocked } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const resultFor = (intent: string) => (data?.intent === intent ? data.result : undefined);
  // A new form state after every navigation: a saved form shows the saved values, not old errors.
  const formKey = useLocation().key;
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow"><Link to="/organizations">{t("organizations.list.eyebrow")}</Link></p>
          <h1>{organization.name}</h1>
          <p>{labels.organizationKind(organization.kind)} · {labels.province(organization.province)}</p>
        </div>
      </div>
      <div className="grid grid--sidebar">
        <div className="stack">
          {projectInvitations.length > 0 ? (
            <section className="card" aria-labelledby="project-invitations-heading">
              <h2 id="project-invitations-heading">{t("organizations.page.projectInvitations.title")}</h2>
              <p className="muted">{t("organizations.page.projectInvitations.intro", { name: organization.name })}</p>
              <ProjectInvitations invitations={projectInvitations} redirectTo={`/organizations/${organization.id}`} showInvitedOrganization={false} />
            </section>
          ) : null}
          <section className="card" aria-labelledby="members-heading">
            <h2 id="members-heading">{t("organizations.page.members.title")}</h2>
            <FormError error={formErrorOf(resultFor("change-role"))} />
            <table className="table">
              <thead>
                <tr><th>{t("organizations.page.members.name")}</th><th>{t("organizations.page.members.email")}</th><th>{t("organizations.page.members.role")}</th></tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.userId}>
                    <td>{member.name}{member.userId === currentUserId ? <span className="muted"> {t("organizations.page.members.you")}</span> : null}</td>
                    <td>{member.email}</td>
                    <td>
                      {canManage ? (
                        <Form method="post" className="row">
                          <input type="hidden" name="userId" value={member.userId} />
                          <label className="muted" htmlFor={`role-${member.userId}`} style={{ position: "absolute", left: "-9999px" }}>
                            {t("organizations.page.members.roleOf", { name: member.name })}
                          </label>
                          <select id={`role-${member.userId}`} name="role" defaultValue={member.role} style={{ width: "auto" }}>
                            {MEMBERSHIP_ROLES.map((role) => <option key={role} value={role}>{t(`organizations.roles.${role}`)}</option>)}
                          </select>
                          <SubmitButton intent="change-role" variant="secondary" small>{t("organizations.page.members.save")}</SubmitButton>
                        </Form>
                      ) : member.role === "admin" ? t("organizations.roles.admin") : t("organizations.roles.member")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="signatories-heading">
            <h2 id="signatories-heading">{t("organizations.page.signatories.title")}</h2>
            <p className="muted">
              {t("organizations.page.signatories.intro", { name: organization.name })}{" "}
              {signatories.named.length === 0 ? t("organizations.page.signatories.noneNamed") : t("organizations.page.signatories.onlyNamed")}
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
                          {t("organizations.page.signatories.remove")}
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
              <h2>{t("organizations.page.details.title")}</h2>
              <OrganizationDetailsForm key={formKey} organization={organization} lastResult={resultFor("update")} />
            </section>
          ) : null}
          {canManage ? (
            <section className="card" aria-labelledby="blocked-heading">
              <h2 id="blocked-heading">{t("organizations.page.blocked.title")}</h2>
              <FormError error={formErrorOf(resultFor("unblock"))} />
              {blocked.length === 0 ? (
                <p className="muted">{t("organizations.page.blocked.empty")}</p>
              ) : (
                <>
                  <p className="muted">{t("organizations.page.blocked.intro", { name: organization.name })}</p>
                  <ul className="list">
                    {blocked.map((other) => (
                      <li key={other.id}>
                        <span>{other.name}</span>
                        <Form method="post">
                          <input type="hidden" name="blockedOrganizationId" value={other.id} />
                          <button type="submit" name="intent" value="unblock" className="button button--secondary button--small" aria-label={t("organizations.page.blocked.unblockLabel", { name: other.name })}>
                            {t("organizations.page.blocked.unblock")}
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
            <h2>{t("organizations.page.invite.title")}</h2>
            <InviteMemberForm key={formKey} lastResult={resultFor("invite")} />
            {data?.inviteLink ? (
              <div className="notice" style={{ marginTop: "1rem" }} role="status">
                {t("organizations.page.invite.sendLink")} <code className="token">{data.inviteLink}</code>
              </div>
            ) : null}
            {invitations.length > 0 ? (
              <>
                <h3 style={{ marginTop: "1.25rem" }}>{t("organizations.page.invite.pending")}</h3>
                <ul className="list">
                  {invitations.map((invitation) => (
                    <li key={invitation.id}>
                      <span>
                        {invitation.email} <span className="muted">({invitation.role === "admin" ? t("organizations.page.invite.roleAdmin") : t("organizations.page.invite.roleMember")})</span>
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
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <Field label={t("organizations.create.name")} field={fields.name} />
      <SelectField label={t("organizations.create.kind")} field={fields.kind} options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: labels.organizationKind(kind) }))} />
      <SelectField label={t("organizations.create.province")} field={fields.province} options={PROVINCES.map((p) => ({ value: p.code, label: labels.province(p.code) }))} />
      <div><SubmitButton intent="update" variant="secondary">{t("organizations.page.details.save")}</SubmitButton></div>
    </Form>
  );
}

function AddSignatoryForm({ members, lastResult }: { members: ReadonlyArray<{ userId: string; name: string; email: string }>; lastResult: FormResult }) {
  const [form, fields] = useForm<{ userId: string }>({ lastResult });
  const { t } = useTranslation();
  return (
    <Form method="post" className="row" style={{ marginTop: "0.75rem" }} {...getFormProps(form)}>
      <SelectField
        label={t("organizations.page.signatories.member")}
        field={fields.userId}
        placeholder={t("organizations.page.signatories.chooseMember")}
        options={members.map((member) => ({ value: member.userId, label: `${member.name} (${member.email})` }))}
      />
      <SubmitButton intent="add-signatory" variant="secondary">
        {t("organizations.page.signatories.add")}
      </SubmitButton>
    </Form>
  );
}

function InviteMemberForm({ lastResult }: { lastResult: FormResult }) {
  const [form, fields] = useForm<Pick<InvitationInput, "email" | "role">>({ lastResult, defaultValue: { role: "member" } });
  const { t } = useTranslation();
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormError error={form.errors?.[0]} />
      <Field label={t("organizations.page.members.email")} field={fields.email} type="email" />
      <SelectField label={t("organizations.page.members.role")} field={fields.role} options={MEMBERSHIP_ROLES.map((role) => ({ value: role, label: t(`organizations.roles.${role}`) }))} />
      <div><SubmitButton intent="invite" variant="secondary">{t("organizations.page.invite.submit")}</SubmitButton></div>
    </Form>
  );
}
