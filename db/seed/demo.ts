/**
 * The demo workspace: five organizations co-designing one credential. Idempotent: fixed ids and
 * ON CONFLICT DO NOTHING, so running it again (npm run seed:demo) changes nothing.
 *
 * The three demo documents get realistic, complete content (the model's demo builders), stored
 * through the collaboration tables like any edit, so the collaboration server loads it.
 */
import { readFileSync } from "node:fs";
import { and, count, desc, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { databaseHandle, setDatabase } from "../../app/db.server";
import { hashPassword } from "../../app/modules/auth/password.server";
import { NO_LIVE_DOCUMENTS } from "../../app/modules/documents/live-documents";
import { documentKindOf, replaceRows, setValues } from "../../app/modules/documents/model";
import { demoDocumentSet, type DemoDocument } from "../../app/modules/documents/kinds/demo/set";
import { refreshProjection } from "../../app/modules/documents/projection.server";
import { appendUpdates, loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import { importFrameworkFile } from "../../app/modules/frameworks/import/import-framework";
import { storeImportedFramework } from "../../app/modules/frameworks/imports.server";
import { parseDemandFile } from "../../app/modules/demand/parse";
import { storeDemandRows } from "../../app/modules/demand/imports.server";
import { SAMPLE_DEMAND_FILE_NAME, SAMPLE_SOURCE_NAME } from "../../app/modules/demand/sample.server";
import { demandImports, demandSignals } from "../schema/demand";
import type { JsonValue } from "../../app/modules/documents/model/types";
import { loadCurrentContent, loadRound, runSignoffCommand, type SignoffCommand } from "../../app/modules/signoff/signoff.server";
import type { Database, DatabaseHandle } from "../client";
import { consortia, consortiumMembers, documents, frameworks, memberships, organizations, projectParticipants, projects, recognitions, signoffRounds, users } from "../schema/index";
import { recognitionsOf, signRecognition } from "../../app/modules/recognitions/recognitions.server";

export const DEMO_PASSWORD = "concord-demo";

type DemoAccount = {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  organization: string;
  kind: "employer" | "institution" | "professional_body" | "qa_agency";
  province: string;
  projectRole: "lead_institution" | "partner_institution" | "employer_partner" | "professional_body" | "qa_reviewer";
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: "demo-user-employer",
    email: "employer@demo.concord.test",
    name: "Maya Okafor",
    organizationId: "demo-org-northwind",
    organization: "Northwind Energy",
    kind: "employer",
    province: "ON",
    projectRole: "employer_partner",
  },
  {
    id: "demo-user-college",
    email: "college@demo.concord.test",
    name: "Daniel Tremblay",
    organizationId: "demo-org-lakeshore",
    organization: "Lakeshore College",
    kind: "institution",
    province: "ON",
    projectRole: "lead_institution",
  },
  {
    id: "demo-user-university",
    email: "university@demo.concord.test",
    name: "Priya Raman",
    organizationId: "demo-org-prairie",
    organization: "Prairie University",
    kind: "institution",
    province: "SK",
    projectRole: "partner_institution",
  },
  {
    id: "demo-user-profbody",
    email: "profbody@demo.concord.test",
    name: "Jordan Lefebvre",
    organizationId: "demo-org-ccpa",
    organization: "Canadian Climate Practitioners Association",
    kind: "professional_body",
    province: "CA",
    projectRole: "professional_body",
  },
  {
    id: "demo-user-qa",
    email: "qa@demo.concord.test",
    name: "Elena Novak",
    organizationId: "demo-org-pqab",
    organization: "Postsecondary Quality Assessment Board",
    kind: "qa_agency",
    province: "ON",
    projectRole: "qa_reviewer",
  },
];

export const DEMO_PROJECT_ID = "demo-project-cap";

/** The demo documents, their content from the one demo set (also the sample project's). */
export const DEMO_DOCUMENTS = demoDocumentSet({ spec: "demo-doc-spec", plan: "demo-doc-assessment", wbl: "demo-doc-wbl" });

export async function seedDemo(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ id: a.id, email: a.email, name: a.name, passwordHash })))
      .onConflictDoNothing();
    await tx
      .insert(organizations)
      .values(DEMO_ACCOUNTS.map((a) => ({ id: a.organizationId, name: a.organization, kind: a.kind, province: a.province })))
      .onConflictDoNothing();
    await tx
      .insert(memberships)
      .values(DEMO_ACCOUNTS.map((a) => ({ userId: a.id, organizationId: a.organizationId, role: "admin" as const })))
      .onConflictDoNothing();
    await tx
      .insert(projects)
      .values({
        id: DEMO_PROJECT_ID,
        title: "Climate Adaptation Practitioner",
        summary:
          "A stackable micro-credential for utility and municipal staff who assess climate risk to infrastructure " +
          "and plan adaptation measures. Lakeshore College leads; Prairie University contributes the flood-risk " +
          "modelling module; Northwind Energy hosts the work placement and validates the assessments; the " +
          "Canadian Climate Practitioners Association aligns it with its competency profile; the Postsecondary " +
          "Quality Assessment Board reviews the design.",
        createdBy: "demo-user-college",
      })
      .onConflictDoNothing();
    await tx
      .insert(projectParticipants)
      .values(DEMO_ACCOUNTS.map((a) => ({ projectId: DEMO_PROJECT_ID, organizationId: a.organizationId, role: a.projectRole })))
      .onConflictDoNothing();
    await tx
      .insert(documents)
      .values(DEMO_DOCUMENTS.map(({ id, kind, title }) => ({ id, kind, title, projectId: DEMO_PROJECT_ID, createdBy: "demo-user-college" })))
      .onConflictDoNothing();
  });
  // The framework first: projecting the specification links its competencies to it.
  await seedDemoFramework(db);
  await seedDemoContent(db, DEMO_DOCUMENTS);
  await seedPublishedCredential(db);
  await seedDemoDemand(db);
}

