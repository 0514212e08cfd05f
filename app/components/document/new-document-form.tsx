import { Form } from "@remix-run/react";
import { useId, useState } from "react";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";
import { DOCUMENT_KINDS, type DocumentKind } from "~/modules/permissions/roles";

/** Which kind of document a new one of each kind is linked to, and how the form asks for it. */
const LINKS: Partial<Record<DocumentKind, { kind: DocumentKind; label: string; none: string }>> = {
  assessment_plan: {
    kind: "credential_spec",
    label: "Credential specification it assesses",
    none: "This project has no credential specification yet: the plan can be linked to one later.",
  },
  wbl_agreement: {
    kind: "assessment_plan",
    label: "Assessment plan whose competencies are evidenced at work",
    none: "This project has no assessment plan yet: the agreement can be linked to one later.",
  },
};

type Props = {
  documents: readonly { id: string; kind: DocumentKind; title: string }[];
  errors: Record<string, string>;
  values: Record<string, string>;
};

/**
 * "New document": a kind, a title, and for an assessment plan or a WBL agreement the document it
 * builds on. The document starts from its kind's blank template (the server writes it).
 * Without JavaScript every linkable document is offered, grouped by kind; the server checks the
 * choice fits the kind.
 */
export function NewDocumentForm({ documents, errors, values }: Props) {
  const [kind, setKind] = useState<string>(values.kind ?? "");
  const id = useId();
  const link = LINKS[kind as DocumentKind];
  const candidates = (linkKind: DocumentKind) => documents.filter((d) => d.kind === linkKind);
  const anyLinkable = (Object.values(LINKS) as { kind: DocumentKind }[]).some((l) => candidates(l.kind).length > 0);
  const showLink = kind === "" ? anyLinkable : link !== undefined;

  return (
    <Form method="post" className="form" noValidate style={{ marginTop: "1.25rem" }}>
      <h3>New document</h3>
      <FormError error={errors.form} />
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            aria-invalid={errors.kind ? true : undefined}
            aria-describedby={errors.kind ? `${id}-kind-error` : undefined}
          >
            <option value="">Choose a kind</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {DOCUMENT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {errors.kind ? (
            <span id={`${id}-kind-error`} className="field__error" role="alert">
              {errors.kind}
            </span>
          ) : null}
        </div>
        <Field label="Document title" name="title" defaultValue={values.title} error={errors.title} />
      </div>
      {showLink ? (
        <div className="field">
          <label htmlFor={`${id}-link`}>{link ? link.label : "Builds on (for an assessment plan or a work-based learning agreement)"}</label>
          {link && candidates(link.kind).length === 0 ? (
            <p className="field__hint">{link.none}</p>
          ) : (
            <select
              id={`${id}-link`}
              name="linkedDocumentId"
              defaultValue={values.linkedDocumentId ?? ""}
              aria-invalid={errors.linkedDocumentId ? true : undefined}
              aria-describedby={errors.linkedDocumentId ? `${id}-link-error` : undefined}
            >
              <option value="">Choose…</option>
              {link
                ? candidates(link.kind).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))
                : (Object.values(LINKS) as { kind: DocumentKind }[]).map((l) => (
                    <optgroup key={l.kind} label={`${DOCUMENT_KIND_LABELS[l.kind]}s`}>
                      {candidates(l.kind).map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.title}
                        </option>
                      ))}
                    </optgroup>
                  ))}
            </select>
          )}
          {errors.linkedDocumentId ? (
            <span id={`${id}-link-error`} className="field__error" role="alert">
              {errors.linkedDocumentId}
            </span>
          ) : null}
        </div>
      ) : null}
      <p className="field__hint">The document starts from the kind&apos;s blank template: every section and field, ready to fill in together.</p>
      <div>
        <SubmitButton intent="create-document">Create document</SubmitButton>
      </div>
    </Form>
  );
}
