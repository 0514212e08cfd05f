/**
 * /documents/<id>/certificate — the printable approval certificate of the latest approved round
 * (`?round=<n>` for an earlier one). It stays available after a reopen: the approved version is
 * kept in the sign-off snapshots. The PDF is /documents/<id>/certificate.pdf.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import signoffStyles from "~/components/signoff/signoff.css";
import { requireUser } from "~/modules/auth/request.server";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";
import { DOCUMENT_KINDS } from "~/modules/permissions/roles";
import { qrPath } from "~/modules/signoff/certificate-pdf.server";
import { approvalCertificate, roundParam } from "~/modules/signoff/read-models/certificate.server";
import { Moment } from "~/components/ui/moment";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Approval certificate — ${data?.certificate.document.title ?? "Document"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await approvalCertificate(user.id, params.documentId ?? "", roundParam(request));
  if (!certificate) throw new Response("This document has no approved version", { status: 404 });
  const verificationUrl = new URL(certificate.verificationPath, request.url).toString();
  return json({ certificate, verificationUrl, qr: qrPath(verificationUrl) }, { headers: { "Cache-Control": "no-store" } });
}

export default function CertificatePage() {
  const { certificate, verificationUrl, qr } = useLoaderData<typeof loader>();
  const { document, round, chain } = certificate;
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(document.kind) ? DOCUMENT_KIND_LABELS[document.kind as (typeof DOCUMENT_KINDS)[number]] : document.kind;
  const pdf = `/documents/${document.id}/certificate.pdf?round=${round.number}`;
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <p className="eyebrow no-print">
        <Link to={`/documents/${document.id}`}>Back to the document</Link>
      </p>
      <h1 id="certificate-title">Approval certificate</h1>
      <p>
        <strong>{document.title}</strong>
        <br />
        {kind} · {document.projectTitle}
      </p>
      <dl className="kv">
        <dt>Sign-off round</dt>
        <dd>{round.number}</dd>
        <dt>Requested</dt>
        <dd><Moment iso={round.requestedAt} seconds /></dd>
        <dt>Approved</dt>
        <dd><Moment iso={round.approvedAt} seconds /></dd>
        <dt>Approved version</dt>
        <dd>
          <code className="hash" data-testid="approved-hash">{certificate.versionHash}</code>
          <div className={certificate.snapshotIntact ? "muted" : "field__error"}>
            {certificate.snapshotIntact ? "The stored snapshot of this version matches its SHA-256 hash." : "The stored snapshot does not match this hash."}
          </div>
        </dd>
      </dl>

      <section aria-labelledby="certificate-summary">
        <h2 id="certificate-summary">What was approved</h2>
        {certificate.summary.length > 0 ? (
          <dl className="kv" data-testid="certificate-summary">
            {certificate.summary.map((item) => (
              <Fragment key={item.label}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </Fragment>
            ))}
          </dl>
        ) : (
          <p className="muted">The approved version&apos;s content could not be read.</p>
        )}
        <p>
          {certificate.approvedVersion ? (
            <Link to={`/documents/${document.id}/versions/compare?from=${certificate.approvedVersion.number}&to=current`}>
              The approved version in the document&apos;s history: Version {certificate.approvedVersion.number} — {certificate.approvedVersion.name}
            </Link>
          ) : (
            <Link to={`/documents/${document.id}/signoff/diff?from=${certificate.versionHash}`}>The approved version, compared with the current content</Link>
          )}
        </p>
      </section>

      {certificate.modules && certificate.modules.length > 0 ? (
        <section aria-labelledby="certificate-modules">
          <h2 id="certificate-modules">Modules of this stack</h2>
          <ul data-testid="certificate-modules">
            {certificate.modules.map((module) => (
              <li key={`${module.title}:${module.versionHash}`}>
                <strong>{module.title}</strong>
                {module.owner ? ` (${module.owner})` : ""} — {module.version} <code className="hash">{module.versionHash}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="certificate-parties">
        <h2 id="certificate-parties">Approved by</h2>
        {certificate.parties.length > 0 ? (
          <ul data-testid="certificate-parties">
            {certificate.parties.map((party, i) => (
              <li key={i}>
                <strong>{party.organization}</strong> ({party.stage}) — {party.decidedBy}, <Moment iso={party.decidedAt} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No live approval is recorded.</p>
        )}
      </section>

      <section aria-labelledby="certificate-verify" className="certificate-verify">
        <h2 id="certificate-verify">Check this certificate</h2>
        <p>Anyone can check that this certificate matches an approval recorded by Concord, without signing in:</p>
        <p>
          <a href={verificationUrl} data-testid="verification-url">
            {verificationUrl}
          </a>
        </p>
        <svg
          role="img"
          aria-label="QR code of the verification address"
          viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
          width="120"
          height="120"
          shapeRendering="crispEdges"
        >
          <rect x={-4} y={-4} width={qr.size + 8} height={qr.size + 8} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
      </section>

      <h2>Stages</h2>
      <ol>
        {certificate.stages.map((stage) => (
          <li key={stage.name}>
            {stage.name} — {stage.quorum}
          </li>
        ))}
      </ol>

      <h2>Decisions</h2>
      <table className="table">
        <thead>
          <tr>
            <th>Stage</th>
            <th>Organization</th>
            <th>Decision</th>
            <th>By</th>
            <th>When</th>
            <th>Version</th>
          </tr>
        </thead>
        <tbody>
          {certificate.decisions.map((d, i) => (
            <tr key={i} className={d.outdated ? "muted" : undefined}>
              <td>{d.stage}</td>
              <td>{d.organization}</td>
              <td>
                {d.decision}
                {d.outdated ? " (outdated by a later edit)" : ""}
                {d.comment ? <div className="muted">“{d.comment}”</div> : null}
              </td>
              <td>{d.decidedBy}</td>
              <td><Moment iso={d.decidedAt} seconds /></td>
              <td>
                <code className="hash">{d.versionHash}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Audit trail</h2>
      {chain.intact ? (
        <p className="verify-result verify-result--intact">
          Chain intact — {chain.length} events verified
          {chain.headHash ? (
            <>
              ; latest event hash <code className="hash">{chain.headHash}</code>
            </>
          ) : null}
          .
        </p>
      ) : (
        <p className="verify-result verify-result--broken">
          Chain broken at event {chain.brokenAt + 1}: {chain.message}
        </p>
      )}
      <p className="muted">Generated <Moment iso={certificate.generatedAt} seconds /> by Concord.</p>
      <div className="row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <a className="button button--secondary" href={pdf} download>
          Download PDF
        </a>
        <a className="button button--secondary" href={`/documents/${document.id}/pdf`} download>
          Download document PDF
        </a>
        <Link to={`/documents/${document.id}/audit`}>Audit trail</Link>
      </div>
      {document.kind === "credential_spec" ? (
        <div className="row no-print" data-testid="certificate-exports">
          {/* The exports read the latest approved version; the server refuses them after a reopen. */}
          <a className="button button--secondary" href={`/documents/${document.id}/export/openbadges`} download>
            Download Open Badges 3.0
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/ctdl`} download>
            Download CTDL
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/openbadges-credential`} download>
            Download signed sample credential
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/endorsements`} download>
            Download endorsements
          </a>
          <Link to={`/documents/${document.id}/readiness`}>Standards readiness</Link>
        </div>
      ) : null}
    </article>
  );
}
