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
import catalogStyles from "~/components/catalog/catalog.css";
import { CredentialFacts } from "~/components/catalog/CredentialFacts";
import { catalogCredential, credentialIdOfSlug } from "~/modules/catalog/catalog.server";
import { occupationSystemLabel } from "~/modules/catalog/entry";
import { credentialJsonLd, scriptJson } from "~/modules/catalog/present";
import { credentialLinks } from "~/modules/catalog/read-api.server";
import { formatCalendarDate } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.entry.title} — Credential catalog — Concord` },
        ...(data.entry.description ? [{ name: "description", content: data.entry.description }] : []),
        { tagName: "link", rel: "canonical", href: data.links.catalogPage },
      ]
    : [{ title: "Credential not found — Concord" }];

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
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p>
        <Link to="/catalog">← Credential catalog</Link>
      </p>
      <div className="page-header">
        <div>
          <p className="eyebrow">{entry.shortCode ? `Micro-credential · ${entry.shortCode}` : "Micro-credential"}</p>
          <h1>{entry.title}</h1>
          {entry.description ? <p>{entry.description}</p> : null}
        </div>
      </div>
      <div className="grid grid--sidebar">
        <div className="stack">
          <section className="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading">At a glance</h2>
            <CredentialFacts entry={entry} />
          </section>
          <section className="card" aria-labelledby="competencies-heading">
            <h2 id="competencies-heading">Competencies</h2>
            {entry.competencies.length === 0 ? (
              <p className="empty">None listed.</p>
            ) : (
              <ol className="catalog-competencies">
                {entry.competencies.map((c, i) => (
                  <li key={`${c.code ?? ""}-${i}`}>
                    {c.code ? <strong>{c.code} </strong> : null}
                    {c.title}
                    {c.level ? <span className="muted"> — {c.level}</span> : null}
                    {c.essential ? null : <span className="muted"> (optional)</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {entry.occupations.length > 0 ? (
            <section className="card" aria-labelledby="occupations-heading">
              <h2 id="occupations-heading">Occupations</h2>
              <ul className="catalog-competencies">
                {entry.occupations.map((o) => (
                  <li key={`${o.system}-${o.code}`}>
                    {o.title} <span className="muted">({occupationSystemLabel(o.system).split(" (")[0]} {o.code})</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
        <aside className="stack">
          <section className="card" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">Records</h2>
            <p className="muted">The approved specification in the formats registries and badge platforms read.</p>
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
            <h2 id="approval-heading">Approval</h2>
            <dl className="kv">
              <dt>Approved</dt>
              <dd>{formatCalendarDate(entry.approvedAt.slice(0, 10))}</dd>
              {entry.webpage ? (
                <>
                  <dt>Web page</dt>
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
