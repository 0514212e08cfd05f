/**
 * Comments where the content is: a small button beside a field, a row or a text block ("Comment
 * on <label>", with the number of open threads as a badge) that opens that place's threads and a
 * form for a new one right beside it. Threads come from the comments panel's feed (comment-feed.ts):
 * no request per button; posting goes through the same resource route as the panel.
 *
 * The button and the thread are separate pieces so a caller puts each where it fits: the button in
 * a label row, the thread below it (in the page's flow, so it is never clipped or off-screen).
 */
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { useActionFetcher, ThreadItem } from "~/components/comments/CommentsPanel";
import { MentionTextarea } from "~/components/comments/MentionTextarea";
import { useCommentCount, useCommentFeed } from "~/components/comments/comment-feed";
import { threadsAt } from "~/components/comments/comment-index";
import { fieldAnchor } from "~/components/comments/anchor";

/** Open/closed state of one place's thread, and the button to give the focus back to. */
export function useCommentToggle() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const id = useId();
  const toggle = useCallback(() => setOpen((was) => !was), []);
  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => button.current?.focus());
  }, []);
  return { open, toggle, close, button, threadId: `${id}-comments` };
}

function CommentIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16" className="comment-on-field__icon">
      <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}

type ButtonProps = {
  /** The model path: `title`, `competencies.<rowId>`, `text:purpose`. */
  place: string;
  /** What the place is called: a field's label, a row's code and title. */
  label: string;
  canComment: boolean;
  expanded: boolean;
  /** The id of the thread element it opens. */
  controls: string;
  onClick: () => void;
  buttonRef?: (element: HTMLButtonElement | null) => void;
};

/**
 * "Comment on <label>" with its badge: the number of open threads on screen, "2 comments" in its name.
 * Nothing for someone who may not comment where there is nothing to read.
 */
export function CommentButton({ place, label, canComment, expanded, controls, onClick, buttonRef }: ButtonProps) {
  const { t } = useTranslation();
  const count = useCommentCount(place);
  if (!canComment && count === 0) return null;
  const name = canComment ? t("comments.field.commentOn", { label }) : t("comments.field.commentsOn", { label });
  // The name says the count in words ("Comment on Credential title (2 comments)"); the screen shows the number.
  const full = count ? t("comments.field.withCount", { name, count }) : name;
  return (
    <button
      type="button"
      ref={buttonRef}
      className={`comment-on-field${count ? " comment-on-field--threads" : ""}`}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      title={full}
      onClick={onClick}
    >
      <CommentIcon />
      {/* Named by its text, not aria-label: a field's label must find the field's input alone. */}
      <span className="visually-hidden">{full}</span>
      {count ? (
        <span className="comment-count" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </button>
  );
}

type ThreadProps = {
  id: string;
  place: string;
  label: string;
  canComment: boolean;
  onClose: () => void;
  className?: string;
  style?: CSSProperties;
};

/** A place's threads (a row's include its cells') and a form for a new one, beside the place. */
export function CommentThread({ id, place, label, canComment, onClose, className, style }: ThreadProps) {
  const { t } = useTranslation();
  const feed = useCommentFeed();
  const box = useRef<HTMLDivElement | null>(null);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [hint, setHint] = useState("");
  const reload = feed?.reload;
  const posted = useCallback(() => {
    setFormKey((key) => key + 1);
    setHint(t("comments.field.posted"));
    reload?.();
  }, [reload, t]);
  const { fetcher, errors, busy } = useActionFetcher(posted);
  const threads = feed ? threadsAt(feed.threads, place) : [];
  const mayComment = canComment && (feed ? feed.canComment : true);

  useEffect(() => {
    // Into the thread: the comment box when there is nothing to read yet, else the thread itself.
    if (textarea.current && threads.length === 0) textarea.current.focus();
    else box.current?.focus();
    // Only on opening.
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };

  return (
    <div id={id} ref={box} role="dialog" aria-label={t("comments.field.commentsOn", { label })} tabIndex={-1} className={["comment-thread", className].filter(Boolean).join(" ")} style={style} onKeyDown={onKeyDown}>
      <div className="comment-thread__head">
        <span className="comment-thread__title">{t("comments.field.commentsOn", { label })}</span>
        <button type="button" className="link-button" onClick={onClose}>
          {t("comments.field.close")}<span className="visually-hidden">{t("comments.field.closeHidden", { label })}</span>
        </button>
      </div>
      {!feed ? (
        <p className="muted">{t("comments.panel.loading")}</p>
      ) : threads.length === 0 ? (
        <p className="muted comment__meta">{t("comments.field.none")}</p>
      ) : (
        <ul className="thread-list">
          {threads.map((thread) => (
            <li key={thread.id}>
              <ThreadItem thread={thread} url={feed.url} viewerId={feed.viewerId} canComment={mayComment} people={feed.people} onChanged={feed.reload} />
            </li>
          ))}
        </ul>
      )}
      {feed && mayComment ? (
        <fetcher.Form key={formKey} method="post" action={feed.url} className="comment-form comment-thread__form" aria-label={t("comments.field.newOn", { label })}>
          <input type="hidden" name="intent" value="start" />
          <input type="hidden" name="anchor" value={JSON.stringify(fieldAnchor(place))} />
          <MentionTextarea
            label={threads.length ? t("comments.field.newComment") : t("comments.field.comment")}
            name="body"
            people={feed.people}
            error={errors.body ?? errors.anchor}
            inputRef={(element) => {
              textarea.current = element;
            }}
          />
          {errors.form ? (
            <div className="form-error" role="alert">
              {errors.form}
            </div>
          ) : null}
          <div className="comment-form__actions">
            <button type="submit" className="button button--small" disabled={busy}>
              {busy ? t("comments.field.posting") : t("comments.field.post")}
            </button>
          </div>
        </fetcher.Form>
      ) : null}
      <p className="visually-hidden" role="status">
        {hint}
      </p>
    </div>
  );
}

/** Button and thread together, the thread right after the button (for a place with no label row). */
export function CommentOnField({ path, label, canComment = true }: { path: string; label: string; canComment?: boolean }) {
  const toggle = useCommentToggle();
  return (
    <>
      <CommentButton place={path} label={label} canComment={canComment} expanded={toggle.open} controls={toggle.threadId} onClick={toggle.toggle} buttonRef={(element) => (toggle.button.current = element)} />
      {toggle.open ? <CommentThread id={toggle.threadId} place={path} label={label} canComment={canComment} onClose={toggle.close} /> : null}
    </>
  );
}
