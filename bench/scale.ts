/**
 * Trade-scale benchmark (issue 13, "Benchmark, not timed tests"): a generated 3,000-competency
 * framework shaped like a Red Seal occupational standard (major work activities → tasks →
 * sub-tasks, deterministic) measured beside the demo's 65-competency Climate Adaptation
 * Practitioner framework and 8-competency specification, with the ratio and the issue's targets.
 *
 *   npm run bench:scale
 *   npm run bench:scale -- --competencies 300 --keystrokes 20 --no-plan
 *
 * Flags (or env BENCH_<NAME>, e.g. BENCH_KEYSTROKES=60):
 *   --competencies N   size of the generated framework and of the big specification (default 3000)
 *   --import-runs R    imports of each file, each on a fresh database; the median is shown (3)
 *   --search-rounds S  rounds of the search queries (after one unmeasured round); p50/p95 over all (20)
 *   --page-runs P      page loads per specification; the median is shown (3)
 *   --keystrokes K     characters typed for the keystroke-to-colleague latency (40)
 *   --rate r           keystrokes per second (5)
 *   --page-timeout s   longest wait for a page to become usable; past it the figure is "> s" (60)
 *   --plan-timeout s   the same for the assessment plan pages (120)
 *   --ticks T          matrix cells ticked (on, off, on…) for the tick-to-colleague latency (20)
 *   --no-plan          skip the assessment plan pages
 *   --no-pages         skip everything in the browser (import and search only)
 *   --demand-rows D    demand rows imported for the demand figures (100000); the Demand section is timed for --competencies
 * DATABASE_URL / TEST_DATABASE_URL: run on that Postgres (a new database per phase, created and
 * dropped, test/support/database.ts); else PGlite in memory. Needs the Remix build (npm run build)
 * for the pages, and Debian's Chromium at /usr/bin/chromium. Everything runs on loopback.
 *
 * 1. Import and search, in this process, through the app's own verbs: a user and an organization
 *    are created, then the demo framework file (db/seed/frameworks, CTDL-ASN CSV) and the
 *    generated one (CTDL-ASN CSV, Concord's own export of the generated tree) are imported with
 *    `startFrameworkImport` + `importSettled` (the background job: parse, one storing transaction).
 *    Import time = from the call until the job has settled. Search = `searchCompetencies` over the
 *    same queries in both frameworks.
 * 2. Pages, in real Chromium: the real server (test/support/server.ts: HTTP + collaboration, demo
 *    seeded, in this process, COLLAB_UNLOAD_GRACE_MS=200 so every load opens the document cold on
 *    the server too) on a free port. The generated framework is stored in that server's library, and
 *    a specification with all N of its competencies (the demo specification's content with its
 *    competencies replaced by reference rows, written as one update to the store and projected,
 *    which links them to the library) and an assessment plan linked to it (60 assessments and
 *    30,000 ticked cells: the first 500 competencies by 5 soft-evidence assessments only, every
 *    other one by 11 direct ones; the first assessment ticks nothing) are added to the demo project.
 *    - usable = from navigation start (the page's performance.timeOrigin) until the connection
 *      indicator says "Connected" and a live rich-text block is contenteditable (a MutationObserver
 *      installed before any page script runs records the moment). One unmeasured load of the demo
 *      specification first, so both cases see a warm HTTP cache (a returning user).
 *    - keystroke to colleague: two signed-in browser contexts (Daniel types, Maya watches) on the
 *      same document; Daniel types K letters at a steady rate at the end of the first rich-text
 *      block; latency = keydown (event.timeStamp) in his page → the letter in Maya's editor DOM
 *      (MutationObserver), both as epoch times (timeOrigin + …) on the same machine. The
 *      competencies are a virtualized table, so the rows in view are all the page renders.
 *    - the assessment plan pages (issue 14), demo plan beside the big one: usable; the coverage
 *      computations the page made (User Timing "concord:coverage", use-coverage.ts); a tick
 *      reaching a colleague: Daniel clicks the matrix's first cell T times (on, off, …), latency =
 *      his click (event.timeStamp) → the cell's class changing on Maya's screen (MutationObserver);
 *      mapping in one action: Daniel shows "Soft evidence only" on the big plan (the 500; the demo
 *      plan: all 8), "Select all shown", "Map N competencies" to the first assessment; latency =
 *      his click → the first cell of that column flipping on Maya's screen.
 * 3. Coverage on the server: planCoverage over the plan's canonical fields and the specification's
 *    projected competencies (key parsing and the rules), 20 runs after one unmeasured.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import * as Y from "yjs";
import { setDatabase } from "../app/db.server";
import { signUp } from "../app/modules/auth/accounts.server";
import { ASSESSMENT_METHODS } from "../app/modules/coverage/methods";
import { ASSESSMENT_PLAN, planCoverage } from "../app/modules/documents/kinds/assessment-plan";
import { CREDENTIAL_SPEC, specDemandSubjects } from "../app/modules/documents/kinds/credential-spec";
import { loadDemandData } from "../app/modules/demand/demand.server";
import { demandImportProgress, demandImportSettled, startDemandImport } from "../app/modules/demand/imports.server";
import { DETAILED_SUBJECTS, rankCompetencies } from "../app/modules/demand/section";
import { demandFlags } from "../app/modules/demand/staleness";
import { fillDemoAssessmentPlan, fillDemoCredentialSpec } from "../app/modules/documents/kinds/demo/index";
import { canonicalDocument } from "../app/modules/documents/model/canonical";
import { projectDocument } from "../app/modules/documents/model/projection";
import type { CanonicalFields, JsonValue, ModelContext, ProjectedCompetency } from "../app/modules/documents/model/types";
import { coverageMap, replaceRows, setCoverage, setValue, setValues } from "../app/modules/documents/model/ydoc";
import { refreshProjection } from "../app/modules/documents/projection.server";
import { appendUpdates } from "../app/modules/documents/store/stored-document.server";
import { toCtdlAsnCsv } from "../app/modules/frameworks/export/ctdl-asn.server";
import { importFrameworkFile } from "../app/modules/frameworks/import/import-framework";
import { importProgress, importSettled, startFrameworkImport, storeImportedFramework } from "../app/modules/frameworks/imports.server";
import { searchCompetencies } from "../app/modules/frameworks/library.server";
import { generateId } from "../app/modules/ids.server";
import { loadActor } from "../app/modules/orgs/actor.server";
import { createOrganization } from "../app/modules/orgs/organizations.server";
import type { Actor } from "../app/modules/permissions/can";
import { documents } from "../db/schema/index";
import { DEMO_FRAMEWORK_FILE, DEMO_PROJECT_ID } from "../db/seed/demo";
import { openTestDatabase } from "../test/support/database";
import { startTestServer } from "../test/support/server";
import { percentile } from "./collab/stats";

// ---------------------------------------------------------------------------------------------
// Configuration

type Config = {
  competencies: number;
  importRuns: number;
  searchRounds: number;
  pageRuns: number;
  keystrokes: number;
  rate: number;
  pageTimeout: number;
  planTimeout: number;
  ticks: number;
  plan: boolean;
  pages: boolean;
  demandRows: number;
};

function readConfig(argv: string[]): Config {
  const flags = new Map<string, string>();
  const switches = new Set(["no-plan", "no-pages"]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (switches.has(name)) flags.set(name, "true");
    else if (inline !== undefined) flags.set(name, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) flags.set(name, argv[++i]!);
    else throw new Error(`--${name} needs a value`);
  }
  const known = new Set(["demand-rows", "competencies", "import-runs", "search-rounds", "page-runs", "keystrokes", "rate", "page-timeout", "plan-timeout", "ticks", ...switches]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}`);
  const value = (name: string) => flags.get(name) ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  const number = (name: string, fallback: number, { min = 1, max = Infinity, integer = true } = {}) => {
    const raw = value(name);
    if (raw === undefined || raw === "") return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max || (integer && !Number.isInteger(parsed))) throw new Error(`--${name}: bad value ${raw}`);
    return parsed;
  };
  return {
    competencies: number("competencies", 3000, { min: 10, max: 50_000 }),
    importRuns: number("import-runs", 3, { max: 20 }),
    searchRounds: number("search-rounds", 20, { max: 1000 }),
    pageRuns: number("page-runs", 3, { max: 20 }),
    keystrokes: number("keystrokes", 40, { min: 5, max: 1000 }),
    rate: number("rate", 5, { min: 0.5, max: 50, integer: false }),
    pageTimeout: number("page-timeout", 60, { max: 600 }),
    planTimeout: number("plan-timeout", 120, { max: 600 }),
    ticks: number("ticks", 20, { min: 2, max: 500 }),
    plan: value("no-plan") !== "true",
    pages: value("no-pages") !== "true",
    demandRows: number("demand-rows", 100_000, { min: 10, max: 200_000 }),
  };
}

const log = (line: string) => console.log(line);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => percentile(Float64Array.from(values).sort(), 50);

// ---------------------------------------------------------------------------------------------
// The generated trade standard

type TradeNode = { code: string; title: string; parent: string; level: string };

const SECTIONS = 10;
const TASKS = 13;
const VERBS = ["selects", "installs", "tests", "maintains", "repairs", "lays out", "joins", "inspects", "commissions", "documents", "calibrates"];
const OBJECTS = ["piping", "fixtures", "valves", "drainage systems", "water heaters", "backflow preventers", "hydronic systems", "gas lines", "pumps", "vents", "supports"];

/**
 * `count` competencies in Red Seal shape: 10 major work activities (A–J), 13 tasks each, and the
 * rest as sub-tasks spread evenly over the tasks (22 each for 3,000); deterministic text.
 */
