/**
 * Comments on a document: threads anchored to a field or a range of text, replies, resolve and
 * reopen, @mentions (threads that mention you are flagged and can be filtered). Reading needs
 * view access; writing needs `document.comment` (editors and QA reviewers). Loads and writes
 * through its own resource route (documents.$documentId.comments) and refreshes every 20 seconds
 * while the page is visible, so others' comments show up without a reload.
 */
import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { anchorHref, type Anchor } from "~/modules/comments/anchors";
import { mentionSegments } from "~/modules/comments/mentions";
import type { CommentsActionData, loader as commentsLoader } from "~/routes/documents.$documentId.comments";
import { revealAnchor } from "~/components/document/document-overview";
import { anchorFor, makeLocator, textPath, type DocumentKind } from "~/modules/documents/model";
import { selectTextAnchor, trackSelectionAnchor } from "~/components/comments/anchor";
import styles from "~/components/comments/comments.css";
import { MentionTextarea, type MentionPerson } from "~/components/comments/MentionTextarea";
import { publishComments } from "~/components/comments/comment-feed";
import { formatDateTime, type DisplayLocale } from "~/utils/dates";
import { useLocale } from "~/components/i18n/use-locale";
import { localizedKindDefinition } from "~/modules/i18n/kind-text";
import type { Locale } from "~/modules/i18n/locales";
import { LANGUAGE_TAGS } from "~/modules/i18n/locales";

type Props = {
  documentId: string;
  canComment: boolean;
  /** People who can be mentioned, if the page has them; the panel loads the list itself otherwise. */
  participants?: readonly MentionPerson[];
  /** The page's current selection (editor range or focused field); defaults to tracking focus. */
  getSelectionAnchor?: () => Anchor | null;
};

type Loaded = Extract<NonNullable<ReturnType<typeof useFetcher<typeof commentsLoader>>["data"]>, { ok: true }>;
type Thread = Loaded["threads"][number];
type Filter = "open" | "resolved" | "mentions";

const REFRESH_MS = 20_000;

function When({ iso }: { iso: string }) {
  const locale = useLocale();
  return <time dateTime={iso}>{formatDateTime(iso, LANGUAGE_TAGS[locale] as DisplayLocale)}</time>;
}

/** Runs `onDone` once each time the fetcher finishes an action that succeeded. */
export function useActionFetcher(onDone: () => void) {
  const fetcher = useFetcher<CommentsActionData>();
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok && handled.current !== fetcher.data) {
      handled.current = fetcher.data;
      onDone();
    }
  }, [fetcher.state, fetcher.data, onDone]);
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.fieldErrors : {};
  return { fetcher, errors, busy: fetcher.state !== "idle" };
}

function CommentBody({ body, mentions, viewerId }: { body: string; mentions: Array<{ id: string; name: string }>; viewerId: string }) {
  return (
    <p className="comment__body">
      {mentionSegments(body, mentions).map((segment, i) =>
        segment.type === "text" ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <span key={i} className={segment.userIds.includes(viewerId) ? "mention mention--me" : "mention"}>{segment.text}</span>
        ),
      )}
    </p>
  );
}

function anchorChoices(kind: DocumentKind, locale: Locale) {
  return localizedKindDefinition(kind, locale).sections.map((section) => ({
    title: section.title,
    items: section.items.map((item) => ({ path: item.type === "richtext" ? textPath(item.key) : item.key, label: item.label })),
  }));
}

function describeSelection(kind: DocumentKind, anchor: Anchor, t: TFunction): string {
  if (anchor.type === "text") return t("comments.panel.selectedText", { quote: anchor.quote.length > 60 ? `${anchor.quote.slice(0, 59)}…` : anchor.quote });
  return t("comments.panel.thisField", { label: anchor.label ?? makeLocator(kind, {})(anchor.path).label });
}

