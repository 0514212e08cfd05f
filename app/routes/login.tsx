import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { signIn } from "~/modules/auth/accounts.server";
import { SignInSchema, type SignInInput } from "~/modules/auth/credentials";
import { requireAnonymous, safeRedirectPath, signInAndRedirect } from "~/modules/auth/request.server";

export const meta: MetaFunction = () => [{ title: "Sign in — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

/** Passwords are never echoed back into the page. */
const HIDDEN_FIELDS = ["password"];

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: HIDDEN_FIELDS }), { status: 400 });
  const result = await signIn(submission.value, context.clientIp);
  if (!result.ok) {
    const headers: HeadersInit = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    return json(submission.reply({ formErrors: [result.formError], hideFields: HIDDEN_FIELDS }), {
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
  return (
    <div className="card auth-card">
      <h1>Sign in to Concord</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={form.errors?.[0]} />
        <Field label="Email" field={fields.email} type="email" autoComplete="email" required autoFocus />
        <Field label="Password" field={fields.password} type="password" autoComplete="current-password" required />
        <SubmitButton>Sign in</SubmitButton>
      </Form>
      <p className="muted" style={{ marginTop: "1rem" }}>
        New to Concord? <Link to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>Create an account</Link>
      </p>
    </div>
  );
}