function tradeStandard(count: number): TradeNode[] {
  const nodes: TradeNode[] = [];
  const subTasks = Math.max(0, Math.ceil((count - SECTIONS - SECTIONS * TASKS) / (SECTIONS * TASKS)));
  const push = (node: TradeNode) => nodes.length < count && nodes.push(node);
  for (let s = 0; s < SECTIONS; s++) {
    const section = String.fromCharCode(65 + s);
    push({ code: section, title: `Major work activity ${section}: ${VERBS[s % VERBS.length]} ${OBJECTS[s % OBJECTS.length]} safely`, parent: "", level: "Major work activity" });
    for (let t = 1; t <= TASKS; t++) {
      const task = `${section}-${t}`;
      push({ code: task, title: `Task ${task}: plans and ${VERBS[(s + t) % VERBS.length]} ${OBJECTS[(s * 3 + t) % OBJECTS.length]}`, parent: section, level: "Task" });
      for (let u = 1; u <= subTasks; u++) {
        const code = `${task}.${String(u).padStart(2, "0")}`;
        push({
          code,
          title: `Sub-task ${code}: ${VERBS[(s + t + u) % VERBS.length]} ${OBJECTS[(t * 7 + u) % OBJECTS.length]} to code and manufacturer specifications`,
          parent: task,
          level: "Sub-task",
        });
      }
    }
  }
  return nodes;
}

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** The generated standard as a CTDL-ASN CSV bulk-upload file (Concord's own export of the parsed tree). */
function tradeCtdlAsnCsv(nodes: TradeNode[]): Uint8Array {
  const mapped = ["Code,Title,Parent code,Level", ...nodes.map((n) => [n.code, n.title, n.parent, n.level].map(quote).join(","))].join("\r\n");
  const parsed = importFrameworkFile(mapped, {
    mapping: { code: "Code", statement: "Title", parentCode: "Parent code" },
    defaults: { name: `Plumber (generated, ${nodes.length} competencies)`, publisher: "Concord benchmark", language: "en" },
  });
  if (parsed.status !== "imported") throw new Error(`the generated standard does not parse: ${JSON.stringify(parsed).slice(0, 500)}`);
  return new TextEncoder().encode(toCtdlAsnCsv(parsed.framework, parsed.competencies));
}

// ---------------------------------------------------------------------------------------------
// 1. Import and search

type ImportSearchFigures = { importMs: number[]; searchMs: number[]; competencies: number };

const QUERIES = ["climate", "flood risk", "assess", "CAP.2", "piping", "installs valves", "safely", "A-3", "maintain", "plan"];

async function importAndSearch(config: Config, tradeFile: Uint8Array): Promise<{ demo: ImportSearchFigures; trade: ImportSearchFigures }> {
  const demoFile = new Uint8Array(readFileSync(DEMO_FRAMEWORK_FILE));
  const demo: ImportSearchFigures = { importMs: [], searchMs: [], competencies: 0 };
  const trade: ImportSearchFigures = { importMs: [], searchMs: [], competencies: 0 };
  for (let run = 1; run <= config.importRuns; run++) {
    const database = await openTestDatabase();
    setDatabase(database);
    try {
      const signedUp = await signUp({ name: "Bench Importer", email: `bench.${generateId(6).toLowerCase()}@example.com`, password: "a-long-enough-password" });
      if (!signedUp.ok) throw new Error("sign-up failed");
      const organizationId = await createOrganization(signedUp.userId, { name: `Bench Library ${generateId(6)}`, kind: "institution", province: "ON" });
      const actor = await loadActor(signedUp.userId);
      const demoImport = await timedImport(actor, organizationId, "climate-adaptation-practitioner.csv", demoFile);
      const tradeImport = await timedImport(actor, organizationId, "trade-standard.csv", tradeFile);
      demo.importMs.push(demoImport.ms);
      trade.importMs.push(tradeImport.ms);
      demo.competencies = demoImport.competencies;
      trade.competencies = tradeImport.competencies;
      log(`  import run ${run}: demo ${demoImport.competencies} competencies in ${demoImport.ms.toFixed(0)} ms, generated ${tradeImport.competencies} in ${tradeImport.ms.toFixed(0)} ms`);
      if (run === config.importRuns) {
        for (let round = 0; round <= config.searchRounds; round++) {
          for (const query of QUERIES) {
            for (const [figures, frameworkId] of [
              [demo, demoImport.frameworkId],
              [trade, tradeImport.frameworkId],
            ] as const) {
              const started = performance.now();
              await searchCompetencies(frameworkId, query);
              // The first round warms up (query plans, JIT) and is not counted.
              if (round > 0) figures.searchMs.push(performance.now() - started);
            }
          }
        }
      }
    } finally {
      setDatabase(undefined);
      await database.drop();
    }
  }
  return { demo, trade };
}

async function timedImport(actor: Actor, organizationId: string, fileName: string, bytes: Uint8Array) {
  const started = performance.now();
  const job = await startFrameworkImport(actor, { organizationId, fileName, bytes });
  if (!("importId" in job)) throw new Error(`${fileName}: the import asked for a column mapping`);
  await importSettled(job.importId);
  const ms = performance.now() - started;
  const progress = await importProgress(actor, job.importId);
  if (progress.status !== "done" || !progress.frameworkId) throw new Error(`${fileName}: import ${progress.status}: ${JSON.stringify(progress.problems).slice(0, 500)}`);
  return { ms, competencies: progress.stored, frameworkId: progress.frameworkId };
}

// ---------------------------------------------------------------------------------------------
// 4. Demand data (issue #16)

const DEMAND_REGION_CODES = ["CA", "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"];

/** `count` demand rows over `subjects` competency codes: every region, then month after month. */
function demandCsv(count: number, subjects: number): Uint8Array {
  const lines = ["subject,region,period,metric,value,source_name,source_url,retrieved_on"];
  for (let i = 0; i < count; i++) {
    const region = DEMAND_REGION_CODES[Math.floor(i / subjects) % DEMAND_REGION_CODES.length]!;
    const month = Math.floor(i / (subjects * DEMAND_REGION_CODES.length));
    const period = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    lines.push(`T-${i % subjects},${region},${period},job_postings,${(i * 7) % 500},Bench source,,2026-01-01`);
  }
  return new TextEncoder().encode(lines.join("\n"));
}

/**
 * The import of `demandRows` rows (background job to done), then the Demand section's server work
 * for a specification of `competencies` competencies that all have data: the loader's query and
 * series, the flags and the ranking (what the page's loader and first render compute).
 */
async function demandFigures(config: Config): Promise<{ importMs: number; sectionMs: number[] }> {
  const database = await openTestDatabase();
  setDatabase(database);
  try {
    const signedUp = await signUp({ name: "Bench Analyst", email: `bench.demand.${generateId(6).toLowerCase()}@example.com`, password: "a-long-enough-password" });
    if (!signedUp.ok) throw new Error("sign-up failed");
    const organizationId = await createOrganization(signedUp.userId, { name: `Bench Observatory ${generateId(6)}`, kind: "institution", province: "ON" });
    const actor = await loadActor(signedUp.userId);
    const bytes = demandCsv(config.demandRows, config.competencies);
    const started = performance.now();
    const { importId } = await startDemandImport(actor, { organizationId, fileName: "bench-demand.csv", bytes });
    await demandImportSettled(importId);
    const importMs = performance.now() - started;
    const progress = await demandImportProgress(actor, importId);
    if (progress.status !== "done") throw new Error(`demand import ${progress.status}: ${JSON.stringify(progress.problems).slice(0, 500)}`);
    log(`  demand import: ${progress.stored} rows in ${importMs.toFixed(0)} ms`);
    const fields: CanonicalFields = {
      occupations: [{ id: "o1", system: "noc_2021", code: "21300", title: "Civil engineers" }],
      competencies: Array.from({ length: config.competencies }, (_, i) => ({ id: `c${i}`, source: "custom", code: `T-${i}`, title: `Competency ${i}` })),
    };
    const sectionMs: number[] = [];
    for (let run = 0; run <= 20; run++) {
      const t0 = performance.now();
      const subjects = specDemandSubjects(fields);
      const data = await loadDemandData(
        subjects.flatMap((subject) => subject.keys),
        subjects.slice(0, DETAILED_SUBJECTS).flatMap((subject) => subject.keys),
      );
      demandFlags(subjects, data.freshness, "2026-12-04", 12);
      rankCompetencies(subjects, data);
      JSON.stringify(data);
      if (run > 0) sectionMs.push(performance.now() - t0);
    }
    return { importMs, sectionMs };
  } finally {
    setDatabase(undefined);
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Pages in Chromium

const DEMO_SPEC = "demo-doc-spec";
const DEMO_PLAN = "demo-doc-assessment";
const BIG_SPEC = "bench-scale-spec";
const BIG_PLAN = "bench-scale-plan";
/** The specification's first rich-text block (e2e/collaboration.spec.ts). */
const BLOCK = "Who it is for and what holders can do";
const PASSWORD = "concord-demo";
const TYPIST = "college@demo.concord.test";
const WATCHER = "employer@demo.concord.test";

/**
 * Adds the generated framework to the server's library and the big specification (N competencies
 * picked from it: reference rows, linked to the library by its projection as the demo's are) and a
 * plan linked to it to the demo project.
 */
async function addBigDocuments(db: Parameters<typeof refreshProjection>[0], nodes: TradeNode[]): Promise<CoverageCase> {
  const framework = `Plumber (generated, ${nodes.length} competencies)`;
  const parsed = importFrameworkFile(tradeCtdlAsnCsv(nodes));
  if (parsed.status !== "imported") throw new Error("the generated standard does not import");
  await db.transaction((tx) => storeImportedFramework(tx, { organizationId: "demo-org-lakeshore", userId: "demo-user-college", framework: parsed }));
  const rows: Array<Record<string, JsonValue>> = nodes.map((node, i) => ({
    id: `bench-c${i}`,
    source: "framework",
    framework,
    code: node.code,
    title: node.title,
    outcome: `${node.title.replace(/^[^:]*: /, "")}, observed on the job.`,
    level: node.level === "Sub-task" ? "Level 3 — Proficient" : "Level 2 — Developing",
    essential: i % 5 !== 0,
  }));
  const spec = new Y.Doc();
  fillDemoCredentialSpec(spec);
  replaceRows(spec, CREDENTIAL_SPEC, "competencies", rows);
  const competencies: ProjectedCompetency[] = rows.map((row) => ({
    id: row.id as string,
    code: row.code as string,
    title: row.title as string,
    framework,
    level: row.level as string,
    essential: row.essential as boolean,
  }));
  // The route is not offered here: the matrix is measured, not the route's rule.
  setValue(spec, CREDENTIAL_SPEC, "assessmentOnlyRoute", false);
  const plan = new Y.Doc();
  fillDemoAssessmentPlan(plan, competencies, { credentialSpecId: BIG_SPEC });
  fillBigMatrix(plan, competencies);
  const planFields = canonicalDocument(plan, ASSESSMENT_PLAN).fields;
  await db.insert(documents).values([
    { id: BIG_SPEC, projectId: DEMO_PROJECT_ID, kind: "credential_spec", title: `Plumber (${nodes.length} competencies)`, createdBy: "demo-user-college" },
    { id: BIG_PLAN, projectId: DEMO_PROJECT_ID, kind: "assessment_plan", title: `Plumber (${nodes.length} competencies) — assessment plan`, createdBy: "demo-user-college" },
  ]);
  await appendUpdates(db, [
    { documentId: BIG_SPEC, update: Y.encodeStateAsUpdate(spec) },
    { documentId: BIG_PLAN, update: Y.encodeStateAsUpdate(plan) },
  ]);
  spec.destroy();
  plan.destroy();
  // In link order, as the seed does: the plan reads the specification's projected competencies.
  const projected = await refreshProjection(db, BIG_SPEC);
  const linked = projected?.projection.competencies.filter((c) => c.competencyId).length ?? 0;
  if (linked !== nodes.length) throw new Error(`only ${linked} of ${nodes.length} competencies were linked to the library`);
  await refreshProjection(db, BIG_PLAN);
  return { fields: planFields, context: { linkedCompetencies: projected!.projection.competencies, linkedKeyFields: projected!.projection.keyFields } };
}

const BIG_ASSESSMENTS = 60;
const SOFT_ASSESSMENTS = 5;
const DIRECT_PER_COMPETENCY = 11;

/**
 * The big plan's matrix: 60 assessments (54 direct, 6 soft), the first 500 competencies (a sixth
 * of smaller sets) ticked by the 5 soft ones only, every other competency by 11 direct ones —
 * 30,000 ticks for 3,000 competencies — and the first assessment ticking nothing (what "Map N
 * competencies" then fills).
 */
function fillBigMatrix(plan: Y.Doc, competencies: readonly ProjectedCompetency[]): void {
  const direct = ASSESSMENT_METHODS.filter((method) => method.evidence === "direct");
  const soft = ASSESSMENT_METHODS.filter((method) => method.evidence === "soft");
  const firstSoft = BIG_ASSESSMENTS - soft.length * 2;
  const rows = Array.from({ length: BIG_ASSESSMENTS }, (_, a) => {
    const method = a < firstSoft ? direct[a % direct.length]! : soft[(a - firstSoft) % soft.length]!;
    return {
      id: `bench-a${a}`,
      name: `${String(a + 1).padStart(2, "0")} ${method.label}`,
      method: method.value,
      setting: a % 3 === 0 ? "workplace" : "institution",
      assessor: a % 3 === 0 ? "employer" : "institution",
      identityVerification: "photo_id",
      requiredLevel: "Level 2 — Developing",
      validatedBy: "Northwind Energy's subject-matter expert",
    };
  });
  const softOnly = Math.min(500, Math.floor(competencies.length / 6));
  const byAssessment = new Map<string, string[]>();
  const tick = (a: number, competencyId: string) => byAssessment.set(`bench-a${a}`, [...(byAssessment.get(`bench-a${a}`) ?? []), competencyId]);
  competencies.forEach((competency, i) => {
    if (i < softOnly) for (let k = 0; k < SOFT_ASSESSMENTS; k++) tick(firstSoft + k, competency.id);
    else for (let k = 0; k < DIRECT_PER_COMPETENCY; k++) tick(1 + ((i + 5 * k) % (firstSoft - 1)), competency.id);
  });
  plan.transact(() => {
    setValues(plan, ASSESSMENT_PLAN, { assessmentOnlyOffered: false });
    replaceRows(plan, ASSESSMENT_PLAN, "assessments", rows);
    const cells = coverageMap(plan, "coverage")!;
    for (const key of [...cells.keys()]) cells.delete(key);
    for (const [assessmentId, ids] of byAssessment) setCoverage(plan, ASSESSMENT_PLAN, "coverage", assessmentId, ids, true);
  });
}

/** A plan's canonical fields with what its coverage is computed against. */
type CoverageCase = { fields: CanonicalFields; context: ModelContext };

/** The demo plan as the seed writes it, against the demo specification's projected competencies. */
function demoCoverageCase(): CoverageCase {
  const spec = new Y.Doc();
  fillDemoCredentialSpec(spec);
  const projected = projectDocument(canonicalDocument(spec, CREDENTIAL_SPEC), CREDENTIAL_SPEC);
  const plan = new Y.Doc();
  fillDemoAssessmentPlan(plan, projected.competencies);
  const fields = canonicalDocument(plan, ASSESSMENT_PLAN).fields;
  spec.destroy();
  plan.destroy();
  return { fields, context: { linkedCompetencies: projected.competencies, linkedKeyFields: projected.keyFields } };
}

/** Milliseconds of planCoverage over fresh copies (its cache is keyed by the matrix's array). */
function timeServerCoverage(coverageCase: CoverageCase, runs = 20): number[] {
  const figures: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const fields = { ...coverageCase.fields, coverage: [...((coverageCase.fields.coverage as string[] | null) ?? [])] };
    const started = performance.now();
    const report = planCoverage(fields, coverageCase.context);
    const elapsed = performance.now() - started;
    if (!report) throw new Error("no coverage report: the plan has no specification");
    if (run > 0) figures.push(elapsed);
  }
  return figures;
}

/*
 * Scripts run in the pages are plain strings: tsx (esbuild, keepNames) would wrap named functions of
 * this file in a `__name` helper the page does not have.
 */

/** Runs in the page before its own scripts: records when it is connected and a live editor is editable. */
const USABLE_PROBE = `(() => {
  const check = () => {
    if (window.__benchUsable !== undefined) return;
    const status = document.querySelector('.connection[role="status"]');
    const editable = document.querySelector('.rich-text--live[role="textbox"][contenteditable="true"]');
    if (status && status.textContent.trim() === "Connected" && editable) {
      window.__benchUsable = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["contenteditable", "class"] });
})();`;

/** In the watcher's page: the epoch time each letter typed after `marker` appeared in the block. */
const watchLetters = (label: string, marker: string) => `(() => {
  const element = document.querySelector(${JSON.stringify(`[role="textbox"][aria-label="${label}"]`)});
  const marker = ${JSON.stringify(marker)};
  window.__benchSeen = [];
  const update = () => {
    const text = element.textContent || "";
    const at = text.lastIndexOf(marker);
    if (at < 0) return;
    let typed = 0;
    while (/[a-z]/.test(text.charAt(at + marker.length + typed))) typed++;
    const now = performance.timeOrigin + performance.now();
    while (window.__benchSeen.length < typed) window.__benchSeen.push(now);
  };
  new MutationObserver(update).observe(element, { subtree: true, childList: true, characterData: true });
})()`;

/** In the typist's page: the epoch time of each letter's keydown. */
const RECORD_KEYDOWNS = `(() => {
  window.__benchKeydowns = [];
  window.addEventListener("keydown", (event) => { if (event.key.length === 1) window.__benchKeydowns.push(performance.timeOrigin + event.timeStamp); }, true);
})()`;

async function signedInContext(browser: Browser, baseUrl: string, email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: USABLE_PROBE });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor({ timeout: 30_000 });
  await page.close();
  return context;
}

