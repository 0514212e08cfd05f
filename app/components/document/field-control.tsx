import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { anchorFor, checkValue, jsonEqual, parseInput, type DocumentKind, type FieldIssue, type JsonValue, type Option, type RowFieldDef } from "~/modules/documents/model";
import { CommentButton, CommentThread, useCommentToggle } from "~/components/comments/CommentOnField";
import type { FieldVisitor } from "~/components/document/field-presence";
import { competencyLabel, formatValue, inputText, type DisplayContext } from "~/modules/documents/format";
import { isIsoDate } from "~/utils/dates";
import { FieldIssueList } from "~/components/document/field-issues";
import { LastChangedAt } from "~/components/document/last-changed";

/** What the options of document and competency fields come from. */
export type FieldContext = DisplayContext & {
  documents: readonly { id: string; kind: DocumentKind; title: string }[];
};

export type FieldControlProps = {
  field: RowFieldDef;
  /** Model path of the value: `title`, `competencies.<rowId>.level`. Its anchor is the input's id. */
  path: string;
  value: JsonValue | undefined;
  /** Validation issues for this exact path (errors and warnings). */
  issues: readonly FieldIssue[];
  editable: boolean;
  /** Stores what parseInput() made of the input (live, for everyone). */
  write: (value: JsonValue) => void;
  context: FieldContext;
  /** Other people in this field right now. */
  visitors: readonly FieldVisitor[];
  onFocusChange: (path: string | null) => void;
  /** May comment: a "Comment on <label>" button beside the label opens the field's threads below it. */
  commentable?: boolean;
  /** The place's name in that button when the label alone is ambiguous; the label by default. */
  commentLabel?: string;
};

/**
 * One structured field bound to the shared document: the input matching its type, its help, and
 * every problem with its value inline. What a person types is stored as they type (parseInput), so
 * a value that does not parse — "12a" in a number — is kept for everyone and flagged, never
 * dropped. Read-only people get the value as text.
 */
export function FieldControl(props: FieldControlProps) {
  const { field, path, issues, editable, visitors } = props;
  const anchor = anchorFor(path);
  const [localMessage, setLocalMessage] = useState<string | null>(null);
  const messages = [
    ...(localMessage ? [{ severity: "error" as const, message: localMessage }] : []),
    ...issues.map((issue) => ({ severity: issue.severity, message: issue.message })),
  ];
  const hasError = messages.some((m) => m.severity === "error");
  const describedBy = [field.help ? `${anchor}-help` : null, messages.length ? `${anchor}-issues` : null].filter(Boolean).join(" ") || undefined;
  const group = field.type === "multiselect" || field.type === "boolean";
  const style: CSSProperties | undefined = visitors[0] ? ({ "--visitor": visitors[0].color } as CSSProperties) : undefined;
  const wide = field.type === "longtext" || (field.type === "multiselect" && field.options.length > 4);

  // Inputs carry aria-required; the star is drawn by CSS with empty alternative text, so the
  // label reads (and is found) as the field's name alone.
  const labelClass = field.required ? "doc-field__label doc-field__label--required" : "doc-field__label";
  const label = field.label;
  const { t } = useTranslation();
  const comments = useCommentToggle();
  const commentLabel = props.commentLabel ?? field.label;
  const commentButton = props.commentable ? (
    <CommentButton
      place={path}
      label={commentLabel}
      canComment
      expanded={comments.open}
      controls={comments.threadId}
      onClick={comments.toggle}
      buttonRef={(element) => (comments.button.current = element)}
    />
  ) : null;
  const commentThread = props.commentable && comments.open ? <CommentThread id={comments.threadId} place={path} label={commentLabel} canComment onClose={comments.close} /> : null;

  const body = editable ? (
    <Control {...props} anchor={anchor} invalid={hasError} describedBy={describedBy} setLocalMessage={setLocalMessage} />
  ) : (
    <ReadOnlyValue field={field} value={props.value} anchor={anchor} context={props.context} describedBy={describedBy} />
  );

  const className = `doc-field doc-field--${field.type}${wide ? " doc-field--wide" : ""}${visitors.length ? " doc-field--visited" : ""}${hasError ? " doc-field--invalid" : ""}`;
  const tail = (
    <>
      {visitors.length ? (
        <span className="doc-field__visitors" aria-live="polite">
          {t("documents.field.visitors", { count: visitors.length, names: visitors.map((v) => v.name).join(", ") })}
        </span>
      ) : null}
      {field.help ? (
        <span id={`${anchor}-help`} className="field__hint">
          {field.help}
        </span>
      ) : null}
      <FieldIssueList id={`${anchor}-issues`} issues={messages} />
    </>
  );

  if (group && editable) {
    return (
      <fieldset className={className} style={style} data-path={path} id={anchor} aria-describedby={describedBy}>
        <legend className={labelClass}>{label}</legend>
        {/* Beside the legend (drawn in its corner): inside it, it would become part of the group's name. */}
        {commentButton ? <span className="doc-field__comment-corner">{commentButton}</span> : null}
        <LastChangedAt path={path} />
        {body}
        {tail}
        {commentThread}
      </fieldset>
    );
  }
  return (
    <div className={className} style={style} data-path={path}>
      <span className="doc-field__label-row">
        {editable ? (
          <label className={labelClass} htmlFor={anchor}>
            {label}
          </label>
        ) : (
          <span className={labelClass} id={`${anchor}-label`}>
            {label}
          </span>
        )}
        {commentButton}
      </span>
      {/* A field's own line; a row's cells share their row's (document-sections.tsx). */}
      <LastChangedAt path={path} />
      {body}
      {tail}
      {commentThread}
    </div>
  );
}

