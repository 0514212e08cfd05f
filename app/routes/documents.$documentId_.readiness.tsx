/**
 * /documents/<id>/readiness — "Standards readiness" of a credential specification: for the EU
 * micro-credential standard, Open Badges 3.0, CTDL publishing and eCampusOntario, each element ✓
 * or what is missing, linked to the field (of the specification or its assessment plan).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import exportsStyles from "~/components/exports/exports.css";
import { StandardsReadiness } from "~/components/exports/StandardsReadiness";
import { requireUser } from "~/modules/auth/request.server";
import { loadReadiness } from "~/modules/exports/exports.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: exportsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Standards readiness — ${data?.document.title ?? "Document"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await loadReadiness(user.id, params.documentId ?? "");
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export default function ReadinessPage() {
  const { document, plan, targets } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="readiness-title">
      <p className="eyebrow">
        <Link to={`/documents/${document.id}`}>Back to the document</Link>
      </p>
      <h1 id="readiness-title">Standards readiness</h1>
      <p>
        <strong>{document.title}</strong> — what each standard needs of this credential specification, read from its current content
        {plan ? (
          <>
            {" "}
            and its <Link to={`/documents/${plan.id}`}>assessment plan</Link>
          </>
        ) : null}
        .
      </p>
      {document.status === "approved" ? (
        <p className="row">
          <a className="button button--secondary" href={`/documents/${document.id}/export/openbadges`} download>
            Download Open Badges 3.0
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/ctdl`} download>
            Download CTDL
          </a>
        </p>
      ) : null}
      <StandardsReadiness targets={targets} />
    </article>
  );
}
