/**
 * "Verify the chain": posts `intent=verify` to the page's own action, which re-checks the hash
 * chain on the server, and shows the answer. Used by the document's and the project's audit pages
 * (the verify-result styles are in signoff.css, which both link).
 */
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ChainVerification } from "~/modules/audit/chain";
import { shortHash } from "~/modules/signoff/format";

export function VerifyChain({ result }: { result: ChainVerification | undefined }) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t("signoff.verify.title")}</h2>
      <Form method="post">
        <button type="submit" className="button" name="intent" value="verify" disabled={navigation.state === "submitting"}>
          {t("signoff.verify.submit")}
        </button>
      </Form>
      {result ? (
        result.intact ? (
          <p className="verify-result verify-result--intact" role="status">
            {t("signoff.verify.intact", { count: result.length })}
            {result.headHash ? (
              <>
                {t("signoff.verify.latestHash")} <code className="hash">{shortHash(result.headHash)}</code>
              </>
            ) : null}
            {t("signoff.certificate.chainEnd")}
          </p>
        ) : (
          <p className="verify-result verify-result--broken" role="alert">
            {t("signoff.certificate.chainBroken", { event: result.brokenAt + 1, message: result.message })}
          </p>
        )
      ) : null}
    </section>
  );
}