/**
 * The illustrative sample demand data (db/seed/demand/README.md), imported for Lakeshore College
 * through the same parser and storing code as an upload. Skipped when that organization already
 * holds rows of the sample source.
 */
export async function seedDemoDemand(db: Database): Promise<void> {
  const parsed = parseDemandFile(new Uint8Array(readFileSync(new URL("./demand/sample-demand.csv", import.meta.url))));
  if (parsed.status !== "parsed") throw new Error(`The sample demand data does not import: ${JSON.stringify(parsed)}`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('seed:demand'))`);
    const [existing] = await tx
      .select({ id: demandSignals.id })
      .from(demandSignals)
      .where(and(eq(demandSignals.organizationId, DEMO_FRAMEWORK_OWNER), eq(demandSignals.sourceName, SAMPLE_SOURCE_NAME)))
      .limit(1);
    if (existing) return;
    const importId = `demo-demand-import`;
    await tx.insert(demandImports).values({ id: importId, organizationId: DEMO_FRAMEWORK_OWNER, userId: "demo-user-college", fileName: SAMPLE_DEMAND_FILE_NAME, status: "storing" }).onConflictDoNothing();
    await storeDemandRows(tx, { importId, organizationId: DEMO_FRAMEWORK_OWNER, userId: "demo-user-college", rows: parsed.rows });
  });
}

/** The demo framework file (see db/seed/frameworks/README.md). */
export const DEMO_FRAMEWORK_FILE = new URL("./frameworks/climate-adaptation-practitioner.csv", import.meta.url);
const DEMO_FRAMEWORK_OWNER = "demo-org-lakeshore";

/**
 * Imports the Climate Adaptation Practitioner framework into the library, owned by Lakeshore
 * College, through the same parser and storing code as an upload (synchronously, not as a
 * background job). Skipped when a framework with its source identifier exists: a second run, or
 * people having imported a newer version since, changes nothing.
 */
export async function seedDemoFramework(db: Database): Promise<void> {
  const parsed = importFrameworkFile(new Uint8Array(readFileSync(DEMO_FRAMEWORK_FILE)));
  if (parsed.status !== "imported") throw new Error(`The demo framework does not import: ${JSON.stringify(parsed)}`);
  const sourceIdentifier = parsed.framework.sourceIdentifier!;
  await db.transaction(async (tx) => {
    // Two seeds at once (two processes starting) must not both import it.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`seed:framework:${sourceIdentifier}`}))`);
    const [existing] = await tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.sourceIdentifier, sourceIdentifier)).limit(1);
    if (existing) return;
    await storeImportedFramework(tx, { organizationId: DEMO_FRAMEWORK_OWNER, userId: "demo-user-college", framework: parsed });
  });
}

