/**
 * /documents/<id>/signoff — the page where a project lead adjusts the document's sign-off template
 * (stages, parties, quorum). Not nested in the document page (trailing underscore): it is a page of
 * its own. The document page's Sign-off panel reads and posts through
 * /documents/<id>/signoff-panel.
 */
import { getCollectionProps, getFormProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import signoffStyles from "~/components/signoff/signoff.css";
import { StatusBadge } from "~/components/ui/badges";
import { Field, FormError, SelectField } from "~/components/ui/form";
import { requireUser } from "~/modules/auth/request.server";
import { useLabels } from "~/components/i18n/use-labels";
import { templateEditor, type TemplateEditorData } from "~/modules/signoff/read-models/template-editor.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { saveTemplate } from "~/modules/signoff/signoff.server";
import { MAX_STAGES, type SignoffTemplate } from "~/modules/signoff/template";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { blankStage, TemplateFormSchema, templateFieldErrors, templateFormValue, type TemplateFormValue } from "~/modules/signoff/template-form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("signoff.template.metaTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Outsiders get the access gate's 404 (thrown by the read model).
  return json(await templateEditor(user.id, params.documentId ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const documentId = params.documentId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: TemplateFormSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await saveTemplate(documentId, user.id, submission.value, requestMeta(request, context.clientIp));
  if (result.ok) return redirect(`/documents/${documentId}`);
  // Checked against the project (organizations that take part, quorum within the stage).
  if ("issues" in result) return json(submission.reply({ fieldErrors: templateFieldErrors(result.issues) }), { status: 400 });
  if (result.status === 404) throw new Response("Not found", { status: 404 });
  return json(submission.reply({ formErrors: [result.message] }), { status: result.status });
}

export default function SignoffTemplatePage() {
  const editor = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm<TemplateFormValue, SignoffTemplate>({
    lastResult,
    defaultValue: templateFormValue(editor.template),
    // The same schema as the server's: adding, moving and removing stages happen in the browser.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TemplateFormSchema }),
  });
  const stages = fields.stages.getFieldList();

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${editor.document.id}`}>{editor.document.title}</Link>
          </p>
          <h1>{t("signoff.template.title")}</h1>
          <p>
            {t("signoff.template.intro")} {editor.adjusted ? t("signoff.template.own") : t("signoff.template.projectDefault")}
          </p>
        </div>
        <StatusBadge status={editor.document.status} />
      </div>
      {!editor.mayAdjust ? (
        <div className="notice" role="status">
          {t("signoff.template.mayNotAdjust")}
        </div>
      ) : null}
      <Form method="post" className="form signoff-template" {...getFormProps(form)}>
        <FormError error={form.errors?.[0] ?? fields.stages.errors?.[0]} />
        {stages.map((stage, index) => (
          <fieldset key={stage.key} className="card signoff-template__stage" disabled={!editor.mayAdjust}>
            <legend>{t("signoff.template.stage", { number: index + 1 })}</legend>
            <StageFields stage={stage} editor={editor} />
            {editor.mayAdjust ? (
              <div className="row">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={index === 0}
                  onClick={() => form.reorder({ name: fields.stages.name, from: index, to: index - 1 })}
                >
                  {t("signoff.template.moveUp")}
                </button>
                <button type="button" className="button button--secondary button--small" onClick={() => form.remove({ name: fields.stages.name, index })}>
                  {t("signoff.template.removeStage", { number: index + 1 })}
                </button>
              </div>
            ) : null}
          </fieldset>
        ))}
        <fieldset className="card signoff-template__stage" disabled={!editor.mayAdjust}>
          <legend>{t("signoff.template.reminders")}</legend>
          <Field
            label={t("signoff.template.remindAfter")}
            field={fields.reminderAfterDays}
            type="number"
            min={1}
            hint={t("signoff.template.remindHint")}
          />
        </fieldset>
        {editor.mayAdjust ? (
          <div className="row">
            <button
              type="button"
              className="button button--secondary"
              disabled={stages.length >= MAX_STAGES}
              onClick={() => form.insert({ name: fields.stages.name, defaultValue: blankStage() })}
            >
              {t("signoff.template.addStage")}
            </button>
            <button type="submit" className="button" name="intent" value="save_template" disabled={navigation.state === "submitting"}>
              {t("signoff.template.save")}
            </button>
            <Link to={`/documents/${editor.document.id}`}>{t("signoff.template.cancel")}</Link>
          </div>
        ) : (
          <p>
            <Link to={`/documents/${editor.document.id}`}>{t("documents.backToDocument")}</Link>
          </p>
        )}
      </Form>
    </>
  );
}

type StageField = FieldMetadata<TemplateFormValue["stages"][number], TemplateFormValue, string[]>;
type Editor = Pick<TemplateEditorData, "roles" | "organizations">;

/** One stage: its name, the parties that decide in it (by project role or by organization), its quorum. */
function StageFields({ stage, editor }: { stage: StageField; editor: Editor }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { name, parties, quorum } = stage.getFieldset();
  const quorumOptions = [
    { value: "all", label: t("signoff.template.quorumAll") },
    { value: "k_of_n", label: t("signoff.template.quorumSome") },
  ];
  const { kind, k } = quorum.getFieldset();
  const choices = [
    ...editor.roles.map(({ role, organizations }) => ({
      value: `role:${role}`,
      label: (
        <>
          {t("signoff.template.everyRole", { role: labels.projectRole(role).toLowerCase() })} <span className="muted">({organizations.join(", ")})</span>
        </>
      ),
    })),
    ...editor.organizations.map((organization) => ({
      value: `organization:${organization.id}`,
      label: (
        <>
          {organization.name} <span className="muted">({labels.projectRole(organization.role)})</span>
        </>
      ),
    })),
  ];
  const checkboxes = getCollectionProps(parties, { type: "checkbox", options: choices.map((choice) => choice.value) });
  // The list's own errors and those about one of its parties (listed twice, not in the project).
  const partiesError = Object.values(parties.allErrors)[0]?.[0];
  return (
    <>
      <Field label={t("signoff.template.stageName")} field={name} />
      <fieldset className="signoff-template__parties" aria-describedby={partiesError ? parties.errorId : undefined}>
        <legend>{t("signoff.template.parties")}</legend>
        {choices.map((choice, index) => {
          const { key, ...checkbox } = checkboxes[index]!;
          return (
            <label key={key} className="signoff-template__choice">
              <input {...checkbox} />
              {choice.label}
            </label>
          );
        })}
        {partiesError ? (
          <span id={parties.errorId} className="field__error" role="alert">
            {partiesError}
          </span>
        ) : null}
      </fieldset>
      <div className="row">
        <SelectField label={t("signoff.template.quorum")} field={kind} options={quorumOptions} />
        {/* "Approvals needed" only for "at least some"; it starts at one. */}
        {kind.value === "k_of_n" ? <Field label={t("signoff.template.approvalsNeeded")} field={k} type="number" min={1} defaultValue="1" /> : null}
      </div>
    </>
  );
}
