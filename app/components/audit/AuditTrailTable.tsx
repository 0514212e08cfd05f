/**
 * One audit trail as a table: who, for which organization, what, when and which version, for
 * every participant; where a row carries the request details (IP address, user agent: only for
 * the viewers the read model gave them to, see app/modules/audit/privacy.ts), a "Details"
 * disclosure shows them. Used by the document's and the project's audit pages (it brings its own
 * stylesheet, as the other panels do).
 */
import { useTranslation } from "react-i18next";
import { renderAuditWhat } from "~/modules/signoff/audit-what";
import auditStyles from "~/components/audit/audit.css";
import type { AuditRow } from "~/modules/signoff/read-models/audit-trail.server";
import { shortHash } from "~/modules/signoff/format";
import { Moment } from "~/components/ui/moment";
import { useVersionText, VersionDetails } from "~/components/versions/VersionName";

/** Whether a row carries request details (the read model leaves the fields out for other viewers). */
export function hasRequestDetails(row: Pick<AuditRow, "ip" | "userAgent">): boolean {
  return row.ip !== undefined || row.userAgent !== undefined;
}

export function AuditTrailTable({ rows, empty }: { rows: ReadonlyArray<AuditRow>; empty: string }) {
  const { t } = useTranslation();
  const { title: versionTitle } = useVersionText();
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  // The column only for viewers who were given some request details (most participants are not).
  const showFrom = rows.some(hasRequestDetails);
  return (
    <>
      <link rel="stylesheet" href={auditStyles} />
      <table className="table audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t("signoff.audit.columns.when")}</th>
            <th>{t("signoff.audit.columns.who")}</th>
            <th>{t("signoff.audit.columns.for")}</th>
            <th>{t("signoff.audit.columns.what")}</th>
            <th>{t("signoff.audit.columns.version")}</th>
            {showFrom ? <th>{t("signoff.audit.columns.from")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <td>{row.seq}</td>
              <td>
                <Moment iso={row.at} seconds />
              </td>
              <td>{row.who ?? <span className="muted">{t("signoff.audit.system")}</span>}</td>
              <td>{row.organization ?? <span className="muted">—</span>}</td>
              <td>{renderAuditWhat(t, row.whatMessage, row.what)}</td>
              <td>
                {row.version ? (
                  // The row says what happened and when; the cell names the version, the hash under Details.
                  <>
                    {versionTitle(row.version)}
                    <VersionDetails hash={row.version.hash} />
                  </>
                ) : row.versionHash ? (
                  <code className="hash" title={row.versionHash}>
                    {shortHash(row.versionHash)}
                  </code>
                ) : (
                  "—"
                )}
              </td>
              {showFrom ? <td>{hasRequestDetails(row) ? <RequestDetails ip={row.ip ?? null} userAgent={row.userAgent ?? null} /> : "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RequestDetails({ ip, userAgent }: { ip: string | null; userAgent: string | null }) {
  const { t } = useTranslation();
  return (
    <details className="audit-details">
      <summary>{t("signoff.audit.details")}</summary>
      <dl>
        <dt>{t("signoff.audit.ip")}</dt>
        <dd>{ip ?? <span className="muted">{t("signoff.audit.notRecorded")}</span>}</dd>
        <dt>{t("signoff.audit.userAgent")}</dt>
        <dd>{userAgent ?? <span className="muted">{t("signoff.audit.notRecorded")}</span>}</dd>
      </dl>
    </details>
  );
}
