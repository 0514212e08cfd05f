/**
 * One audit trail as a table: who, for which organization, what, when and which version, for
 * every participant; where a row carries the request details (IP address, user agent: only for
 * the viewers the read model gave them to, see app/modules/audit/privacy.ts), a "Details"
 * disclosure shows them. Used by the document's and the project's audit pages (it brings its own
 * stylesheet, as the other panels do).
 */
import auditStyles from "~/components/audit/audit.css";
import type { AuditRow } from "~/modules/signoff/read-models/audit-trail.server";
import { shortHash } from "~/modules/signoff/format";
import { Moment } from "~/components/ui/moment";
import { VersionDetails } from "~/components/versions/VersionName";
import { versionTitle } from "~/modules/versions/version-names";

/** Whether a row carries request details (the read model leaves the fields out for other viewers). */
export function hasRequestDetails(row: Pick<AuditRow, "ip" | "userAgent">): boolean {
  return row.ip !== undefined || row.userAgent !== undefined;
}

export function AuditTrailTable({ rows, empty }: { rows: ReadonlyArray<AuditRow>; empty: string }) {
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
            <th>When</th>
            <th>Who</th>
            <th>For</th>
            <th>What</th>
            <th>Version</th>
            {showFrom ? <th>From</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <td>{row.seq}</td>
              <td>
                <Moment iso={row.at} seconds />
              </td>
              <td>{row.who ?? <span className="muted">System</span>}</td>
              <td>{row.organization ?? <span className="muted">—</span>}</td>
              <td>{row.what}</td>
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
  return (
    <details className="audit-details">
      <summary>Details</summary>
      <dl>
        <dt>IP address</dt>
        <dd>{ip ?? <span className="muted">not recorded</span>}</dd>
        <dt>User agent</dt>
        <dd>{userAgent ?? <span className="muted">not recorded</span>}</dd>
      </dl>
    </details>
  );
}
