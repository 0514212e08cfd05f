import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { HEADING_LEVELS } from "~/components/editor/extensions";

type Tool = { key: string; label: string; text: string; shortcut?: string; active: boolean; run: () => void };

/**
 * Formatting toolbar following the WAI-ARIA toolbar pattern: one tab stop, arrow keys move between
 * buttons, each button says what it does and whether it is on (aria-pressed). Alt+F10 in the editor
 * jumps here and Escape goes back, as in most word processors.
 */
export function Toolbar({ editor, id, label }: { editor: Editor; id: string; label: string }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
    }),
  });
  const listRef = useRef<HTMLDivElement>(null);
  // Roving tab stop: the last button used keeps the toolbar's single place in the tab order.
  const [current, setCurrent] = useState(0);
  const chain = () => editor.chain().focus();

  const tools: Tool[] = [
    { key: "bold", label: t("editor.toolbar.bold"), text: "B", shortcut: "Control+B", active: state.bold, run: () => chain().toggleBold().run() },
    { key: "italic", label: t("editor.toolbar.italic"), text: "I", shortcut: "Control+I", active: state.italic, run: () => chain().toggleItalic().run() },
    ...HEADING_LEVELS.map((level) => ({
      key: `h${level}`,
      label: level === 2 ? t("editor.toolbar.heading") : t("editor.toolbar.subheading"),
      text: `H${level}`,
      shortcut: `Control+Alt+${level}`,
      active: level === 2 ? state.h2 : state.h3,
      run: () => chain().toggleHeading({ level }).run(),
    })),
    { key: "bulletList", label: t("editor.toolbar.bulletList"), text: "•", shortcut: "Control+Shift+8", active: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: "orderedList", label: t("editor.toolbar.orderedList"), text: "1.", shortcut: "Control+Shift+7", active: state.orderedList, run: () => chain().toggleOrderedList().run() },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    const index = buttons.findIndex((button) => button === document.activeElement);
    const moveTo = (next: number) => {
      event.preventDefault();
      setCurrent(next);
      buttons[next]?.focus();
    };
    if (event.key === "ArrowRight") moveTo((index + 1) % buttons.length);
    else if (event.key === "ArrowLeft") moveTo((index - 1 + buttons.length) % buttons.length);
    else if (event.key === "Home") moveTo(0);
    else if (event.key === "End") moveTo(buttons.length - 1);
    else if (event.key === "Escape") {
      event.preventDefault();
      editor.commands.focus();
    }
  };

  return (
    <div ref={listRef} id={id} className="editor-toolbar" role="toolbar" aria-label={label} aria-controls={`${id}-content`} onKeyDown={onKeyDown}>
      {tools.map((tool, position) => (
        <button
          key={tool.key}
          type="button"
          className={`editor-toolbar__button editor-toolbar__button--${tool.key}`}
          aria-label={tool.label}
          aria-pressed={tool.active}
          aria-keyshortcuts={tool.shortcut}
          title={tool.shortcut ? t("editor.toolbar.withShortcut", { label: tool.label, shortcut: tool.shortcut.replace("Control", "Ctrl") }) : tool.label}
          tabIndex={position === current ? 0 : -1}
          onFocus={() => setCurrent(position)}
          // Keep the editor's selection: a mousedown on the button would otherwise blur it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={tool.run}
        >
          <span aria-hidden="true">{tool.text}</span>
        </button>
      ))}
    </div>
  );
}
