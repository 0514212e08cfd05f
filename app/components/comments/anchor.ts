/**
 * Anchors from what a person has selected: a range in a rich-text editor (Tiptap bound to a
 * Y.XmlFragment by y-tiptap) or a focused field. Text ranges become Yjs RelativePositions, which
 * name Yjs items rather than offsets, so a thread keeps pointing at the same words while others
 * type before them; `resolveTextAnchor` turns them back into editor positions (for highlighting
 * or selecting the range), or null once the words are gone.
 *
 * The y-tiptap sync plugin state holds the binding between the editor and the Y.XmlFragment:
 * `{ doc, binding: { type, mapping } }` — the mapping (Y type → ProseMirror node) is what the
 * position conversion needs; it is the same one the collaboration carets use.
 */
import type { EditorState } from "@tiptap/pm/state";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { QUOTE_MAX, type Anchor, type FieldAnchor, type TextAnchor } from "~/modules/comments/anchors";

export type { Anchor, FieldAnchor, TextAnchor };

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What the conversion needs: the fragment, its document and the fragment ↔ editor mapping. */
export type YBinding = { doc: Y.Doc; type: Y.XmlFragment; mapping: Mapping };

/** Anything with an editor state: a Tiptap Editor or a ProseMirror EditorView. */
type HasState = { state: EditorState };

export function fieldAnchor(path: string): FieldAnchor {
  return { type: "field", path };
}

/** The Yjs binding of an editor, or null when it is not (yet) bound to a Y.XmlFragment. */
export function bindingOf(state: EditorState): YBinding | null {
  const ystate = ySyncPluginKey.getState(state) as { doc?: Y.Doc; binding?: { type?: Y.XmlFragment; mapping?: Mapping } | null } | undefined;
  const binding = ystate?.binding;
  if (!ystate?.doc || !binding?.type || !binding.mapping) return null;
  return { doc: ystate.doc, type: binding.type, mapping: binding.mapping };
}

/** The name of the fragment (`text:<key>`), read from the Y.Doc's root types. */
export function fragmentNameOf(binding: YBinding): string | null {
  try {
    return Y.findRootTypeKey(binding.type);
  } catch {
    return null;
  }
}

