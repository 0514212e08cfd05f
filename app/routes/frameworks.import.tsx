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
import { z } from "zod";
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

export const meta: MetaFunction = () => [{ title: "Import framework — Concord" }];

const MIB = MAX_FILE_BYTES / 1024 / 1024;

// An uploaded part: a File from the memory upload handler. Checked by shape, since which File
// class the server runtime hands back is its business.
const UploadSchema = z.custom<File>(
  (value) => typeof value === "object" && value !== null && "arrayBuffer" in value && "name" in value && (value as File).size > 0,
  { message: "Choose a framework file" },
);

const ImportFormSchema = z.object({
  intent: z.enum(["import", "preview"]).default("import"),
  organizationId: z.string({ message: "Choose an organization" }).min(1, "Choose an organization"),
  file: UploadSchema,
  name: z.string().trim().max(200, "At most 200 characters").optional(),
  mapping: MappingFieldsSchema.optional(),
});

type ImportForm = z.infer<typeof ImportFormSchema>;

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
  const { actor } = await requireActor(request);
  let formData: FormData;
  try {
    // In memory, capped: a file over the limit is refused while it streams in, never buffered whole.
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const reply = refusal(new FormData(), "file", `The file is larger than ${MIB} MiB, the limit.`);
      return json({ reply, step: null }, { status: 413 });
    }
    throw error;
  }
  const submission = parseWithZod(formData, { schema: ImportFormSchema });
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
      if (!mapping.ok) return json({ reply: submission.reply(errorOn(`mapping.${mapping.field}`, mapping.message)), step }, { status: 400 });
      const preview = previewCsvFile(bytes, mapping.mapping);
      if (!("status" in preview)) step.preview = preview;
      else if (preview.status === "failed") step.previewProblems = preview.problems;
      if (form.intent === "preview") return json({ reply: submission.reply(), step });
      if (!form.name) return json({ reply: submission.reply(errorOn("name", "Name the framework: a CSV file does not carry its name.")), step }, { status: 400 });
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
    if (error instanceof FrameworkImportError || error instanceof RateLimitedError) {
      return json({ reply: submission.reply(errorOn(error.field, error.message)), step }, { status: error instanceof RateLimitedError ? 429 : 400 });
    }
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
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/frameworks">Competency frameworks</Link>
          </p>
          <h1>Import framework</h1>
          <p>
            CTDL-ASN (JSON-LD or its CSV bulk-upload layout), a 1EdTech CASE 1.0 or 1.1 package, or any CSV through a column mapping — up to {MIB} MiB
            and 50,000 competencies. A file that matches a framework already in the library becomes its next version.
          </p>
        </div>
      </div>
      <section className="card">
        {organizations.length === 0 ? (
          <p className="empty">
            A framework belongs to an organization. <Link to="/organizations">Create or join one</Link> first.
          </p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
            <FormError error={form.errors?.[0]} />
            <SelectField
              label="Organization"
              field={fields.organizationId}
              placeholder="Choose an organization"
              options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
            />
            <div className="field">
              <label htmlFor={fields.file.id}>Framework file</label>
              <input
                id={fields.file.id}
                name={fields.file.name}
                type="file"
                accept=".json,.jsonld,.csv,application/json,application/ld+json,text/csv"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? fields.file.errorId : `${fields.file.id}-hint`}
              />
              <span id={`${fields.file.id}-hint`} className="field__hint">
                The format is read from the content, whatever the file is called.
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
                  Preview
                </SubmitButton>
              ) : null}{" "}
              <SubmitButton intent="import">Import</SubmitButton>
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
  const options = inspection.columns.map((column) => ({
    value: column.name,
    label: column.samples.length > 0 ? `${column.name} (e.g. ${column.samples.slice(0, 2).join(", ").slice(0, 60)})` : column.name,
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
      <legend>Map the columns</legend>
      <p className="muted">
        This CSV is not in the CTDL-ASN layout ({inspection.rowCount.toLocaleString("en-CA")} rows): say which columns hold what, preview, then import.
      </p>
      <Field key={key} label="Framework name" field={nameField} hint="A CSV file does not carry its name." defaultValue={step.name} />
      <fieldset>
        <legend>How the hierarchy is written</legend>
        <label>
          <input type="radio" name="mapping.mode" value="parent" defaultChecked={fields.mode !== "levels"} /> A parent code column
        </label>{" "}
        <label>
          <input type="radio" name="mapping.mode" value="levels" defaultChecked={fields.mode === "levels"} /> One code column per level
        </label>
      </fieldset>
      {select("statement", "Statement column (one for all levels)", fields.statement)}
      {error("statement") ? <p className="field__error" role="alert">{error("statement")}</p> : null}
      {select("description", "Description column", fields.description)}
      <h3>With a parent code column</h3>
      {select("code", "Code column", fields.code)}
      {select("parentCode", "Parent code column", fields.parentCode)}
      <h3>With one column per level</h3>
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
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? NONE}>
        <option value={NONE}>— none —</option>
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
  const one = (part: "code" | "statement" | "uri", label: string, value: string | undefined) => (
    <ColumnSelect id={`mapping-level-${index}-${part}`} name={`mapping.levels[${index}].${part}`} label={label} value={value} options={options} />
  );
  return (
    <>
      {one("code", `Level ${index + 1} code`, code)}
      {one("statement", `Level ${index + 1} statement`, statement)}
      {one("uri", `Level ${index + 1} URI`, uri)}
    </>
  );
}

function PreviewTable({ preview }: { preview: MappedCsvPreview }) {
  return (
    <div className="mapping-table">
      <table className="table">
        <caption>
          Preview: the first {preview.rows.length} of {preview.total.toLocaleString("en-CA")} rows as they will be imported
        </caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Level</th>
            <th scope="col">Code</th>
            <th scope="col">Statement</th>
            <th scope="col">Parent code</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>{row.depth === undefined ? "?" : row.depth + 1}</td>
              <td>{row.code ?? ""}</td>
              <td>{row.statement ?? <span className="field__error">missing</span>}</td>
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
