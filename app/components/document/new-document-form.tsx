import { getFormProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabels } from "~/components/i18n/use-labels";
import { Field, firstError, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { DOCUMENT_KINDS, type DocumentKind } from "~/modules/permissions/roles";

/** Which kind of document a new one of each kind is linked to (the form's words are documents.newForm.links.<kind>). */
const LINKS: Partial<Record<DocumentKind, { kind: DocumentKind }>> = {
  assessment_plan: { kind: "credential_spec" },
  wbl_agreement: { kind: "assessment_plan" },
};

type Props = {
  documents: readonly { id: string; kind: DocumentKind; title: string }[];
  /** The server's answer to this form's last submission, if it was this form that posted. */
  lastResult: SubmissionResult<string[]> | undefined;
};

/**
 * "New document": a kind, a title, and for an assessment plan or a WBL agreement the document it
 * builds on. The document starts from its kind's blank template (the server writes it).
 * Without JavaScript every linkable document is offered, grouped by kind; the server checks the
 * choice fits the kind.
 */
export function NewDocumentForm({ documents, lastResult }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const kindOptions = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: labels.documentKind(kind) }));
  const [form, fields] = useForm<{ kind: string; title: string; linkedDocumentId: string }>({ lastResult });
  // The kind chosen so far (Conform follows the select as it changes).
  const kind = fields.kind.value ?? "";
  const linkOf = LINKS[kind as DocumentKind];
  const link = linkOf
    ? {
        kind: linkOf.kind,
        label: kind === "assessment_plan" ? t("documents.newForm.links.assessment_plan.label") : t("documents.newForm.links.wbl_agreement.label"),
        none: kind === "assessment_plan" ? t("documents.newForm.links.assessment_plan.none") : t("documents.newForm.links.wbl_agreement.none"),
      }
    : undefined;
  const candidates = (linkKind: DocumentKind) => documents.filter((d) => d.kind === linkKind);
  const anyLinkable = (Object.values(LINKS) as { kind: DocumentKind }[]).some((l) => candidates(l.kind).length > 0);
  const showLink = kind === "" ? anyLinkable : link !== undefined;
  const linked = fields.linkedDocumentId;
  const linkError = firstError(linked);

  return (
    <Form method="post" className="form" style={{ marginTop: "1.25rem" }} {...getFormProps(form)}>
      <h3>{t("documents.newForm.title")}</h3>
      <FormError error={form.errors?.[0]} />
      <div className="row">
        <SelectField label={t("documents.newForm.kind")} field={fields.kind} placeholder={t("documents.newForm.chooseKind")} options={kindOptions} />
        <Field label={t("documents.newForm.documentTitle")} field={fields.title} />
      </div>
      {showLink ? (
        <div className="field">
          <label htmlFor={linked.id}>{link ? link.label : t("documents.newForm.buildsOn")}</label>
          {link && candidates(link.kind).length === 0 ? (
            <p className="field__hint">{link.none}</p>
          ) : (
            <select {...getSelectProps(linked)} defaultValue={linked.initialValue ?? ""}>
              <option value="">{t("documents.field.choose")}</option>
              {link
                ? candidates(link.kind).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.title}
                    </option>
                  ))
                : (Object.values(LINKS) as { kind: DocumentKind }[]).map((l) => (
                    <optgroup key={l.kind} label={t(`documents.newForm.kindPlural.${l.kind}`)}>
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
      <p className="field__hint">{t("documents.newForm.hint")}</p>
      <div>
        <SubmitButton intent="create-document">{t("documents.newForm.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
