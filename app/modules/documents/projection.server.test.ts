import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { documents } from "../../../db/schema/documents";
import { DEMO_PROJECT_ID, seedDemo } from "../../../db/seed/demo";
import { compactDocument } from "~/modules/documents/store/compaction.server";
import { closeSnapshotCache, newSnapshotCache } from "~/modules/documents/store/snapshot-cache";
import { appendUpdates, countLoggedUpdates, loadDocumentState, loadStoredDocument } from "~/modules/documents/store/stored-document.server";
import { useTestDatabase } from "../../../test/support/use-test-database";
import { createDocument, DocumentRuleError, duplicateDocument, linkableDocuments } from "~/modules/documents/documents.server";
import { addRow, canonicalDocument, readFields, rowsField, setCoverage, setValue, textFragment } from "~/modules/documents/model";
import { refreshProjection, type DocumentContentChanged } from "~/modules/documents/projection.server";

const database = useTestDatabase();
const db = () => database().db;

beforeAll(async () => {
  await seedDemo(db());
});

const heard: DocumentContentChanged[] = [];
const listening = {
  onContentChanged: async (event: DocumentContentChanged) => {
    heard.push(event);
  },
};
afterEach(() => {
  heard.length = 0;
});

async function row(id: string) {
  const [found] = await db().select().from(documents).where(eq(documents.id, id));
  if (!found) throw new Error(`no document ${id}`);
  return found;
}

