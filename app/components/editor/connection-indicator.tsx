import type { ConnectionView } from "~/components/editor/connection";

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
