/**
 * Trade scale without timed assertions: a Red Seal–shaped standard of 3,000 competencies
 * (10 major work activities → 13 tasks each → 22 sub-tasks each) parses in every layout, and the
 * time it took is printed for a person to read (the benchmark, bench/scale.ts, owns the targets).
 */
import { describe, expect, it } from "vitest";
import { toCtdlAsnCsv, toCtdlAsnJsonLd } from "~/modules/frameworks/export/ctdl-asn.server";
import { expectWellFormedTree, imported } from "../../../../test/support/framework-fixtures";
import { importFrameworkFile } from "~/modules/frameworks/import/import-framework";
import type { ColumnMapping } from "~/modules/frameworks/import/mapped-csv";
import { MAX_COMPETENCIES, type ImportOutcome } from "~/modules/frameworks/import/types";

const SECTIONS = 10;
const TASKS = 13;
const SUB_TASKS = 22;
const TOTAL = SECTIONS + SECTIONS * TASKS + SECTIONS * TASKS * SUB_TASKS;

interface Node {
  code: string;
  title: string;
  parent: string;
}

function tradeStandard(): Node[] {
  const nodes: Node[] = [];
  for (let s = 0; s < SECTIONS; s++) {
    const section = String.fromCharCode(65 + s);
    nodes.push({ code: section, title: `Major work activity ${section}: performs "${section}" work, safely`, parent: "" });
    for (let t = 1; t <= TASKS; t++) {
      const task = `${section}-${t}`;
      nodes.push({ code: task, title: `Task ${task}: plans, lays out and installs systems`, parent: section });
      for (let u = 1; u <= SUB_TASKS; u++) {
        const subTask = `${task}.${String(u).padStart(2, "0")}`;
        nodes.push({ code: subTask, title: `Sub-task ${subTask}: selects, cuts and joins piping\nfor the ${u}th time`, parent: task });
      }
    }
  }
  return nodes;
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

function timed(label: string, run: () => ImportOutcome): ReturnType<typeof imported> {
  const started = performance.now();
  const result = imported(run());
  console.info(
    `${label}: ${result.competencies.length.toLocaleString("en-CA")} competencies parsed in ${(performance.now() - started).toFixed(1)} ms`,
  );
  return result;
}

describe("a 3,000-competency trade standard (sections → tasks → sub-tasks)", () => {
  const nodes = tradeStandard();
  const defaults = { name: "Plumber (generated)" };

  it("parses as a code / title / parent-code CSV", () => {
    expect(nodes).toHaveLength(3000);
    const csv = ["Code,Title,Parent code", ...nodes.map((node) => [node.code, node.title, node.parent].map(quote).join(","))].join("\r\n");
    const mapping: ColumnMapping = { code: "Code", statement: "Title", parentCode: "Parent code" };
    const result = timed("parent-code CSV", () => importFrameworkFile(new TextEncoder().encode(csv), { mapping, defaults }));
    expect(result.competencies).toHaveLength(TOTAL);
    expectWellFormedTree(result.competencies);
    expect(result.competencies.filter((c) => c.depth === 2)).toHaveLength(SECTIONS * TASKS * SUB_TASKS);
    expect(result.competencies.find((c) => c.code === "J-13.22")).toMatchObject({ depth: 2, order: SUB_TASKS - 1 });
  });

  it("parses as one row per sub-task with level columns", () => {
    const byCode = new Map(nodes.map((node) => [node.code, node]));
    const rows = nodes
      .filter((node) => node.code.includes("."))
      .map((subTask) => {
        const task = byCode.get(subTask.parent)!;
        const section = byCode.get(task.parent)!;
        return [section.code, section.title, task.code, task.title, subTask.code, subTask.title].map(quote).join(",");
      });
    const csv = ["Section,Section title,Task,Task title,Sub-task,Sub-task title", ...rows].join("\n");
    const mapping: ColumnMapping = {
      levelColumns: ["Section", "Task", "Sub-task"],
      statement: ["Section title", "Task title", "Sub-task title"],
      levelNames: ["Major work activity", "Task", "Sub-task"],
    };
    const result = timed("level-column CSV (one row per sub-task)", () => importFrameworkFile(csv, { mapping, defaults }));
    expect(result.competencies).toHaveLength(TOTAL);
    expectWellFormedTree(result.competencies);
  });

  it("parses as CTDL-ASN CSV and JSON-LD (Concord's own exports)", () => {
    const source = imported(
      importFrameworkFile(
        ["Code,Title,Parent code", ...nodes.map((node) => [node.code, node.title, node.parent].map(quote).join(","))].join("\n"),
        {
          mapping: { code: "Code", statement: "Title", parentCode: "Parent code" },
          defaults,
        },
      ),
    );
    const csv = toCtdlAsnCsv(source.framework, source.competencies);
    const fromCsv = timed("CTDL-ASN CSV", () => importFrameworkFile(csv));
    const jsonLd = JSON.stringify(toCtdlAsnJsonLd(source.framework, source.competencies));
    const fromJsonLd = timed("CTDL-ASN JSON-LD", () => importFrameworkFile(jsonLd));
    for (const result of [fromCsv, fromJsonLd]) {
      expect(result.competencies.map((c) => [c.code, c.depth, c.order])).toEqual(
        source.competencies.map((c) => [c.code, c.depth, c.order]),
      );
    }
  });

  it(`parses the largest framework accepted (${MAX_COMPETENCIES.toLocaleString("en-CA")} competencies)`, () => {
    const rows = Array.from(
      { length: MAX_COMPETENCIES },
      (_, i) => `C${i},Competency ${i},${i === 0 ? "" : `C${Math.floor((i - 1) / 10)}`}`,
    );
    const csv = ["Code,Statement,Parent", ...rows].join("\n");
    const result = timed("50,000-row parent-code CSV", () =>
      importFrameworkFile(csv, { mapping: { code: "Code", statement: "Statement", parentCode: "Parent" }, defaults }),
    );
    expect(result.competencies).toHaveLength(MAX_COMPETENCIES);
  });
});
