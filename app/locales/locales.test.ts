/**
 * The two languages stay complete (issue #20): the same keys, the same ICU arguments in each
 * message, every message valid ICU, and every key the code names exists.
 */
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { i18nFor } from "~/modules/i18n/i18n";
import { en, fr } from "./index";

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

const english = leaves(en);
const french = leaves(fr);

describe("messages", () => {
  it("French has exactly the English keys", () => {
    expect([...french.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !french.has(key))).toEqual([]);
  });

  it("every message is valid ICU and both languages use the same arguments", () => {
    const mismatches: string[] = [];
    for (const [key, source] of english) {
      const target = french.get(key) ?? "";
      const a = [...argumentsOf(parse(source))].sort();
      const b = [...argumentsOf(parse(target))].sort();
      if (a.join() !== b.join()) mismatches.push(`${key}: {${a.join(", ")}} vs {${b.join(", ")}}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("every key the code names exists", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes(`${join("app", "locales")}`)) files.push(path);
      }
    };
    walk("app");
    const missing: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*["'`]([a-zA-Z]\w*(?:\.\w+)+)["'`]/g)) {
        if (!english.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("formats plurals and numbers in each language", () => {
    const t = (locale: "en" | "fr") => i18nFor(locale).t;
    expect(t("en")("inbox.title")).toBe("Inbox");
    expect(t("fr")("inbox.title")).toBe("Boîte de réception");
    expect(t("fr")("notifications.mail.hello", { name: "Élise" })).toBe("Bonjour Élise,");
  });
});
