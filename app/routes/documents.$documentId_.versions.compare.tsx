/**
 * Compare two versions of a document, or a version with the current content:
 * /documents/:id/versions/compare?from=<n>&to=<n|current>. Not nested in the document page
 * (the `_` in the file name): it is a page of its own with the document page's links around it.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId, useState } from "react";
import { CanonicalDiff, historyStylesheet, type DiffMode } from "~/components/history/CanonicalDiff";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { useLabels } from "~/components/i18n/use-labels";
import { authorsOfChanges } from "~/modules/documents/edits";
import { editorsBetween } from "~/modules/documents/edits.server";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { compareVersions, listVersions, VersionRefSchema, type VersionRef } from "~/modules/versions/versions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: historyStylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("history.compare.metaTitle", { title: data?.document.title ?? t("documents.page.untitled") }) }];
};

function parseRef(value: string | null): VersionRef | null {
  if (value === null || value === "") return null;
  const parsed = VersionRefSchema.safeParse(value);
  if (!parsed.success) throw new Response("Unknown version", { status: 400 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const documentId = params.documentId ?? "";
  const url = new URL(request.url);
  // Refusals (404 for outsiders and unknown versions, 403) are thrown as responses by the module.
  const versions = await listVersions(actor, documentId);
  // Defaults: the latest version against the current content.
  const from = parseRef(url.searchParams.get("from")) ?? versions[0]?.number ?? "current";
  const to = parseRef(url.searchParams.get("to")) ?? "current";
  const comparison = await compareVersions(actor, documentId, from, to);
  // Who edited between the two sides' times ("current" is now), from the recorded authorship.
  const now = new Date();
  const editors = comparison.diff.identical ? [] : await editorsBetween(documentId, comparison.from.version?.createdAt ?? now, comparison.to.version?.createdAt ?? now);
  return json({
    authors: authorsOfChanges(comparison.diff, editors),
    document: { id: documentId, title: comparison.documentTitle, kind: comparison.kind },
    versions: versions.map((v) => ({ number: v.number, name: v.name, auto: v.auto })),
    comparison,
  });
}

function RefSelect({ label, name, value, versions }: { label: string; name: string; value: VersionRef; versions: Array<{ number: number; name: string; auto: boolean }> }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={String(value)}>
        <option value="current">{t("history.compare.current")}</option>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t("history.compare.option", { number: v.number, name: v.name })}
            {v.auto ? t("history.compare.automatic") : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function CompareVersionsPage() {
  const { document, versions, comparison, authors } = useLoaderData<typeof loader>();
  const [mode, setMode] = useState<DiffMode>("side-by-side");
  const { t } = useTranslation();
  const labels = useLabels();
  const { from, to, diff } = comparison;
  // The module names each side in English; the page words it in the reader's language.
  const labelOf = (side: typeof from) => (side.version ? t("history.compare.option", { number: side.version.number, name: side.version.name }) : t("history.compare.current"));
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link> · {labels.documentKind(document.kind)}
          </p>
          <h1>{t("history.compare.title")}</h1>
          <p>
            {t("history.compare.from")} <strong>{labelOf(from)}</strong> {t("history.compare.to")} <strong>{labelOf(to)}</strong>
          </p>
        </div>
        <Link className="button button--secondary" to={`/documents/${document.id}`}>{t("documents.backToDocument")}</Link>
      </div>
      <section className="card">
        <div className="history-compare-bar">
          <Form key={`${from.ref}:${to.ref}`} method="get" className="history-compare-bar" aria-label={t("history.compare.choose")}>
            <RefSelect label={t("history.compare.fromLabel")} name="from" value={from.ref} versions={versions} />
            <RefSelect label={t("history.compare.toLabel")} name="to" value={to.ref} versions={versions} />
            <button type="submit" className="button">{t("history.compare.submit")}</button>
          </Form>
          <fieldset className="diff-mode">
            <legend className="visually-hidden">{t("history.compare.showChanges")}</legend>
            {(["side-by-side", "inline"] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="diff-mode" value={value} checked={mode === value} onChange={() => setMode(value)} /> {value === "inline" ? t("history.compare.inline") : t("history.compare.sideBySide")}
              </label>
            ))}
          </fieldset>
        </div>
        {versions.length === 0 ? <p className="notice">{t("history.compare.noVersions")}</p> : null}
        <CanonicalDiff
          kind={document.kind}
          diff={diff}
          mode={mode}
          beforeLabel={labelOf(from)}
          afterLabel={labelOf(to)}
          hrefFor={(anchor) => `/documents/${document.id}#${anchor}`}
          authors={authors}
        />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
