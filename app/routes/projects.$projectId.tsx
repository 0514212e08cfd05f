import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLabels } from "~/components/i18n/use-labels";
import { z } from "zod";
import { RoleBadge, StatusBadge } from "~/components/ui/badges";
import { NewDocumentForm } from "~/components/document/new-document-form";
import { Field, FormError, formErrorOf, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireActor } from "~/modules/auth/request.server";
import { completenessOf, createDocument, DocumentRuleError, duplicateDocument, NewDocumentSchema } from "~/modules/documents/documents.server";
import { refusal } from "~/modules/forms/replies";
import { createInvitation, InvitationSchema } from "~/modules/orgs/invitations.server";
import { requireProject } from "~/modules/permissions/require.server";
import { ORGANIZATION_KINDS, PROJECT_ROLE_ORGANIZATION_KIND, PROJECT_ROLES, type OrganizationKind, type ProjectRole } from "~/modules/permissions/roles";
import {
  InviteOrganizationSchema,
  inviteOrganization,
  projectParticipation,
  withdrawProjectInvitation,
} from "~/modules/projects/participation.server";
import {
  getProjectForActor,
  ProjectRuleError,
  ProjectSchema,
  removeParticipant,
  updateProject,
} from "~/modules/projects/projects.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { translator } from "~/modules/i18n/i18n";
import { translateReply } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { rateLimitText } from "~/modules/i18n/rate-limit";
import { PROJECT_MESSAGES } from "~/modules/projects/messages";
import { isSampleProject } from "~/modules/projects/sample";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: metaT(matches)("projects.page.metaTitle", { title: data?.project.title ?? metaT(matches)("projects.page.fallbackTitle") }) }];

