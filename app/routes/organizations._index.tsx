import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireUser } from "~/modules/auth/request.server";
import { ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import { errorOn } from "~/modules/forms/replies";
import { createOrganization, listUserOrganizations, OrganizationSchema, type OrganizationInput } from "~/modules/orgs/organizations.server";
import { ORGANIZATION_KIND_OPTIONS, PROVINCE_OPTIONS } from "~/modules/orgs/options";
import { provinceName } from "~/modules/orgs/provinces";

export const meta: MetaFunction = () => [{ title: "Organizations — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ organizations: await listUserOrganizations(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: OrganizationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const id = await createOrganization(user.id, submission.value);
    return redirect(`/organizations/${id}`);
  } catch (error) {
    if (error instanceof RateLimitedError) return json(submission.reply(errorOn(error.field, error.message)), { status: 429 });
    throw error;
  }
}

export default function Organizations() {
  const { organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<OrganizationInput>({ lastResult });
  const [searchParams] = useSearchParams();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Organizations</p>
          <h1>Your organizations</h1>
          <p>You act for an organization in every project: an employer, an institution, a professional body or a QA agency.</p>
        </div>
      </div>
      {searchParams.get("welcome") ? (
        <div className="notice" style={{ marginBottom: "1.5rem" }} role="status">
          Welcome to Concord. Create your organization below, or open the invitation link a colleague sent you.
        </div>
      ) : null}
      <div className="grid grid--sidebar">
        <section className="card">
          {organizations.length === 0 ? (
            <p className="empty">You do not belong to an organization yet.</p>
          ) : (
            <ul className="list">
              {organizations.map((organization) => (
                <li key={organization.id}>
                  <span>
                    <Link to={`/organizations/${organization.id}`}><strong>{organization.name}</strong></Link>
                    <br />
                    <span className="muted">{ORGANIZATION_KIND_LABELS[organization.kind]} · {provinceName(organization.province)}</span>
                  </span>
                  <span className="badge">{organization.role === "admin" ? "Admin" : "Member"}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2>Create an organization</h2>
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormError error={form.errors?.[0]} />
            <Field label="Organization name" field={fields.name} />
            <SelectField label="Kind" field={fields.kind} placeholder="Choose a kind" options={ORGANIZATION_KIND_OPTIONS} />
            <SelectField label="Province or territory" field={fields.province} placeholder="Choose a province or territory" options={PROVINCE_OPTIONS} />
            <SubmitButton>Create organization</SubmitButton>
          </Form>
        </section>
      </div>
    </>
  );
}
