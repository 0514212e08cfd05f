/**
 * /inbox — "Needs you": everything that waits for the person in one list (decisions, changes to
 * resubmit, mentions, replies, recognitions to sign, invitations), oldest or newest first, each
 * linking straight to where it is answered.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { InvitationRow } from "~/components/projects/ProjectInvitations";
import { SIGNOFF_ANCHOR } from "~/components/signoff/SignoffPanel";
import { StatusBadge } from "~/components/ui/badges";
import { Moment } from "~/components/ui/moment";
import { requireActor } from "~/modules/auth/request.server";
import { needsYou, type InboxOrder, type NeedsYouItem } from "~/modules/inbox/needs-you.server";
import type { InboxItem } from "~/modules/signoff/read-models/inbox.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("inbox.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const order: InboxOrder = new URL(request.url).searchParams.get("order") === "newest" ? "newest" : "oldest";
  return json({ items: await needsYou(actor, order), order });
}

export default function InboxPage() {
  const { items, order } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("inbox.eyebrow")}</p>
          <h1>{t("inbox.title")}</h1>
          <p>{t("inbox.intro")}</p>
        </div>
        <nav aria-label={t("inbox.order.label")} className="row">
          <Link to="?order=oldest" className={`button button--small ${order === "oldest" ? "" : "button--secondary"}`} aria-current={order === "oldest" ? "page" : undefined}>
            {t("inbox.order.oldest")}
          </Link>
          <Link to="?order=newest" className={`button button--small ${order === "newest" ? "" : "button--secondary"}`} aria-current={order === "newest" ? "page" : undefined}>
            {t("inbox.order.newest")}
          </Link>
        </nav>
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">{t("inbox.empty")}</p>
        ) : (
          <ul className="list" aria-label={t("inbox.listLabel")} data-testid="needs-you">
            {items.map((item) => (item.kind === "project_invitation" ? <InvitationRow key={item.key} invitation={item.invitation} redirectTo="/inbox" showInvitedOrganization /> : <Item key={item.key} item={item} />))}
          </ul>
        )}
      </section>
    </>
  );
}

type Shown = Exclude<NeedsYouItem, { kind: "project_invitation" }>;

function Item({ item }: { item: Shown }) {
  const { t } = useTranslation();
  const { label, link, title, context } = describe(t, item);
  return (
    <li style={{ display: "block" }} aria-label={`${label}: ${title}`} data-kind={item.kind} data-testid={item.kind === "recognition" ? "recognitions-awaiting" : undefined}>
      <p className="eyebrow">{label}</p>
      <Link to={link}>{title}</Link>
      {item.kind === "signoff" ? (
        <>
          {" "}
          <StatusBadge status={item.signoff.status} />
        </>
      ) : null}
      <div className="muted">
        {context} · <Moment iso={item.since} />
      </div>
    </li>
  );
}

function signoffWords(t: TFunction, item: InboxItem): string {
  if (item.kind === "resubmit") return t("inbox.signoff.resubmit");
  const organization = item.organizationName ?? t("inbox.signoff.yourOrganization");
  const who = `${item.outdated ? t("inbox.signoff.newDecision", { organization }) : t("inbox.signoff.decision", { organization })}${item.stageName ? ` (${item.stageName})` : ""}`;
  const notes = [item.outdated ? t("inbox.signoff.outdated") : "", !item.mayAct ? t("inbox.signoff.signatoryDecides") : ""].filter(Boolean);
  return [who, ...notes].join(" — ");
}

function describe(t: TFunction, item: Shown): { label: string; link: string; title: string; context: string } {
  switch (item.kind) {
    case "signoff":
      return {
        label: item.signoff.kind === "decide" ? t("inbox.kinds.decision") : t("inbox.kinds.resubmit"),
        link: item.signoff.kind === "decide" ? `/documents/${item.signoff.documentId}#${SIGNOFF_ANCHOR}` : `/documents/${item.signoff.documentId}`,
        title: item.signoff.documentTitle,
        context: `${signoffWords(t, item.signoff)} · ${item.signoff.projectTitle}`,
      };
    case "mention":
    case "reply":
      return {
        label: item.kind === "mention" ? t("inbox.kinds.mention") : t("inbox.kinds.reply"),
        link: item.link,
        title: item.documentTitle,
        context: `${item.kind === "mention" ? t("inbox.thread.mentioned", { who: item.by ?? t("inbox.thread.someone") }) : t("inbox.thread.replied", { who: item.by ?? t("inbox.thread.someone") })} · ${item.projectTitle}`,
      };
    case "recognition":
      return { label: t("inbox.kinds.recognition"), link: item.link, title: item.documentTitle, context: t("inbox.recognition", { organization: item.organizationName, program: item.program }) };
    case "consortium_invitation":
      return {
        label: t("inbox.kinds.consortiumInvitation"),
        link: item.link,
        title: item.consortiumName,
        context: t("inbox.consortiumInvitation", { inviting: item.invitingOrganizationName, organization: item.organizationName }),
      };
  }
}