function NewThreadForm({
  url,
  kind,
  people,
  initial,
  onClose,
  onCreated,
}: {
  url: string;
  kind: DocumentKind;
  people: readonly MentionPerson[];
  initial: Anchor | null;
  onClose: () => void;
  onCreated: () => void;
}) {
  const id = useId();
  const { t } = useTranslation();
  const { fetcher, errors, busy } = useActionFetcher(onCreated);
  const locale = useLocale();
  const choices = anchorChoices(kind, locale);
  const [choice, setChoice] = useState(initial ? "selection" : JSON.stringify({ type: "field", path: choices[0]?.items[0]?.path ?? "title" }));
  const anchor = choice === "selection" ? JSON.stringify(initial) : choice;
  return (
    <fetcher.Form method="post" action={url} className="comment-form" aria-label={t("comments.field.newComment")}>
      <input type="hidden" name="intent" value="start" />
      <input type="hidden" name="anchor" value={anchor} />
      <div className="field">
        <label htmlFor={`${id}-anchor`}>{t("comments.panel.commentOn")}</label>
        <select id={`${id}-anchor`} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {initial ? <option value="selection">{describeSelection(kind, initial, t)}</option> : null}
          {choices.map((section) => (
            <optgroup key={section.title} label={section.title}>
              {section.items.map((item) => (
                <option key={item.path} value={JSON.stringify({ type: "field", path: item.path })}>
                  {item.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errors.anchor ? <span className="field__error" role="alert">{errors.anchor}</span> : null}
      </div>
      {choice === "selection" && initial?.type === "text" ? <blockquote className="comment-form__quote">{initial.quote}</blockquote> : null}
      <MentionTextarea label={t("comments.field.comment")} name="body" people={people} autoFocus error={errors.body} />
      {errors.form ? <div className="form-error" role="alert">{errors.form}</div> : null}
      <div className="comment-form__actions">
        <button type="submit" className="button button--small" disabled={busy}>{busy ? t("comments.field.posting") : t("comments.field.post")}</button>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>{t("comments.panel.cancel")}</button>
      </div>
    </fetcher.Form>
  );
}

/**
 * Goes to what a thread is about: the field (rows opened, focused) through the page's own
 * revealAnchor, and for text the quoted words selected in the editor. Tells `onGone` when the
 * quoted words have been deleted since.
 */
function goTo(anchor: Anchor, onGone: (gone: boolean) => void): void {
  const id = anchorFor(anchor.type === "field" ? anchor.path : anchor.fragment);
  revealAnchor(id);
  if (anchor.type !== "text") return;
  // After revealAnchor has scrolled and focused the block (it waits one frame).
  requestAnimationFrame(() => requestAnimationFrame(() => onGone(selectTextAnchor(document.getElementById(id), anchor) === "gone")));
}

export function ThreadItem({ thread, url, viewerId, canComment, people, onChanged }: { thread: Thread; url: string; viewerId: string; canComment: boolean; people: readonly MentionPerson[]; onChanged: () => void }) {
  const id = useId();
  const { t } = useTranslation();
  const locale = LANGUAGE_TAGS[useLocale()] as DisplayLocale;
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const done = useCallback(() => {
    setReplying(false);
    setEditing(null);
    onChanged();
  }, [onChanged]);
  const replyAction = useActionFetcher(done);
  const statusAction = useActionFetcher(onChanged);
  const editAction = useActionFetcher(done);
  const resolved = thread.status === "resolved";
  const first = thread.comments[0];
  const headingId = `${id}-heading`;
  return (
    <article
      className={["thread", resolved ? "thread--resolved" : "", thread.mentionsViewer ? "thread--mention" : ""].filter(Boolean).join(" ")}
      aria-labelledby={headingId}
      data-thread-id={thread.id}
    >
      <div className="thread__head">
        <a
          id={headingId}
          className="thread__anchor"
          href={anchorHref(thread.anchor)}
          onClick={(event) => {
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
            event.preventDefault();
            goTo(thread.anchor, setGone);
          }}
        >
          {thread.anchor.label ?? (thread.anchor.type === "field" ? thread.anchor.path : thread.anchor.fragment)}
        </a>
        {resolved ? <span className="badge badge--resolved">{t("comments.panel.resolvedBadge")}</span> : null}
        {thread.mentionsViewer ? <span className="badge badge--mention">{t("comments.panel.mentionsYou")}</span> : null}
      </div>
      {thread.anchor.type === "text" ? <blockquote className="thread__quote">{thread.anchor.quote}</blockquote> : null}
      {gone ? (
        <p className="muted comment__meta" role="status">
          {t("comments.panel.gone")}
        </p>
      ) : null}
      <ol className="thread__comments" aria-label={t("comments.field.commentsOn", { label: thread.anchor.label ?? t("comments.panel.thisPlace") })}>
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <p className="comment__meta">
              <strong>{comment.author?.name ?? t("comments.panel.formerParticipant")}</strong> · <When iso={comment.createdAt} />
              {comment.editedAt ? t("comments.panel.edited") : null}
            </p>
            {editing === comment.id ? (
              <editAction.fetcher.Form method="post" action={url} className="comment-form">
                <input type="hidden" name="intent" value="edit" />
                <input type="hidden" name="commentId" value={comment.id} />
                <MentionTextarea label={t("comments.panel.editYours")} name="body" people={people} defaultValue={comment.body} autoFocus error={editAction.errors.body} />
                <div className="comment-form__actions">
                  <button type="submit" className="button button--small" disabled={editAction.busy}>{t("comments.panel.save")}</button>
                  <button type="button" className="button button--small button--secondary" onClick={() => setEditing(null)}>{t("comments.panel.cancel")}</button>
                </div>
              </editAction.fetcher.Form>
            ) : (
              <>
                <CommentBody body={comment.body} mentions={comment.mentions} viewerId={viewerId} />
                {canComment && comment.author?.id === viewerId ? (
                  <button type="button" className="link-button" onClick={() => setEditing(comment.id)} aria-label={t("comments.panel.editFrom", { when: formatDateTime(comment.createdAt, locale) })}>
                    {t("comments.panel.edit")}
                  </button>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedAt ? (
        <p className="muted comment__meta">
          {t("comments.panel.resolvedBy", { name: thread.resolvedBy?.name ?? t("comments.panel.formerParticipantLower") })} · <When iso={thread.resolvedAt} />
        </p>
      ) : null}
      {canComment ? (
        replying ? (
          <replyAction.fetcher.Form method="post" action={url} className="comment-form" aria-label={t("comments.panel.replyTo", { name: first?.author?.name ?? t("comments.panel.thisThread") })}>
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="threadId" value={thread.id} />
            <MentionTextarea label={t("comments.panel.reply")} name="body" people={people} autoFocus error={replyAction.errors.body} />
            {replyAction.errors.form ? <div className="form-error" role="alert">{replyAction.errors.form}</div> : null}
            <div className="comment-form__actions">
              <button type="submit" className="button button--small" disabled={replyAction.busy}>{replyAction.busy ? t("comments.panel.sending") : t("comments.panel.sendReply")}</button>
              <button type="button" className="button button--small button--secondary" onClick={() => setReplying(false)}>{t("comments.panel.cancel")}</button>
            </div>
          </replyAction.fetcher.Form>
        ) : (
          <div className="thread__actions">
            <button type="button" className="button button--small button--secondary" onClick={() => setReplying(true)}>{t("comments.panel.reply")}</button>
            <statusAction.fetcher.Form method="post" action={url}>
              <input type="hidden" name="threadId" value={thread.id} />
              <button type="submit" name="intent" value={resolved ? "reopen" : "resolve"} className="button button--small button--secondary" disabled={statusAction.busy}>
                {resolved ? t("comments.panel.reopen") : t("comments.panel.resolve")}
              </button>
            </statusAction.fetcher.Form>
          </div>
        )
      ) : null}
      {statusAction.errors.form ? <div className="form-error" role="alert">{statusAction.errors.form}</div> : null}
    </article>
  );
}

export function CommentsPanel({ documentId, canComment, participants, getSelectionAnchor }: Props) {
  const id = useId();
  const { t } = useTranslation();
  const url = `/documents/${documentId}/comments`;
  const list = useFetcher<typeof commentsLoader>();
  const panel = useRef<HTMLElement | null>(null);
  const tracker = useRef<ReturnType<typeof trackSelectionAnchor> | null>(null);
  const [filter, setFilter] = useState<Filter>("open");
  const [draft, setDraft] = useState<{ anchor: Anchor | null; key: number } | null>(null);
  const [hint, setHint] = useState("");

  const { load } = list;
  const reload = useCallback(() => load(url), [load, url]);

  useEffect(() => {
    reload();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") reload();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    tracker.current = trackSelectionAnchor(() => panel.current);
    return () => tracker.current?.stop();
  }, []);

  const open = useCallback((anchor: Anchor | null) => {
    setDraft((current) => ({ anchor, key: (current?.key ?? 0) + 1 }));
    setHint("");
    panel.current?.scrollIntoView({ block: "nearest" });
  }, []);

  const data = list.data;
  const loaded = data?.ok ? data : null;
  const people = loaded?.people ?? participants ?? [];
  const threads = loaded?.threads ?? [];
  const openCount = threads.filter((thread) => thread.status === "open").length;
  const mentionCount = threads.filter((thread) => thread.status === "open" && thread.mentionsViewer).length;
  const shown = threads.filter((thread) => (filter === "mentions" ? thread.mentionsViewer : thread.status === filter));
  const mayComment = canComment && (loaded ? loaded.canComment : true);

  // A notification's link (/documents/<id>#thread-<thread id>) opens the panel on that thread, once.
  const linkedThread = useRef<string | null>(typeof window === "undefined" ? null : (/^#thread-([\w-]+)$/.exec(window.location.hash)?.[1] ?? null));
  const target = linkedThread.current ? threads.find((thread) => thread.id === linkedThread.current) : undefined;
  useEffect(() => {
    if (!target) return;
    if (filter !== target.status) {
      setFilter(target.status);
      return;
    }
    linkedThread.current = null;
    const element = panel.current?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(target.id)}"]`);
    if (!element) return;
    element.tabIndex = -1;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  }, [target, filter]);

  // The buttons beside fields and rows read these threads (badges, the thread opened beside them).
  useEffect(() => {
    if (loaded) publishComments({ documentId, url, viewerId: loaded.viewerId, canComment: mayComment, people: loaded.people, threads: loaded.threads, reload });
  }, [loaded, documentId, url, mayComment, reload]);
  useEffect(() => () => publishComments(null), []);

  const startFromSelection = () => {
    const anchor = getSelectionAnchor?.() ?? tracker.current?.get() ?? null;
    open(anchor);
  };

  const created = useCallback(() => {
    setDraft(null);
    setFilter("open");
    setHint(t("comments.field.posted"));
    reload();
  }, [reload, t]);

  const filters: Array<[Filter, string]> = [
    ["open", t("comments.panel.filterOpen", { count: openCount })],
    ["resolved", t("comments.panel.filterResolved", { count: threads.length - openCount })],
    ["mentions", t("comments.panel.filterMentions", { count: threads.filter((thread) => thread.mentionsViewer).length })],
  ];

  return (
    // `#comments`: the document page's skip link lands here (focusable for it).
    <section className="card comments-panel" id="comments" tabIndex={-1} aria-labelledby={`${id}-heading`} ref={panel}>
      <link rel="stylesheet" href={styles} />
      <h2 id={`${id}-heading`}>
        {t("comments.panel.title")} {loaded ? <span className="comments-panel__count">{t("comments.panel.openCount", { count: openCount })}</span> : null}
      </h2>
      {mentionCount > 0 && filter !== "mentions" ? (
        <div className="comments-mentions-notice" role="status">
          <span>
            {t("comments.panel.mentioned", { count: mentionCount })}
          </span>
          <button type="button" className="link-button" onClick={() => setFilter("mentions")}>{t("comments.panel.show")}</button>
        </div>
      ) : null}
      <div className="comments-toolbar">
        {mayComment && !draft ? (
          <button
            type="button"
            className="button button--small"
            onClick={startFromSelection}
            // Keeps the text selection (read-only text loses it when the click moves the focus).
            onMouseDown={(event) => event.preventDefault()}
          >
            {t("comments.field.newComment")}
          </button>
        ) : null}
        <div className="comments-filter" role="group" aria-label={t("comments.panel.showThreads")}>
          {filters.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={filter === value} onClick={() => setFilter(value)}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <p className="visually-hidden" role="status">{hint}</p>
      {mayComment && draft && loaded ? (
        <NewThreadForm key={draft.key} url={url} kind={loaded.kind} people={people} initial={draft.anchor} onClose={() => setDraft(null)} onCreated={created} />
      ) : null}
      {!data ? (
        <p className="muted">{t("comments.panel.loading")}</p>
      ) : !loaded ? (
        <p className="form-error" role="alert">{t("comments.panel.loadFailed")}</p>
      ) : shown.length === 0 ? (
        <p className="empty">
          {filter === "open" ? t("comments.panel.noOpen") : filter === "resolved" ? t("comments.panel.noResolved") : t("comments.panel.noMentions")}
          {filter === "open" && mayComment ? t("comments.panel.howTo") : null}
        </p>
      ) : (
        <ul className="thread-list">
          {shown.map((thread) => (
            <li key={thread.id}>
              <ThreadItem thread={thread} url={url} viewerId={loaded.viewerId} canComment={mayComment} people={people} onChanged={reload} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
