/**
 * A comment box that knows the project's people: typing "@" followed by part of a name offers
 * matching participants (arrow keys and Enter or Tab to pick, Escape to close), and a select
 * inserts a mention without typing. Ctrl/⌘+Enter submits the surrounding form.
 */
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { mentionQueryAt, suggestPeople } from "~/modules/comments/mentions";

export type MentionPerson = { id: string; name: string; organization: string };

type Props = {
  label: string;
  name: string;
  people: readonly MentionPerson[];
  defaultValue?: string;
  autoFocus?: boolean;
  error?: string;
  /** Called with the element so a parent can focus it. */
  inputRef?: (element: HTMLTextAreaElement | null) => void;
};

export function MentionTextarea({ label, name, people, defaultValue = "", autoFocus, error, inputRef }: Props) {
  const id = useId();
  const { t } = useTranslation();
  const [value, setValue] = useState(defaultValue);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const suggestions = query ? suggestPeople(people, query.query) : [];
  const open = suggestions.length > 0;
  const listId = `${id}-suggestions`;

  const refresh = (element: HTMLTextAreaElement) => {
    setQuery(mentionQueryAt(element.value, element.selectionStart));
    setActive(0);
  };

  const insert = (person: MentionPerson, from: number, to: number) => {
    const element = textarea.current;
    const text = `@${person.name} `;
    const next = value.slice(0, from) + text + value.slice(to);
    setValue(next);
    setQuery(null);
    const caret = from + text.length;
    // After React has written the new value: put the caret after the mention.
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(caret, caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
      return;
    }
    if (!open || !query) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => (index + (event.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      insert(suggestions[active]!, query.start, event.currentTarget.selectionStart);
    } else if (event.key === "Escape") {
      event.preventDefault();
      setQuery(null);
    }
  };

  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="mention-input">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        ref={(element) => {
          textarea.current = element;
          inputRef?.(element);
        }}
        value={value}
        autoFocus={autoFocus}
        maxLength={5000}
        required
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
        onChange={(event) => {
          setValue(event.target.value);
          refresh(event.target);
        }}
        onKeyDown={onKeyDown}
        onClick={(event) => refresh(event.currentTarget)}
        onBlur={() => setQuery(null)}
      />
      <ul id={listId} role="listbox" aria-label={t("comments.mention.people")} className="mention-suggestions" hidden={!open}>
        {suggestions.map((person, index) => (
          <li
            key={person.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the textarea must keep the focus (its blur closes the list).
            onMouseDown={(event) => {
              event.preventDefault();
              if (query) insert(person, query.start, textarea.current?.selectionStart ?? value.length);
            }}
          >
            {person.name}
            <small>{person.organization}</small>
          </li>
        ))}
      </ul>
      <span id={`${id}-hint`} className="field__hint">
        {t("comments.mention.hint")}
      </span>
      {people.length > 0 ? (
        <select
          aria-label={t("comments.mention.selectLabel", { label })}
          value=""
          onChange={(event) => {
            const person = people.find((p) => p.id === event.target.value);
            if (!person) return;
            const caret = textarea.current?.selectionStart ?? value.length;
            insert(person, caret, caret);
          }}
        >
          <option value="">{t("comments.mention.choose")}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} — {person.organization}
            </option>
          ))}
        </select>
      ) : null}
      {error ? <span id={errorId} className="field__error" role="alert">{error}</span> : null}
    </div>
  );
}
