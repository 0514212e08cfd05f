import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { requestLocale } from "~/modules/i18n/locale.server";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage, type KnownMessages } from "~/modules/i18n/known-messages";
import { rateLimitText } from "~/modules/i18n/rate-limit";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportProblems } from "~/components/frameworks/ImportProblems";
import { fieldsFromMapping, mappingFromFields, MappingFieldsSchema, MAX_LEVEL_ROWS, type MappingFields } from "~/components/frameworks/mapping-form";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { inspectCsvFile, previewCsvFile, type CsvInspection } from "~/modules/frameworks/import/import-framework";
import type { MappedCsvPreview } from "~/modules/frameworks/import/mapped-csv";
import { MAX_FILE_BYTES, type ImportProblem } from "~/modules/frameworks/import/types";
import { FrameworkImportError, startFrameworkImport } from "~/modules/frameworks/imports.server";
import { errorOn, refusal } from "~/modules/forms/replies";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("frameworks.import.metaTitle") }];

const MIB = MAX_FILE_BYTES / 1024 / 1024;

type Translate = ReturnType<typeof translator>;

// An uploaded part: a File from the memory upload handler. Checked by shape, since which File
// class the server runtime hands back is its business.
const uploadSchema = (t: Translate) =>
  z.custom<File>((value) => typeof value === "object" && value !== null && "arrayBuffer" in value && "name" in value && (value as File).size > 0, {
    message: t("frameworks.import.chooseFile"),
  });

/** The form's schema, its refusals in the reader's language. */
const importFormSchema = (t: Translate) =>
  z.object({
    intent: z.enum(["import", "preview"]).default("import"),
    organizationId: z.string({ message: t("frameworks.import.chooseOrganization") }).min(1, t("frameworks.import.chooseOrganization")),
    file: uploadSchema(t),
    name: z.string().trim().max(200, t("frameworks.import.atMost200")).optional(),
    mapping: MappingFieldsSchema.optional(),
  });

type ImportForm = z.infer<ReturnType<typeof importFormSchema>>;

/** The refusals of imports.server.ts that name no line of the file (those stay as the parser wrote them). */
const FILE_MESSAGES: KnownMessages = [
  ["The file is empty.", (t) => t("frameworks.import.empty")],
  [/^The file is larger than (\d+) MiB, the limit\.$/, (t, match) => t("frameworks.import.tooLarge", { mib: Number(match?.[1]) })],
];

/** mapping-form.ts words its refusals in English; the known ones are said in the reader's language. */
function mappingMessage(t: ReturnType<typeof translator>, message: string): string {
  switch (message) {
    case "Choose the code column of at least one level.":
      return t("frameworks.import.levelsNeedCode");
    case "Choose a statement column for every level, or none and one statement column below.":
      return t("frameworks.import.levelsNeedStatement");
    case "Choose a URI column for every level, or for none.":
      return t("frameworks.import.levelsNeedUri");
    case "Choose the columns to import.":
      return t("frameworks.import.chooseColumns");
    default:
      return message;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireActor(request);
  return json({ organizations: await listUserOrganizations(user.id) });
}

/** The mapping step, shown again after every submission of it (with what was chosen and its preview). */
type MappingStep = {
  inspection: CsvInspection;
  fields: MappingFields;
  /** What the name field shows: what was typed, else the file's name. */
  name: string;
  preview: MappedCsvPreview | null;
  previewProblems: ImportProblem[];
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, user } = await requireActor(request);
  const t = translator(requestLocale(request, user));
  let formData: FormData;
  try {
    // In memory, capped: a file over the limit is refused while it streams in, never buffered whole.
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const reply = refusal(new FormData(), "file", t("frameworks.import.tooLarge", { mib: MIB }));
      return json({ reply, step: null }, { status: 413 });
    }
    throw error;
  }
  const submission = parseWithZod(formData, { schema: importFormSchema(t) });
  if (submission.status !== "success") return json({ reply: submission.reply(), step: null }, { status: 400 });
  const form: ImportForm = submission.value;
  const bytes = new Uint8Array(await form.file.arrayBuffer());

  // The mapping step was on screen: read the person's mapping (and a name, which a CSV lacks).
  let step: MappingStep | null = null;
  let mapping: ReturnType<typeof mappingFromFields> | null = null;
  if (form.mapping) {
    const inspection = inspectCsvFile(bytes);
    if (inspection.status === "inspected") {
      mapping = mappingFromFields(form.mapping);
      step = { inspection, fields: form.mapping, name: form.name ?? "", preview: null, previewProblems: [] };
      if (!mapping.ok) return json({ reply: submission.reply(errorOn(`mapping.${mapping.field}`, mappingMessage(t, mapping.message))), step }, { status: 400 });
      const preview = previewCsvFile(bytes, mapping.mapping);
      if (!("status" in preview)) step.preview = preview;
      else if (preview.status === "failed") step.previewProblems = preview.problems;
      if (form.intent === "preview") return json({ reply: submission.reply(), step });
      if (!form.name) return json({ reply: submission.reply(errorOn("name", t("frameworks.import.nameNeeded"))), step }, { status: 400 });
    }
  }

  try {
    const started = await startFrameworkImport(
      actor,
      {
        organizationId: form.organizationId,
        fileName: form.file.name || "framework",
        bytes,
        ...(mapping?.ok ? { mapping: mapping.mapping } : {}),
        ...(form.name ? { name: form.name } : {}),
      },
      requestMeta(request, context.clientIp),
    );
    if ("importId" in started) return redirect(`/frameworks/imports/${started.importId}`);
    // A plain CSV: show its columns, a suggested mapping and what that mapping would import.
    const inspection = started.needsMapping;
    const fields = fieldsFromMapping(inspection.suggestion);
    const first: MappingStep = { inspection, fields, name: form.name ?? nameFromFile(form.file.name), preview: null, previewProblems: [] };
    if (inspection.suggestion) {
      const preview = previewCsvFile(bytes, inspection.suggestion);
      if (!("status" in preview)) first.preview = preview;
    }
    return json({ reply: submission.reply(), step: first });
  } catch (error) {
    if (error instanceof RateLimitedError) return json({ reply: submission.reply(errorOn(error.field, rateLimitText(t, error))), step }, { status: 429 });
    if (error instanceof FrameworkImportError) return json({ reply: submission.reply(errorOn(error.field, translateMessage(t, FILE_MESSAGES, error.message))), step }, { status: 400 });
    throw error;
  }
}

