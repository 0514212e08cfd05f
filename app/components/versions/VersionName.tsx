/**
 * A version as people read it: "Version 3 — sent for sign-off 1 Dec 2026, 07:40 EST" (the moment
 * in the reader's time zone), with the content hash under a "Details" disclosure for those who
 * check it against the certificate or the audit trail.
 */
import { Moment } from "~/components/ui/moment";
import { versionHeadline, type VersionName } from "~/modules/versions/version-names";

export function VersionWords({ version }: { version: VersionName }) {
  return (
    <>
      {versionHeadline(version)}
      {version.at ? (
        <>
          {" "}
          <Moment iso={version.at} />
        </>
      ) : null}
    </>
  );
}

/** The content hash (SHA-256 of the canonical content) behind a "Details" disclosure. */
export function VersionDetails({ hash }: { hash: string }) {
  return (
    <details className="version-details">
      <summary>Details</summary>
      Content hash (SHA-256): <code className="hash" style={{ overflowWrap: "anywhere" }}>
        {hash}
      </code>
    </details>
  );
}

/** Words and details together (a block: `<details>` cannot sit inside a paragraph). */
export function VersionLabel({ version }: { version: VersionName }) {
  return (
    <div className="version-name">
      <VersionWords version={version} />
      <VersionDetails hash={version.hash} />
    </div>
  );
}