/** Opens `path` in a new page; milliseconds from navigation start until usable, or Infinity past the timeout. */
async function openUsable(context: BrowserContext, path: string, timeoutS: number): Promise<{ page: Page; ms: number }> {
  const page = await context.newPage();
  try {
    await page.goto(path, { waitUntil: "commit", timeout: timeoutS * 1000 });
    const handle = await page.waitForFunction("window.__benchUsable", null, { timeout: timeoutS * 1000, polling: 100 });
    return { page, ms: (await handle.jsonValue()) as number };
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return { page, ms: Infinity };
    throw error;
  }
}

async function measureUsable(context: BrowserContext, path: string, runs: number, timeoutS: number): Promise<number[]> {
  const figures: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { page, ms } = await openUsable(context, path, timeoutS);
    figures.push(ms);
    await page.close();
    log(`  ${path}: usable in ${formatMs(ms, timeoutS)}`);
    // The server unloads the document after 200 ms without sockets: every load is a cold open.
    await sleep(500);
    if (ms === Infinity) break;
  }
  return figures;
}

type KeystrokeFigures = { latencies: number[]; typed: number; seen: number; note?: string };

async function measureKeystrokes(
  typistContext: BrowserContext,
  watcherContext: BrowserContext,
  path: string,
  config: Config,
): Promise<KeystrokeFigures> {
  const typist = await openUsable(typistContext, path, config.pageTimeout);
  const watcher = await openUsable(watcherContext, path, config.pageTimeout);
  try {
    if (typist.ms === Infinity || watcher.ms === Infinity) return { latencies: [], typed: 0, seen: 0, note: "page not usable in time" };
    const marker = `bench${generateId(6).toLowerCase().replace(/[^a-z]/g, "x")}:`;
    // CSS, not getByRole: the role engine walks the whole DOM.
    const editor = typist.page.locator(`[role="textbox"][aria-label="${BLOCK}"]`);
    await editor.click();
    await typist.page.keyboard.press("Control+End");
    await typist.page.keyboard.press("Enter");
    await typist.page.keyboard.type(marker);
    await watcher.page.waitForFunction(
      `(document.querySelector(${JSON.stringify(`[role="textbox"][aria-label="${BLOCK}"]`)})?.textContent ?? "").includes(${JSON.stringify(marker)})`,
      null,
      { timeout: 60_000, polling: 100 },
    );
    await watcher.page.evaluate(watchLetters(BLOCK, marker));
    await typist.page.evaluate(RECORD_KEYDOWNS);
    const period = 1000 / config.rate;
    const started = performance.now();
    for (let i = 0; i < config.keystrokes; i++) {
      const wait = started + i * period - performance.now();
      if (wait > 0) await sleep(wait);
      await typist.page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    }
    const deadline = performance.now() + 30_000;
    let seen: number[] = [];
    while (performance.now() < deadline) {
      seen = (await watcher.page.evaluate("window.__benchSeen")) as number[];
      if (seen.length >= config.keystrokes) break;
      await sleep(100);
    }
    const keydowns = (await typist.page.evaluate("window.__benchKeydowns")) as number[];
    const latencies = seen.slice(0, keydowns.length).map((at, i) => at - keydowns[i]!);
    return { latencies, typed: keydowns.length, seen: seen.length, ...(seen.length < config.keystrokes ? { note: `${config.keystrokes - seen.length} letters not seen 30 s after typing` } : {}) };
  } finally {
    await typist.page.close();
    await watcher.page.close();
  }
}

