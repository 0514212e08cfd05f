import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { DocumentWorkspace } from "~/components/document/document-workspace";
import { useLiveDocument } from "~/components/document/use-live-document";
import documentStyles from "~/components/document/document.css";
import competencyStyles from "~/components/document/competencies/competencies.css";
import coverageStyles from "~/components/document/coverage/coverage.css";
import { pickerStylesheet } from "~/components/frameworks/picker/CompetencyPicker";
import { loadDocumentPageData } from "~/components/document/page-data.server";
import { CommentsPanel } from "~/components/comments/CommentsPanel";
import { DecisionBanner, SignoffPanel } from "~/components/signoff/SignoffPanel";
import { HistoryPanel } from "~/components/history/HistoryPanel";
import { RoleBadge, StatusBadge } from "~/components/ui/badges";
import { requireActor } from "~/modules/auth/request.server";
import { getDocumentForActor, linkableDocuments } from "~/modules/documents/documents.server";
import { useLabels } from "~/components/i18n/use-labels";
import { LINKED_DOCUMENT } from "~/modules/documents/model";
import { todayIsoDate } from "~/utils/dates";
import { Moment } from "~/components/ui/moment";
import { LastChangesProvider } from "~/components/document/last-changed";
import { EDIT_PARAM, useEditMode } from "~/components/document/edit-mode";
import summaryStyles from "~/components/document/summary.css";
import { DemandSection } from "~/components/demand/DemandSection";
import { loadSpecificationDemand } from "~/modules/demand/page.server";
import type { SkipLink } from "~/root";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";

/** Skip links to the side panels (root.tsx): otherwise sign-off is hundreds of Tab stops down a long document. */
export const handle: { skipLinks: SkipLink[] } = {
  skipLinks: [
    { href: "#signoff", label: "common.skip.signoff" },
    { href: "#comments", label: "common.skip.comments" },
    { href: "#history", label: "common.skip.history" },
  ],
};

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: documentStyles },
  { rel: "stylesheet", href: competencyStyles },
  { rel: "stylesheet", href: coverageStyles },
  { rel: "stylesheet", href: pickerStylesheet },
  { rel: "stylesheet", href: summaryStyles },
];

/** Without the edit-mode parameter: switching between the Summary and the form needs no new page data. */
function withoutEditParam(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete(EDIT_PARAM);
  return `${url.pathname}?${params.toString()}`;
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod && currentUrl.pathname === nextUrl.pathname && withoutEditParam(currentUrl) === withoutEditParam(nextUrl) && currentUrl.search !== nextUrl.search) return false;
  return defaultShouldRevalidate;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("documents.page.metaTitle", { title: data?.document.title ?? t("documents.page.untitled") }) }];
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  // Throws the access gate's 404 for anyone who may not view the document.
  const found = await getDocumentForActor(actor, params.documentId ?? "");
  const { document } = found;
  // The project's specifications and plans: options of link fields and the competencies rows choose from.
  const link = LINKED_DOCUMENT[document.kind];
  // Only the kind this page links to brings its competencies: a specification's page would otherwise
  // carry every plan's thousands of rows for nothing.
  const linkable = await linkableDocuments(document.projectId, document.id, link?.kind ?? null);
  const linkedId = link ? document.projection?.keyFields[link.field] : undefined;
  const linked = typeof linkedId === "string" ? linkable.find((candidate) => candidate.id === linkedId) : undefined;
  const page = await loadDocumentPageData(document, linked ? { linkedCompetencies: linked.competencies, linkedKeyFields: linked.keyFields } : {}, context.liveDocuments);
  // A specification's Demand section: imported demand data for its subjects, and the commitments.
  const demand = document.kind === "credential_spec" ? await loadSpecificationDemand(actor, document.id, page.fields, document.projection?.competencies ?? []) : null;
  return json({
    document: { id: document.id, kind: document.kind, title: document.title, status: document.status, updatedAt: document.updatedAt, projectedAt: document.projectedAt },
    project: found.project,
    participants: found.participants,
    role: found.role,
    canEdit: found.canEdit,
    canComment: found.canComment,
    // The editor announces this exact id and name to the others; the server checks them against the session.
    viewer: { id: user.id, name: user.name },
    page,
    linkable,
    today: todayIsoDate(),
    demand,
  });
}