export default function ImportFramework() {
  const { organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<ImportForm>({
    lastResult: actionData?.reply,
    defaultValue: organizations.length === 1 ? { organizationId: organizations[0]!.id } : undefined,
  });
  const step = actionData?.step ?? null;
  const fileError = fields.file.errors?.[0];
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/frameworks">{t("frameworks.eyebrow")}</Link>
          </p>
          <h1>{t("frameworks.import.title")}</h1>
          <p>{t("frameworks.import.intro", { mib: MIB })}</p>
        </div>
      </div>
      <section className="card">
        {organizations.length === 0 ? (
          <p className="empty">
            {t("frameworks.import.noOrganization")} <Link to="/organizations">{t("frameworks.import.noOrganizationLink")}</Link> {t("frameworks.import.noOrganizationAfter")}
          </p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
            <FormError error={form.errors?.[0]} />
            <SelectField
              label={t("frameworks.import.organization")}
              field={fields.organizationId}
              placeholder={t("frameworks.import.chooseOrganization")}
              options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
            />
            <div className="field">
              <label htmlFor={fields.file.id}>{t("frameworks.import.file")}</label>
              <input
                id={fields.file.id}
                name={fields.file.name}
                type="file"
                accept=".json,.jsonld,.csv,application/json,application/ld+json,text/csv"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? fields.file.errorId : `${fields.file.id}-hint`}
              />
              <span id={`${fields.file.id}-hint`} className="field__hint">
                {t("frameworks.import.fileHint")}
              </span>
              {fileError ? (
                <span id={fields.file.errorId} className="field__error" role="alert">
                  {fileError}
                </span>
              ) : null}
            </div>
            {step ? <MappingStepFields step={step} errors={actionData?.reply.error ?? {}} nameField={fields.name} /> : null}
            <div className="form-actions">
              {step ? (
                <SubmitButton intent="preview" variant="secondary">
                  {t("frameworks.import.preview")}
                </SubmitButton>
              ) : null}{" "}
              <SubmitButton intent="import">{t("frameworks.import.import")}</SubmitButton>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}

const NONE = "";

/** "esco-language-skills.csv" → "esco language skills": a start the person can edit. */
function nameFromFile(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim().slice(0, 200);
}

function MappingStepFields({
  step,
  errors,
  nameField,
}: {
  step: MappingStep;
  errors: Record<string, string[] | null>;
  nameField: Parameters<typeof Field>[0]["field"];
}) {
  const { inspection, fields, preview, previewProblems } = step;
  const { t } = useTranslation();
  const options = inspection.columns.map((column) => ({
    value: column.name,
    label: column.samples.length > 0 ? t("frameworks.import.columnSample", { name: column.name, samples: column.samples.slice(0, 2).join(", ").slice(0, 60) }) : column.name,
  }));
  // Remount the selects when the server sends another mapping, so their defaults show it (the
  // name too: Conform keeps the defaults it started with, and the name field appears only now).
  const key = JSON.stringify(fields);
  const levelRows = Math.min(MAX_LEVEL_ROWS, Math.max(3, (fields.levels?.length ?? 0) + 1));
  const error = (name: string) => errors[`mapping.${name}`]?.[0];
  const select = (name: string, label: string, value: string | undefined) => (
    <ColumnSelect key={`${name}:${key}`} id={`mapping-${name}`} name={`mapping.${name}`} label={label} value={value} options={options} />
  );
  return (
    <fieldset className="fieldset">
      <legend>{t("frameworks.import.mapColumns")}</legend>
      <p className="muted">
        {t("frameworks.import.notCtdl", { count: inspection.rowCount })}
      </p>
      <Field key={key} label={t("frameworks.import.name")} field={nameField} hint={t("frameworks.import.nameHint")} defaultValue={step.name} />
      <fieldset>
        <legend>{t("frameworks.import.hierarchy")}</legend>
        <label>
          <input type="radio" name="mapping.mode" value="parent" defaultChecked={fields.mode !== "levels"} /> {t("frameworks.import.parentMode")}
        </label>{" "}
        <label>
          <input type="radio" name="mapping.mode" value="levels" defaultChecked={fields.mode === "levels"} /> {t("frameworks.import.levelsMode")}
        </label>
      </fieldset>
      {select("statement", t("frameworks.import.statement"), fields.statement)}
      {error("statement") ? <p className="field__error" role="alert">{error("statement")}</p> : null}
      {select("description", t("frameworks.import.description"), fields.description)}
      <h3>{t("frameworks.import.withParent")}</h3>
      {select("code", t("frameworks.import.code"), fields.code)}
      {select("parentCode", t("frameworks.import.parentCode"), fields.parentCode)}
      <h3>{t("frameworks.import.withLevels")}</h3>
      {error("levels") ? <p className="field__error" role="alert">{error("levels")}</p> : null}
      <div className="mapping-levels">
        {Array.from({ length: levelRows }, (_, index) => {
          const level = fields.levels?.[index];
          return (
            <LevelSelects key={`${key}-${index}`} index={index} options={options} code={level?.code} statement={level?.statement} uri={level?.uri} />
          );
        })}
      </div>
      {preview ? <PreviewTable preview={preview} /> : null}
      {previewProblems.length > 0 ? <ImportProblems problems={previewProblems} /> : null}
    </fieldset>
  );
}

/** One "which column holds this" choice of the mapping step; "— none —" leaves it unmapped. */
function ColumnSelect({ id, name, label, value, options }: { id: string; name: string; label: string; value: string | undefined; options: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? NONE}>
        <option value={NONE}>{t("frameworks.import.none")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function LevelSelects({
  index,
  options,
  code,
  statement,
  uri,
}: {
  index: number;
  options: Array<{ value: string; label: string }>;
  code: string | undefined;
  statement: string | undefined;
  uri: string | undefined;
}) {
  const { t } = useTranslation();
  const one = (part: "code" | "statement" | "uri", label: string, value: string | undefined) => (
    <ColumnSelect id={`mapping-level-${index}-${part}`} name={`mapping.levels[${index}].${part}`} label={label} value={value} options={options} />
  );
  return (
    <>
      {one("code", t("frameworks.import.levelCode", { level: index + 1 }), code)}
      {one("statement", t("frameworks.import.levelStatement", { level: index + 1 }), statement)}
      {one("uri", t("frameworks.import.levelUri", { level: index + 1 }), uri)}
    </>
  );
}

function PreviewTable({ preview }: { preview: MappedCsvPreview }) {
  const { t } = useTranslation();
  return (
    <div className="mapping-table">
      <table className="table">
        <caption>
          {t("frameworks.import.previewCaption", { shown: preview.rows.length, total: preview.total })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("frameworks.import.line")}</th>
            <th scope="col">{t("frameworks.import.level")}</th>
            <th scope="col">{t("frameworks.import.codeHeader")}</th>
            <th scope="col">{t("frameworks.import.statementHeader")}</th>
            <th scope="col">{t("frameworks.import.parentCodeHeader")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.depth === undefined ? "?" : row.depth + 1}</td>
              <td>{row.code ?? ""}</td>
              <td>{row.statement ?? <span className="field__error">{t("frameworks.import.missing")}</span>}</td>
              <td>{row.parentCode ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.problems.length > 0 ? <ImportProblems problems={preview.problems} /> : null}
      {preview.ignored.length > 0 ? (
        <ul className="muted">
          {preview.ignored.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
