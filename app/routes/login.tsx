import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { signIn } from "~/modules/auth/accounts.server";
import { SignInSchema, type SignInInput } from "~/modules/auth/credentials";
import { AUTH_MESSAGES } from "~/modules/auth/messages";
import { requireAnonymous, safeRedirectPath, signInAndRedirect } from "~/modules/auth/request.server";
import { translator } from "~/modules/i18n/i18n";
import { translateReply } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("auth.signIn.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

/** Passwords are never echoed back into the page. */
const HIDDEN_FIELDS = ["password"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  const t = translator(requestLocale(request, null));
  if (submission.status !== "success") return json(translateReply(t, AUTH_MESSAGES, submission.reply({ hideFields: HIDDEN_FIELDS })), { status: 400 });
  const result = await signIn(submission.value, context.clientIp);
  if (!result.ok) {
    const headers: HeadersInit = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    return json(translateReply(t, AUTH_MESSAGES, submission.reply({ formErrors: [result.formError], hideFields: HIDDEN_FIELDS })), {
      status: result.retryAfterSeconds ? 429 : 400,
      headers,
    });
  }
  return signInAndRedirect(request, result.userId, safeRedirectPath(formData.get("redirectTo"), "/"));
}

export default function Login() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<SignInInput>({ lastResult });
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const { t } = useTranslation();
  return (
    <div className="card auth-card">
      <h1>{t("auth.signIn.title")}</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={form.errors?.[0]} />
        <Field label={t("auth.fields.email")} field={fields.email} type="email" autoComplete="email" required autoFocus />
        <Field label={t("auth.fields.password")} field={fields.password} type="password" autoComplete="current-password" required />
        <SubmitButton>{t("auth.signIn.submit")}</SubmitButton>
      </Form>
      <p className="muted" style={{ marginTop: "1rem" }}>
        {t("auth.signIn.newHere")} <Link to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>{t("auth.signIn.createAccount")}</Link>
      </p>
    </div>
  );
}
