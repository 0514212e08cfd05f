import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { demandSources } from "~/modules/demand/demand.server";
import { DemandImportError, startDemandImport } from "~/modules/demand/imports.server";
import { COLUMN_LABELS, DEMAND_COLUMNS, DemandMappingSchema, inspectDemandFile, MAX_DEMAND_FILE_BYTES, REQUIRED_COLUMNS, type DemandMapping } from "~/modules/demand/parse";
import { SAMPLE_DEMAND_FILE_NAME, sampleDemandBytes } from "~/modules/demand/sample.server";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];
export const meta: MetaFunction = () => [{ title: "Labour-market demand — Concord" }];

const MIB = MAX_DEMAND_FILE_BYTES / 1024 / 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireActor(request);
  const [organizations, sources] = await Promise.all([listUserOrganizations(user.id), demandSources()]);
  return json({ organizations, sources });
}

const Upload = z.custom<File>((v) => typeof v === "object" && v !== null && "arrayBuffer" in v && "name" in v && (v as File).size > 0, { message: "Choose a CSV file" });
const FormSchema = z.object({
  intent: z.enum(["import", "sample"]).default("import"),
  organizationId: z.string({ message: "Choose an organization" }).min(1, "Choose an organization"),
  mapped: z.literal("1").optional(),
});

type MappingStep = { columns: string[]; mapping: DemandMapping; rowCount: number };
type ActionData = { error?: string; field?: "organizationId" | "file" | "form"; step?: MappingStep };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DEMAND_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json<ActionData>({ error: `The file is larger than ${MIB} MiB, the limit.`, field: "file" }, { status: 413 });
    throw error;
  }
  const parsed = FormSchema.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) return json<ActionData>({ error: parsed.error.issues[0]?.message ?? "Check the form", field: "organizationId" }, { status: 400 });
  const form = parsed.data;
  let bytes: Uint8Array;
  let fileName: string;
  let mapping: DemandMapping | undefined;
  if (form.intent === "sample") {
    bytes = sampleDemandBytes();
    fileName = SAMPLE_DEMAND_FILE_NAME;
  } else {
    const file = Upload.safeParse(formData.get("file"));
    if (!file.success) return json<ActionData>({ error: "Choose a CSV file", field: "file" }, { status: 400 });
    bytes = new Uint8Array(await file.data.arrayBuffer());
    fileName = file.data.name || "demand.csv";
    const inspection = inspectDemandFile(bytes);
    if ("problems" in inspection) return json<ActionData>({ error: inspection.problems[0]!.message, field: "file" }, { status: 400 });
    if (form.mapped) {
      const chosen = DemandMappingSchema.parse(Object.fromEntries(DEMAND_COLUMNS.map((c) => [c, formData.get(`mapping.${c}`) ?? ""])));
      mapping = chosen;
      const missing = REQUIRED_COLUMNS.filter((c) => !chosen[c]);
      if (missing.length > 0) {
        return json<ActionData>(
          { error: `Choose a column for ${missing.map((c) => COLUMN_LABELS[c]).join(", ")}.`, field: "form", step: { columns: inspection.columns, mapping: chosen, rowCount: inspection.rowCount } },
          { status: 400 },
        );
      }
    } else if (!inspection.standard) {
      // Another layout: the mapping step, with what the headers suggest.
      return json<ActionData>({ step: { columns: inspection.columns, mapping: inspection.suggestion, rowCount: inspection.rowCount } });
    }
  }
  try {
    const { importId } = await startDemandImport(actor, { organizationId: form.organizationId, fileName, bytes, ...(mapping ? { mapping } : {}) }, requestMeta(request, context.clientIp));
    return redirect(`/demand/imports/${importId}`);
  } catch (error) {
    if (error instanceof DemandImportError) return json<ActionData>({ error: error.message, field: "file" }, { status: 400 });
    if (error instanceof RateLimitedError) return json<ActionData>({ error: error.message, field: "form" }, { status: 429 });
    throw error;
  }
}

