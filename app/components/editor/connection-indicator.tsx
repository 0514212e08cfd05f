import { useTranslation } from "react-i18next";
import { CONNECTION_WORDS, type ConnectionView } from "~/components/editor/connection";
import { SAVE_LABELS, type SaveView } from "~/components/editor/save-state";

/** The stable name of one of the state machines' English texts, to word it in the reader's language. */
function nameOf<T extends Record<string, string>>(words: T, text: string): keyof T | undefined {
  return (Object.keys(words) as Array<keyof T>).find((key) => words[key] === text);
}

/** Announced politely: a screen reader hears "Reconnecting…" without losing its place. */
export function ConnectionIndicator({ view }: { view: ConnectionView }) {
  const { t } = useTranslation();
  const word = (text: string) => {
    const name = nameOf(CONNECTION_WORDS, text);
    return name ? t(`editor.connection.${name}`) : text;
  };
  return (
    <div className={`connection connection--${view.tone}`} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{word(view.label)}</span>
      {view.detail ? <span className="connection__detail">{word(view.detail)}</span> : null}
    </div>
  );
}

/**
 * Whether the person's own edits are stored, beside the connection indicator (its own live region,
 * so the indicator's label stays exactly "Connected", "Reconnecting…", …). Editors only.
 */
export function SaveStatus({ view }: { view: SaveView }) {
  const { t } = useTranslation();
  const name = nameOf(SAVE_LABELS, view.label);
  return (
    <div className={`save-status${view.pending ? " save-status--pending" : ""}`} role="status" aria-live="polite">
      {name ? t(`editor.save.${name}`) : view.label}
    </div>
  );
}