type ControlProps = FieldControlProps & {
  anchor: string;
  invalid: boolean;
  describedBy: string | undefined;
  setLocalMessage: (message: string | null) => void;
};

function Control(props: ControlProps) {
  const { t } = useTranslation();
  const { field } = props;
  switch (field.type) {
    case "select":
      return <SelectControl {...props} options={field.options} />;
    case "document": {
      const kind = field.documentKind;
      const options = props.context.documents.filter((d) => d.kind === kind).map((d) => ({ value: d.id, label: d.title }));
      return <SelectControl {...props} options={options} unknownLabel={(v) => t("documents.field.unknownDocument", { value: v })} />;
    }
    case "competency": {
      const options = (props.context.competencies ?? []).map((c) => ({ value: c.id, label: competencyLabel(c) }));
      return <SelectControl {...props} options={options} unknownLabel={(v) => t("documents.field.unknownCompetency", { value: v })} />;
    }
    case "multiselect":
      return <MultiselectControl {...props} options={field.options} />;
    case "boolean":
      return <BooleanControl {...props} />;
    case "date":
      return <DateControl {...props} />;
    default:
      return <TextControl {...props} />;
  }
}

function focusHandlers(props: ControlProps) {
  return { onFocus: () => props.onFocusChange(props.path), onBlur: () => props.onFocusChange(null) };
}

/** Longer than this, a one-line value is shown whole in a box that grows, not cut off in an input (a half-width input shows about 40 characters). */
export const LONG_VALUE_CHARS = 40;
/** A text field allowed more than this is long by nature: a growing box from the start. */
const LONG_FIELD_MAX_LENGTH = 250;

/** Whether a one-line text, link or address field shows its value in a growing box. */
export function showsWhole(field: RowFieldDef, text: string): boolean {
  if (field.type !== "text" && field.type !== "url" && field.type !== "email") return false;
  if (field.type === "text" && (field.maxLength ?? 0) > LONG_FIELD_MAX_LENGTH) return true;
  return text.length > LONG_VALUE_CHARS;
}

/** A one-line value keeps one line: a line break pasted into its growing box becomes a space. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, " ");
}

const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/**
 * Text, long text, numbers, money, links and addresses. While someone types, the input shows their
 * own text (with its trailing space, "12." on the way to "12.5"…) as long as the shared value is
 * what that text parses to; when someone else changes the value meanwhile, theirs is shown.
 */
