/**
 * /verify and /verify/<code> — public verification of an approval certificate (issue #15). Works
 * signed out and reveals only whether the code (the approved version's SHA-256, as the certificate
 * prints it) matches an approval, and when: never a title, an organization or content. A GET form,
 * so the origin check of non-GET requests does not stand in the way of anyone.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import signoffStyles from "~/components/signoff/signoff.css";
import { Moment } from "~/components/ui/moment";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage, type KnownMessages } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { CERTIFICATE_CODE_LENGTH, CertificateCodeSchema, verificationPath } from "~/modules/signoff/verification";
import { verifyCertificateCode, type Verification } from "~/modules/signoff/verification.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("ui.verify.metaTitle") }, { name: "robots", content: "noindex" }];

/** CertificateCodeSchema's messages (signoff/verification.ts), in the reader's language. */
const CODE_MESSAGES: KnownMessages = [
  ["Enter the certificate code", (t) => t("ui.verify.errors.required")],
  [/^A certificate code is \d+ characters/, (t) => t("ui.verify.errors.format", { length: CERTIFICATE_CODE_LENGTH })],
];

type LoaderData = { code: string; error: string | null; result: Verification | null };

const HEADERS = { "Cache-Control": "no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const typed = params.code ?? new URL(request.url).searchParams.get("code");
  if (typed === null) return json<LoaderData>({ code: "", error: null, result: null }, { headers: HEADERS });
  const parsed = CertificateCodeSchema.safeParse(typed);
  if (!parsed.success) {
    // The visitor's language (cookie or browser): the page works signed out.
    const t = translator(requestLocale(request, null));
    const message = parsed.error.issues[0]?.message;
    return json<LoaderData>({ code: typed, error: message ? translateMessage(t, CODE_MESSAGES, message) : t("ui.verify.errors.check"), result: null }, { status: 400, headers: HEADERS });
  }
  // The form's ?code= becomes the certificate's own address (the one its QR code holds).
  if (params.code !== parsed.data) throw redirect(verificationPath(parsed.data), { headers: HEADERS });
  return json<LoaderData>({ code: parsed.data, error: null, result: await verifyCertificateCode(parsed.data) }, { headers: HEADERS });
}

export default function VerifyPage() {
  const { code, error, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="card auth-card verify-page">
      <h1>{t("ui.verify.title")}</h1>
      <p className="muted">{t("ui.verify.intro")}</p>
      <Form method="get" action="/verify" className="form" noValidate>
        <div className="field">
          <label htmlFor="certificate-code">{t("ui.verify.code")}</label>
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
          {t("ui.verify.submit")}
        </button>
      </Form>
      {result ? (
        result.genuine ? (
          <p className="verify-result verify-result--intact" role="status" data-testid="verification-result">
            {t("ui.verify.genuine")} <Moment iso={result.approvedAt} /> {t("ui.verify.round", { round: result.round })}
          </p>
        ) : (
          <p className="verify-result verify-result--broken" role="status" data-testid="verification-result">
            {t("ui.verify.noMatch")}
          </p>
        )
      ) : null}
    </div>
  );
}
