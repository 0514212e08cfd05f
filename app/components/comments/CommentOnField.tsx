/**
 * A small "Comment" button to put next to a field: it opens the comments panel's new-thread form
 * on that field (through a window event, so the field and the panel need not know each other).
 */
import { fieldAnchor, requestComment } from "~/components/comments/anchor";

export function CommentOnField({ path, label }: { path: string; label: string }) {
  return (
    <button type="button" className="comment-on-field" onClick={() => requestComment(fieldAnchor(path))} aria-label={`Comment on ${label}`}>
      Comment
    </button>
  );
}
