/**
 * A version as people read it: "Version 3 — sent for sign-off 1 Dec 2026, 07:40 EST" (the moment
 * in the reader's time zone), with the content hash under a "Details" disclosure for those who
 * check it against the certificate or the audit trail.
 */
import { useTranslation } from "react-i18next";
import { Moment } from "~/components/ui/moment";
import type { VersionName } from "~/modules/versions/version-names";

/** How History words its automatic versions (signoff.server.ts names them, in English, at workflow events). */
const AUTOMATIC_EVENTS = {
  "Sign-off requested": "requested",
  "Resubmitted for sign-off": "resubmitted",
  Approved: "approved",
  "Reopened after sign-off": "reopened",
} as const;

/**
 * The words of modules/versions/version-names.ts in the reader's language: that module stays the
 * English source for server text (audit trail, PDFs); the interface words versions through this.
 */
export function useVersionText() {
  const { t } = useTranslation();
  /** "Version 3", "Edits after version 3", "First draft"; `inline` for the middle of a sentence ("version 3"). */
  const title = (version: VersionName, inline = false): string =>
    version.number !== null
      ? inline
        ? t("history.version.numberedInline", { number: version.number })
        : t("history.version.numbered", { number: version.number })
      : version.since !== null
        ? t("history.version.editsAfter", { number: version.since })
        : t("history.version.firstDraft");
  const headline = (version: VersionName): string => {
    const values = { title: title(version), name: version.name ?? "" };
    switch (version.event) {
      case "approved":
        return t("history.version.events.approved", values);
      case "sent_for_signoff":
        return t("history.version.events.sent_for_signoff", values);
      case "named":
        return t("history.version.events.named", values);
      case "saved":
        return t("history.version.events.saved", values);
      case "changed_in_review":
        return t("history.version.events.changed_in_review", values);
      case "draft":
        return t("history.version.events.draft", values);
    }
  };
  /** One History entry: "Version 4 — approved", "Version 1 — named “Draft 1”". */
  const savedHeadline = (entry: { number: number; name: string; auto: boolean }): string => {
    if (!entry.auto) return t("history.version.savedNamed", { number: entry.number, name: entry.name });
    const key = AUTOMATIC_EVENTS[entry.name as keyof typeof AUTOMATIC_EVENTS];
    const event = key ? t(`history.version.automatic.${key}`) : entry.name.toLowerCase();
    return t("history.version.savedAutomatic", { number: entry.number, event });
  };
  return { title, headline, savedHeadline };
}

export function VersionWords({ version }: { version: VersionName }) {
  const { headline } = useVersionText();
  return (
    <>
      {headline(version)}
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
  const { t } = useTranslation();
  return (
    <details className="version-details">
      <summary>{t("history.version.details")}</summary>
      {t("history.version.contentHash")} <code className="hash" style={{ overflowWrap: "anywhere" }}>
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
