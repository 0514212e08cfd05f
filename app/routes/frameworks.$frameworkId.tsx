import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { z } from "zod";
import { FrameworkTree, type RevealRequest } from "~/components/frameworks/FrameworkTree";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ErrorPage } from "~/components/ui/error-page";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { deleteFramework, frameworkChildren, getFramework, searchCompetencies } from "~/modules/frameworks/library.server";
import { FrameworkInUseError, frameworkUsageFor, usageVisibleTo, type VisibleUsage } from "~/modules/frameworks/usage.server";
import { Moment } from "~/components/ui/moment";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("frameworks.page.metaTitle", { name: data?.framework.name ?? t("frameworks.page.metaFallback") }) }];
};

const QuerySchema = z.string().trim().max(200).catch("");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const id = params.frameworkId ?? "";
  // Throws 404 when there is no such framework (every signed-in user may read any that exists).
  const framework = await getFramework(actor, id);
  const query = QuerySchema.parse(new URL(request.url).searchParams.get("q") ?? "");
  const [roots, results, usage] = await Promise.all([
    frameworkChildren(id, null),
    query ? searchCompetencies(id, query) : Promise.resolve(null),
    // Only those who may delete it need to know, before trying, that specifications still use it.
    framework.mayManage ? frameworkUsageFor(actor, id) : Promise.resolve(null),
  ]);
  return json({ framework, roots, query, results, usage });
}