/** The durable Y.Doc of a document, as the collaboration server would load it. */
async function stored(id: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc();
  const state = await loadDocumentState(db(), id);
  if (state) Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** Edits a document the way a client does: an update appended to the log. */
async function edit(id: string, change: (ydoc: Y.Doc) => void): Promise<void> {
  const ydoc = await stored(id);
  const before = Y.encodeStateVector(ydoc);
  change(ydoc);
  await appendUpdates(db(), [{ documentId: id, update: Y.encodeStateAsUpdate(ydoc, before) }]);
  ydoc.destroy();
}

describe("the demo seed stores complete documents and their projections", () => {
  it("projects the three demo documents: titles, key fields, competencies, all complete and valid", async () => {
    const spec = await row("demo-doc-spec");
    const plan = await row("demo-doc-assessment");
    const wbl = await row("demo-doc-wbl");
    for (const document of [spec, plan, wbl]) {
      expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(document.projectedAt).toBeInstanceOf(Date);
      expect(document.projection?.validationErrors).toEqual([]);
      expect(document.projection?.completeness.missing).toEqual([]);
      expect(document.completenessPercent).toBe(100);
    }
    expect(spec.title).toBe("Climate Adaptation Practitioner");
    expect(spec.projection?.keyFields.shortCode).toBe("CAP-101");
    expect(spec.projection?.competencies.map((c) => c.id)).toContain("cap-c01");
    // The plan has exactly one row per competency of its specification.
    expect(plan.projection?.keyFields.credentialSpecId).toBe("demo-doc-spec");
    expect(plan.projection?.competencies.map((c) => c.id).sort()).toEqual(spec.projection?.competencies.map((c) => c.id).sort());
    expect(wbl.projection?.keyFields.assessmentPlanId).toBe("demo-doc-assessment");
  });

  it("is idempotent: a second seed and a second projection write nothing new", async () => {
    const before = await Promise.all(["demo-doc-spec", "demo-doc-assessment", "demo-doc-wbl"].map(async (id) => [await countLoggedUpdates(db(), id), (await row(id)).contentHash]));
    await seedDemo(db());
    const outcome = await refreshProjection(db(), "demo-doc-assessment", listening);
    expect(outcome?.repaired).toBe(false);
    const after = await Promise.all(["demo-doc-spec", "demo-doc-assessment", "demo-doc-wbl"].map(async (id) => [await countLoggedUpdates(db(), id), (await row(id)).contentHash]));
    expect(after).toEqual(before);
    expect(heard).toEqual([]);
  });
});

describe("refreshProjection", () => {
  it("follows edits: new hash, key fields, title; invalid numbers are kept and reported; the content-change hook hears of it", async () => {
    const id = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "credential_spec", title: "Heat resilience — specification" });
    heard.length = 0;
    const first = await row(id);
    expect(first.projection?.completeness.percent).toBeLessThan(100);
    expect(first.projection?.completeness.missing.map((m) => m.path)).toContain("shortCode");

    await edit(id, (ydoc) => {
      setValue(ydoc, "credential_spec", "shortCode", "HR-201");
      setValue(ydoc, "credential_spec", "learningHours", "12a");
      setValue(ydoc, "credential_spec", "title", "Heat Resilience for Utilities");
    });
    const outcome = await refreshProjection(db(), id, listening);
    const after = await row(id);
    expect(after.contentHash).toBe(outcome?.contentHash);
    expect(after.contentHash).not.toBe(first.contentHash);
    expect(after.title).toBe("Heat Resilience for Utilities");
    expect(after.projection?.keyFields.shortCode).toBe("HR-201");
    // Stored as typed, flagged, never dropped.
    expect(after.projection?.keyFields.learningHours).toBe("12a");
    expect(after.projection?.validationErrors.map((issue) => [issue.path, issue.anchor])).toEqual([["learningHours", "field-learningHours"]]);
    expect(after.projection?.completeness.missing.map((m) => m.path)).not.toContain("shortCode");
    expect(heard).toEqual([{ documentId: id, contentHash: after.contentHash, previousHash: first.contentHash }]);

    // Nothing changed: same hash, no notification, updatedAt kept.
    heard.length = 0;
    await refreshProjection(db(), id, listening);
    expect((await row(id)).contentHash).toBe(after.contentHash);
    expect((await row(id)).updatedAt).toEqual(after.updatedAt);
    expect(heard).toEqual([]);
  });

  it("hashes rich text too", async () => {
    const id = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "credential_spec", title: "Text hashing — specification" });
    const before = (await row(id)).contentHash;
    await edit(id, (ydoc) => {
      const paragraph = textFragment(ydoc, "purpose").get(0) as Y.XmlElement;
      paragraph.insert(0, [new Y.XmlText("For line crews.")]);
    });
    await refreshProjection(db(), id);
    const after = await row(id);
    expect(after.contentHash).not.toBe(before);
    expect(after.projection?.completeness.missing.map((m) => m.path)).not.toContain("text:purpose");
  });

  it("repairs the layout of a document stored without one, once", async () => {
    const id = "raw-layout-doc";
    await db().insert(documents).values({ id, projectId: DEMO_PROJECT_ID, kind: "wbl_agreement", title: "Raw", createdBy: "demo-user-college" });
    const first = await refreshProjection(db(), id);
    expect(first?.repaired).toBe(true);
    const ydoc = await stored(id);
    expect(ydoc.getMap("meta").get("kind")).toBe("wbl_agreement");
    expect(ydoc.getMap("fields").get("parties")).toBeInstanceOf(Y.Array);
    expect((await refreshProjection(db(), id))?.repaired).toBe(false);
    // The database title stays until the document's own title field is filled in.
    expect((await row(id)).title).toBe("Raw");
  });

  it("projects an assessment plan's coverage of its specification, and re-projects it as competencies are added there", async () => {
    const specId = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "credential_spec", title: "Grid operators — specification" });
    await edit(specId, (ydoc) => {
      addRow(ydoc, "credential_spec", "competencies", { source: "custom", code: "GO-1", title: "Switching orders", level: "3", essential: true }, { id: "gc-1" });
    });
    await refreshProjection(db(), specId);

    await expect(createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "assessment_plan", title: "Grid operators — plan" })).rejects.toBeInstanceOf(DocumentRuleError);
    await expect(createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "assessment_plan", title: "Grid operators — plan", linkedDocumentId: "demo-doc-wbl" })).rejects.toThrow(/credential specification of this project/);
    const planId = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "assessment_plan", title: "Grid operators — plan", linkedDocumentId: specId });
    expect(readFields(await stored(planId)).credentialSpecId).toBe(specId);
    let id = "";
    await edit(planId, (ydoc) => {
      id = addRow(ydoc, "assessment_plan", "assessments", { name: "Control-room simulation", method: "simulation", setting: "institution" });
      setCoverage(ydoc, "assessment_plan", "coverage", id, ["gc-1"], true);
    });
    expect((await refreshProjection(db(), planId))?.projection.coverage).toMatchObject({ gaps: 0, essential: { total: 1, direct: 1 } });

    // A competency added to the specification: the spec's projection names the plan as dependent,
    // and the plan's projection now counts a gap — nothing is written to the plan for it.
    await edit(specId, (ydoc) => {
      addRow(ydoc, "credential_spec", "competencies", { source: "custom", code: "GO-2", title: "Outage restoration", level: "3", essential: true }, { id: "gc-2" });
    });
    expect((await refreshProjection(db(), specId))?.dependents).toEqual([planId]);
    const planOutcome = await refreshProjection(db(), planId);
    expect(planOutcome?.repaired).toBe(false);
    expect(planOutcome?.projection.competencies.map((c) => [c.code, c.assessedAtWorkplace])).toEqual([
      ["GO-1", false],
      ["GO-2", false],
    ]);
    expect(planOutcome?.projection.coverage).toMatchObject({ gaps: 1, essential: { total: 2, direct: 1, none: 1 } });
    // Nothing changed in the specification's competencies or key fields since: no dependents.
    expect((await refreshProjection(db(), specId))?.dependents).toEqual([]);
    // Its key fields are read by the plan too (the assessment-only route).
    await edit(specId, (ydoc) => setValue(ydoc, "credential_spec", "assessmentOnlyRoute", true));
    expect((await refreshProjection(db(), specId))?.dependents).toEqual([planId]);
    expect((await refreshProjection(db(), planId))?.projection.coverage).toMatchObject({ gaps: 2, routeGaps: 1 });
  });

  it("migrates a plan written one row per competency once, through the repairs, into assessments and ticked cells", async () => {
    const specId = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "credential_spec", title: "Old plan — specification" });
    await edit(specId, (ydoc) => {
      addRow(ydoc, "credential_spec", "competencies", { source: "custom", code: "OP-1", title: "Read a single-line diagram", essential: true }, { id: "oc-1" });
    });
    await refreshProjection(db(), specId);
    const planId = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "assessment_plan", title: "Old plan", linkedDocumentId: specId });
    // The old layout, as a plan stored before the matrix: one row per competency with its methods.
    await edit(planId, (ydoc) => {
      const old = new Y.Map<unknown>();
      old.set("id", "old-1");
      old.set("competencyId", "oc-1");
      old.set("methods", Y.Array.from(["observation"]));
      old.set("assessor", "employer");
      (ydoc.getMap("fields").get("assessments") as Y.Array<unknown>).push([old]);
    });
    const applied: Uint8Array[] = [];
    const outcome = await refreshProjection(db(), planId, {
      applyUpdate: async (update) => {
        applied.push(update);
        await appendUpdates(db(), [{ documentId: planId, update }]);
      },
    });
    expect(outcome?.repaired).toBe(true);
    expect(applied).toHaveLength(1);
    expect(outcome?.projection.coverage).toMatchObject({ gaps: 0 });
    const fields = readFields(await stored(planId));
    const assessments = fields.assessments as Array<{ id: string; method: string; competencyId?: string }>;
    expect(assessments.map((a) => [a.method, a.competencyId])).toEqual([["observation", undefined]]);
    expect(fields.coverage).toEqual({ [`${assessments[0]!.id}|oc-1`]: true });
    expect((await refreshProjection(db(), planId))?.repaired).toBe(false);
  });

  it("with an open room's snapshot cache: starts from the snapshot held there, leaves it current, starts over when the snapshot moved", async () => {
    const id = await createDocument(DEMO_PROJECT_ID, "demo-user-college", { kind: "credential_spec", title: "Cached — specification" });
    const shortCode = (code: string) => edit(id, (ydoc) => setValue(ydoc, "credential_spec", "shortCode", code));
    await compactDocument(db(), id);
    const cache = newSnapshotCache();

    await shortCode("C-1");
    expect((await refreshProjection(db(), id, { snapshotCache: cache }))?.projection.keyFields.shortCode).toBe("C-1");
    const held = cache.current;
    expect(held?.compactions).toBe(1);
    // What it holds is the durable document (snapshot + log), nothing else.
    expect(canonicalDocument(held!.doc, "credential_spec")).toEqual(canonicalDocument(await stored(id), "credential_spec"));
    // The stored snapshot is not read again while it is the one held.
    expect((await loadStoredDocument(db(), id, 1)).snapshot).toBeNull();

    await shortCode("C-2");
    const second = await refreshProjection(db(), id, { snapshotCache: cache });
    expect(cache.current?.doc).toBe(held!.doc);
    expect(second?.projection.keyFields.shortCode).toBe("C-2");
    expect((await refreshProjection(db(), id))?.contentHash).toBe(second?.contentHash);
    // The room's compaction goes on from the same document.
    await compactDocument(db(), id, cache);
    expect(cache.current).toMatchObject({ doc: held!.doc, compactions: 2 });

    // Another instance compacts: the held document is behind, so the stored snapshot is applied.
    await shortCode("C-3");
    await compactDocument(db(), id);
    await shortCode("C-4");
    expect((await refreshProjection(db(), id, { snapshotCache: cache }))?.projection.keyFields.shortCode).toBe("C-4");
    expect(cache.current?.compactions).toBe(3);
    expect(cache.current?.doc).not.toBe(held!.doc);
    expect(canonicalDocument(cache.current!.doc, "credential_spec")).toEqual(canonicalDocument(await stored(id), "credential_spec"));
    closeSnapshotCache(cache);
  });

  it("answers null for a document that does not exist", async () => {
    expect(await refreshProjection(db(), "no-such-document")).toBeNull();
  });
});

