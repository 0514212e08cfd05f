/**
 * View and edit mode of the document page (issue #15): the page opens on the Summary and the text;
 * `?edit` (URL state, so a reload or a shared link keeps it) shows today's form to people who may
 * edit. While the document is in review and some organization has approved the current version, the
 * link says so ("Edit (outdates approvals)") and edit mode asks once per page view, naming them.
 */
import { Link, useFetcher, useNavigate, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { translator } from "~/modules/i18n/i18n";
import type { DocumentStatus } from "~/modules/permissions/roles";
import type { SignoffPanelData } from "~/modules/signoff/read-models/panel.server";
import { panelFetcherKey } from "~/components/signoff/SignoffPanel";

/** The search parameter of edit mode. */
export const EDIT_PARAM = "edit";

export function editHref(documentId: string): string {
  return `/documents/${documentId}?${EDIT_PARAM}`;
}

/** "A", "A and B", "A, B and C". */
function listOf(names: readonly string[], t: TFunction): string {
  if (names.length <= 1) return names.join("");
  return t("documents.editMode.listAnd", { rest: names.slice(0, -1).join(", "), last: names[names.length - 1] });
}

/** The dialog's words: whose approvals the first edit outdates (English unless given the page's t). */
export function outdatesApprovalsMessage(organizations: readonly string[], t: TFunction = translator("en")): string {
  return t("documents.editMode.outdates", { count: organizations.length, organizations: listOf(organizations, t) });
}

/** Organizations whose approval of the current version an edit would outdate (in stage order, once each). */
export function currentApprovers(panel: Pick<SignoffPanelData, "status" | "stages"> | null): string[] {
  if (!panel || panel.status !== "in_review") return [];
  const names = panel.stages.flatMap((stage) => stage.parties.filter((party) => party.decision === "approved").map((party) => party.organizationName));
  return [...new Set(names)];
}

export type EditMode = {
  /** The page shows the form (inputs); false: the Summary and the text. */
  editing: boolean;
  /** The Edit link (view mode) or "Back to summary" (edit mode), for people who may edit; null otherwise. */
  modeLink: ReactNode;
  /** The confirmation dialog (always rendered for editors; opened when needed). */
  dialog: ReactNode;
};

export function useEditMode({ documentId, status, canEdit }: { documentId: string; status: DocumentStatus; canEdit: boolean }): EditMode {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const wantsEdit = canEdit && searchParams.has(EDIT_PARAM);
  // The Sign-off panel's data (the same fetcher key as SignoffPanel.tsx: one request for both).
  const panelFetcher = useFetcher<{ panel: SignoffPanelData | null }>({ key: panelFetcherKey(documentId) });
  const panel = panelFetcher.data?.panel ?? null;
  const inReview = (panel?.status ?? status) === "in_review";
  const approvers = currentApprovers(panel);
  // Confirmed once per page view (component state, not the URL): a reload asks again.
  const [confirmed, setConfirmed] = useState(false);
  // In review, edit mode waits for the panel's data: nobody types before knowing whose approval it outdates.
  const mustAsk = inReview && !confirmed && approvers.length > 0;
  const waiting = inReview && !confirmed && panel === null;
  const editing = wantsEdit && !mustAsk && !waiting;

  const dialogRef = useRef<HTMLDialogElement>(null);
  const linkRef = useRef<HTMLAnchorElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const askNow = wantsEdit && mustAsk;
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (askNow && !dialog.open) {
      dialog.showModal();
      // Into the dialog, on the safe choice.
      cancelRef.current?.focus();
    }
    if (!askNow && dialog.open) dialog.close();
  }, [askNow]);

  const focusModeLink = () => requestAnimationFrame(() => linkRef.current?.focus());
  const cancel = () => {
    dialogRef.current?.close();
    navigate(`/documents/${documentId}`, { replace: true, preventScrollReset: true });
    focusModeLink();
  };
  const proceed = () => {
    setConfirmed(true);
    dialogRef.current?.close();
    focusModeLink();
  };

  const modeLink = !canEdit ? null : editing ? (
    <Link ref={linkRef} to={`/documents/${documentId}`} className="button button--secondary button--small" preventScrollReset>
      {t("documents.editMode.backToSummary")}
    </Link>
  ) : (
    <Link ref={linkRef} to={editHref(documentId)} className="button button--small" preventScrollReset aria-busy={wantsEdit && waiting ? true : undefined}>
      {inReview && approvers.length > 0 && !confirmed ? t("documents.editMode.editOutdates") : t("documents.editMode.edit")}
    </Link>
  );

  const dialog = canEdit ? (
    <dialog ref={dialogRef} className="dialog" role="dialog" aria-labelledby={titleId} onCancel={(event) => { event.preventDefault(); cancel(); }}>
      <h2 id={titleId}>{t("documents.editMode.dialogTitle")}</h2>
      <p>{outdatesApprovalsMessage(approvers, t)}</p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={proceed}>
          {t("documents.editMode.continue")}
        </button>
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={cancel}>
          {t("documents.editMode.cancel")}
        </button>
      </div>
    </dialog>
  ) : null;

  return { editing, modeLink, dialog };
}