export default function DocumentPage() {
  const data = useLoaderData<typeof loader>();
  // Keyed by document: nothing of one document's Y.Doc, socket or typed drafts may carry over to the next.
  return <DocumentView key={data.document.id} {...data} />;
}

function DocumentView({ document, project, participants, role, canEdit, canComment, viewer, page, linkable, today, demand }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const { t } = useTranslation();
  const labels = useLabels();
  const revalidator = useRevalidator();
  const live = useLiveDocument({
    documentId: document.id,
    kind: document.kind,
    user: viewer,
    canEdit,
    snapshot: page.snapshot,
    initialFields: page.fields,
    initialCompleteness: page.completeness,
    linkable,
    today,
    demand: demand?.data.freshness,
    onPermissionsChanged: revalidator.revalidate,
  });
  const mode = useEditMode({ documentId: document.id, status: document.status, canEdit });
  // The document's own title field, live; the stored title until someone writes one.
  const liveTitle = typeof live.fields.title === "string" && live.fields.title.trim() ? live.fields.title.trim() : document.title;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/projects/${project.id}`}>{project.title}</Link> · {labels.documentKind(document.kind)}
          </p>
          <h1>{liveTitle}</h1>
        </div>
        <StatusBadge status={document.status} />
      </div>
      <DecisionBanner documentId={document.id} />
      {mode.dialog}
      <div className="grid grid--sidebar">
        <LastChangesProvider value={page.lastChanges}>
          <DocumentWorkspace live={live} kind={document.kind} canEdit={canEdit} canComment={canComment} linkable={linkable} firstPaint={page.firstPaint} withheld={page.withheld} frameworkUpdates={page.frameworkUpdates} planCoverage={page.planCoverage} editMode={mode.editing} modeLink={mode.modeLink} />
        </LastChangesProvider>
        <div className="document-aside">
          <section className="card" aria-label={t("documents.page.asideLabel")}>
            <dl className="kv">
              <dt>{t("documents.page.kind")}</dt>
              <dd>{labels.documentKind(document.kind)}</dd>
              <dt>{t("documents.page.status")}</dt>
              <dd><StatusBadge status={document.status} /></dd>
              <dt>{t("documents.page.project")}</dt>
              <dd><Link to={`/projects/${project.id}`}>{project.title}</Link></dd>
              <dt>{t("documents.page.lastUpdated")}</dt>
              <dd><Moment iso={document.updatedAt} /></dd>
              <dt>{t("documents.page.yourAccess")}</dt>
              <dd>{role ? t(`documents.page.access.${role}`) : "—"}</dd>
            </dl>
            <p className="signoff-links">
              <Link to={`/documents/${document.id}/activity`}>{t("documents.page.activity")}</Link>
              <a href={`/documents/${document.id}/pdf`} download>{t("documents.page.downloadPdf")}</a>
              {document.kind === "credential_spec" ? <Link to={`/documents/${document.id}/readiness`}>{t("documents.page.readiness")}</Link> : null}
              {document.kind === "credential_spec" ? <Link to={`/documents/${document.id}/recognitions`}>{t("documents.page.recognitions")}</Link> : null}
            </p>
            {document.kind === "credential_spec" && document.status === "approved" ? (
              <p className="signoff-links">
                <a href={`/documents/${document.id}/export/openbadges`} download>{t("documents.page.downloadOpenBadges")}</a>
                <a href={`/documents/${document.id}/export/ctdl`} download>{t("documents.page.downloadCtdl")}</a>
              </p>
            ) : null}
          </section>
          {/* SIDE PANELS */}
          <SignoffPanel documentId={document.id} status={document.status} canEdit={canEdit} />
          <HistoryPanel documentId={document.id} canEdit={canEdit} />
          <aside className="card" aria-labelledby="participants-heading">
            <h2 id="participants-heading">{t("documents.page.participants")}</h2>
            <ul className="list">
              {participants.map((participant) => (
                <li key={participant.organizationId}>
                  <span>{participant.name}</span>
                  <RoleBadge role={participant.role} />
                </li>
              ))}
            </ul>
          </aside>
          {/* Last: on wide screens it follows the reader down the page (sticky), with nothing below it to cover. */}
          <CommentsPanel documentId={document.id} canComment={canComment} />
        </div>
      </div>
      {demand ? <DemandSection documentId={document.id} fields={live.fields} today={today} {...demand} /> : null}
    </>
  );
}
