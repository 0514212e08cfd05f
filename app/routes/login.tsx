import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { SignInSchema, signIn } from "~/modules/auth/accounts.server";
import { requireAnonymous, safeRedirectPath, signInAndRedirect } from "~/modules/auth/request.server";
import { parseForm } from "~/modules/forms/parse-form";

export const meta: MetaFunction = () => [{ title: "Sign in — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(SignInSchema, formData);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values: parsed.values, formError: undefined }, { status: 400 });
  const result = await signIn(parsed.data, context.clientIp);
  if (!result.ok) {
    const headers: HeadersInit = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    return json(
      { fieldErrors: {} as Record<string, string>, values: { email: parsed.data.email }, formError: result.formError },
      { status: result.retryAfterSeconds ? 429 : 400, headers },
    );
  }
  return signInAndRedirect(request, result.userId, safeRedirectPath(formData.get("redirectTo"), "/"));
}

export default function Login() {
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="card auth-card">
      <h1>Sign in to Concord</h1>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={data?.formError} />
        <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={data?.values.email} error={data?.fieldErrors.email} required autoFocus />
        <Field label="Password" name="password" type="password" autoComplete="current-password" error={data?.fieldErrors.password} required />
        <SubmitButton>Sign in</SubmitButton>
      </Form>
      <p className="muted" style={{ marginTop: "1rem" }}>
        New to Concord? <Link to={`/signup${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>Create an account</Link>
      </p>
    </div>
  );
}
