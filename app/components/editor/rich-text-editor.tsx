import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { schemaExtensions } from "~/components/editor/extensions";
import type { RichTextSection } from "~/components/editor/sections";
import { StaticRichText } from "~/components/editor/static-rich-text";
import { Toolbar } from "~/components/editor/toolbar";
import type { CollaborationSession } from "~/components/editor/use-collaboration";

type Props = {
  session: CollaborationSession;
  section: RichTextSection;
  editable: boolean;
  /** Shown until the editor has mounted (it is created after hydration, never on the server). */
  firstPaint: string;
};

/** One rich-text fragment of the shared Y.Doc, live: everyone's typing and carets appear here. */
export function RichTextEditor({ session, section, editable, firstPaint }: Props) {
  const id = useId();
  const { t } = useTranslation();
  const toolbarId = `${id}-toolbar`;
  const editor = useEditor(
    {
      // The editor needs the DOM; the server paints the stored content with StaticRichText instead.
      immediatelyRender: false,
      editable,
      extensions: [
        ...schemaExtensions,
        Collaboration.configure({ document: session.ydoc, field: section.field }),
        CollaborationCaret.configure({ provider: session.provider, user: session.user }),
      ],
      editorProps: {
        attributes: editable
          ? { class: "rich-text rich-text--live", role: "textbox", "aria-multiline": "true", "aria-label": section.label, id: `${toolbarId}-content` }
          : // A role for its name: aria-label on a plain div is not announced (axe: aria-prohibited-attr).
            { class: "rich-text rich-text--live rich-text--readonly", role: "group", "aria-label": section.label, id: `${toolbarId}-content` },
        handleKeyDown: (_view, event) => {
          if (!(event.altKey && event.key === "F10")) return false;
          document.getElementById(toolbarId)?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
          return true;
        },
      },
    },
    [session, section.field, editable],
  );
  const isEmpty = useEditorState({ editor, selector: ({ editor: current }) => current?.isEmpty ?? false });

  if (!editor) return <StaticRichText html={firstPaint} placeholder={section.placeholder} />;
  return (
    <div className="editor">
      {editable ? <Toolbar editor={editor} id={toolbarId} label={t("editor.toolbar.label", { label: section.label })} /> : null}
      <div className="editor__surface">
        {isEmpty ? (
          <p className="rich-text__placeholder rich-text__placeholder--overlay" aria-hidden="true">
            {editable ? section.placeholder : t("documents.summary.nothingWritten")}
          </p>
        ) : null}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
