/**
 * The read-only sample project: one project with a fixed, well-known id that every signed-in person
 * may read (app/modules/permissions/can.ts), so a new account can see what a finished project looks
 * like before it has one. It has no participants, so it is on nobody's lists as if they took part.
 * Pure: safe for can() and the browser.
 */
export const SAMPLE_PROJECT_ID = "sample-project";

/** The sample's copies of the demo documents (db/seed/demo.ts), linked to each other by these ids. */
export const SAMPLE_DOCUMENT_IDS = { spec: "sample-doc-spec", plan: "sample-doc-assessment", wbl: "sample-doc-wbl" } as const;

export const SAMPLE_LABEL = "Sample";

export function isSampleProject(project: { id?: string }): boolean {
  return project.id === SAMPLE_PROJECT_ID;
}
