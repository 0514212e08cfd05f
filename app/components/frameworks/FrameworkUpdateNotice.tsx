import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CollaborationSession } from "~/components/editor/use-collaboration";
import { applyFrameworkUpdate, referencesFrameworkVersion, type FrameworkUpdate, type FrameworkUpdateChange } from "~/modules/documents/kinds/framework-update";
import type { JsonValue } from "~/modules/documents/model/types";

type Props = {
  updates: readonly FrameworkUpdate[];
  /** The specification's live fields: an update no row needs any more (applied here or by someone else) is not shown. */
  fields: Record<string, JsonValue>;
  canEdit: boolean;
  /** The editing session, once the socket is up: the update is this person's own edit of its Y.Doc. */
  session: CollaborationSession | null;
  /** Whether edits can be made right now (connected, not paused). */
  editable: boolean;
};

/** How long the server gets to store the edit before the page reloads its data (the notice is hidden at once meanwhile). */
const REVALIDATE_AFTER_MS = 1500;

/**
 * Newer versions of the frameworks a specification references: what each changes in this
 * specification's competencies and, for editors, "Update to version N". Readers see the notice only.
 */
export function FrameworkUpdateNotice({ updates, fields, canEdit, session, editable }: Props) {
  const revalidator = useRevalidator();
  const { t } = useTranslation();
  const [applied, setApplied] = useState<Array<{ key: string; message: string }>>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const pending = updates.filter((update) => referencesFrameworkVersion(fields, update.fromFrameworkId));
  if (pending.length === 0 && applied.length === 0) return null;

  const apply = (update: FrameworkUpdate) => {
    if (!session) return;
    const result = applyFrameworkUpdate(session.ydoc, update);
    const custom = result.madeCustom > 0 ? t("frameworks.update.madeCustom", { count: result.madeCustom }) : "";
    setApplied((list) => [
      ...list,
      { key: `${update.fromFrameworkId}:${Date.now()}`, message: t("frameworks.update.applied", {
          name: update.name,
          version: update.toVersion.number,
          count: result.updated,
          custom,
        }) },
    ]);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => revalidator.revalidate(), REVALIDATE_AFTER_MS);
  };

  return (
    <div className="framework-updates">
      {pending.map((update) => (
        <UpdateNotice key={update.fromFrameworkId} update={update} canEdit={canEdit} disabled={!editable || session === null} onApply={() => apply(update)} />
      ))}
      <div role="status">
        {applied.map((entry) => (
          <p key={entry.key} className="notice doc-notice">
            {entry.message}
          </p>
        ))}
      </div>
    </div>
  );
}

function UpdateNotice({ update, canEdit, disabled, onApply }: { update: FrameworkUpdate; canEdit: boolean; disabled: boolean; onApply: () => void }) {
  const headingId = `framework-update-${update.fromFrameworkId}`;
  const affected = new Set(update.changes.map((change) => change.rowCompetencyId)).size;
  const version = update.toVersion.number;
  const { t } = useTranslation();
  return (
    <section className="notice doc-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("frameworks.update.title", { name: update.name })}</h2>
      <p className="muted">
        {t("frameworks.update.uses", {
          from: update.fromVersion.number,
          fromLabel: update.fromVersion.label ? t("frameworks.update.label", { label: update.fromVersion.label }) : "",
          to: version,
          toLabel: update.toVersion.label ? t("frameworks.update.label", { label: update.toVersion.label }) : "",
        })}
      </p>
      {affected === 0 ? (
        <p>{t("frameworks.update.changesNone", { version })}</p>
      ) : (
        <>
          <p>
            {t("frameworks.update.changes", { version, count: affected })}
          </p>
          <ul>
            {update.changes.map((change) => (
              <li key={`${change.kind}:${change.rowCompetencyId}`}>
                <ChangeText change={change} />
              </li>
            ))}
          </ul>
        </>
      )}
      {canEdit ? (
        <p>
          <button type="button" className="button button--secondary" onClick={onApply} disabled={disabled}>
            {t("frameworks.update.apply", { version })}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function ChangeText({ change }: { change: FrameworkUpdateChange }) {
  const { t } = useTranslation();
  const code = change.code ? <strong>{change.code} </strong> : null;
  switch (change.kind) {
    case "reworded":
      return (
        <>
          {code}
          {change.before} → {change.after}
        </>
      );
    case "recoded":
      return (
        <>
          {t("frameworks.update.recoded", { before: change.before, after: change.after ?? t("frameworks.update.noCode") })}
        </>
      );
    case "removed":
      return (
        <>
          {code}
          {t("frameworks.update.removed", { before: change.before })}
        </>
      );
  }
}
