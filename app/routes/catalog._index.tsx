/**
 * /catalog — the public catalog of approved credentials (issue #17). No sign-in; server-rendered
 * from a GET form (filters in the address, so a filtered view can be linked and works without
 * JavaScript). The filters are the read API's (~/modules/catalog/filters), validated alike.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLabels } from "~/components/i18n/use-labels";
import catalogStyles from "~/components/catalog/catalog.css";
import { CredentialFacts } from "~/components/catalog/CredentialFacts";
import { listCatalog } from "~/modules/catalog/catalog.server";
import { entryText, type CatalogEntry } from "~/modules/catalog/entry";
import { useLocale } from "~/components/i18n/use-locale";
import { CatalogFiltersSchema, hasFilters, parameterError, queryObject, type CatalogFilters } from "~/modules/catalog/filters";
import { DELIVERY_MODES, JURISDICTIONS } from "~/modules/documents/kinds/options";
import { listFrameworks } from "~/modules/frameworks/library.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: t("catalog.list.metaTitle") },
    { name: "description", content: t("catalog.list.metaDescription") },
  ];
};

type LoaderData = {
  values: Record<string, string>;
  error: { parameter: string; message: string } | null;
  filtered: boolean;
  credentials: CatalogEntry[];
  frameworks: Array<{ id: string; name: string }>;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const values = queryObject(new URL(request.url).searchParams);
  const parsed = CatalogFiltersSchema.safeParse(values);
  const frameworks = (await listFrameworks()).map((f) => ({ id: f.id, name: f.name }));
  if (!parsed.success) {
    return json<LoaderData>({ values, error: parameterError(parsed.error), filtered: true, credentials: [], frameworks }, { status: 400 });
  }
  const filters: CatalogFilters = parsed.data;
  return json<LoaderData>({ values, error: null, filtered: hasFilters(filters), credentials: await listCatalog(filters), frameworks });
}

function FieldError({ name, error }: { name: string; error: LoaderData["error"] }) {
  if (error?.parameter !== name) return null;
  return (
    <span id={`catalog-${name}-error`} className="field__error" role="alert">
      {error.message}
    </span>
  );
}

function inputProps(name: string, error: LoaderData["error"]) {
  const invalid = error?.parameter === name;
  return { id: `catalog-${name}`, name, "aria-invalid": invalid || undefined, "aria-describedby": invalid ? `catalog-${name}-error` : undefined };
}

export default function Catalog() {
  const locale = useLocale();
  const { values, error, filtered, credentials, frameworks } = useLoaderData<typeof loader>();
  // Remount the form when the address changes, so its fields show the filters applied.
  const formKey = JSON.stringify(values);
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("catalog.list.eyebrow")}</p>
          <h1>{t("catalog.list.title")}</h1>
          <p>
            {t("catalog.list.intro")} <a href="/api/v1/openapi.json">{t("catalog.list.readApi")}</a>.
          </p>
        </div>
      </div>
      <section className="card" aria-labelledby="catalog-filters-heading">
        <h2 id="catalog-filters-heading" className="visually-hidden">
          {t("catalog.filters.title")}
        </h2>
        <Form method="get" action="/catalog" className="catalog-filters" key={formKey} noValidate>
          <div className="field">
            <label htmlFor="catalog-q">{t("catalog.filters.q")}</label>
            <input type="search" defaultValue={values.q ?? ""} placeholder={t("catalog.filters.qPlaceholder")} {...inputProps("q", error)} />
            <FieldError name="q" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-delivery">{t("catalog.filters.delivery")}</label>
            <select defaultValue={values.delivery ?? ""} {...inputProps("delivery", error)}>
              <option value="">{t("catalog.filters.any")}</option>
              {DELIVERY_MODES.map((o) => (
                <option key={o.value} value={o.value}>
                  {t(`catalog.filters.deliveryModes.${o.value}`)}
                </option>
              ))}
            </select>
            <FieldError name="delivery" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-province">{t("catalog.filters.province")}</label>
            <select defaultValue={values.province ?? ""} {...inputProps("province", error)}>
              <option value="">{t("catalog.filters.any")}</option>
              {JURISDICTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.value === "CA" ? t("catalog.filters.canadaWide") : labels.province(o.value)}
                </option>
              ))}
            </select>
            <FieldError name="province" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-costMin">{t("catalog.filters.costMin")}</label>
            <input type="number" min={0} step={1} inputMode="decimal" defaultValue={values.costMin ?? ""} {...inputProps("costMin", error)} />
            <FieldError name="costMin" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-costMax">{t("catalog.filters.costMax")}</label>
            <input type="number" min={0} step={1} inputMode="decimal" defaultValue={values.costMax ?? ""} {...inputProps("costMax", error)} />
            <FieldError name="costMax" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-maxWeeks">{t("catalog.filters.maxWeeks")}</label>
            <input type="number" min={1} max={260} step={1} defaultValue={values.maxWeeks ?? ""} {...inputProps("maxWeeks", error)} />
            <FieldError name="maxWeeks" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-occupation">{t("catalog.filters.occupation")}</label>
            <input type="text" inputMode="numeric" defaultValue={values.occupation ?? ""} placeholder={t("catalog.filters.occupationPlaceholder")} {...inputProps("occupation", error)} />
            <FieldError name="occupation" error={error} />
          </div>
          <div className="field">
            <label htmlFor="catalog-framework">{t("catalog.filters.framework")}</label>
            <select defaultValue={values.framework ?? ""} {...inputProps("framework", error)}>
              <option value="">{t("catalog.filters.any")}</option>
              {frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            <FieldError name="framework" error={error} />
          </div>
          <div className="catalog-filters__actions">
            <button type="submit" className="button">
              {t("catalog.filters.apply")}
            </button>
            {filtered ? <Link to="/catalog">{t("catalog.filters.clear")}</Link> : null}
          </div>
        </Form>
      </section>
      <section aria-labelledby="catalog-results-heading" className="stack" style={{ marginTop: "1.5rem" }}>
        <h2 id="catalog-results-heading" aria-live="polite">
          {t("catalog.list.count", { count: credentials.length })}
        </h2>
        {credentials.length === 0 ? (
          <p className="empty">{filtered ? t("catalog.list.noMatch") : t("catalog.list.empty")}</p>
        ) : (
          <ul className="catalog-results">
            {credentials.map((entry) => (
              <li key={entry.id} className="card catalog-result">
                <article aria-labelledby={`credential-${entry.id}`}>
                  <h3 id={`credential-${entry.id}`}>
                    <Link to={`/catalog/${entry.slug}`}>{entryText(entry, locale).title}</Link>
                  </h3>
                  {entryText(entry, locale).description ? <p>{entryText(entry, locale).description}</p> : null}
                  <CredentialFacts entry={entry} />
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