describe("duplicateDocument", () => {
  it("copies the current content as a new draft with a fresh history", async () => {
    await edit("demo-doc-wbl", (ydoc) => setValue(ydoc, "wbl_agreement", "hoursPerWeek", 7));
    const copyId = await duplicateDocument(DEMO_PROJECT_ID, "demo-user-employer", "demo-doc-wbl");
    const copy = await row(copyId);
    expect(copy.kind).toBe("wbl_agreement");
    expect(copy.status).toBe("draft");
    expect(copy.title).toBe("Copy of Northwind Energy and Lakeshore College — work-based learning agreement");
    const source = canonicalDocument(await stored("demo-doc-wbl"), "wbl_agreement");
    const copied = canonicalDocument(await stored(copyId), "wbl_agreement");
    expect(copied.fields.hoursPerWeek).toBe(7);
    expect({ ...copied.fields, title: null }).toEqual({ ...source.fields, title: null });
    expect(copied.text).toEqual(source.text);
    expect(await countLoggedUpdates(db(), copyId)).toBe(1);
    await expect(duplicateDocument("another-project", "demo-user-employer", "demo-doc-wbl")).rejects.toBeInstanceOf(DocumentRuleError);
  });
});

describe("linkableDocuments", () => {
  it("lists the project's specifications and plans with their projected competencies", async () => {
    const linkable = await linkableDocuments(DEMO_PROJECT_ID, "demo-doc-assessment");
    const spec = linkable.find((d) => d.id === "demo-doc-spec");
    expect(spec?.competencies.length).toBeGreaterThan(0);
    expect(linkable.some((d) => d.id === "demo-doc-assessment")).toBe(false);
    expect(linkable.every((d) => d.kind !== "wbl_agreement")).toBe(true);
    // rowsField is what the UI reads for the plan's matrix; the definition is shared.
    expect(rowsField("assessment_plan", "assessments").itemLabel).toBe("assessment");
  });
});