// The coverage matrix (scripts as strings, see above).

/** The grid's first cell checkbox: the one toggled, by its accessible name. */
const FIRST_CELL = `document.querySelector('[role="grid"] [role="gridcell"] input[type="checkbox"]')?.getAttribute("aria-label") ?? null`;

/** In the watcher's page: the epoch time of each class change of one gridcell (ticked ⇄ not). */
const watchCell = (selector: string) => `(() => {
  const cell = document.querySelector(${JSON.stringify(selector)})?.closest('[role="gridcell"]');
  window.__benchCell = [];
  if (!cell) return false;
  let on = cell.classList.contains("cov__cell--on");
  new MutationObserver(() => {
    const now = cell.classList.contains("cov__cell--on");
    if (now !== on) { on = now; window.__benchCell.push(performance.timeOrigin + performance.now()); }
  }).observe(cell, { attributes: true, attributeFilter: ["class"] });
  return true;
})()`;

/** In the typist's page: the epoch time of each click on elements matching `selector`. */
const recordClicks = (selector: string) => `(() => {
  window.__benchClicks = [];
  window.addEventListener("click", (event) => { if (event.target instanceof Element && event.target.matches(${JSON.stringify(selector)})) window.__benchClicks.push(performance.timeOrigin + event.timeStamp); }, true);
})()`;