export default function DemandPage() {
  const { organizations, sources } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const step = data?.step;
  const orgSelect = (id: string) => (
    <div className="field">
      <label htmlFor={id}>Organization</label>
      <select id={id} name="organizationId" defaultValue={organizations.length === 1 ? organizations[0]!.id : ""}>
        {organizations.length === 1 ? null : <option value="">Choose an organization</option>}
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Labour-market demand</h1>
          <p>
            Demand signals for occupations and competencies — job postings, vacancies, employment outlook, median hourly wage — imported from CSV files. Specifications show them in
            their Demand section. Up to {MIB} MiB per file; nothing of a file is imported while any row has a problem. Re-importing a source replaces its rows for the periods the
            new file covers.
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="demand-import-heading">
        <h2 id="demand-import-heading">Import demand data</h2>
        {organizations.length === 0 ? (
          <p className="empty">Demand data is imported for an organization: create or join one first.</p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="form">
            {data?.error && data.field !== "file" ? (
              <p className="field__error" role="alert">
                {data.error}
              </p>
            ) : null}
            {orgSelect("demand-organization")}
            <div className="field">
              <label htmlFor="demand-file">CSV file</label>
              <input id="demand-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="demand-file-hint" />
              <span id="demand-file-hint" className="field__hint">
                Columns: subject (a NOC 2021 code, an O*NET-SOC code, an ESCO URI, or a competency&apos;s code or URI), region (CA or a province or territory code), period (YYYY,
                YYYY-Qn or YYYY-MM), metric (job_postings, vacancies, employment_outlook, median_hourly_wage), value, source_name, source_url, retrieved_on (YYYY-MM-DD). Other
                layouts go through a column mapping.
              </span>
              {data?.error && data.field === "file" ? (
                <span className="field__error" role="alert">
                  {data.error}
                </span>
              ) : null}
            </div>
            {step ? <MappingFields step={step} /> : null}
            <div className="form-actions">
              <button type="submit" name="intent" value="import" className="button" disabled={busy}>
                Import
              </button>
            </div>
          </Form>
        )}
      </section>
      {organizations.length > 0 ? (
        <section className="card" aria-labelledby="demand-sample-heading">
          <h2 id="demand-sample-heading">Sample data</h2>
          <p>
            <strong>Illustrative only — not real statistics.</strong> A small invented data set covering the demo specification&apos;s target occupations and some of its
            competencies, to try the Demand section with.
          </p>
          <Form method="post" encType="multipart/form-data">
            {orgSelect("demand-sample-organization")}
            <button type="submit" name="intent" value="sample" className="button button--secondary" disabled={busy}>
              Import the sample data
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="demand-sources-heading">
        <h2 id="demand-sources-heading">Sources in the library</h2>
        {sources.length === 0 ? (
          <p className="empty">No demand data yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Imported by</th>
                <th scope="col">Rows</th>
                <th scope="col">Periods</th>
                <th scope="col">Retrieved on</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={`${s.sourceName}-${s.organizationName}`}>
                  <td>{s.sourceName}</td>
                  <td>{s.organizationName}</td>
                  <td>{s.rows.toLocaleString("en-CA")}</td>
                  <td>
                    {s.firstPeriod} – {s.lastPeriod}
                  </td>
                  <td>{s.retrievedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function MappingFields({ step }: { step: MappingStep }) {
  return (
    <fieldset className="fieldset">
      <legend>Map the columns</legend>
      <p className="muted">
        This CSV ({step.rowCount.toLocaleString("en-CA")} rows) is not in the standard layout: choose the column that holds each value, then import. Choose the same file again.
      </p>
      <input type="hidden" name="mapped" value="1" />
      {DEMAND_COLUMNS.map((column) => (
        <div className="field" key={`${column}:${JSON.stringify(step.mapping)}`}>
          <label htmlFor={`mapping-${column}`}>
            {COLUMN_LABELS[column]}
            {REQUIRED_COLUMNS.includes(column) ? "" : " (optional)"}
          </label>
          <select id={`mapping-${column}`} name={`mapping.${column}`} defaultValue={step.mapping[column] ?? ""}>
            <option value="">— none —</option>
            {step.columns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}

