import type { ConnectionView } from "~/components/editor/connection";
import type { SaveView } from "~/components/editor/save-state";

/** Announced politely: a screen reader hears "Reconnecting…" without losing its place. */
export function ConnectionIndicator({ view }: { view: ConnectionView }) {
  return (
    <div className={`connection connection--${view.tone}`} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{view.label}</span>
      {view.detail ? <span className="connection__detail">{view.detail}</span> : null}
    </div>
  );
}

/**
 * Whether the person's own edits are stored, beside the connection indicator (its own live region,
 * so the indicator's label stays exactly "Connected", "Reconnecting…", …). Editors only.
 */
export function SaveStatus({ view }: { view: SaveView }) {
  return (
    <div className={`save-status${view.pending ? " save-status--pending" : ""}`} role="status" aria-live="polite">
      {view.label}
    </div>
  );
}
