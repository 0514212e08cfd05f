/**
 * The demo specification and its assessment plan as canonical content, with the demo project's
 * organizations as an ExportContext: the input of the export and readiness tests.
 */
import * as Y from "yjs";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { buildTemplate } from "~/modules/documents/model/template";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { fillDemoAssessmentPlan, fillDemoCredentialSpec } from "~/modules/documents/kinds/demo/index";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";
import type { ExportContext, ExportOrganization } from "~/modules/exports/context";

export const DEMO_ORGANIZATIONS: ExportOrganization[] = [
  { id: "demo-org-lakeshore", name: "Lakeshore College", kind: "institution", province: "ON", role: "lead_institution" },
  { id: "demo-org-prairie", name: "Prairie University", kind: "institution", province: "SK", role: "partner_institution" },
  { id: "demo-org-northwind", name: "Northwind Energy", kind: "employer", province: "ON", role: "employer_partner" },
  { id: "demo-org-ccpa", name: "Canadian Climate Practitioners Association", kind: "professional_body", province: "CA", role: "professional_body" },
  { id: "demo-org-pqab", name: "Postsecondary Quality Assessment Board", kind: "qa_agency", province: "ON", role: "qa_reviewer" },
];

export function demoContent(): { spec: CanonicalDocument; plan: CanonicalDocument } {
  const spec = new Y.Doc();
  const plan = new Y.Doc();
  try {
    fillDemoAssessmentPlan(plan, fillDemoCredentialSpec(spec), { credentialSpecId: "demo-doc-spec" });
    return { spec: canonicalDocument(spec, "credential_spec"), plan: canonicalDocument(plan, "assessment_plan") };
  } finally {
    spec.destroy();
    plan.destroy();
  }
}

export function blankSpecification(): CanonicalDocument {
  const ydoc = new Y.Doc();
  try {
    buildTemplate(ydoc, CREDENTIAL_SPEC);
    return canonicalDocument(ydoc, "credential_spec");
  } finally {
    ydoc.destroy();
  }
}

export function demoContext(plan: CanonicalDocument | null, overrides: Partial<ExportContext> = {}): ExportContext {
  return {
    origin: "https://concord.example",
    documentId: "demo-doc-spec",
    organizations: DEMO_ORGANIZATIONS,
    approval: { approvedAt: "2026-11-30T15:04:05.000Z", versionHash: "a".repeat(64), approvedByOrganizationIds: DEMO_ORGANIZATIONS.map((o) => o.id) },
    plan,
    ...overrides,
  };
}