/** The first cell of the first assessment's column that is not ticked, on the watcher's screen. */
const FIRST_OFF_IN_FIRST_COLUMN = `(() => {
  const cell = [...document.querySelectorAll('[role="grid"] [role="gridcell"][aria-colindex="2"]')].find((c) => !c.classList.contains("cov__cell--on"));
  return cell?.querySelector('input[type="checkbox"]')?.getAttribute("aria-label") ?? null;
})()`;

const COVERAGE_MEASURES = `performance.getEntriesByName("concord:coverage").map((entry) => entry.duration)`;

type MatrixFigures = {
  /** Durations of the page's coverage computations (load, ticks, mapping). */
  coverageMs: number[];
  tickLatencies: number[];
  mapMs: number;
  mapCount: number;
  note?: string;
};

async function waitForEpochs(page: Page, expression: string, count: number, timeoutMs: number): Promise<number[]> {
  const deadline = performance.now() + timeoutMs;
  let seen: number[] = [];
  while (performance.now() < deadline) {
    seen = (await page.evaluate(expression)) as number[];
    if (seen.length >= count) break;
    await sleep(50);
  }
  return seen;
}

/** Ticks and a bulk mapping on a plan, by Daniel, watched by Maya (see the header). */
async function measureMatrix(typistContext: BrowserContext, watcherContext: BrowserContext, path: string, config: Config, softOnlyFilter: boolean): Promise<MatrixFigures> {
  const typist = await openUsable(typistContext, path, config.planTimeout);
  const watcher = await openUsable(watcherContext, path, config.planTimeout);
  const empty: MatrixFigures = { coverageMs: [], tickLatencies: [], mapMs: NaN, mapCount: 0 };
  try {
    if (typist.ms === Infinity || watcher.ms === Infinity) return { ...empty, note: "plan not usable in time" };
    for (const page of [typist.page, watcher.page]) {
      await page.waitForFunction(`${FIRST_CELL} !== null`, null, { timeout: 60_000, polling: 100 });
      await page.locator('[role="grid"]').scrollIntoViewIfNeeded();
    }
    const label = (await typist.page.evaluate(FIRST_CELL)) as string;
    const cellSelector = `input[type="checkbox"][aria-label="${label.replaceAll('"', '\\"')}"]`;
    if (!(await watcher.page.evaluate(watchCell(cellSelector)))) return { ...empty, note: `the watcher has no cell "${label}"` };
    await typist.page.evaluate(recordClicks(cellSelector));
    const period = 1000 / config.rate;
    const started = performance.now();
    for (let i = 0; i < config.ticks; i++) {
      const wait = started + i * period - performance.now();
      if (wait > 0) await sleep(wait);
      await typist.page.locator(cellSelector).click();
    }
    const seen = await waitForEpochs(watcher.page, "window.__benchCell", config.ticks, 30_000);
    const clicks = (await typist.page.evaluate("window.__benchClicks")) as number[];
    const tickLatencies = seen.slice(0, clicks.length).map((at, i) => at - clicks[i]!);

    // One action: the soft-only competencies (or everything shown) mapped to the first assessment.
    const coverage = typist.page.locator("#section-coverage");
    if (softOnlyFilter) await coverage.getByRole("checkbox", { name: "Soft evidence only", exact: true }).check();
    await coverage.getByRole("checkbox", { name: "Select all shown", exact: true }).check();
    const map = coverage.getByRole("button", { name: /^Map \d[\d,]* compet/ });
    const mapCount = Number(((await map.textContent()) ?? "").replace(/\D/g, ""));
    const target = (await watcher.page.evaluate(FIRST_OFF_IN_FIRST_COLUMN)) as string | null;
    if (!target) return { ...empty, tickLatencies, note: "no unticked cell in the first column to watch" };
    await watcher.page.evaluate(watchCell(`input[type="checkbox"][aria-label="${target.replaceAll('"', '\\"')}"]`));
    await typist.page.evaluate(recordClicks("button"));
    await map.click();
    const flipped = await waitForEpochs(watcher.page, "window.__benchCell", 1, 30_000);
    const mapClicks = (await typist.page.evaluate("window.__benchClicks")) as number[];
    const mapMs = flipped[0] !== undefined && mapClicks[0] !== undefined ? flipped[0] - mapClicks[0] : NaN;
    await sleep(500);
    const coverageMs = [...((await typist.page.evaluate(COVERAGE_MEASURES)) as number[]), ...((await watcher.page.evaluate(COVERAGE_MEASURES)) as number[])];
    return {
      coverageMs,
      tickLatencies,
      mapMs,
      mapCount,
      ...(seen.length < config.ticks ? { note: `${config.ticks - seen.length} ticks not seen 30 s after clicking` } : {}),
    };
  } finally {
    await typist.page.close();
    await watcher.page.close();
  }
}

