/**
 * "Verify the chain": posts `intent=verify` to the page's own action, which re-checks the hash
 * chain on the server, and shows the answer. Used by the document's and the project's audit pages
 * (the verify-result styles are in signoff.css, which both link).
 */
import { Form, useNavigation } from "@remix-run/react";
import type { ChainVerification } from "~/modules/audit/chain";
import { shortHash } from "~/modules/signoff/format";

export function VerifyChain({ result }: { result: ChainVerification | undefined }) {
  const navigation = useNavigation();
  return (
    <section className="card" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Verify the chain</h2>
      <Form method="post">
        <button type="submit" className="button" name="intent" value="verify" disabled={navigation.state === "submitting"}>
          Verify
        </button>
      </Form>
      {result ? (
        result.intact ? (
          <p className="verify-result verify-result--intact" role="status">
            Chain intact — {result.length} {result.length === 1 ? "event" : "events"} checked
            {result.headHash ? (
              <>
                , latest hash <code className="hash">{shortHash(result.headHash)}</code>
              </>
            ) : null}
            .
          </p>
        ) : (
          <p className="verify-result verify-result--broken" role="alert">
            Chain broken at event {result.brokenAt + 1}: {result.message}
          </p>
        )
      ) : null}
    </section>
  );
}
