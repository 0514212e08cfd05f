/**
 * Integration: sign-off waits for coverage (issue #14), on the real schema — the server refuses
 * "Request sign-off" on a plan with gaps and on a specification whose plan has gaps, with the
 * words the panel shows on the disabled button, and lets it through once every essential
 * competency is assessed.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { NO_LIVE_DOCUMENTS } from "~/modules/documents/live-documents";
import { refreshProjection } from "~/modules/documents/projection.server";
import { runSignoffCommand } from "~/modules/signoff/signoff.server";
import { signoffPanel } from "~/modules/signoff/read-models/panel.server";
import { editDocument, NO_REQUEST, testDocument, testProject } from "../../../test/support/documents";
import { useTestDatabase } from "../../../test/support/use-test-database";

useTestDatabase();

async function specAndPlan() {
  const project = await testProject();
  const spec = await testDocument(project.projectId, project.lead.id, "credential_spec", "Wind Turbine Technician");
  await editDocument(spec, "credential_spec", {
    rows: {
      competencies: [
        { id: "c1", source: "custom", code: "WTT-1", title: "Work safely at height", essential: true },
        { id: "c2", source: "custom", code: "WTT-2", title: "Inspect blades", essential: true },
        { id: "c3", source: "custom", code: "WTT-3", title: "Explain turbine history", essential: false },
      ],
    },
  });
  const plan = await testDocument(project.projectId, project.lead.id, "assessment_plan", "Wind Turbine Technician — assessment plan");
  await editDocument(plan, "assessment_plan", {
    fields: { credentialSpecId: spec },
    rows: {
      assessments: [
        { id: "visit", name: "Site visit", method: "observation", setting: "workplace" },
        { id: "log", name: "Log-book", method: "logbook_signoff", setting: "workplace" },
      ],
    },
    coverage: { visit: ["c1"], log: ["c2"] },
  });
  // In link order, as the collaboration server does after each change.
  await refreshProjection(db(), spec);
  await refreshProjection(db(), plan);
  return { ...project, spec, plan };
}

const request = (documentId: string, userId: string) => runSignoffCommand(documentId, userId, { type: "request_signoff" }, NO_REQUEST, NO_LIVE_DOCUMENTS);

describe("sign-off waits for coverage", () => {
  it("refuses a plan with gaps and its specification, with the panel's words, then lets them through", async () => {
    const { plan, spec, lead } = await specAndPlan();
    // c1 is assessed directly, c2 by soft evidence only (a warning), c3 is optional: nothing blocks.
    let panel = await signoffPanel(lead.id, plan);
    expect(panel.coverage.blocked).toBeNull();
    expect(panel.coverage.warnings).toEqual([expect.stringMatching(/^1 essential competency is assessed by soft evidence only/)]);

    // A new essential competency in the specification is a gap in the plan.
    await editDocument(spec, "credential_spec", { rows: { competencies: [{ id: "c4", source: "custom", code: "WTT-4", title: "Torque bolts", essential: true }] } });
    // Its plan is re-projected as a dependent, as the collaboration server does.
    expect((await refreshProjection(db(), spec))?.dependents).toEqual([plan]);
    await refreshProjection(db(), plan);
    const refused = await request(plan, lead.id);
    expect(refused).toEqual({ ok: false, reason: "coverage_gaps", message: "1 competency has no direct assessment.", status: 409 });
    panel = await signoffPanel(lead.id, plan);
    expect(panel.actions.request).toBe(true);
    expect(panel.coverage.blocked).toEqual({ message: "1 competency has no direct assessment", href: `/documents/${plan}?edit&coverage=gaps#section-coverage` });

    // The specification itself is refused too (read from the plan's durable state), and its panel
    // (read from the plan's projection) points at the plan.
    expect(await request(spec, lead.id)).toMatchObject({ ok: false, reason: "coverage_gaps", message: "1 competency has no direct assessment." });
    expect((await signoffPanel(lead.id, spec)).coverage.blocked?.href).toBe(`/documents/${plan}?edit&coverage=gaps#section-coverage`);

    await editDocument(plan, "assessment_plan", { coverage: { visit: ["c4"] } });
    expect(await request(plan, lead.id)).toMatchObject({ ok: true, status: "in_review" });
    expect(await request(spec, lead.id)).toMatchObject({ ok: true, status: "in_review" });
  });

  it("requires the assessment-only route to cover every essential competency when the specification offers it", async () => {
    const { plan, spec, lead } = await specAndPlan();
    await editDocument(plan, "assessment_plan", { coverage: { visit: ["c2"] } });
    await editDocument(spec, "credential_spec", { fields: { assessmentOnlyRoute: true } });
    await refreshProjection(db(), spec);
    expect(await request(plan, lead.id)).toMatchObject({ ok: false, message: "2 competencies have no direct assessment." });
    await editDocument(plan, "assessment_plan", { rows: { assessments: [{ id: "challenge", name: "Challenge exam", method: "practical_demonstration", setting: "institution", assessmentOnlyRoute: true }] }, coverage: { challenge: ["c1", "c2"] } });
    expect(await request(plan, lead.id)).toMatchObject({ ok: true });
  });

  it("does not gate a plan that is not linked to a specification, nor an agreement", async () => {
    const { projectId, lead } = await testProject();
    const plan = await testDocument(projectId, lead.id, "assessment_plan", "Unlinked plan");
    expect((await signoffPanel(lead.id, plan)).coverage).toEqual({ blocked: null, warnings: [] });
    expect(await request(plan, lead.id)).toMatchObject({ ok: true });
  });
});
