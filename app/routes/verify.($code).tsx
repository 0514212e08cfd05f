/**
 * /verify and /verify/<code> — public verification of an approval certificate (issue #15). Works
 * signed out and reveals only whether the code (the approved version's SHA-256, as the certificate
 * prints it) matches an approval, and when: never a title, an organization or content. A GET form,
 * so the origin check of non-GET requests does not stand in the way of anyone.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import signoffStyles from "~/components/signoff/signoff.css";
import { Moment } from "~/components/ui/moment";
import { CertificateCodeSchema, verificationPath } from "~/modules/signoff/verification";
import { verifyCertificateCode, type Verification } from "~/modules/signoff/verification.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction = () => [{ title: "Verify a certificate — Concord" }, { name: "robots", content: "noindex" }];

type LoaderData = { code: string; error: string | null; result: Verification | null };

const HEADERS = { "Cache-Control": "no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const typed = params.code ?? new URL(request.url).searchParams.get("code");
  if (typed === null) return json<LoaderData>({ code: "", error: null, result: null }, { headers: HEADERS });
  const parsed = CertificateCodeSchema.safeParse(typed);
  if (!parsed.success) {
    return json<LoaderData>({ code: typed, error: parsed.error.issues[0]?.message ?? "Check the certificate code", result: null }, { status: 400, headers: HEADERS });
  }
  // The form's ?code= becomes the certificate's own address (the one its QR code holds).
  if (params.code !== parsed.data) throw redirect(verificationPath(parsed.data), { headers: HEADERS });
  return json<LoaderData>({ code: parsed.data, error: null, result: await verifyCertificateCode(parsed.data) }, { headers: HEADERS });
}

export default function VerifyPage() {
  const { code, error, result } = useLoaderData<typeof loader>();
  return (
    <div className="card auth-card verify-page">
      <h1>Verify a certificate</h1>
      <p className="muted">
        Enter the code printed on a Concord approval certificate (the approved version&apos;s SHA-256). This page says only whether it matches an approval.
      </p>
      <Form method="get" action="/verify" className="form" noValidate>
        <div className="field">
          <label htmlFor="certificate-code">Certificate code</label>
          <input
            id="certificate-code"
            name="code"
            type="text"
            defaultValue={code}
            key={code}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "certificate-code-error" : undefined}
            required
          />
          {error ? (
            <span id="certificate-code-error" className="field__error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <button type="submit" className="button">
          Verify
        </button>
      </Form>
      {result ? (
        result.genuine ? (
          <p className="verify-result verify-result--intact" role="status" data-testid="verification-result">
            This certificate is genuine: this version was approved on <Moment iso={result.approvedAt} /> (round {result.round}).
          </p>
        ) : (
          <p className="verify-result verify-result--broken" role="status" data-testid="verification-result">
            No approval matches this code.
          </p>
        )
      ) : null}
    </div>
  );
}
