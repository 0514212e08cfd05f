import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { signUp } from "~/modules/auth/accounts.server";
import { MIN_PASSWORD_LENGTH, SignUpSchema, type SignUpInput } from "~/modules/auth/credentials";
import { AUTH_MESSAGES } from "~/modules/auth/messages";
import { requireAnonymous, safeRedirectPath, signInAndRedirect } from "~/modules/auth/request.server";
import { translator } from "~/modules/i18n/i18n";
import { translateReply } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("auth.signUp.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

/** Passwords are never echoed back into the page. */
const HIDDEN_FIELDS = ["password"];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  const t = translator(requestLocale(request, null));
  if (submission.status !== "success") return json(translateReply(t, AUTH_MESSAGES, submission.reply({ hideFields: HIDDEN_FIELDS })), { status: 400 });
  const result = await signUp(submission.value);
  if (!result.ok) return json(translateReply(t, AUTH_MESSAGES, submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: HIDDEN_FIELDS })), { status: 400 });
  return signInAndRedirect(request, result.userId, safeRedirectPath(formData.get("redirectTo"), "/organizations?welcome=1"));
}

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<SignUpInput>({ lastResult });
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const { t } = useTranslation();
  return (
    <div className="card auth-card">
      <h1>{t("auth.signUp.title")}</h1>
      <p className="muted">{t("auth.signUp.intro")}</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={form.errors?.[0]} />
        <Field label={t("auth.fields.name")} field={fields.name} autoComplete="name" required autoFocus />
        <Field label={t("auth.fields.email")} field={fields.email} type="email" autoComplete="email" required />
        <Field label={t("auth.fields.password")} field={fields.password} type="password" autoComplete="new-password" hint={t("auth.passwordHint", { min: MIN_PASSWORD_LENGTH })} required />
        <SubmitButton>{t("auth.signUp.submit")}</SubmitButton>
      </Form>
      <p className="muted" style={{ marginTop: "1rem" }}>
        {t("auth.signUp.haveAccount")} <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>{t("auth.signUp.signIn")}</Link>
      </p>
    </div>
  );
}