type PageFigures = {
  specUsable: { demo: number[]; big: number[] };
  planUsable: { demo: number[]; big: number[] } | undefined;
  matrix: { demo: MatrixFigures; big: MatrixFigures } | undefined;
  keystrokes: { demo: KeystrokeFigures; big: KeystrokeFigures };
};

async function pages(config: Config, nodes: TradeNode[], onBigPlan: (coverageCase: CoverageCase) => void): Promise<PageFigures> {
  const server = await startTestServer({ env: { COLLAB_UNLOAD_GRACE_MS: "200" } });
  let browser: Browser | undefined;
  try {
    log(`  server on ${server.url}; adding the ${nodes.length}-competency specification and its assessment plan`);
    const setupStarted = performance.now();
    onBigPlan(await addBigDocuments(server.database.db, nodes));
    log(`  documents written and projected in ${(performance.now() - setupStarted).toFixed(0)} ms`);
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    });
    const typistContext = await signedInContext(browser, server.url, TYPIST);
    const watcherContext = await signedInContext(browser, server.url, WATCHER);
    // Warm-up, not measured: the app's scripts and styles in both contexts' HTTP caches.
    for (const context of [typistContext, watcherContext]) {
      const { page } = await openUsable(context, `/documents/${DEMO_SPEC}?edit`, config.pageTimeout);
      await page.close();
    }
    await sleep(500);
    const specUsable = {
      demo: await measureUsable(typistContext, `/documents/${DEMO_SPEC}?edit`, config.pageRuns, config.pageTimeout),
      big: await measureUsable(typistContext, `/documents/${BIG_SPEC}?edit`, config.pageRuns, config.pageTimeout),
    };
    log(`  keystrokes on the demo specification (${config.keystrokes} at ${config.rate}/s)`);
    const demoKeys = await measureKeystrokes(typistContext, watcherContext, `/documents/${DEMO_SPEC}?edit`, config);
    log(`  keystrokes on the ${nodes.length}-competency specification`);
    const bigKeys = await measureKeystrokes(typistContext, watcherContext, `/documents/${BIG_SPEC}?edit`, config);
    let planUsable: PageFigures["planUsable"];
    let matrix: PageFigures["matrix"];
    if (config.plan) {
      planUsable = {
        demo: await measureUsable(typistContext, `/documents/${DEMO_PLAN}?edit`, config.pageRuns, config.planTimeout),
        big: await measureUsable(typistContext, `/documents/${BIG_PLAN}?edit`, config.pageRuns, config.planTimeout),
      };
      log(`  coverage matrix of the demo plan (${config.ticks} ticks at ${config.rate}/s, then one mapping)`);
      const demo = await measureMatrix(typistContext, watcherContext, `/documents/${DEMO_PLAN}?edit`, config, false);
      log(`  coverage matrix of the ${nodes.length}-competency plan`);
      const big = await measureMatrix(typistContext, watcherContext, `/documents/${BIG_PLAN}?edit`, config, true);
      matrix = { demo, big };
    }
    return { specUsable, planUsable, matrix, keystrokes: { demo: demoKeys, big: bigKeys } };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function formatMs(ms: number, timeoutS?: number): string {
  if (ms === Infinity) return `> ${timeoutS ?? "?"} s`;
  if (!Number.isFinite(ms)) return "—";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function ratio(big: number, demo: number, timeoutS?: number): string {
  if (!Number.isFinite(demo) || demo <= 0) return "—";
  if (big === Infinity) return timeoutS ? `> ${((timeoutS * 1000) / demo).toFixed(0)}×` : "—";
  return `${(big / demo).toFixed(2)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

const met = (ok: boolean) => (ok ? "met" : "NOT met");

async function main() {
  const config = readConfig(process.argv.slice(2));
  const startedAt = new Date();
  log(`bench:scale — ${config.competencies} competencies, ${process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? "Postgres" : "PGlite in memory"}, ${startedAt.toISOString()}`);
  const nodes = tradeStandard(config.competencies);
  const tradeFile = tradeCtdlAsnCsv(nodes);
  log(`generated standard: ${nodes.length} competencies (${nodes.filter((n) => n.level === "Sub-task").length} sub-tasks), CTDL-ASN CSV of ${(tradeFile.byteLength / 1024).toFixed(0)} KiB`);

  log("\n1. import and search");
  const library = await importAndSearch(config, tradeFile);
  let pageFigures: PageFigures | undefined;
  let bigPlan: CoverageCase | undefined;
  if (config.pages) {
    log("\n2. pages in Chromium");
    pageFigures = await pages(config, nodes, (coverageCase) => (bigPlan = coverageCase));
  }
  log("\n3. coverage on the server");
  const serverCoverage = { demo: timeServerCoverage(demoCoverageCase()), big: bigPlan ? timeServerCoverage(bigPlan) : [] };

  const n = nodes.length.toLocaleString("en-CA");
  const sorted = (values: number[]) => Float64Array.from(values).sort();
  const rows: string[][] = [["", "demo", n, "ratio", "target"]];
  const demoImport = median(library.demo.importMs);
  const bigImport = median(library.trade.importMs);
  rows.push([`import, median of ${config.importRuns} (${library.demo.competencies} | ${library.trade.competencies} competencies)`, formatMs(demoImport), formatMs(bigImport), ratio(bigImport, demoImport), `< 3 s: ${met(bigImport < 3000)}`]);
  for (const p of [50, 95]) {
    const demo = percentile(sorted(library.demo.searchMs), p);
    const big = percentile(sorted(library.trade.searchMs), p);
    rows.push([`search p${p} (${QUERIES.length} queries × ${config.searchRounds})`, formatMs(demo), formatMs(big), ratio(big, demo), `< 100 ms: ${met(big < 100)}`]);
  }
  if (pageFigures) {
    const { specUsable, planUsable, keystrokes } = pageFigures;
    const demoSpec = median(specUsable.demo);
    const bigSpec = median(specUsable.big);
    rows.push([`specification usable, median of ${config.pageRuns} (8 | ${n} competencies)`, formatMs(demoSpec, config.pageTimeout), formatMs(bigSpec, config.pageTimeout), ratio(bigSpec, demoSpec, config.pageTimeout), `< 1.5 s: ${met(bigSpec < 1500)}`]);
    const demoP95 = percentile(sorted(keystrokes.demo.latencies), 95);
    const bigP95 = percentile(sorted(keystrokes.big.latencies), 95);
    for (const p of [50, 95]) {
      const demo = percentile(sorted(keystrokes.demo.latencies), p);
      const big = percentile(sorted(keystrokes.big.latencies), p);
      rows.push([
        `keystroke reaches colleague p${p} (${config.keystrokes} at ${config.rate}/s)`,
        formatMs(demo),
        formatMs(big),
        ratio(big, demo),
        p === 95 ? `≤ 1.2× demo: ${met(keystrokes.big.seen >= config.keystrokes && bigP95 <= 1.2 * demoP95)}` : "",
      ]);
    }
    if (planUsable) {
      const demoPlan = median(planUsable.demo);
      const bigPlan = median(planUsable.big);
      rows.push([
        `assessment plan usable, median of ${config.pageRuns} (8 × 6 | ${n} × 60, 30,000 ticks)`,
        formatMs(demoPlan, config.planTimeout),
        formatMs(bigPlan, config.planTimeout),
        ratio(bigPlan, demoPlan, config.planTimeout),
        `< 1.5 s: ${met(bigPlan < 1500)}`,
      ]);
    }
    if (pageFigures.matrix) {
      const { demo, big } = pageFigures.matrix;
      const demoMax = Math.max(...demo.coverageMs);
      const bigMax = Math.max(...big.coverageMs);
      rows.push([`coverage computed in the browser, slowest of ${big.coverageMs.length}`, formatMs(demoMax), formatMs(bigMax), ratio(bigMax, demoMax), `< 50 ms: ${met(bigMax < 50)}`]);
      const demoTickP95 = percentile(sorted(demo.tickLatencies), 95);
      const bigTickP95 = percentile(sorted(big.tickLatencies), 95);
      for (const p of [50, 95]) {
        const d = percentile(sorted(demo.tickLatencies), p);
        const b = percentile(sorted(big.tickLatencies), p);
        rows.push([
          `tick reaches colleague p${p} (${config.ticks} at ${config.rate}/s)`,
          formatMs(d),
          formatMs(b),
          ratio(b, d),
          p === 95 ? `≤ 1.2× demo: ${met(big.tickLatencies.length >= config.ticks && bigTickP95 <= 1.2 * demoTickP95)}` : "",
        ]);
      }
      rows.push([`map in one action reaches colleague (${demo.mapCount} | ${big.mapCount} competencies)`, formatMs(demo.mapMs), formatMs(big.mapMs), ratio(big.mapMs, demo.mapMs), `< 500 ms: ${met(big.mapMs < 500)}`]);
      for (const [label, figures] of [
        ["demo plan", demo],
        [`${n} plan`, big],
      ] as const) {
        if (figures.note) log(`note (${label}): ${figures.note}`);
      }
    }
    for (const [label, figures] of [
      ["demo", keystrokes.demo],
      [n, keystrokes.big],
    ] as const) {
      if (figures.note) log(`note (${label} keystrokes): ${figures.note}`);
    }
  }
  if (serverCoverage.big.length) {
    const demo = median(serverCoverage.demo);
    const big = median(serverCoverage.big);
    const bigP95 = percentile(sorted(serverCoverage.big), 95);
    rows.push([`coverage computed on the server, median (p95) of 20`, formatMs(demo), `${formatMs(big)} (${formatMs(bigP95)})`, ratio(big, demo), `< 50 ms: ${met(bigP95 < 50)}`]);
  }
  log("\n4. demand data");
  const demand = await demandFigures(config);
  rows.push([`demand import (${config.demandRows.toLocaleString("en-CA")} rows)`, "", formatMs(demand.importMs), "", `< 5 s: ${met(demand.importMs < 5000)}`]);
  rows.push([`demand section on the server, median (p95) of 20 (${n} competencies)`, "", `${formatMs(median(demand.sectionMs))} (${formatMs(percentile(sorted(demand.sectionMs), 95))})`, "", `< 300 ms: ${met(percentile(sorted(demand.sectionMs), 95) < 300)}`]);
  log(`\nResults (${startedAt.toISOString().slice(0, 10)}, ${Math.round((Date.now() - startedAt.getTime()) / 1000)} s):\n`);
  log(table(rows));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