/**
 * Writes each demo document's content unless it already has structured content (the template's
 * meta, written by an earlier seed or by people since): people's edits are never overwritten, and
 * a second run writes nothing. A document holding older content without the layout (an early
 * "body") gets the demo merged into it. Only the difference is appended, as one update.
 */
async function seedDemoContent(db: Database, set: readonly DemoDocument[]): Promise<void> {
  for (const document of set) {
    await db.transaction(async (tx) => {
      // Two seeds at once (two processes starting) must not both write the content.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`seed:${document.id}`}))`);
      const ydoc = new Y.Doc();
      try {
        const stored = await loadDocumentState(tx, document.id);
        if (stored) Y.applyUpdate(ydoc, stored);
        if (documentKindOf(ydoc) !== null) return;
        const before = Y.encodeStateVector(ydoc);
        document.fill(ydoc);
        await appendUpdates(tx, [{ documentId: document.id, update: Y.encodeStateAsUpdate(ydoc, before) }]);
      } finally {
        ydoc.destroy();
      }
    });
  }
  // In link order: the plan reads the specification's projected competencies, the agreement the plan's.
  for (const document of set) await refreshProjection(db, document.id);
}

/**
 * A second project whose specification is already approved, so the public catalog (/catalog) and
 * the read API are not empty on first start (issue #17). Separate from the demo project: the
 * demo documents keep their draft status (the walkthrough and the e2e tests start from it).
 */
export const DEMO_PUBLISHED_PROJECT_ID = "demo-project-published";
export const DEMO_PUBLISHED_TITLE = "Infrastructure Climate Risk Assessor";
export const DEMO_PUBLISHED_SPEC_ID = "demo-pub-spec";

async function seedPublishedCredential(db: Database): Promise<void> {
  await seedApprovedSpecification(db, {
    projectId: DEMO_PUBLISHED_PROJECT_ID,
    specId: DEMO_PUBLISHED_SPEC_ID,
    planId: "demo-pub-plan",
    title: DEMO_PUBLISHED_TITLE,
    shortCode: "ICRA-100",
    summary:
      "An approved micro-credential from the same five partners, already signed off by every party: it is what the public " +
      "credential catalog and the read API show on first start.",
  });
}

export type ApprovedSpecificationSeed = {
  projectId: string;
  specId: string;
  planId: string;
  title: string;
  shortCode: string;
  summary: string;
  /** Fields of the specification to set over the demo content (e.g. a different cost). */
  values?: Record<string, JsonValue>;
  /** Rows of the specification to set over the demo content's (fixed row ids keep it idempotent). */
  rows?: Record<string, Array<Record<string, JsonValue> & { id: string }>>;
  /** The project's organizations (default: the five demo organizations in their roles). */
  participants?: ReadonlyArray<{ organizationId: string; role: DemoAccount["projectRole"] }>;
  /** Who creates the project and requests the sign-off (default: Lakeshore College's account). */
  leadUserId?: string;
};

