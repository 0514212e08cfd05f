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
import { useVersionText, VersionWords } from "~/components/versions/VersionName";
import { nameVersions } from "~/modules/versions/version-names.server";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: historyStylesheet },
  { rel: "stylesheet", href: signoffStyles },
];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("signoff.diff.metaTitle") }];

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
  const { t } = useTranslation();
  const { title: versionTitle } = useVersionText();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link>
          </p>
          <h1>{t("signoff.diff.title")}</h1>
          <p>
            {t("signoff.diff.from")} <VersionWords version={from} />{t("signoff.diff.to")} <VersionWords version={to} />{t("signoff.diff.end")}
          </p>
          <details className="version-details">
            <summary>{t("signoff.diff.details")}</summary>
            {t("signoff.diff.hashesApproved")} <code className="hash" style={{ overflowWrap: "anywhere" }}>{from.hash}</code>{t("signoff.diff.hashesCurrent")}{" "}
            <code className="hash" style={{ overflowWrap: "anywhere" }}>{to.hash}</code>
          </details>
        </div>
      </div>
      <section className="card">
        {diff.identical ? (
          <p className="empty">{t("signoff.diff.identical")}</p>
        ) : (
          <CanonicalDiff kind={document.kind} diff={diff} beforeLabel={t("signoff.diff.beforeLabel", { version: versionTitle(from) })} afterLabel={t("signoff.diff.afterLabel", { version: versionTitle(to) })} hrefFor={(anchor) => `/documents/${document.id}#${anchor}`} />
        )}
        <p>
          <Link to={`/documents/${document.id}`}>{t("documents.backToDocument")}</Link>
        </p>
      </section>
    </>
  );
}
