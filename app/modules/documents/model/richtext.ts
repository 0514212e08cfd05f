import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { isPlainObject } from "~/modules/documents/model/json";
import { sortKeysDeep } from "~/utils/canonical-json";
import type { CanonicalText, JsonValue, ProseMirrorJSON } from "~/modules/documents/model/types";

/**
 * Rich text lives in one Y.XmlFragment per block, in the shape y-prosemirror (the Tiptap
 * Collaboration extension) reads and writes. We go through @tiptap/y-tiptap both ways, so what the
 * demo builders write is exactly what the editor would have written, and reading needs no browser.
 */

/** Heading levels the editor offers (the page title is the h1). Demo content stays within them. */
export const RICH_TEXT_HEADING_LEVELS = [2, 3] as const;

let schema: Schema | null = null;
/**
 * StarterKit's ProseMirror schema. The editor configures StarterKit (heading levels, no undo…) but
 * adds no nodes or marks, so the node and mark names are the same as in the editor's schema.
 */
export function richTextSchema(): Schema {
  schema ??= getSchema([StarterKit]);
  return schema;
}

export const EMPTY_DOC: ProseMirrorJSON = { type: "doc", content: [] };

/** Replaces the fragment's content with the given ProseMirror JSON (validated by the schema). */
export function writeFragment(fragment: Y.XmlFragment, doc: ProseMirrorJSON): void {
  const write = () => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(richTextSchema(), doc, fragment);
  };
  if (fragment.doc) fragment.doc.transact(write);
  else write();
}

export function readFragment(fragment: Y.XmlFragment): ProseMirrorJSON {
  return yXmlFragmentToProsemirrorJSON(fragment) as ProseMirrorJSON;
}

/**
 * Deterministic ProseMirror JSON: marks sorted by type (Yjs keeps formatting attributes in
 * insertion order, which differs between clients for the same text), empty `attrs` dropped, keys
 * sorted. A document holding only one empty paragraph is the empty document: that is what the
 * template seeds and what an editor shows before anyone types.
 */
export function normaliseDoc(doc: ProseMirrorJSON): ProseMirrorJSON {
  const clean = (node: ProseMirrorJSON): ProseMirrorJSON => {
    const out: ProseMirrorJSON = { type: node.type };
    if (node.attrs && isPlainObject(node.attrs) && Object.keys(node.attrs).length > 0) out.attrs = node.attrs;
    if (typeof node.text === "string") out.text = node.text;
    if (node.marks && node.marks.length > 0) {
      out.marks = node.marks.map(clean).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    }
    if (node.content) out.content = node.content.map(clean);
    return out;
  };
  const cleaned = clean(doc);
  const blocks = cleaned.content ?? [];
  if (blocks.length === 1 && blocks[0]?.type === "paragraph" && !(blocks[0].content && blocks[0].content.length > 0)) {
    cleaned.content = [];
  }
  if (!cleaned.content) cleaned.content = [];
  return sortKeysDeep(cleaned as unknown as JsonValue) as unknown as ProseMirrorJSON;
}

export function isEmptyDoc(doc: ProseMirrorJSON): boolean {
  return docToPlainText(doc).trim() === "";
}

/**
 * Plain text for diff and search: one line per block, list items prefixed "- " or "1. ",
 * headings "## ", quotes "> ". Stable for a given document, so line diffs are meaningful.
 */