function TextControl(props: ControlProps) {
  const { field, value, write, anchor, invalid, describedBy } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const shared = value ?? null;
  useEffect(() => {
    // Only a change of the shared value can make the draft stale (our own writes keep it equal).
    if (draft !== null && !jsonEqual(parseInput(field, draft), shared)) setDraft(null);
  }, [shared]);
  const shown = draft ?? inputText(value);
  // Once long, the box stays a growing one while it is on the page: switching back and forth
  // around the limit would replace the element under the person's fingers.
  const whole = showsWhole(field, shown);
  const [grown, setGrown] = useState(whole);
  if (whole && !grown) setGrown(true);
  const box = useRef<HTMLTextAreaElement | null>(null);
  // Where the caret was when typing made the input a growing box: the new box takes over there.
  const caret = useRef<number | null>(null);
  useClientLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    if (caret.current !== null) {
      element.focus();
      element.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
    // Browsers without CSS field-sizing: the box is as tall as its text.
    if (!CSS.supports("field-sizing", "content")) {
      element.style.height = "auto";
      element.style.height = `${element.scrollHeight}px`;
    }
  }, [grown, shown]);
  const common = {
    id: anchor,
    value: shown,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    "aria-required": field.required || undefined,
    onChange: (event: { target: { value: string; selectionStart?: number | null } }) => {
      const text = field.type === "longtext" ? event.target.value : oneLine(event.target.value);
      if (!grown && showsWhole(field, text)) caret.current = event.target.selectionStart ?? text.length;
      setDraft(text);
      write(parseInput(field, text));
    },
    onFocus: focusHandlers(props).onFocus,
    onBlur: () => {
      setDraft(null);
      props.onFocusChange(null);
    },
  };
  if (field.type === "longtext") return <textarea {...common} rows={Math.min(8, Math.max(3, shown.split("\n").length + 1))} maxLength={undefined} />;
  const numeric = field.type === "number" || field.type === "integer" || field.type === "money_cad";
  if (grown && !numeric) {
    return (
      <textarea
        {...common}
        ref={box}
        rows={1}
        className="doc-field__grow"
        inputMode={field.type === "url" ? "url" : field.type === "email" ? "email" : undefined}
        placeholder={"placeholder" in field ? field.placeholder : undefined}
        autoComplete="off"
        // One line, shown whole: Enter adds no line break (the value must stay one line).
        onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
          if (event.key === "Enter") event.preventDefault();
        }}
      />
    );
  }
  const input = (
    <input
      {...common}
      type={field.type === "url" ? "url" : field.type === "email" ? "email" : "text"}
      // Numbers are typed into a text input: a number input would hand us "" for "12a" and the
      // typed value would silently vanish instead of being kept and flagged.
      inputMode={field.type === "integer" ? "numeric" : numeric ? "decimal" : undefined}
      placeholder={"placeholder" in field ? field.placeholder : undefined}
      autoComplete="off"
      spellCheck={numeric ? false : undefined}
    />
  );
  if (!numeric) return input;
  const unit = field.type === "money_cad" ? "CAD" : "unit" in field ? field.unit : undefined;
  return (
    <div className="doc-input-group">
      {field.type === "money_cad" ? (
        <span className="doc-input-group__affix" aria-hidden="true">
          $
        </span>
      ) : null}
      {input}
      {unit ? (
        <span className="doc-input-group__affix" aria-hidden="true">
          {unit}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A date picker for valid dates. A date that is not a real date (imported, or typed elsewhere) is
 * shown in a text input as stored, flagged, until someone corrects it. A half-typed date in the
 * picker is not stored (the picker reports nothing usable yet): the person is told so.
 */
function DateControl(props: ControlProps) {
  const { field, value, write, anchor, invalid, describedBy, setLocalMessage } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const [typing, setTyping] = useState(false);
  const storedDate = typeof value === "string" && isIsoDate(value) ? value : "";
  const unreadable = value !== undefined && value !== null && storedDate === "";

  useEffect(() => {
    // Uncontrolled: a controlled date input would undo a half-typed date on every keystroke.
    const input = ref.current;
    if (input && document.activeElement !== input && input.value !== storedDate) input.value = storedDate;
  }, [storedDate]);

  if (unreadable || typing) {
    return (
      <TextControl
        {...props}
        onFocusChange={(path) => {
          setTyping(path !== null);
          props.onFocusChange(path);
        }}
      />
    );
  }
  return (
    <input
      ref={ref}
      id={anchor}
      type="date"
      defaultValue={storedDate}
      min="1900-01-01"
      max="2100-12-31"
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      aria-required={field.required || undefined}
      onChange={(event) => {
        if (event.target.validity.badInput) {
          setLocalMessage(t("documents.field.incompleteDate"));
          return;
        }
        setLocalMessage(null);
        write(parseInput(field, event.target.value));
      }}
      {...focusHandlers(props)}
    />
  );
}

/**
 * A list this long (a 3,000-competency specification's competencies, in every demand signal) is
 * put in the page only when someone goes to choose: 12,000 options were a third of the page and of
 * its hydration. Pressing on it, or reaching it by keyboard, fills it before it opens.
 */
const OPTIONS_ON_DEMAND_OVER = 200;

function SelectControl(props: ControlProps & { options: readonly Option[]; unknownLabel?: (value: string) => string }) {
  const { field, value, write, anchor, invalid, describedBy, options } = props;
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(false);
  const current = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
  const known = current === "" || options.some((o) => o.value === current);
  const shown = wanted || options.length <= OPTIONS_ON_DEMAND_OVER ? options : options.filter((o) => o.value === current);
  const focus = focusHandlers(props);
  return (
    <select
      id={anchor}
      value={current}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      aria-required={field.required || undefined}
      onChange={(event) => write(parseInput(field, event.target.value))}
      onPointerDown={() => setWanted(true)}
      onFocus={() => {
        setWanted(true);
        focus.onFocus();
      }}
      onBlur={focus.onBlur}
    >
      <option value="">{field.required ? t("documents.field.choose") : t("documents.field.notSet")}</option>
      {shown.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {known ? null : <option value={current}>{props.unknownLabel ? props.unknownLabel(current) : t("documents.field.notAChoice", { value: current })}</option>}
    </select>
  );
}

function MultiselectControl(props: ControlProps & { options: readonly Option[] }) {
  const { field, value, write, anchor, options } = props;
  const { t } = useTranslation();
  const chosen = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  const unknown = chosen.filter((v) => !options.some((o) => o.value === v));
  const toggle = (option: string, on: boolean) => {
    // From the value as rendered; setValue applies only the difference, so a tick someone else
    // made meanwhile on another option is kept.
    const next = on ? [...chosen, option] : chosen.filter((v) => v !== option);
    write(parseInput(field, next));
  };
  return (
    <div className="doc-choices">
      {[...options, ...unknown.map((v) => ({ value: v, label: t("documents.field.notAChoice", { value: v }) }))].map((option, index) => (
        <label key={option.value} className="doc-choice">
          <input
            type="checkbox"
            id={index === 0 ? `${anchor}-first` : undefined}
            checked={chosen.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
            {...focusHandlers(props)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

function BooleanControl(props: ControlProps) {
  const { field, value, write, anchor } = props;
  const { t } = useTranslation();
  return (
    <div className="doc-choices doc-choices--inline">
      {[
        { label: t("history.diff.yes"), on: true },
        { label: t("history.diff.no"), on: false },
      ].map((choice) => (
        <label key={String(choice.on)} className="doc-choice">
          <input
            type="radio"
            name={anchor}
            checked={value === choice.on}
            onChange={() => write(parseInput(field, choice.on))}
            {...focusHandlers(props)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
      {value !== undefined && value !== null && typeof value !== "boolean" ? <span className="doc-field__stored">{t("documents.field.stored", { value: String(value) })}</span> : null}
    </div>
  );
}

function ReadOnlyValue({ field, value, anchor, context, describedBy }: { field: RowFieldDef; value: JsonValue | undefined; anchor: string; context: DisplayContext; describedBy?: string }) {
  const { t } = useTranslation();
  const text = formatValue(field, value, context);
  let content: ReactNode = text;
  if (text === "") content = <span className="muted">{t("documents.summary.notFilled")}</span>;
  else if (field.type === "url" && typeof value === "string" && checkValue(field, value) === null) {
    content = (
      <a href={value} rel="noreferrer noopener" target="_blank">
        {value}
      </a>
    );
  }
  return (
    <div id={anchor} className="doc-field__value" aria-labelledby={`${anchor}-label`} aria-describedby={describedBy}>
      {content}
    </div>
  );
}