/**
 * A project of the five demo organizations holding a specification (the demo content under
 * another title) and its assessment plan, the specification approved through the real sign-off
 * verbs (default template: the partners, then QA; each party by its demo account). Idempotent:
 * skipped once the specification has a round (approved already, or people took it on since).
 * The demo seed makes one; tests make more.
 */
export async function seedApprovedSpecification(db: Database, seed: ApprovedSpecificationSeed): Promise<void> {
  const [spec, plan] = demoDocumentSet({ spec: seed.specId, plan: seed.planId, wbl: `${seed.specId}-wbl` });
  const set: DemoDocument[] = [
    {
      ...spec!,
      title: seed.title,
      fill: (ydoc) => {
        spec!.fill(ydoc);
        setValues(ydoc, "credential_spec", { title: seed.title, shortCode: seed.shortCode, credentialStatus: "active", ...seed.values });
        for (const [key, rows] of Object.entries(seed.rows ?? {})) replaceRows(ydoc, "credential_spec", key, rows);
      },
    },
    { ...plan!, title: `${seed.title} — assessment plan` },
  ];
  const lead = seed.leadUserId ?? "demo-user-college";
  const participants = seed.participants ?? DEMO_ACCOUNTS.map((a) => ({ organizationId: a.organizationId, role: a.projectRole }));
  await db.transaction(async (tx) => {
    await tx.insert(projects).values({ id: seed.projectId, title: seed.title, summary: seed.summary, createdBy: lead }).onConflictDoNothing();
    await tx
      .insert(projectParticipants)
      .values(participants.map((p) => ({ projectId: seed.projectId, organizationId: p.organizationId, role: p.role })))
      .onConflictDoNothing();
    await tx
      .insert(documents)
      .values(set.map(({ id, kind, title }) => ({ id, kind, title, projectId: seed.projectId, createdBy: lead })))
      .onConflictDoNothing();
  });
  await seedDemoContent(db, set);
  await withAppDatabase(db, async () => {
    if (await loadRound(db, seed.specId)) return;
    const meta = { ip: null, userAgent: "demo seed" };
    const run = async (userId: string, command: SignoffCommand) => {
      const result = await runSignoffCommand(seed.specId, userId, command, meta, NO_LIVE_DOCUMENTS);
      if (!result.ok) throw new Error(`The sign-off of ${seed.specId} was refused (${command.type}): ${result.message}`);
    };
    await run(lead, { type: "request_signoff" });
    const versionHash = (await loadCurrentContent(db, seed.specId, "credential_spec")).hash;
    const round = await loadRound(db, seed.specId);
    for (const stage of round?.stages ?? []) {
      for (const organizationId of stage.organizationIds) {
        const account = DEMO_ACCOUNTS.find((a) => a.organizationId === organizationId);
        if (account) await run(account.id, { type: "approve", organizationId, versionHash });
      }
    }
  });
}

/**
 * Runs `work` with `db` as the app's database: the sign-off verbs read it from there, and the
 * seed runs before the server installs it (server/index.ts) or from the seed script.
 */
async function withAppDatabase(db: Database, work: () => Promise<void>): Promise<void> {
  let previous: DatabaseHandle | undefined;
  try {
    previous = databaseHandle();
  } catch {
    previous = undefined;
  }
  if (previous?.db === db) return work();
  setDatabase({ db, kind: "pglite", ping: async () => {}, close: async () => {} });
  try {
    await work();
  } finally {
    setDatabase(previous);
  }
}

/** Seeds only an empty database (first start of the embedded default): the workspace and the consortium. */
export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(db);
  await seedDemoConsortium(db);
  return true;
}

/**
 * The consortium's other institutions (not parties to the demo project): their admin accounts. The
 * Québec cégep works in French — its account's interface language is French (issue #20).
 */
