import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { OpenSampleProject } from "~/components/projects/OpenSampleProject";
import { Field, FormError, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireActor } from "~/modules/auth/request.server";
import { PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import { errorOn } from "~/modules/forms/replies";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";
import { PROJECT_ROLES, projectRolesForKind, type ProjectRole } from "~/modules/permissions/roles";
import { createProject, listProjectsForActor, ProjectRuleError, ProjectSchema, type ProjectInput } from "~/modules/projects/projects.server";
import { requestMeta } from "~/modules/audit/audit.server";

export const meta: MetaFunction = () => [{ title: "Projects — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const [projects, organizations] = await Promise.all([listProjectsForActor(actor), listUserOrganizations(user.id)]);
  return json({ projects, organizations });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: ProjectSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const id = await createProject(actor, submission.value, requestMeta(request, context.clientIp));
    return redirect(`/projects/${id}`);
  } catch (error) {
    if (error instanceof ProjectRuleError) {
      return json(submission.reply(errorOn(error.field, error.message)), { status: 400 });
    }
    if (error instanceof RateLimitedError) return json(submission.reply(errorOn(error.field, error.message)), { status: 429 });
    throw error;
  }
}

const roleOptions = (roles: ReadonlyArray<ProjectRole>) => roles.map((role) => ({ value: role, label: PROJECT_ROLE_LABELS[role] }));

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
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Projects</p>
          <h1>Credentials being co-designed</h1>
          <p>A project is one credential (or a consortium of modules) and the organizations that design it together.</p>
        </div>
      </div>
      <div className="grid grid--sidebar">
        <section className="card">
          {projects.length === 0 ? (
            <>
              <p className="empty">Your organizations are not part of any project yet.</p>
              <p className="muted">
                See what a finished project looks like first: three complete documents you can read, not change.{" "}
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
                  <span className="muted">{project.documentCount} documents</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2>Start a project</h2>
          {organizations.length === 0 ? (
            <p className="muted">
              You act for an organization in a project. <Link to="/organizations">Create your organization</Link> first.
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
              <Field label="Title" field={fields.title} required />
              <TextAreaField label="Summary" field={fields.summary} hint="Who the credential is for and why employers need it." />
              <SelectField
                label="Acting for"
                field={fields.organizationId}
                placeholder="Choose an organization"
                options={organizations.map((o) => ({ value: o.id, label: o.name }))}
              />
              <div key={actingForId}>
                <SelectField label="Its role in the project" field={fields.role} placeholder={roles.length === 1 ? undefined : "Choose a role"} options={roleOptions(roles)} />
              </div>
              <SubmitButton>Create project</SubmitButton>
            </Form>
          )}
        </section>
      </div>
    </>
  );
}