/** A text anchor for [from, to) of the editor document; null for an empty or blank range. */
export function textAnchorFromRange(binding: YBinding, doc: ProseMirrorNode, from: number, to: number, fragment: string): TextAnchor | null {
  if (to <= from) return null;
  const quote = doc.textBetween(from, to, "\n", " ");
  if (!quote.trim()) return null;
  const start = absolutePositionToRelativePosition(from, binding.type, binding.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition;
  return {
    type: "text",
    fragment,
    start: Y.relativePositionToJSON(start) as TextAnchor["start"],
    end: Y.relativePositionToJSON(end) as TextAnchor["end"],
    quote: quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX - 1)}…` : quote,
  };
}

/** Where a text anchor is now, in editor positions; null if its text was deleted. */
export function resolveTextRange(binding: YBinding, anchor: TextAnchor): { from: number; to: number } | null {
  const from = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromJSON(anchor.start), binding.mapping);
  const to = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.createRelativePositionFromJSON(anchor.end), binding.mapping);
  if (from === null || to === null || to <= from) return null;
  return { from, to };
}

/** The editor's current selection as a text anchor (it survives the editor losing focus). */
export function editorSelectionAnchor(editor: HasState): TextAnchor | null {
  const binding = bindingOf(editor.state);
  if (!binding) return null;
  const fragment = fragmentNameOf(binding);
  if (!fragment?.startsWith("text:")) return null;
  const { from, to } = editor.state.selection;
  return textAnchorFromRange(binding, editor.state.doc, from, to, fragment);
}

/** Resolves a thread's text anchor in an editor bound to the same fragment; null otherwise. */
export function resolveTextAnchor(editor: HasState, anchor: Anchor): { from: number; to: number } | null {
  if (anchor.type !== "text") return null;
  const binding = bindingOf(editor.state);
  if (!binding || fragmentNameOf(binding) !== anchor.fragment) return null;
  return resolveTextRange(binding, anchor);
}

// ---------------------------------------------------------------------------------------------
// The page's last focused place, for "Comment on selection" when the page passes no getter
// ---------------------------------------------------------------------------------------------

type EditorView = { dom: HTMLElement; posAtDOM: (node: Node, offset: number) => number };
type TrackedEditor = HasState & { view?: EditorView };
type EditorElement = HTMLElement & { editor?: TrackedEditor };

/**
 * The page's text selection inside this editor, in editor positions. A read-only editor is not
 * focusable, so ProseMirror never copies the browser's selection into its state: a QA reviewer's
 * selection in read-only text exists only in the DOM, and is read from there.
 */
function domSelectionIn(editor: TrackedEditor): { from: number; to: number } | null {
  const selection = typeof document === "undefined" ? null : document.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
  try {
    // A destroyed Tiptap editor throws on `.view`.
    const view = editor.view;
    if (!view || !view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return null;
    const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
    return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

/** The selection of a tracked editor as an anchor: the browser's selection in it, else its own. */
function trackedEditorAnchor(editor: TrackedEditor): TextAnchor | null {
  const range = domSelectionIn(editor);
  if (!range) return editorSelectionAnchor(editor);
  const binding = bindingOf(editor.state);
  const fragment = binding ? fragmentNameOf(binding) : null;
  if (!binding || !fragment?.startsWith("text:")) return null;
  return textAnchorFromRange(binding, editor.state.doc, range.from, range.to, fragment);
}

/**
 * Remembers where the person last was outside `ignore` (the panel itself, whose buttons take the
 * focus away): a Tiptap editor (its DOM element carries `.editor`) or an element with a
 * `data-comment-path` (or `data-path`) attribute naming a field path — entered by focus, or by a
 * click or key press, since read-only values and text take no focus. Returns the getter and a
 * function that stops tracking.
 */
export function trackSelectionAnchor(ignore: () => HTMLElement | null): { get: () => Anchor | null; stop: () => void } {
  let last: { editor: TrackedEditor } | { path: string } | null = null;
  const onEvent = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || ignore()?.contains(target)) return;
    const editorElement = target.closest<EditorElement>(".ProseMirror");
    if (editorElement?.editor) {
      last = { editor: editorElement.editor };
      return;
    }
    const field = target.closest<HTMLElement>("[data-comment-path],[data-path]");
    const path = field?.dataset.commentPath ?? field?.dataset.path;
    if (path) last = { path };
    // Focus moving to something that is not a field forgets the field; a click on plain page text
    // (a heading, a label) leaves the last place as it was.
    else if (event.type === "focusin") last = null;
  };
  const events = ["focusin", "pointerup", "keyup"] as const;
  for (const type of events) document.addEventListener(type, onEvent);
  return {
    get: () => {
      if (!last) return null;
      if ("path" in last) return fieldAnchor(last.path);
      return trackedEditorAnchor(last.editor);
    },
    stop: () => {
      for (const type of events) document.removeEventListener(type, onEvent);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Showing a thread's text in the document
// ---------------------------------------------------------------------------------------------

type SelectableEditor = TrackedEditor & {
  isEditable?: boolean;
  commands?: { setTextSelection: (range: { from: number; to: number }) => boolean; focus: () => boolean };
  view?: EditorView & { domAtPos: (pos: number) => { node: Node; offset: number } };
};

/**
 * Selects a text anchor's words in the editor rendered inside `container` (the rich-text block):
 * "selected", "gone" when the words were deleted since, or "no-editor" when the block has no live
 * editor yet. An editable editor gets the selection in its state (and the focus); a read-only one
 * cannot take either, so the browser's selection is set on its DOM instead.
 */
export function selectTextAnchor(container: Element | null, anchor: TextAnchor): "selected" | "gone" | "no-editor" {
  const editor = container?.querySelector<HTMLElement & { editor?: SelectableEditor }>(".ProseMirror")?.editor;
  if (!editor) return "no-editor";
  const range = resolveTextAnchor(editor, anchor);
  if (!range) return "gone";
  try {
    if (editor.isEditable && editor.commands) {
      editor.commands.setTextSelection(range);
      editor.commands.focus();
      return "selected";
    }
    const view = editor.view;
    if (!view) return "no-editor";
    const start = view.domAtPos(range.from);
    const end = view.domAtPos(range.to);
    document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    return "selected";
  } catch {
    return "no-editor";
  }
}