export function docToPlainText(doc: ProseMirrorJSON): string {
  const lines: string[] = [];
  const inline = (node: ProseMirrorJSON): string => {
    if (node.type === "text") return node.text ?? "";
    if (node.type === "hardBreak") return "\n";
    return (node.content ?? []).map(inline).join("");
  };
  const block = (node: ProseMirrorJSON, prefix: string): void => {
    switch (node.type) {
      case "paragraph":
        lines.push(prefix + inline(node));
        return;
      case "heading": {
        const level = typeof node.attrs?.level === "number" ? node.attrs.level : 2;
        lines.push(`${prefix}${"#".repeat(level)} ${inline(node)}`);
        return;
      }
      case "codeBlock":
        for (const line of inline(node).split("\n")) lines.push(prefix + line);
        return;
      case "horizontalRule":
        lines.push(`${prefix}---`);
        return;
      case "blockquote":
        for (const child of node.content ?? []) block(child, `${prefix}> `);
        return;
      case "bulletList":
      case "orderedList": {
        const start = typeof node.attrs?.start === "number" ? node.attrs.start : 1;
        (node.content ?? []).forEach((item, index) => {
          const marker = node.type === "bulletList" ? "- " : `${start + index}. `;
          const children = item.content ?? [];
          children.forEach((child, childIndex) => block(child, childIndex === 0 ? prefix + marker : prefix + " ".repeat(marker.length)));
        });
        return;
      }
      default:
        if (node.content) for (const child of node.content) block(child, prefix);
        else lines.push(prefix + inline(node));
    }
  };
  for (const child of doc.content ?? []) block(child, "");
  return lines.join("\n");
}

export function canonicalText(fragment: Y.XmlFragment): CanonicalText {
  const doc = normaliseDoc(readFragment(fragment));
  return { doc, plain: docToPlainText(doc) };
}

// ---------------------------------------------------------------------------------------------
// A small Markdown subset → ProseMirror JSON, for demo content and tests (not a user-facing
// importer): "## " and "### " headings, "- " bullets, "1. " numbered items, "> " quotes, blank
// lines between paragraphs, **bold**, *italic*, `code`. Lines of one paragraph are joined by a space.
// ---------------------------------------------------------------------------------------------

function inlineMarkdown(text: string): ProseMirrorJSON[] {
  const nodes: ProseMirrorJSON[] = [];
  const pattern = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) nodes.push({ type: "text", text: text.slice(last, index) });
    const token = match[0];
    if (token.startsWith("**")) nodes.push({ type: "text", text: token.slice(2, -2), marks: [{ type: "bold" }] });
    else if (token.startsWith("`")) nodes.push({ type: "text", text: token.slice(1, -1), marks: [{ type: "code" }] });
    else nodes.push({ type: "text", text: token.slice(1, -1), marks: [{ type: "italic" }] });
    last = index + token.length;
  }
  if (last < text.length) nodes.push({ type: "text", text: text.slice(last) });
  return nodes;
}

const paragraph = (text: string): ProseMirrorJSON => (text ? { type: "paragraph", content: inlineMarkdown(text) } : { type: "paragraph" });

export function markdownToDoc(markdown: string): ProseMirrorJSON {
  const blocks: ProseMirrorJSON[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let para: string[] = [];
  let list: { type: "bulletList" | "orderedList"; items: string[] } | null = null;
  let quote: string[] = [];
  const flush = () => {
    if (para.length) blocks.push(paragraph(para.join(" ")));
    para = [];
    if (list) {
      blocks.push({ type: list.type, content: list.items.map((item) => ({ type: "listItem", content: [paragraph(item)] })) });
      if (list.type === "orderedList") blocks[blocks.length - 1]!.attrs = { start: 1 };
    }
    list = null;
    if (quote.length) blocks.push({ type: "blockquote", content: [paragraph(quote.join(" "))] });
    quote = [];
  };
  for (const rawLine of lines) {
    const line = rawLine.trim();
    const heading = /^(#{2,3}) (.+)$/.exec(line);
    const bullet = /^- (.+)$/.exec(line);
    const numbered = /^\d+\. (.+)$/.exec(line);
    const quoted = /^> (.+)$/.exec(line);
    if (line === "") flush();
    else if (heading) {
      flush();
      blocks.push({ type: "heading", attrs: { level: heading[1]!.length }, content: inlineMarkdown(heading[2]!) });
    } else if (bullet || numbered) {
      const type = bullet ? "bulletList" : "orderedList";
      if (para.length || quote.length || (list && list.type !== type)) flush();
      list ??= { type, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (quoted) {
      if (para.length || list) flush();
      quote.push(quoted[1]!);
    } else if (list && /^\s{2,}/.test(rawLine)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      if (list || quote.length) flush();
      para.push(line);
    }
  }
  flush();
  return { type: "doc", content: blocks };
}
