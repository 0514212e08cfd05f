import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Field, FormError, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { requireActor } from "~/modules/auth/request.server";
import { PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import { parseForm } from "~/modules/forms/parse-form";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";
import { PROJECT_ROLES } from "~/modules/permissions/roles";
import { createProject, listProjectsForActor, ProjectRuleError, ProjectSchema } from "~/modules/projects/projects.server";

export const meta: MetaFunction = () => [{ title: "Projects — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const [projects, organizations] = await Promise.all([listProjectsForActor(actor), listUserOrganizations(user.id)]);
  return json({ projects, organizations });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const parsed = parseForm(ProjectSchema, await request.formData());
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    const id = await createProject(actor, parsed.data);
    return redirect(`/projects/${id}`);
  } catch (error) {
    if (error instanceof ProjectRuleError) {
      return json({ fieldErrors: { [error.field]: error.message }, values: parsed.data as unknown as Record<string, string> }, { status: 400 });
    }
    throw error;
  }
}

const ROLE_OPTIONS = PROJECT_ROLES.map((role) => ({ value: role, label: PROJECT_ROLE_LABELS[role] }));

export default function Projects() {
  const { projects, organizations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
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
            <p className="empty">Your organizations are not part of any project yet.</p>
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
            <Form method="post" className="form" noValidate>
              <FormError error={data?.fieldErrors.form} />
              <Field label="Title" name="title" defaultValue={data?.values.title} error={data?.fieldErrors.title} required />
              <TextAreaField label="Summary" name="summary" defaultValue={data?.values.summary} error={data?.fieldErrors.summary} hint="Who the credential is for and why employers need it." />
              <SelectField
                label="Acting for"
                name="organizationId"
                placeholder="Choose an organization"
                options={organizations.map((o) => ({ value: o.id, label: o.name }))}
                defaultValue={data?.values.organizationId ?? (organizations.length === 1 ? organizations[0]?.id : undefined)}
                error={data?.fieldErrors.organizationId}
              />
              <SelectField
                label="Its role in the project"
                name="role"
                placeholder="Choose a role"
                options={ROLE_OPTIONS}
                defaultValue={data?.values.role ?? "lead_institution"}
                error={data?.fieldErrors.role}
              />
              <SubmitButton>Create project</SubmitButton>
            </Form>
          )}
        </section>
      </div>
    </>
  );
}
