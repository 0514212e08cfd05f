import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLabels } from "~/components/i18n/use-labels";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requireUser } from "~/modules/auth/request.server";
import { errorOn } from "~/modules/forms/replies";
import { translator } from "~/modules/i18n/i18n";
import { translateReply } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { rateLimitText } from "~/modules/i18n/rate-limit";
import { ORGANIZATION_MESSAGES } from "~/modules/orgs/messages";
import { createOrganization, listUserOrganizations, OrganizationSchema, type OrganizationInput } from "~/modules/orgs/organizations.server";
import { PROVINCES } from "~/modules/orgs/provinces";
import { ORGANIZATION_KINDS } from "~/modules/permissions/roles";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("organizations.list.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ organizations: await listUserOrganizations(user.id) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: OrganizationSchema });
  const t = translator(requestLocale(request, user));
  if (submission.status !== "success") return json(translateReply(t, ORGANIZATION_MESSAGES, submission.reply()), { status: 400 });
  try {
    const id = await createOrganization(user.id, submission.value);
    return redirect(`/organizations/${id}`);
  } catch (error) {
    if (error instanceof RateLimitedError) return json(submission.reply(errorOn(error.field, rateLimitText(t, error))), { status: 429 });
    throw error;
  }
}

export default function Organizations() {
  const { organizations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<OrganizationInput>({ lastResult });
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("organizations.list.eyebrow")}</p>
          <h1>{t("organizations.list.title")}</h1>
          <p>{t("organizations.list.intro")}</p>
        </div>
      </div>
      {searchParams.get("welcome") ? (
        <div className="notice" style={{ marginBottom: "1.5rem" }} role="status">
          {t("organizations.list.welcome")}
        </div>
      ) : null}
      <div className="grid grid--sidebar">
        <section className="card">
          {organizations.length === 0 ? (
            <p className="empty">{t("organizations.list.empty")}</p>
          ) : (
            <ul className="list">
              {organizations.map((organization) => (
                <li key={organization.id}>
                  <span>
                    <Link to={`/organizations/${organization.id}`}><strong>{organization.name}</strong></Link>
                    <br />
                    <span className="muted">{labels.organizationKind(organization.kind)} · {labels.province(organization.province)}</span>
                  </span>
                  <span className="badge">{organization.role === "admin" ? t("organizations.roles.admin") : t("organizations.roles.member")}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card">
          <h2>{t("organizations.create.title")}</h2>
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormError error={form.errors?.[0]} />
            <Field label={t("organizations.create.name")} field={fields.name} />
            <SelectField label={t("organizations.create.kind")} field={fields.kind} placeholder={t("organizations.create.chooseKind")} options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: labels.organizationKind(kind) }))} />
            <SelectField label={t("organizations.create.province")} field={fields.province} placeholder={t("organizations.create.chooseProvince")} options={PROVINCES.map((p) => ({ value: p.code, label: labels.province(p.code) }))} />
            <SubmitButton>{t("organizations.create.submit")}</SubmitButton>
          </Form>
        </section>
      </div>
    </>
  );
}