async function loadProject(request: Request, projectId: string | undefined) {
  const { user, actor } = await requireActor(request);
  // Throws the access gate's 404 for anyone outside the project.
  return { user, actor, ...(await getProjectForActor(actor, projectId ?? "")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, participants, documents, permissions, invitableOrganizations } = await loadProject(request, params.projectId);
  const [completeness, participation] = await Promise.all([completenessOf(documents.map((d) => d.id)), projectParticipation(actor, project.id)]);
  return json({
    project: { id: project.id, title: project.title, summary: project.summary },
    participants,
    documents: documents.map((d) => ({ ...d, completenessPercent: completeness[d.id] ?? null })),
    permissions,
    // Invited organizations that have not answered yet ("Invited — awaiting …"), for every participant.
    pendingInvitations: participation.pending,
    // The lead's picker: organizations it already works with, never a directory of everyone.
    pickerOrganizations: participation.picker,
    // People can be invited into the participating organizations the actor administers.
    invitableOrganizations,
  });
}

const IntentSchema = z.enum(["update-project", "invite-organization", "withdraw-invitation", "remove-participant", "create-document", "duplicate-document", "invite"]);
/** Each form's answer goes back to that form only: `intent` says which one posted. */
type ActionData = { intent: string; result: SubmissionResult<string[]>; inviteLink?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, actor, project, invitableOrganizations } = await loadProject(request, params.projectId);
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const t = translator(requestLocale(request, user));
  const fail = (result: SubmissionResult<string[]>) => json<ActionData>({ intent: intent.data, result: translateReply(t, PROJECT_MESSAGES, result) }, { status: 400 });

  try {
    switch (intent.data) {
      case "update-project": {
        await requireProject(actor, project.id, "project.edit");
        const submission = parseWithZod(formData, { schema: ProjectSchema.pick({ title: true, summary: true }) });
        if (submission.status !== "success") return fail(submission.reply());
        await updateProject(project.id, submission.value);
        return redirect(`/projects/${project.id}`);
      }
      case "invite-organization": {
        await requireProject(actor, project.id, "project.manage_participants");
        const submission = parseWithZod(formData, { schema: InviteOrganizationSchema });
        if (submission.status !== "success") return fail(submission.reply());
        await inviteOrganization(actor, project.id, submission.value, requestMeta(request, context.clientIp));
        return redirect(`/projects/${project.id}`);
      }
      case "withdraw-invitation": {
        await requireProject(actor, project.id, "project.manage_participants");
        const invitationId = z.string().min(1).safeParse(formData.get("invitationId"));
        if (!invitationId.success) return fail(refusal(formData, "form", t("projects.page.errors.chooseInvitation")));
        await withdrawProjectInvitation(actor, project.id, invitationId.data, requestMeta(request, context.clientIp));
        return redirect(`/projects/${project.id}`);
      }
      case "remove-participant": {
        await requireProject(actor, project.id, "project.manage_participants");
        const organizationId = z.string().min(1).safeParse(formData.get("organizationId"));
        if (!organizationId.success) return fail(refusal(formData, "form", t("projects.page.errors.chooseOrganization")));
        await removeParticipant(actor, project.id, organizationId.data, requestMeta(request, context.clientIp));
        return redirect(`/projects/${project.id}`);
      }
      case "create-document": {
        await requireProject(actor, project.id, "project.create_document");
        const submission = parseWithZod(formData, { schema: NewDocumentSchema });
        if (submission.status !== "success") return fail(submission.reply());
        const id = await createDocument(project.id, user.id, submission.value);
        return redirect(`/documents/${id}`);
      }
      case "duplicate-document": {
        await requireProject(actor, project.id, "project.create_document");
        const documentId = z.string().min(1).safeParse(formData.get("documentId"));
        if (!documentId.success) return fail(refusal(formData, "form", t("projects.page.errors.chooseDocument")));
        const id = await duplicateDocument(project.id, user.id, documentId.data);
        return redirect(`/documents/${id}`);
      }
      case "invite": {
        const submission = parseWithZod(formData, { schema: InvitationSchema });
        if (submission.status !== "success") return fail(submission.reply());
        const organizationId = submission.value.organizationId;
        if (!invitableOrganizations.some((o) => o.id === organizationId)) {
          return fail(submission.reply({ fieldErrors: { organizationId: [t("projects.page.errors.inviteOnlyAdministered")] } }));
        }
        const token = await createInvitation(user.id, submission.value, project.id);
        return json<ActionData>({ intent: intent.data, result: submission.reply(), inviteLink: new URL(`/invitations/${token}`, request.url).toString() });
      }
    }
  } catch (error) {
    if (error instanceof RateLimitedError) return fail(refusal(formData, error.field, rateLimitText(t, error)));
    if (error instanceof ProjectRuleError || error instanceof DocumentRuleError) {
      return fail(refusal(formData, error.field, error.message));
    }
    throw error;
  }
}

