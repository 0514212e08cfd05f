/** Small pieces every part of the document page shares (sections, the competencies table, the overview). */
import { useTranslation } from "react-i18next";

/** Fired on window with an anchor id before the page scrolls to it, so collapsed rows can open. */
export const REVEAL_EVENT = "concord:reveal-anchor";

/** The star after a required block's or table's title; screen readers hear "(required)". */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="doc-field__required" title={t("documents.field.required")}>
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden">{t("documents.field.requiredHidden")}</span>
    </span>
  );
}
