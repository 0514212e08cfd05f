/**
 * /documents/<id>/signoff/diff?from=<version hash> — what changed between a version a signatory
 * approved (its sign-off snapshot) and the current durable content. Linked from an outdated
 * approval in the Sign-off panel.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CanonicalDiff, historyStylesheet } from "~/components/history/CanonicalDiff";
import signoffStyles from "~/components/signoff/signoff.css";
import { requireUser } from "~/modules/auth/request.server";
import { diffCanonical, type CanonicalDocument } from "~/modules/documents/model";
import { approvedVersionSnapshot } from "~/modules/signoff/read-models/certificate.server";
import { VersionWords } from "~/components/versions/VersionName";
import { versionTitle } from "~/modules/versions/version-names";
import { nameVersions } from "~/modules/versions/version-names.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: historyStylesheet },
  { rel: "stylesheet", href: signoffStyles },
];

export const meta: MetaFunction = () => [{ title: "Changes since the approved version — Concord" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const from = new URL(request.url).searchParams.get("from") ?? "";
  if (!/^[0-9a-f]{64}$/.test(from)) throw new Response("Unknown version", { status: 400 });
  const found = await approvedVersionSnapshot(user.id, params.documentId ?? "", from);
  if (!found.snapshot) throw new Response("That version was never submitted for sign-off", { status: 404 });
  const before = JSON.parse(found.snapshot.canonical) as CanonicalDocument;
  const [fromVersion, toVersion] = await nameVersions(found.document.id, [from, found.current.hash]);
  return json({
    document: { id: found.document.id, title: found.document.title, kind: found.document.kind },
    from: fromVersion!,
    to: toVersion!,
    diff: diffCanonical(before, found.current.canonical),
  });
}

export default function SignoffDiffPage() {
  const { document, from, to, diff } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link>
          </p>
          <h1>What changed since the approved version</h1>
          <p>
            From the approved version, <VersionWords version={from} />, to the current version, <VersionWords version={to} />.
          </p>
          <details className="version-details">
            <summary>Details</summary>
            Content hashes (SHA-256): approved <code className="hash" style={{ overflowWrap: "anywhere" }}>{from.hash}</code>, current{" "}
            <code className="hash" style={{ overflowWrap: "anywhere" }}>{to.hash}</code>
          </details>
        </div>
      </div>
      <section className="card">
        {diff.identical ? (
          <p className="empty">No differences: the current content is the version that was approved.</p>
        ) : (
          <CanonicalDiff kind={document.kind} diff={diff} beforeLabel={`Approved (${versionTitle(from)})`} afterLabel={`Current (${versionTitle(to)})`} hrefFor={(anchor) => `/documents/${document.id}#${anchor}`} />
        )}
        <p>
          <Link to={`/documents/${document.id}`}>Back to the document</Link>
        </p>
      </section>
    </>
  );
}