export default function ProjectPage() {
  const { project, participants, documents, permissions, pendingInvitations, pickerOrganizations, invitableOrganizations } = useLoaderData<typeof loader>();
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
          <p className="eyebrow"><Link to="/projects">{t("projects.page.eyebrow")}</Link></p>
          <h1>{project.title}</h1>
          {isSampleProject(project) ? (
            <p><span className="badge badge--role">{t("projects.sample.label")}</span> {t("projects.sample.notice")}</p>
          ) : null}
          {project.summary ? <p>{project.summary}</p> : null}
        </div>
        <Link className="button button--secondary" to={`/projects/${project.id}/audit`}>{t("projects.page.auditTrail")}</Link>
      </div>
      <div className="grid grid--sidebar">
        <div className="stack">
          <section className="card" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t("projects.page.documents.title")}</h2>
            <FormError error={resultFor("duplicate-document")?.error?.documentId?.[0] ?? formErrorOf(resultFor("duplicate-document"))} />
            {documents.length === 0 ? (
              <p className="empty">{t("projects.page.documents.empty")}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr><th>{t("projects.page.documents.columns.title")}</th><th>{t("projects.page.documents.columns.kind")}</th><th>{t("projects.page.documents.columns.complete")}</th><th>{t("projects.page.documents.columns.status")}</th>{permissions.createDocument ? <th><span className="visually-hidden">{t("projects.page.documents.columns.actions")}</span></th> : null}</tr>
                </thead>
                <tbody>
                  {documents.map((document) => (
                    <tr key={document.id}>
                      <td><Link to={`/documents/${document.id}`}>{document.title}</Link></td>
                      <td>{labels.documentKind(document.kind)}</td>
                      <td className="muted">{document.completenessPercent === null ? "—" : t("projects.page.documents.percent", { value: document.completenessPercent })}</td>
                      <td><StatusBadge status={document.status} /></td>
                      {permissions.createDocument ? (
                        <td>
                          <Form method="post">
                            <input type="hidden" name="documentId" value={document.id} />
                            <button type="submit" name="intent" value="duplicate-document" className="button button--secondary button--small" aria-label={t("projects.page.documents.duplicateLabel", { title: document.title })}>
                              {t("projects.page.documents.duplicate")}
                            </button>
                          </Form>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {permissions.createDocument ? (
              <NewDocumentForm key={formKey} documents={documents} lastResult={resultFor("create-document")} />
            ) : null}
          </section>

          {permissions.edit ? (
            <section className="card">
              <h2>{t("projects.page.details.title")}</h2>
              <ProjectDetailsForm key={formKey} project={project} lastResult={resultFor("update-project")} />
            </section>
          ) : null}
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{t("projects.page.participants.title")}</h2>
            <ul className="list">
              {participants.map((participant) => (
                <li key={participant.organizationId}>
                  <span>
                    <strong>{participant.name}</strong>
                    <br />
                    <span className="muted">{labels.organizationKind(participant.kind)} · {labels.province(participant.province)}</span>
                    <br />
                    <RoleBadge role={participant.role} />
                  </span>
                  {permissions.manageParticipants && participant.role !== "lead_institution" ? (
                    <Form
                      method="post"
                      onSubmit={(event) => {
                        if (!window.confirm(t("projects.page.participants.confirmRemove", { name: participant.name }))) event.preventDefault();
                      }}
                    >
                      <input type="hidden" name="organizationId" value={participant.organizationId} />
                      <SubmitButton intent="remove-participant" variant="danger" small>{t("projects.page.participants.remove")}</SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
              {pendingInvitations.map((invitation) => (
                <li key={invitation.id}>
                  <span>
                    <span className="muted">{t("projects.page.participants.awaiting", { organization: invitation.organizationName })}</span>
                    <br />
                    <RoleBadge role={invitation.role} />
                  </span>
                  {permissions.manageParticipants ? (
                    <Form method="post">
                      <input type="hidden" name="invitationId" value={invitation.id} />
                      <button type="submit" name="intent" value="withdraw-invitation" className="button button--secondary button--small" aria-label={t("projects.page.participants.withdrawLabel", { organization: invitation.organizationName })}>
                        {t("projects.page.participants.withdraw")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            <FormError error={formErrorOf(resultFor("withdraw-invitation")) ?? formErrorOf(resultFor("remove-participant"))} />
            {permissions.manageParticipants ? (
              <InviteOrganizationForm key={formKey} organizations={pickerOrganizations} lastResult={resultFor("invite-organization")} />
            ) : null}
          </section>

          {invitableOrganizations.length > 0 ? (
            <section className="card">
              <h2>{t("projects.page.colleague.title")}</h2>
              <InviteColleagueForm
                key={formKey}
                organizations={invitableOrganizations.map((o) => ({ value: o.id, label: o.name }))}
                lastResult={resultFor("invite")}
              />
              {data?.inviteLink ? (
                <div className="notice" style={{ marginTop: "1rem" }} role="status">
                  {t("projects.page.colleague.sendLink")} <code className="token">{data.inviteLink}</code>
                </div>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

type FormResult = SubmissionResult<string[]> | undefined;
type Options = ReadonlyArray<{ value: string; label: string }>;

function ProjectDetailsForm({ project, lastResult }: { project: { title: string; summary: string }; lastResult: FormResult }) {
  const [form, fields] = useForm<{ title: string; summary: string }>({ lastResult, defaultValue: { title: project.title, summary: project.summary } });
  const { t } = useTranslation();
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <Field label={t("projects.create.fields.title")} field={fields.title} />
      <TextAreaField label={t("projects.create.fields.summary")} field={fields.summary} />
      <div><SubmitButton intent="update-project" variant="secondary">{t("projects.page.details.save")}</SubmitButton></div>
    </Form>
  );
}

/** Roles an invitation may propose: the project has its lead already (the one who invites). */
const INVITABLE_ROLES = PROJECT_ROLES.filter((role) => role !== "lead_institution");
/** "Institution → Partner institution; Employer → Employer partner; …", from the one role ↔ kind rule. */
function roleKindHint(t: ReturnType<typeof useTranslation>["t"], labels: ReturnType<typeof useLabels>): string {
  return ORGANIZATION_KINDS.map((kind) => `${labels.organizationKind(kind)} → ${INVITABLE_ROLES.filter((role) => PROJECT_ROLE_ORGANIZATION_KIND[role] === kind).map((role) => labels.projectRole(role)).join(t("projects.page.invite.or"))}`).join("; ");
}

type PickerOrganization = { id: string; name: string; kind: OrganizationKind; roles: ProjectRole[] };

/**
 * Invite an organization: one the lead already works with (the picker), or any other by its exact
 * name or an admin's e-mail address; the role select offers only the roles that fit the picked
 * organization's kind (the server checks it either way, also for a typed name).
 */
function InviteOrganizationForm({ organizations, lastResult }: { organizations: ReadonlyArray<PickerOrganization>; lastResult: FormResult }) {
  const [form, fields] = useForm<{ organizationId: string; organization: string; role: string }>({ lastResult });
  const [pickedId, setPickedId] = useState(typeof fields.organizationId.initialValue === "string" ? fields.organizationId.initialValue : "");
  const picked = organizations.find((o) => o.id === pickedId);
  const roles = picked ? picked.roles.filter((role) => role !== "lead_institution") : INVITABLE_ROLES;
  const { t } = useTranslation();
  const labels = useLabels();
  const roleOptions = (list: ReadonlyArray<ProjectRole>) => list.map((role) => ({ value: role, label: labels.projectRole(role) }));
  return (
    <Form
      method="post"
      className="form"
      style={{ marginTop: "1rem" }}
      {...getFormProps(form)}
      onChange={(event) => {
        const target = event.target as HTMLSelectElement;
        if (target.name === fields.organizationId.name) setPickedId(target.value);
      }}
    >
      <h3>{t("projects.page.invite.title")}</h3>
      <p className="muted">{t("projects.page.invite.intro")}</p>
      <FormError error={form.errors?.[0]} />
      {organizations.length > 0 ? (
        <SelectField
          label={t("projects.page.invite.picker")}
          field={fields.organizationId}
          placeholder={t("projects.create.fields.chooseOrganization")}
          options={organizations.map((o) => ({ value: o.id, label: `${o.name} (${labels.organizationKind(o.kind)})` }))}
        />
      ) : null}
      <Field
        label={t("projects.page.invite.organization")}
        field={fields.organization}
        hint={organizations.length > 0 ? t("projects.page.invite.organizationHintOther") : t("projects.page.invite.organizationHint")}
      />
      <div key={pickedId}>
        <SelectField label={t("projects.page.invite.role")} field={fields.role} placeholder={roles.length === 1 ? undefined : t("projects.create.fields.chooseRole")} options={roleOptions(roles)} />
        {picked ? null : <p className="field__hint">{t("projects.page.invite.roleHint", { hint: roleKindHint(t, labels) })}</p>}
      </div>
      <div><SubmitButton intent="invite-organization" variant="secondary">{t("projects.page.invite.submit")}</SubmitButton></div>
    </Form>
  );
}

function InviteColleagueForm({ organizations, lastResult }: { organizations: Options; lastResult: FormResult }) {
  const [form, fields] = useForm<{ email: string; organizationId: string }>({ lastResult });
  const { t } = useTranslation();
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormError error={form.errors?.[0]} />
      <Field label={t("projects.page.colleague.email")} field={fields.email} type="email" />
      <SelectField label={t("projects.page.colleague.organization")} field={fields.organizationId} options={organizations} />
      <input type="hidden" name="role" value="member" />
      <div><SubmitButton intent="invite" variant="secondary">{t("projects.page.colleague.submit")}</SubmitButton></div>
    </Form>
  );
}
