/** Small pieces every part of the document page shares (sections, the competencies table, the overview). */

/** Fired on window with an anchor id before the page scrolls to it, so collapsed rows can open. */
export const REVEAL_EVENT = "concord:reveal-anchor";

/** The star after a required block's or table's title; screen readers hear "(required)". */
export function RequiredMark() {
  return (
    <span className="doc-field__required" title="Required">
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> (required)</span>
    </span>
  );
}
