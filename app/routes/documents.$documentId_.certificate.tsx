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
import { requestLocale } from "~/modules/i18n/locale.server";
import { useLabels } from "~/components/i18n/use-labels";
import { DOCUMENT_KINDS } from "~/modules/permissions/roles";
import { qrPath } from "~/modules/signoff/certificate-pdf.server";
import { DECISION_LABELS } from "~/modules/signoff/format";
import { quorumWords } from "~/components/signoff/SignoffPanel";
import { approvalCertificate, roundParam } from "~/modules/signoff/read-models/certificate.server";
import { Moment } from "~/components/ui/moment";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("signoff.certificate.metaTitle", { title: data?.certificate.document.title ?? t("documents.page.untitled") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificate = await approvalCertificate(user.id, params.documentId ?? "", roundParam(request), requestLocale(request, user));
  if (!certificate) throw new Response("This document has no approved version", { status: 404 });
  const verificationUrl = new URL(certificate.verificationPath, request.url).toString();
  return json({ certificate, verificationUrl, qr: qrPath(verificationUrl) }, { headers: { "Cache-Control": "no-store" } });
}

export default function CertificatePage() {
  const { certificate, verificationUrl, qr } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const labels = useLabels();
  const { document, round, chain } = certificate;
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(document.kind) ? labels.documentKind(document.kind as (typeof DOCUMENT_KINDS)[number]) : document.kind;
  const pdf = `/documents/${document.id}/certificate.pdf?round=${round.number}`;
  // The read model words decisions in English (the PDF's words); the page words them in the reader's language.
  const decisionWord = (english: string) => {
    const decision = (Object.keys(DECISION_LABELS) as Array<keyof typeof DECISION_LABELS>).find((key) => DECISION_LABELS[key] === english);
    return decision ? t(`signoff.decision.${decision}`) : english;
  };
  return (
    <article className="certificate" aria-labelledby="certificate-title">
      <p className="eyebrow no-print">
        <Link to={`/documents/${document.id}`}>{t("documents.backToDocument")}</Link>
      </p>
      <h1 id="certificate-title">{t("signoff.certificate.title")}</h1>
      <p>
        <strong>{document.title}</strong>
        <br />
        {kind} · {document.projectTitle}
      </p>
      <dl className="kv">
        <dt>{t("signoff.certificate.round")}</dt>
        <dd>{round.number}</dd>
        <dt>{t("signoff.certificate.requested")}</dt>
        <dd><Moment iso={round.requestedAt} seconds /></dd>
        <dt>{t("signoff.certificate.approved")}</dt>
        <dd><Moment iso={round.approvedAt} seconds /></dd>
        <dt>{t("signoff.certificate.approvedVersion")}</dt>
        <dd>
          <code className="hash" data-testid="approved-hash">{certificate.versionHash}</code>
          <div className={certificate.snapshotIntact ? "muted" : "field__error"}>
            {certificate.snapshotIntact ? t("signoff.certificate.snapshotIntact") : t("signoff.certificate.snapshotBroken")}
          </div>
        </dd>
      </dl>

      <section aria-labelledby="certificate-summary">
        <h2 id="certificate-summary">{t("signoff.certificate.summary")}</h2>
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
          <p className="muted">{t("signoff.certificate.summaryUnreadable")}</p>
        )}
        <p>
          {certificate.approvedVersion ? (
            <Link to={`/documents/${document.id}/versions/compare?from=${certificate.approvedVersion.number}&to=current`}>
              {t("signoff.certificate.approvedInHistory", { number: certificate.approvedVersion.number, name: certificate.approvedVersion.name })}
            </Link>
          ) : (
            <Link to={`/documents/${document.id}/signoff/diff?from=${certificate.versionHash}`}>{t("signoff.certificate.approvedCompared")}</Link>
          )}
        </p>
      </section>

      {certificate.modules && certificate.modules.length > 0 ? (
        <section aria-labelledby="certificate-modules">
          <h2 id="certificate-modules">{t("signoff.certificate.modules")}</h2>
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
        <h2 id="certificate-parties">{t("signoff.certificate.approvedBy")}</h2>
        {certificate.parties.length > 0 ? (
          <ul data-testid="certificate-parties">
            {certificate.parties.map((party, i) => (
              <li key={i}>
                <strong>{party.organization}</strong> ({party.stage}) — {party.decidedBy}, <Moment iso={party.decidedAt} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("signoff.certificate.noApproval")}</p>
        )}
      </section>

      <section aria-labelledby="certificate-verify" className="certificate-verify">
        <h2 id="certificate-verify">{t("signoff.certificate.check")}</h2>
        <p>{t("signoff.certificate.checkIntro")}</p>
        <p>
          <a href={verificationUrl} data-testid="verification-url">
            {verificationUrl}
          </a>
        </p>
        <svg
          role="img"
          aria-label={t("signoff.certificate.qr")}
          viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
          width="120"
          height="120"
          shapeRendering="crispEdges"
        >
          <rect x={-4} y={-4} width={qr.size + 8} height={qr.size + 8} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
      </section>

      <h2>{t("signoff.certificate.stages")}</h2>
      <ol>
        {certificate.stages.map((stage) => (
          <li key={stage.name}>
            {stage.name} — {quorumWords(stage.quorum, t)}
          </li>
        ))}
      </ol>

      <h2>{t("signoff.certificate.decisions")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t("signoff.certificate.columns.stage")}</th>
            <th>{t("signoff.certificate.columns.organization")}</th>
            <th>{t("signoff.certificate.columns.decision")}</th>
            <th>{t("signoff.certificate.columns.by")}</th>
            <th>{t("signoff.certificate.columns.when")}</th>
            <th>{t("signoff.certificate.columns.version")}</th>
          </tr>
        </thead>
        <tbody>
          {certificate.decisions.map((d, i) => (
            <tr key={i} className={d.outdated ? "muted" : undefined}>
              <td>{d.stage}</td>
              <td>{d.organization}</td>
              <td>
                {decisionWord(d.decision)}
                {d.outdated ? t("signoff.certificate.outdated") : ""}
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

      <h2>{t("signoff.audit.title")}</h2>
      {chain.intact ? (
        <p className="verify-result verify-result--intact">
          {t("signoff.certificate.chainIntact", { count: chain.length })}
          {chain.headHash ? (
            <>
              {t("signoff.certificate.latestHash")} <code className="hash">{chain.headHash}</code>
            </>
          ) : null}
          {t("signoff.certificate.chainEnd")}
        </p>
      ) : (
        <p className="verify-result verify-result--broken">
          {t("signoff.certificate.chainBroken", { event: chain.brokenAt + 1, message: chain.message })}
        </p>
      )}
      <p className="muted">{t("signoff.certificate.generatedBefore")} <Moment iso={certificate.generatedAt} seconds /> {t("signoff.certificate.generatedAfter")}</p>
      <div className="row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("signoff.certificate.print")}
        </button>
        <a className="button button--secondary" href={pdf} download>
          {t("documents.page.downloadPdf")}
        </a>
        <a className="button button--secondary" href={`/documents/${document.id}/pdf`} download>
          {t("signoff.certificate.downloadDocumentPdf")}
        </a>
        <Link to={`/documents/${document.id}/audit`}>{t("signoff.audit.title")}</Link>
      </div>
      {document.kind === "credential_spec" ? (
        <div className="row no-print" data-testid="certificate-exports">
          {/* The exports read the latest approved version; the server refuses them after a reopen. */}
          <a className="button button--secondary" href={`/documents/${document.id}/export/openbadges`} download>
            {t("documents.page.downloadOpenBadges")}
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/ctdl`} download>
            {t("documents.page.downloadCtdl")}
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/openbadges-credential`} download>
            {t("signoff.certificate.downloadSample")}
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/endorsements`} download>
            {t("signoff.certificate.downloadEndorsements")}
          </a>
          <Link to={`/documents/${document.id}/readiness`}>{t("documents.page.readiness")}</Link>
        </div>
      ) : null}
    </article>
  );
}
