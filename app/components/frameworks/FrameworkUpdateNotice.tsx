import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { CollaborationSession } from "~/components/editor/use-collaboration";
import { applyFrameworkUpdate, referencesFrameworkVersion, type FrameworkUpdate, type FrameworkUpdateChange } from "~/modules/documents/kinds/framework-update";
import type { JsonValue } from "~/modules/documents/model/types";
import { competencyCount } from "~/modules/documents/labels";

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
    const custom = result.madeCustom > 0 ? `; ${result.madeCustom} removed ${result.madeCustom === 1 ? "competency is" : "competencies are"} now custom` : "";
    setApplied((list) => [
      ...list,
      { key: `${update.fromFrameworkId}:${Date.now()}`, message: `${update.name} updated to version ${update.toVersion.number}: ${competencyCount(result.updated)} updated${custom}.` },
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
  return (
    <section className="notice doc-notice" aria-labelledby={headingId}>
      <h2 id={headingId}>A newer version of {update.name} is available</h2>
      <p className="muted">
        This specification uses version {update.fromVersion.number}
        {update.fromVersion.label ? ` (${update.fromVersion.label})` : ""}; version {version}
        {update.toVersion.label ? ` (${update.toVersion.label})` : ""} is in the library.
      </p>
      {affected === 0 ? (
        <p>Version {version} changes none of this specification&rsquo;s competencies.</p>
      ) : (
        <>
          <p>
            Version {version} changes {affected} of this specification&rsquo;s competencies:
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
            Update to version {version}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function ChangeText({ change }: { change: FrameworkUpdateChange }) {
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
          Code {change.before} → {change.after ?? "no code"}
        </>
      );
    case "removed":
      return (
        <>
          {code}
          {change.before}: removed — will become a custom competency
        </>
      );
  }
}
