import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLabels } from "~/components/i18n/use-labels";
import { OpenSampleProject } from "~/components/projects/OpenSampleProject";
import { Field, FormError, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireActor } from "~/modules/auth/request.server";
import { errorOn } from "~/modules/forms/replies";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";
import { PROJECT_ROLES, projectRolesForKind, type ProjectRole } from "~/modules/permissions/roles";
import { createProject, listProjectsForActor, ProjectRuleError, ProjectSchema, type ProjectInput } from "~/modules/projects/projects.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage, translateReply } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { rateLimitText } from "~/modules/i18n/rate-limit";
import { PROJECT_MESSAGES } from "~/modules/projects/messages";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("projects.list.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const [projects, organizations] = await Promise.all([listProjectsForActor(actor), listUserOrganizations(user.id)]);
  return json({ projects, organizations });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const t = translator(requestLocale(request, user));
  const submission = parseWithZod(await request.formData(), { schema: ProjectSchema });
  if (submission.status !== "success") return json(translateReply(t, PROJECT_MESSAGES, submission.reply()), { status: 400 });
  try {
    const id = await createProject(actor, submission.value, requestMeta(request, context.clientIp));
    return redirect(`/projects/${id}`);
  } catch (error) {
    if (error instanceof ProjectRuleError) {
      return json(submission.reply(errorOn(error.field, translateMessage(t, PROJECT_MESSAGES, error.message))), { status: 400 });
    }
    if (error instanceof RateLimitedError) return json(submission.reply(errorOn(error.field, rateLimitText(t, error))), { status: 429 });
    throw error;
  }
}

export default function Projects() {
  const { projects, organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<ProjectInput>({
    lastResult,
    defaultValue: { organizationId: organizations.length === 1 ? organizations[0]?.id : undefined, role: "lead_institution" },
  });
  // The role select offers the roles that fit the chosen organization's kind (the server checks it too).
  const [actingForId, setActingForId] = useState(typeof fields.organizationId.initialValue === "string" ? fields.organizationId.initialValue : "");
  const actingFor = organizations.find((o) => o.id === actingForId);
  const roles = actingFor ? projectRolesForKind(actingFor.kind) : PROJECT_ROLES;
  const { t } = useTranslation();
  const labels = useLabels();
  const roleOptions = (list: ReadonlyArray<ProjectRole>) => list.map((role) => ({ value: role, label: labels.projectRole(role) }));
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("projects.list.eyebrow")}</p>
          <h1>{t("projects.list.title")}</h1>
          <p>{t("projects.list.intro")}</p>
        </div>
      </div>
      <div className="grid grid--sidebar">
        <section className="card">
          {projects.length === 0 ? (
            <>
              <p className="empty">{t("projects.list.empty")}</p>
              <p className="muted">
                {t("projects.list.sample")}{" "}
                <OpenSampleProject />
              </p>
            </>
          ) : (
            <ul className="list">
              {projects.map((project) => (
                <li key={project.id}>
                  <span>
                    <Link to={`/projects/${project.id}`}><strong>{project.title}</strong></Link>
                    <br />
                    <span className="muted">{project.participants.map((p) => p.name).join(" · ")}</span>
                  </span>
                  <span className="muted">{t("projects.list.documentCount", { count: project.documentCount })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2>{t("projects.create.title")}</h2>
          {organizations.length === 0 ? (
            <p className="muted">
              {t("projects.create.needOrganization")} <Link to="/organizations">{t("projects.create.createOrganization")}</Link> {t("projects.create.first")}
            </p>
          ) : (
            <Form
              method="post"
              className="form"
              {...getFormProps(form)}
              onChange={(event) => {
                const target = event.target as HTMLSelectElement;
                if (target.name === fields.organizationId.name) setActingForId(target.value);
              }}
            >
              <FormError error={form.errors?.[0]} />
              <Field label={t("projects.create.fields.title")} field={fields.title} required />
              <TextAreaField label={t("projects.create.fields.summary")} field={fields.summary} hint={t("projects.create.fields.summaryHint")} />
              <SelectField
                label={t("projects.create.fields.actingFor")}
                field={fields.organizationId}
                placeholder={t("projects.create.fields.chooseOrganization")}
                options={organizations.map((o) => ({ value: o.id, label: o.name }))}
              />
              <div key={actingForId}>
                <SelectField label={t("projects.create.fields.role")} field={fields.role} placeholder={roles.length === 1 ? undefined : t("projects.create.fields.chooseRole")} options={roleOptions(roles)} />
              </div>
              <SubmitButton>{t("projects.create.submit")}</SubmitButton>
            </Form>
          )}
        </section>
      </div>
    </>
  );
}
