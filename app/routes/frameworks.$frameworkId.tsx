import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { FrameworkTree, type RevealRequest } from "~/components/frameworks/FrameworkTree";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ErrorPage } from "~/components/ui/error-page";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { deleteFramework, frameworkChildren, getFramework, searchCompetencies } from "~/modules/frameworks/library.server";
import { FrameworkInUseError, frameworkUsageFor, usageVisibleTo, type VisibleUsage } from "~/modules/frameworks/usage.server";
import { competencyCount } from "~/modules/documents/labels";
import { Moment } from "~/components/ui/moment";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.framework.name ?? "Framework"} — Concord` }];

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
  const competencies = competencyCount(framework.competencyCount);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/frameworks">Competency frameworks</Link>
          </p>
          <h1>{framework.name}</h1>
          <p>
            {competencies}
            {framework.publisher ? ` · ${framework.publisher}` : ""}
            {` · ${framework.versionLabel ? `version ${framework.versionLabel}` : `version ${framework.versionNumber}`}`}
            {framework.language ? ` · ${framework.language}` : ""}
          </p>
          {framework.description ? <p className="muted">{framework.description}</p> : null}
        </div>
        <div className="framework-downloads">
          <a className="button button--secondary" href={`${base}/download?format=csv`} download>
            Download CSV
          </a>
          <a className="button button--secondary" href={`${base}/download?format=ctdl-asn`} download>
            Download CTDL-ASN
          </a>
        </div>
      </div>

      <div className="grid grid--sidebar">
        <div>
          <section className="card">
            <Form method="get" className="framework-search" role="search">
              <div className="field">
                <label htmlFor="framework-search">Search competencies</label>
                <input id="framework-search" name="q" type="search" defaultValue={query} key={query} placeholder="Words or a code" />
              </div>
              <button type="submit" className="button button--secondary">Search</button>
            </Form>
            {results === null ? null : results.length === 0 ? (
              <p className="empty" role="status">No competency matches “{query}”.</p>
            ) : (
              <>
                <p className="muted" role="status">
                  {results.length === 50 ? "The first 50 matches" : `${results.length} ${results.length === 1 ? "match" : "matches"}`}; choose one to show it in the tree.
                </p>
                <ul className="framework-results" aria-label="Search results">
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
            <h2>Hierarchy</h2>
            {roots.length === 0 ? (
              <p className="empty">This framework holds no competencies.</p>
            ) : (
              // Keyed by version: another version is another tree, not this one's open branches.
              <FrameworkTree key={framework.id} label={`${framework.name} competencies`} roots={roots} childrenUrl={`${base}/children`} reveal={reveal} />
            )}
          </section>
        </div>

        <aside>
          <section className="card">
            <h2>Versions</h2>
            <ol className="framework-versions" reversed>
              {framework.versions.map((version) => (
                <li key={version.id}>
                  {version.id === framework.id ? (
                    <strong aria-current="page">Version {version.versionNumber}</strong>
                  ) : (
                    <Link to={`/frameworks/${version.id}`}>Version {version.versionNumber}</Link>
                  )}
                  {version.versionLabel ? ` (${version.versionLabel})` : ""}
                  <br />
                  <span className="muted">
                    {version.competencyCount.toLocaleString("en-CA")} competencies · imported <Moment iso={version.importedAt} />
                  </span>
                </li>
              ))}
            </ol>
            {framework.changes ? (
              <>
                <h3>Changes from the previous version</h3>
                <ChangeList title="Added" items={framework.changes.added} />
                <ChangeList title="Removed" items={framework.changes.removed} />
                <ChangeList title="Reworded" items={framework.changes.reworded} />
              </>
            ) : null}
          </section>
          <section className="card">
            <h2>Source</h2>
            <dl className="framework-source">
              <dt>Owned by</dt>
              <dd>{framework.organizationName}</dd>
              {framework.licence || framework.licenceUri ? (
                <>
                  <dt>Licence</dt>
                  <dd>{framework.licenceUri ? <a href={framework.licenceUri}>{framework.licence ?? framework.licenceUri}</a> : framework.licence}</dd>
                </>
              ) : null}
              {framework.sourceUri ? (
                <>
                  <dt>Source</dt>
                  <dd><a href={framework.sourceUri}>{framework.sourceUri}</a></dd>
                </>
              ) : null}
            </dl>
          </section>
          {framework.mayManage ? (
            <section className="card">
              <h2>Manage</h2>
              {usage && usage.total > 0 ? (
                <FrameworkInUse usage={usage} />
              ) : confirmingDelete ? (
                <Form method="post">
                  <p role="alert">
                    Delete version {framework.versionNumber} of {framework.name} and its {competencies}? This cannot be undone.
                  </p>
                  <button type="submit" name="intent" value="delete" className="button button--danger" disabled={navigation.state === "submitting"}>
                    Yes, delete this version
                  </button>{" "}
                  <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(false)}>
                    Cancel
                  </button>
                </Form>
              ) : (
                <button type="button" className="button button--danger" onClick={() => setConfirmingDelete(true)}>
                  Delete framework
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
  return (
    <div role="status">
      <p>
        This framework is used by {usage.total} {usage.total === 1 ? "specification" : "specifications"} and cannot be deleted:
      </p>
      <ul>
        {usage.visible.map((document) => (
          <li key={document.id}>
            <Link to={`/documents/${document.id}`}>{document.title}</Link> <span className="muted">({document.projectTitle})</span>
          </li>
        ))}
        {others > 0 ? (
          <li className="muted">
            {usage.visible.length > 0 ? `and ${others} ${others === 1 ? "other" : "others"}` : `${others} ${others === 1 ? "specification" : "specifications"}`} you cannot see
          </li>
        ) : null}
      </ul>
      <p className="muted">Update those specifications to another version, or remove their competencies from this version, first.</p>
    </div>
  );
}

function ChangeList({ title, items }: { title: string; items: ReadonlyArray<{ sourceId: string; code: string | null; statement: string }> }) {
  if (items.length === 0) return <p className="muted">{title}: none</p>;
  return (
    <details>
      <summary>
        {title}: {items.length.toLocaleString("en-CA")}
      </summary>
      <ul>
        {items.slice(0, 100).map((item) => (
          <li key={item.sourceId}>
            {item.code ? <strong>{item.code} </strong> : null}
            {item.statement}
          </li>
        ))}
        {items.length > 100 ? <li className="muted">and {(items.length - 100).toLocaleString("en-CA")} more</li> : null}
      </ul>
    </details>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
