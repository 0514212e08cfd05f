import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { Field, firstError, FormError, SelectField, SubmitButton } from "~/components/ui/form";
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
  /** The server's answer to this form's last submission, if it was this form that posted. */
  lastResult: SubmissionResult<string[]> | undefined;
};

const KIND_OPTIONS = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] }));

/**
 * "New document": a kind, a title, and for an assessment plan or a WBL agreement the document it
 * builds on. The document starts from its kind's blank template (the server writes it).
 * Without JavaScript every linkable document is offered, grouped by kind; the server checks the
 * choice fits the kind.
 */
export function NewDocumentForm({ documents, lastResult }: Props) {
  const [form, fields] = useForm<{ kind: string; title: string; linkedDocumentId: string }>({ lastResult });
  // The kind chosen so far (Conform follows the select as it changes).
  const kind = fields.kind.value ?? "";
  const link = LINKS[kind as DocumentKind];
  const candidates = (linkKind: DocumentKind) => documents.filter((d) => d.kind === linkKind);
  const anyLinkable = (Object.values(LINKS) as { kind: DocumentKind }[]).some((l) => candidates(l.kind).length > 0);
  const showLink = kind === "" ? anyLinkable : link !== undefined;
  const linked = fields.linkedDocumentId;
  const linkError = firstError(linked);

  return (
    <Form method="post" className="form" style={{ marginTop: "1.25rem" }} {...getFormProps(form)}>
      <h3>New document</h3>
      <FormError error={form.errors?.[0]} />
      <div className="row">
        <SelectField label="Kind" field={fields.kind} placeholder="Choose a kind" options={KIND_OPTIONS} />
        <Field label="Document title" field={fields.title} />
      </div>
      {showLink ? (
        <div className="field">
          <label htmlFor={linked.id}>{link ? link.label : "Builds on (for an assessment plan or a work-based learning agreement)"}</label>
          {link && candidates(link.kind).length === 0 ? (
            <p className="field__hint">{link.none}</p>
          ) : (
            <select {...getSelectProps(linked)} defaultValue={linked.initialValue ?? ""}>
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
          {linkError ? (
            <span id={linked.errorId} className="field__error" role="alert">
              {linkError}
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
