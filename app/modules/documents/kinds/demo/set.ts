/**
 * The demo project's three documents as one set — kinds, titles and content builders, linked to
 * each other by the ids given — so the demo seed (db/seed/demo.ts) and the read-only sample project
 * (app/modules/projects/sample-project.server.ts) write the same content from one source.
 */
import * as Y from "yjs";
import type { DocumentKind } from "~/modules/permissions/roles";
import { fillDemoAssessmentPlan } from "~/modules/documents/kinds/demo/assessment-plan";
import { fillDemoCredentialSpec } from "~/modules/documents/kinds/demo/credential-spec";
import { fillDemoWblAgreement } from "~/modules/documents/kinds/demo/wbl-agreement";

export type DemoDocumentIds = { spec: string; plan: string; wbl: string };

export type DemoDocument = {
  id: string;
  kind: DocumentKind;
  title: string;
  /** Writes the document's demo content into a Y.Doc (fresh, or holding the template). */
  fill: (ydoc: Y.Doc) => void;
};

/** In link order: the plan reads the specification, the agreement the plan (projections too). */
export function demoDocumentSet(ids: DemoDocumentIds): DemoDocument[] {
  return [
    { id: ids.spec, kind: "credential_spec", title: "Climate Adaptation Practitioner", fill: (ydoc) => void fillDemoCredentialSpec(ydoc) },
    {
      id: ids.plan,
      kind: "assessment_plan",
      title: "Climate Adaptation Practitioner — assessment plan",
      // The plan's rows are the specification's competencies, with their fixed ids.
      fill: (ydoc) => {
        const spec = new Y.Doc();
        try {
          fillDemoAssessmentPlan(ydoc, fillDemoCredentialSpec(spec), { credentialSpecId: ids.spec });
        } finally {
          spec.destroy();
        }
      },
    },
    {
      id: ids.wbl,
      kind: "wbl_agreement",
      title: "Northwind Energy and Lakeshore College — work-based learning agreement",
      fill: (ydoc) => fillDemoWblAgreement(ydoc, { assessmentPlanId: ids.plan }),
    },
  ];
}
