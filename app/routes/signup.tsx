import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { signUp } from "~/modules/auth/accounts.server";
import { PASSWORD_HINT, SignUpSchema, type SignUpInput } from "~/modules/auth/credentials";
import { requireAnonymous, safeRedirectPath, signInAndRedirect } from "~/modules/auth/request.server";

export const meta: MetaFunction = () => [{ title: "Create account — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

/** Passwords are never echoed back into the page. */
const HIDDEN_FIELDS = ["password"];

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: HIDDEN_FIELDS }), { status: 400 });
  const result = await signUp(submission.value);
  if (!result.ok) return json(submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: HIDDEN_FIELDS }), { status: 400 });
  return signInAndRedirect(request, result.userId, safeRedirectPath(formData.get("redirectTo"), "/organizations?welcome=1"));
}

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<SignUpInput>({ lastResult });
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="card auth-card">
      <h1>Create your Concord account</h1>
      <p className="muted">Co-design micro-credentials with employers, institutions and professional bodies.</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError error={form.errors?.[0]} />
        <Field label="Name" field={fields.name} autoComplete="name" required autoFocus />
        <Field label="Email" field={fields.email} type="email" autoComplete="email" required />
        <Field label="Password" field={fields.password} type="password" autoComplete="new-password" hint={PASSWORD_HINT} required />
        <SubmitButton>Create account</SubmitButton>
      </Form>
      <p className="muted" style={{ marginTop: "1rem" }}>
        Already have an account? <Link to={`/login${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>Sign in</Link>
      </p>
    </div>
  );
}
