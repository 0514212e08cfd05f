/**
 * Realistic content for the demo project "Climate Adaptation Practitioner" (seed and tests only;
 * kept out of the model's index so the browser bundle does not carry the prose).
 *
 *   const spec = new Y.Doc();  const competencies = fillDemoCredentialSpec(spec);
 *   const plan = new Y.Doc();  fillDemoAssessmentPlan(plan, competencies);
 *   const wbl  = new Y.Doc();  fillDemoWblAgreement(wbl);
 *
 * Each builder writes the template layout first, then overwrites the demo's fields, rows and rich
 * text, so it works on a fresh Y.Doc and on a document that already has the template.
 */
export { DEMO_COMPETENCIES, demoSpecCompetencies, fillDemoCredentialSpec } from "~/modules/documents/kinds/demo/credential-spec";
export { fillDemoAssessmentPlan } from "~/modules/documents/kinds/demo/assessment-plan";
export { fillDemoWblAgreement } from "~/modules/documents/kinds/demo/wbl-agreement";