const ActionSchema = z.object({ intent: z.literal("delete") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const form = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response("Unknown action", { status: 400 });
  try {
    // Refused with 403 unless the actor is an admin of the framework's organization.
    await deleteFramework(actor, params.frameworkId ?? "", requestMeta(request, context.clientIp));
  } catch (error) {
    // A specification started using it since the page loaded: say which, as the page would.
    if (error instanceof FrameworkInUseError) {
      const usage = await usageVisibleTo(actor, error.documents);
      return json({ usage: { ...usage, total: error.documents.length } }, { status: 409 });
    }
    throw error;
  }
  return redirect("/frameworks");
}

export default function FrameworkPage() {
  const { framework, roots, query, results, usage: loadedUsage } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const usage = refused?.usage ?? loadedUsage;
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const navigation = useNavigation();
  const base = `/frameworks/${framework.id}`;
  const { t } = useTranslation();
  const competencies = t("frameworks.competencies", { count: framework.competencyCount });
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/frameworks">{t("frameworks.eyebrow")}</Link>
          </p>
          <h1>{framework.name}</h1>
          <p>
            {competencies}
            {framework.publisher ? ` · ${framework.publisher}` : ""}
            {` · ${t("frameworks.page.version", { version: framework.versionLabel ?? framework.versionNumber })}`}
            {framework.language ? ` · ${framework.language}` : ""}
          </p>
          {framework.description ? <p className="muted">{framework.description}</p> : null}
        </div>
        <div className="framework-downloads">
          <a className="button button--secondary" href={`${base}/download?format=csv`} download>
            {t("frameworks.page.downloadCsv")}
          </a>
          <a className="button button--secondary" href={`${base}/download?format=ctdl-asn`} download>
            {t("frameworks.page.downloadCtdl")}
          </a>
        </div>
      </div>

      <div className="grid grid--sidebar">
        <div>
          <section className="card">
            <Form method="get" className="framework-search" role="search">
              <div className="field">
                <label htmlFor="framework-search">{t("frameworks.page.searchLabel")}</label>
                <input id="framework-search" name="q" type="search" defaultValue={query} key={query} placeholder={t("frameworks.page.searchPlaceholder")} />
              </div>
              <button type="submit" className="button button--secondary">{t("frameworks.page.search")}</button>
            </Form>
            {results === null ? null : results.length === 0 ? (
              <p className="empty" role="status">{t("frameworks.page.noMatch", { query })}</p>
            ) : (
              <>
                <p className="muted" role="status">
                  {results.length === 50 ? t("frameworks.page.firstMatches") : t("frameworks.page.matches", { count: results.length })}
                </p>
                <ul className="framework-results" aria-label={t("frameworks.page.results")}>
                  {results.map((hit) => (
                    <li key={hit.id}>
                      <button type="button" onClick={() => setReveal({ id: hit.id, ancestorIds: hit.ancestorIds, key: Date.now() })}>
                        {hit.code ? <strong>{hit.code} </strong> : null}
                        {hit.statement}
                        {hit.path.length > 0 ? <span className="framework-results__path">{hit.path.join(" › ")}</span> : null}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="card">
            <h2>{t("frameworks.page.hierarchy")}</h2>
            {roots.length === 0 ? (
              <p className="empty">{t("frameworks.page.emptyTree")}</p>
            ) : (
              // Keyed by version: another version is another tree, not this one's open branches.
              <FrameworkTree key={framework.id} label={t("frameworks.page.treeLabel", { name: framework.name })} roots={roots} childrenUrl={`${base}/children`} reveal={reveal} />
            )}
          </section>
        </div>

        <aside>
          <section className="card">
            <h2>{t("frameworks.page.versions")}</h2>
            <ol className="framework-versions" reversed>
              {framework.versions.map((version) => (
                <li key={version.id}>
                  {version.id === framework.id ? (
                    <strong aria-current="page">{t("frameworks.page.versionNumber", { number: version.versionNumber })}</strong>
                  ) : (
                    <Link to={`/frameworks/${version.id}`}>{t("frameworks.page.versionNumber", { number: version.versionNumber })}</Link>
                  )}
                  {version.versionLabel ? ` (${version.versionLabel})` : ""}
                  <br />
                  <span className="muted">
                    {t("frameworks.page.versionDetails", { count: version.competencyCount })} <Moment iso={version.importedAt} />
                  </span>
                </li>
              ))}
            </ol>
            {framework.changes ? (
              <>
                <h3>{t("frameworks.page.changes")}</h3>
                <ChangeList title={t("frameworks.page.added")} items={framework.changes.added} />
                <ChangeList title={t("frameworks.page.removed")} items={framework.changes.removed} />
                <ChangeList title={t("frameworks.page.reworded")} items={framework.changes.reworded} />
              </>
            ) : null}
          </section>
          <section className="card">
            <h2>{t("frameworks.page.source")}</h2>
            <dl className="framework-source">
              <dt>{t("frameworks.page.ownedBy")}</dt>
              <dd>{framework.organizationName}</dd>
              {framework.licence || framework.licenceUri ? (
                <>
                  <dt>{t("frameworks.page.licence")}</dt>
                  <dd>{framework.licenceUri ? <a href={framework.licenceUri}>{framework.licence ?? framework.licenceUri}</a> : framework.licence}</dd>
                </>
              ) : null}
              {framework.sourceUri ? (
                <>
                  <dt>{t("frameworks.page.source")}</dt>
                  <dd><a href={framework.sourceUri}>{framework.sourceUri}</a></dd>
                </>
              ) : null}
            </dl>
          </section>
          {framework.mayManage ? (
            <section className="card">
              <h2>{t("frameworks.page.manage")}</h2>
              {usage && usage.total > 0 ? (
                <FrameworkInUse usage={usage} />
              ) : confirmingDelete ? (
                <Form method="post">
                  <p role="alert">
                    {t("frameworks.page.confirmDelete", { number: framework.versionNumber, name: framework.name, competencies })}
                  </p>
                  <button type="submit" name="intent" value="delete" className="button button--danger" disabled={navigation.state === "submitting"}>
                    {t("frameworks.page.yesDelete")}
                  </button>{" "}
                  <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(false)}>
                    {t("frameworks.page.cancel")}
                  </button>
                </Form>
              ) : (
                <button type="button" className="button button--danger" onClick={() => setConfirmingDelete(true)}>
                  {t("frameworks.page.deleteFramework")}
                </button>
              )}
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

/** Why this version cannot be deleted: the specifications using it, named only to those who may see them. */
function FrameworkInUse({ usage }: { usage: VisibleUsage & { total: number } }) {
  const others = usage.hiddenCount;
  const { t } = useTranslation();
  return (
    <div role="status">
      <p>
        {t("frameworks.page.inUse", { count: usage.total })}
      </p>
      <ul>
        {usage.visible.map((document) => (
          <li key={document.id}>
            <Link to={`/documents/${document.id}`}>{document.title}</Link> <span className="muted">({document.projectTitle})</span>
          </li>
        ))}
        {others > 0 ? (
          <li className="muted">
            {usage.visible.length > 0 ? t("frameworks.page.andOthers", { count: others }) : t("frameworks.page.hiddenOnly", { count: others })}
          </li>
        ) : null}
      </ul>
      <p className="muted">{t("frameworks.page.inUseHint")}</p>
    </div>
  );
}

function ChangeList({ title, items }: { title: string; items: ReadonlyArray<{ sourceId: string; code: string | null; statement: string }> }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t("frameworks.page.changeNone", { title })}</p>;
  return (
    <details>
      <summary>
        {t("frameworks.page.changeCount", { title, count: items.length })}
      </summary>
      <ul>
        {items.slice(0, 100).map((item) => (
          <li key={item.sourceId}>
            {item.code ? <strong>{item.code} </strong> : null}
            {item.statement}
          </li>
        ))}
        {items.length > 100 ? <li className="muted">{t("frameworks.page.andMore", { count: items.length - 100 })}</li> : null}
      </ul>
    </details>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
