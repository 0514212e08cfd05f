/**
 * /inbox — "Needs you": everything that waits for the person in one list (decisions, changes to
 * resubmit, mentions, replies, recognitions to sign, invitations), oldest or newest first, each
 * linking straight to where it is answered.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InvitationRow } from "~/components/projects/ProjectInvitations";
import { SIGNOFF_ANCHOR } from "~/components/signoff/SignoffPanel";
import { StatusBadge } from "~/components/ui/badges";
import { Moment } from "~/components/ui/moment";
import { requireActor } from "~/modules/auth/request.server";
import { needsYou, type InboxOrder, type NeedsYouItem } from "~/modules/inbox/needs-you.server";
import type { InboxItem } from "~/modules/signoff/read-models/inbox.server";

export const meta: MetaFunction = () => [{ title: "Inbox — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const order: InboxOrder = new URL(request.url).searchParams.get("order") === "newest" ? "newest" : "oldest";
  return json({ items: await needsYou(actor, order), order });
}

export default function InboxPage() {
  const { items, order } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Needs you</p>
          <h1>Inbox</h1>
          <p>Everything that waits for you or your organization: decisions, changes to resubmit, mentions, replies, recognitions and invitations.</p>
        </div>
        <nav aria-label="Order" className="row">
          <Link to="?order=oldest" className={`button button--small ${order === "oldest" ? "" : "button--secondary"}`} aria-current={order === "oldest" ? "page" : undefined}>
            Oldest first
          </Link>
          <Link to="?order=newest" className={`button button--small ${order === "newest" ? "" : "button--secondary"}`} aria-current={order === "newest" ? "page" : undefined}>
            Newest first
          </Link>
        </nav>
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">Nothing is waiting for you.</p>
        ) : (
          <ul className="list" aria-label="Waiting for you" data-testid="needs-you">
            {items.map((item) => (item.kind === "project_invitation" ? <InvitationRow key={item.key} invitation={item.invitation} redirectTo="/inbox" showInvitedOrganization /> : <Item key={item.key} item={item} />))}
          </ul>
        )}
      </section>
    </>
  );
}

type Shown = Exclude<NeedsYouItem, { kind: "project_invitation" }>;

function Item({ item }: { item: Shown }) {
  const { label, link, title, context } = describe(item);
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

function signoffWords(item: InboxItem): string {
  if (item.kind === "resubmit") return "Changes were requested: edit and resubmit";
  const who = `${item.outdated ? "A new decision" : "A decision"} by ${item.organizationName ?? "your organization"}${item.stageName ? ` (${item.stageName})` : ""}`;
  const notes = [item.outdated ? "The content changed after your organization approved." : "", !item.mayAct ? "A signatory of your organization decides." : ""].filter(Boolean);
  return [who, ...notes].join(" — ");
}

function describe(item: Shown): { label: string; link: string; title: string; context: string } {
  switch (item.kind) {
    case "signoff":
      return {
        label: item.signoff.kind === "decide" ? "Decision" : "Resubmit",
        link: item.signoff.kind === "decide" ? `/documents/${item.signoff.documentId}#${SIGNOFF_ANCHOR}` : `/documents/${item.signoff.documentId}`,
        title: item.signoff.documentTitle,
        context: `${signoffWords(item.signoff)} · ${item.signoff.projectTitle}`,
      };
    case "mention":
    case "reply":
      return {
        label: item.kind === "mention" ? "Mention" : "Reply",
        link: item.link,
        title: item.documentTitle,
        context: `${item.by ?? "Someone"} ${item.kind === "mention" ? "mentioned you" : "replied in your thread"} · ${item.projectTitle}`,
      };
    case "recognition":
      return { label: "Recognition to sign", link: item.link, title: item.documentTitle, context: `${item.organizationName} is asked to recognize it for ${item.program}` };
    case "consortium_invitation":
      return {
        label: "Consortium invitation",
        link: item.link,
        title: item.consortiumName,
        context: `${item.invitingOrganizationName} invites ${item.organizationName} to join`,
      };
  }
}