export const CONSORTIUM_ACCOUNTS = [
  {
    id: "demo-user-polytechnic",
    email: "polytechnic@demo.concord.test",
    name: "Aiyana Whitford",
    organizationId: "demo-org-northern-lights",
    organization: "Northern Lights Polytechnic",
    kind: "institution" as const,
    province: "AB",
    locale: null,
  },
  {
    id: "demo-user-cegep",
    email: "cegep@demo.concord.test",
    name: "Élise Gagnon",
    organizationId: "demo-org-val-des-neiges",
    organization: "Cégep de Val-des-Neiges",
    kind: "institution" as const,
    province: "QC",
    locale: "fr",
  },
] as const;

export const DEMO_CONSORTIUM_ID = "demo-consortium-climate";
export const DEMO_CONSORTIUM_NAME = "Climate Adaptation Consortium";
export const DEMO_STACK_ID = "demo-stack-cap";
export const DEMO_STACK_TITLE = "Climate Adaptation Practitioner — stacked credential";
/** The stack's laddering rows: the first signed by Prairie University in the seed, the second left proposed. */
export const DEMO_LADDER_SIGNED = "demo-ladder-bes";
export const DEMO_LADDER_PROPOSED = "demo-ladder-gcrm";

const DEMO_MODULES = [
  { specId: "demo-mod-flood", title: "Flood-Risk Modelling", shortCode: "PU-FRM-210", owner: "Prairie University", organizationId: "demo-org-prairie", userId: "demo-user-university", hours: 45, credits: 1.5 },
  { specId: "demo-mod-risk", title: "Climate Risk Assessment for Infrastructure", shortCode: "LC-CRA-110", owner: "Lakeshore College", organizationId: "demo-org-lakeshore", userId: "demo-user-college", hours: 40, credits: 1 },
  { specId: "demo-mod-plan", title: "Adaptation Planning and Implementation", shortCode: "LC-API-120", owner: "Lakeshore College", organizationId: "demo-org-lakeshore", userId: "demo-user-college", hours: 40, credits: 1 },
] as const;

/**
 * The demo consortium (issue #18), apart from the demo project so its documents and statuses stay
 * as the walkthrough expects: Lakeshore College, Prairie University, Northern Lights Polytechnic and
 * the Cégep de Val-des-Neiges (in French);
 * three approved modules (Prairie's flood-risk modelling, two of Lakeshore's) in their own
 * projects, stacked into an approved stack credential that ladders into two Prairie programs — one
 * recognition signed by Prairie, one proposed. Idempotent like the rest of the demo. Occupations
 * are cleared on these so the catalog's occupation filters still find only the published credential.
 */
