/**
 * /catalog/<title-slug>-<id> — one approved credential, public (issue #17): the catalog's facts,
 * its competencies and occupations, its Open Badges and CTDL records (the read API's public
 * addresses), and schema.org `EducationalOccupationalCredential` JSON-LD for search engines. A
 * slug whose title part is out of date redirects to the current one; a credential that is no
 * longer approved is not found.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLocale } from "~/components/i18n/use-locale";
import { kindTexts } from "~/modules/i18n/kind-text";
import { LANGUAGE_TAGS, type Locale } from "~/modules/i18n/locales";
import { entryText } from "~/modules/catalog/entry";
import catalogStyles from "~/components/catalog/catalog.css";
import { CredentialFacts } from "~/components/catalog/CredentialFacts";
import { catalogCredential, credentialIdOfSlug } from "~/modules/catalog/catalog.server";
import { occupationSystemLabel } from "~/modules/catalog/entry";
import { credentialJsonLd, scriptJson } from "~/modules/catalog/present";
import { credentialLinks } from "~/modules/catalog/read-api.server";
import { formatCalendarDate } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        { title: metaT(matches)("catalog.credential.metaTitle", { title: data.entry.title }) },
        ...(data.entry.description ? [{ name: "description", content: data.entry.description }] : []),
        { tagName: "link", rel: "canonical", href: data.links.catalogPage },
      ]
    : [{ title: metaT(matches)("catalog.credential.notFoundTitle") }];

/** "NOC 2021" / "CNP 2021": the classification's short name, in the page's language. */
function occupationSystemShort(system: string, locale: Locale): string {
  const label = locale === "en" ? occupationSystemLabel(system) : (kindTexts(locale).credential_spec.items.occupations?.fields?.system?.options?.[system] ?? occupationSystemLabel(system));
  return label.split(" (")[0] ?? label;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = await credentialIdOfSlug(params.slug ?? "");
  const entry = id ? await catalogCredential(id) : null;
  if (!entry) throw new Response("This credential is not in the catalog.", { status: 404 });
  if (params.slug !== entry.slug) throw redirect(`/catalog/${entry.slug}`, 301);
  const origin = new URL(request.url).origin;
  return json({ entry, links: credentialLinks(origin, entry), jsonLd: scriptJson(credentialJsonLd(entry, origin)) });
}

export default function CatalogCredential() {
  const { entry, links, jsonLd } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = entryText(entry, locale);
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p>
        <Link to="/catalog">← {t("catalog.list.title")}</Link>
      </p>
      <div className="page-header">
        <div>
          <p className="eyebrow">{entry.shortCode ? `${t("catalog.credential.eyebrow")} · ${entry.shortCode}` : t("catalog.credential.eyebrow")}</p>
          <h1 lang={shown.lang === locale ? undefined : LANGUAGE_TAGS[shown.lang]}>{shown.title}</h1>
          {shown.description ? <p lang={shown.lang === locale ? undefined : LANGUAGE_TAGS[shown.lang]}>{shown.description}</p> : null}
        </div>
      </div>
      <div className="grid grid--sidebar">
        <div className="stack">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t("catalog.credential.atAGlance")}</h2>
            <CredentialFacts entry={entry} />
          </section>
          <section className="card" aria-labelledby="competencies-heading">
            <h2 id="competencies-heading">{t("catalog.credential.competencies")}</h2>
            {entry.competencies.length === 0 ? (
              <p className="empty">{t("catalog.credential.noneListed")}</p>
            ) : (
              <ol className="catalog-competencies">
                {entry.competencies.map((c, i) => (
                  <li key={`${c.code ?? ""}-${i}`}>
                    {c.code ? <strong>{c.code} </strong> : null}
                    {c.title}
                    {c.level ? <span className="muted"> — {c.level}</span> : null}
                    {c.essential ? null : <span className="muted"> {t("catalog.credential.optional")}</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {entry.occupations.length > 0 ? (
            <section className="card" aria-labelledby="occupations-heading">
              <h2 id="occupations-heading">{t("catalog.credential.occupations")}</h2>
              <ul className="catalog-competencies">
                {entry.occupations.map((o) => (
                  <li key={`${o.system}-${o.code}`}>
                    {o.title} <span className="muted">({occupationSystemShort(o.system, locale)} {o.code})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="stack">
          <section className="card" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{t("catalog.credential.records")}</h2>
            <p className="muted">{t("catalog.credential.recordsIntro")}</p>
            <div className="catalog-downloads">
              <a className="button button--secondary" href={links.openBadges} download>
                Open Badges 3.0 (JSON)
              </a>
              <a className="button button--secondary" href={links.ctdl} download>
                CTDL (JSON-LD)
              </a>
            </div>
          </section>
          <section className="card" aria-labelledby="approval-heading">
            <h2 id="approval-heading">{t("catalog.credential.approval")}</h2>
            <dl className="kv">
              <dt>{t("catalog.credential.approved")}</dt>
              <dd>{formatCalendarDate(entry.approvedAt.slice(0, 10), LANGUAGE_TAGS[locale] as "en-CA" | "fr-CA")}</dd>
              {entry.webpage ? (
                <>
                  <dt>{t("catalog.credential.webpage")}</dt>
                  <dd>
                    <a href={entry.webpage} rel="noopener noreferrer">
                      {new URL(entry.webpage).host}
                    </a>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        </aside>
      </div>
    </>
  );
}
