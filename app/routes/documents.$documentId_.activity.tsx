/**
 * /documents/<id>/activity — what happened to a document, newest first: edits (grouped per person
 * and minute, as the collaboration server recorded them), comments, and sign-off decisions and
 * events. Anyone who may view the document may read it; others get the gate's 404.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ui/error-page";
import { Moment } from "~/components/ui/moment";
import { requireActor } from "~/modules/auth/request.server";
import { personAndOrganization } from "~/modules/documents/edits";
import { documentActivity } from "~/modules/documents/edits.server";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import type { TFunction } from "i18next";
import type { ActivityItem } from "~/modules/documents/edits.server";
import { renderAuditWhat } from "~/modules/signoff/audit-what";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("history.activity.metaTitle", { title: data?.document.title ?? t("documents.page.untitled") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return json(await documentActivity(actor, params.documentId ?? ""));
}

export default function DocumentActivityPage() {
  const { document, items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link>
          </p>
          <h1>{t("history.activity.title")}</h1>
          <p>{t("history.activity.intro")}</p>
        </div>
        <Link className="button button--secondary" to={`/documents/${document.id}`}>{t("documents.backToDocument")}</Link>
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">{t("history.activity.empty")}</p>
        ) : (
          <ol className="list" aria-label={t("history.activity.listLabel")}>
            {items.map((item, index) => (
              <li key={`${item.kind}:${item.at}:${index}`} data-kind={item.kind}>
                <span>
                  <span className="visually-hidden">{t(`history.activity.kinds.${item.kind}`)}{t("history.activity.kindSeparator")}</span>
                  {item.person ? <strong>{personAndOrganization(item.person, item.organization)}</strong> : <strong>Concord</strong>} — {activityWhat(item, t)}
                </span>
                <span className="muted" style={{ whiteSpace: "nowrap" }}>
                  <Moment iso={item.at} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

/** The line's words in the reader's language, from its parts; `what` (English) when it has none. */
function activityWhat(item: Pick<ActivityItem, "what" | "edited" | "comment" | "event">, t: TFunction): string {
  if (item.edited) {
    const fields = item.edited.map(({ label, count, unit }) =>
      unit === null ? label : t(unit === "competency" ? "documents.activityLine.competencies" : "documents.activityLine.rows", { label, count }),
    );
    return t("documents.activityLine.edited", { fields: fields.join(t("documents.activityLine.fieldSeparator")) });
  }
  if (item.comment) return t(item.comment.reply ? "documents.activityLine.replied" : "documents.activityLine.commented", { place: item.comment.place, body: item.comment.body });
  return renderAuditWhat(t, item.event, item.what);
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
