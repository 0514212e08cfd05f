import { useBlocker } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";

/**
 * Leaving the document for another page of the app while edits are not stored yet: asks first
 * (the browser's own leave-page warning covers reloads, closing the tab and other sites). If the
 * edits are stored while the question is open, the navigation simply goes ahead.
 */
export function UnsavedChangesGuard({ unsaved }: { unsaved: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
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
      <h2 id={titleId}>Some of your changes are not saved yet</h2>
      <p>They are still being sent. If you leave now, they may be lost.</p>
      <div className="dialog__actions">
        {/* First, so that it has the focus: staying is the safe choice. */}
        <button type="button" className="button" onClick={() => blocker.state === "blocked" && blocker.reset()}>
          Stay on this page
        </button>
        <button type="button" className="button button--danger" onClick={() => blocker.state === "blocked" && blocker.proceed()}>
          Leave without saving
        </button>
      </div>
    </dialog>
  );
}
