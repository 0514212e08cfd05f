import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { MIN_PASSWORD_LENGTH, SignUpSchema, signUp } from "~/modules/auth/accounts.server";
import { requireAnonymous, safeRedirectPath, signInAndRedirect } from "~/modules/auth/request.server";
import { parseForm } from "~/modules/forms/parse-form";

export const meta: MetaFunction = () => [{ title: "Create account — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(SignUpSchema, formData);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await signUp(parsed.data);
  if (!result.ok) {
    const { password: _password, ...values } = Object.fromEntries(formData) as Record<string, string>;
    return json({ fieldErrors: result.fieldErrors, values }, { status: 400 });
  }
  return signInAndRedirect(request, result.userId, safeRedirectPath(formData.get("redirectTo"), "/organizations?welcome=1"));
}

export default function SignUp() {
  const data = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="card auth-card">
      <h1>Create your Concord account</h1>
      <p className="muted">Co-design micro-credentials with employers, institutions and professional bodies.</p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={data?.fieldErrors.form} />
        <Field label="Name" name="name" autoComplete="name" defaultValue={data?.values.name} error={data?.fieldErrors.name} required autoFocus />
        <Field label="Email" name="email" type="email" autoComplete="email" defaultValue={data?.values.email} error={data?.fieldErrors.email} required />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          error={data?.fieldErrors.password}
          required
        />
        <SubmitButton>Create account</SubmitButton>
      </Form>
      <p className="muted" style={{ marginTop: "1rem" }}>
        Already have an account? <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>Sign in</Link>
      </p>
    </div>
  );
}
