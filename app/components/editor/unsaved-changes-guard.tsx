import { useBlocker } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * Leaving the document for another page of the app while edits are not stored yet: asks first
 * (the browser's own leave-page warning covers reloads, closing the tab and other sites). If the
 * edits are stored while the question is open, the navigation simply goes ahead.
 */
export function UnsavedChangesGuard({ unsaved }: { unsaved: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (blocker.state === "blocked" && !unsaved) {
      blocker.proceed();
      return;
    }
    if (blocker.state === "blocked" && !dialog.open) dialog.showModal();
    if (blocker.state !== "blocked" && dialog.open) dialog.close();
  }, [blocker, unsaved]);

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} onCancel={() => blocker.state === "blocked" && blocker.reset()}>
      <h2 id={titleId}>{t("editor.unsaved.title")}</h2>
      <p>{t("editor.unsaved.text")}</p>
      <div className="dialog__actions">
        {/* First, so that it has the focus: staying is the safe choice. */}
        <button type="button" className="button" onClick={() => blocker.state === "blocked" && blocker.reset()}>
          {t("editor.unsaved.stay")}
        </button>
        <button type="button" className="button button--danger" onClick={() => blocker.state === "blocked" && blocker.proceed()}>
          {t("editor.unsaved.leave")}
        </button>
      </div>
    </dialog>
  );
}
