import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage, type KnownMessages } from "~/modules/i18n/known-messages";
import { rateLimitText } from "~/modules/i18n/rate-limit";
import { requestLocale } from "~/modules/i18n/locale.server";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { RateLimitedError } from "~/modules/abuse/limits.server";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { demandSources } from "~/modules/demand/demand.server";
import { DemandImportError, startDemandImport } from "~/modules/demand/imports.server";
import { DEMAND_COLUMNS, DemandMappingSchema, inspectDemandFile, MAX_DEMAND_FILE_BYTES, REQUIRED_COLUMNS, type DemandMapping } from "~/modules/demand/parse";
import { SAMPLE_DEMAND_FILE_NAME, sampleDemandBytes } from "~/modules/demand/sample.server";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("demand.metaTitle") }];

const MIB = MAX_DEMAND_FILE_BYTES / 1024 / 1024;

/** The refusals of imports.server.ts that name no line of the file (those stay as the parser wrote them). */
const FILE_MESSAGES: KnownMessages = [
  ["The file is empty.", (t) => t("demand.empty")],
  [/^The file is larger than (\d+) MiB, the limit\.$/, (t, match) => t("demand.tooLarge", { mib: Number(match?.[1]) })],
];

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
  const { actor, user } = await requireActor(request);
  const t = translator(requestLocale(request, user));
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DEMAND_FILE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return json<ActionData>({ error: t("demand.tooLarge", { mib: MIB }), field: "file" }, { status: 413 });
    throw error;
  }
  const parsed = FormSchema.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === "string")));
  // The only check a browser can fail is a missing organization (the intent comes from our buttons).
  if (!parsed.success) return json<ActionData>({ error: parsed.error.issues[0]?.path[0] === "organizationId" ? t("demand.chooseOrganization") : t("demand.checkForm"), field: "organizationId" }, { status: 400 });
  const form = parsed.data;
  let bytes: Uint8Array;
  let fileName: string;
  let mapping: DemandMapping | undefined;
  if (form.intent === "sample") {
    bytes = sampleDemandBytes();
    fileName = SAMPLE_DEMAND_FILE_NAME;
  } else {
    const file = Upload.safeParse(formData.get("file"));
    if (!file.success) return json<ActionData>({ error: t("demand.chooseFile"), field: "file" }, { status: 400 });
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
          { error: t("demand.chooseColumns", { columns: missing.map((c) => t(`demand.columns.${c}`)).join(", ") }), field: "form", step: { columns: inspection.columns, mapping: chosen, rowCount: inspection.rowCount } },
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
    if (error instanceof DemandImportError) return json<ActionData>({ error: translateMessage(t, FILE_MESSAGES, error.message), field: "file" }, { status: 400 });
    if (error instanceof RateLimitedError) return json<ActionData>({ error: rateLimitText(t, error), field: "form" }, { status: 429 });
    throw error;
  }
}

export default function DemandPage() {
  const { organizations, sources } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const step = data?.step;
  const { t } = useTranslation();
  const locale = useLocale();
  const orgSelect = (id: string) => (
    <div className="field">
      <label htmlFor={id}>{t("demand.organization")}</label>
      <select id={id} name="organizationId" defaultValue={organizations.length === 1 ? organizations[0]!.id : ""}>
        {organizations.length === 1 ? null : <option value="">{t("demand.chooseOrganization")}</option>}
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
          <h1>{t("demand.title")}</h1>
          <p>{t("demand.intro", { mib: MIB })}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="demand-import-heading">
        <h2 id="demand-import-heading">{t("demand.importHeading")}</h2>
        {organizations.length === 0 ? (
          <p className="empty">{t("demand.noOrganization")}</p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="form">
            {data?.error && data.field !== "file" ? (
              <p className="field__error" role="alert">
                {data.error}
              </p>
            ) : null}
            {orgSelect("demand-organization")}
            <div className="field">
              <label htmlFor="demand-file">{t("demand.file")}</label>
              <input id="demand-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="demand-file-hint" />
              <span id="demand-file-hint" className="field__hint">
                {t("demand.fileHint")}
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
                {t("demand.import")}
              </button>
            </div>
          </Form>
        )}
      </section>
      {organizations.length > 0 ? (
        <section className="card" aria-labelledby="demand-sample-heading">
          <h2 id="demand-sample-heading">{t("demand.sampleHeading")}</h2>
          <p>
            <strong>{t("demand.sampleWarning")}</strong> {t("demand.sampleIntro")}
          </p>
          <Form method="post" encType="multipart/form-data">
            {orgSelect("demand-sample-organization")}
            <button type="submit" name="intent" value="sample" className="button button--secondary" disabled={busy}>
              {t("demand.importSample")}
            </button>
          </Form>
        </section>
      ) : null}
      <section className="card" aria-labelledby="demand-sources-heading">
        <h2 id="demand-sources-heading">{t("demand.sourcesHeading")}</h2>
        {sources.length === 0 ? (
          <p className="empty">{t("demand.noSources")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("demand.source")}</th>
                <th scope="col">{t("demand.importedBy")}</th>
                <th scope="col">{t("demand.rows")}</th>
                <th scope="col">{t("demand.periods")}</th>
                <th scope="col">{t("demand.retrievedOn")}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={`${s.sourceName}-${s.organizationName}`}>
                  <td>{s.sourceName}</td>
                  <td>{s.organizationName}</td>
                  <td>{formatNumber(locale, s.rows)}</td>
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
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("demand.mapColumns")}</legend>
      <p className="muted">
        {t("demand.mappingIntro", { count: step.rowCount })}
      </p>
      <input type="hidden" name="mapped" value="1" />
      {DEMAND_COLUMNS.map((column) => (
        <div className="field" key={`${column}:${JSON.stringify(step.mapping)}`}>
          <label htmlFor={`mapping-${column}`}>
            {t(`demand.columns.${column}`)}
            {REQUIRED_COLUMNS.includes(column) ? "" : t("demand.optional")}
          </label>
          <select id={`mapping-${column}`} name={`mapping.${column}`} defaultValue={step.mapping[column] ?? ""}>
            <option value="">{t("demand.none")}</option>
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