export async function seedDemoConsortium(db: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values(CONSORTIUM_ACCOUNTS.map((a) => ({ id: a.id, email: a.email, name: a.name, locale: a.locale, passwordHash })))
      .onConflictDoNothing();
    await tx
      .insert(organizations)
      .values(CONSORTIUM_ACCOUNTS.map((a) => ({ id: a.organizationId, name: a.organization, kind: a.kind, province: a.province })))
      .onConflictDoNothing();
    await tx
      .insert(memberships)
      .values(CONSORTIUM_ACCOUNTS.map((a) => ({ userId: a.id, organizationId: a.organizationId, role: "admin" as const })))
      .onConflictDoNothing();
    await tx.insert(consortia).values({ id: DEMO_CONSORTIUM_ID, name: DEMO_CONSORTIUM_NAME, createdBy: "demo-user-college" }).onConflictDoNothing();
    await tx
      .insert(consortiumMembers)
      .values([
        { consortiumId: DEMO_CONSORTIUM_ID, organizationId: "demo-org-lakeshore", role: "admin" as const },
        { consortiumId: DEMO_CONSORTIUM_ID, organizationId: "demo-org-prairie", role: "member" as const },
        { consortiumId: DEMO_CONSORTIUM_ID, organizationId: "demo-org-northern-lights", role: "member" as const },
        { consortiumId: DEMO_CONSORTIUM_ID, organizationId: "demo-org-val-des-neiges", role: "member" as const },
      ])
      .onConflictDoNothing();
  });
  for (const m of DEMO_MODULES) {
    await seedApprovedSpecification(db, {
      projectId: `${m.specId}-project`,
      specId: m.specId,
      planId: `${m.specId}-plan`,
      title: m.title,
      shortCode: m.shortCode,
      summary: `A module of the ${DEMO_CONSORTIUM_NAME}, owned by ${m.owner}.`,
      values: { credentialKind: "module", learningHours: m.hours, creditValue: m.credits, costCad: 450, timeToCompleteWeeks: 5 },
      rows: { occupations: [], laddersInto: [], stacksInto: [] },
      participants: [{ organizationId: m.organizationId, role: "lead_institution" }],
      leadUserId: m.userId,
    });
  }
  const stackModules = [];
  for (const m of DEMO_MODULES) {
    const [round] = await db
      .select({ versionHash: signoffRounds.currentVersionHash })
      .from(signoffRounds)
      .where(and(eq(signoffRounds.documentId, m.specId), eq(signoffRounds.status, "approved")))
      .orderBy(desc(signoffRounds.number))
      .limit(1);
    if (!round) throw new Error(`The demo module ${m.specId} is not approved`);
    stackModules.push({ id: `${DEMO_STACK_ID}-row-${m.specId}`, moduleDocumentId: m.specId, versionHash: round.versionHash, title: m.title, owner: m.owner, prerequisites: "" });
  }
  const prairie = { institution: "Prairie University", province: "SK" };
  await seedApprovedSpecification(db, {
    projectId: `${DEMO_STACK_ID}-project`,
    specId: DEMO_STACK_ID,
    planId: `${DEMO_STACK_ID}-plan`,
    title: DEMO_STACK_TITLE,
    shortCode: "CAC-CAP-STACK",
    summary: `The ${DEMO_CONSORTIUM_NAME}'s stacked credential: Prairie University's flood-risk modelling and two Lakeshore College modules.`,
    values: { credentialKind: "stack", stackRule: "all", learningHours: 125, creditValue: 3.5, costCad: 1350, timeToCompleteWeeks: 15 },
    rows: {
      occupations: [],
      stacksInto: [],
      stackModules,
      laddersInto: [
        {
          id: DEMO_LADDER_SIGNED,
          program: "Bachelor of Environmental Science (Climate Adaptation)",
          ...prairie,
          creditGranted: 9,
          transcriptable: true,
          transcriptNote: "Transfer credit: ENVS 2xx block",
          standing: "advanced_standing",
          conditions: "Credential completed within the last five years with an overall B average.",
          validFrom: "2026-09-01",
          validTo: "2031-08-31",
        },
        { id: DEMO_LADDER_PROPOSED, program: "Graduate Certificate in Climate Risk Management", ...prairie, creditGranted: 3, transcriptable: false, standing: "credits", validFrom: "2027-01-01" },
      ],
    },
    participants: [
      { organizationId: "demo-org-lakeshore", role: "lead_institution" },
      { organizationId: "demo-org-prairie", role: "partner_institution" },
    ],
  });
  await withAppDatabase(db, async () => {
    const [signed] = await db.select({ id: recognitions.id }).from(recognitions).where(and(eq(recognitions.documentId, DEMO_STACK_ID), eq(recognitions.rowId, DEMO_LADDER_SIGNED)));
    if (signed) return;
    const { versionHash } = await recognitionsOf(PRAIRIE_ADMIN, DEMO_STACK_ID);
    await signRecognition(PRAIRIE_ADMIN, DEMO_STACK_ID, DEMO_LADDER_SIGNED, versionHash, { ip: null, userAgent: "demo seed" });
  });
}

const PRAIRIE_ADMIN = { userId: "demo-user-university", memberships: [{ organizationId: "demo-org-prairie", role: "admin" as const }] };
