import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { useLabels } from "~/components/i18n/use-labels";
import { CONSORTIUM_MESSAGES } from "~/modules/consortia/messages";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { FormError, SubmitButton } from "~/components/ui/form";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { ConsortiumRuleError, getConsortiumForActor, inviteToConsortium, InviteToConsortiumSchema, removeConsortiumMember } from "~/modules/consortia/consortia.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("consortia.page.metaTitle", { name: data?.consortium.name ?? t("consortia.fallbackName") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // The access gate's 404 for anyone outside the consortium.
  return json(await getConsortiumForActor(actor, params.consortiumId ?? ""));
}

const IntentSchema = z.enum(["invite", "remove"]);
type ActionData = { intent: string; error: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, user } = await requireActor(request);
  const consortiumId = params.consortiumId ?? "";
  const t = translator(requestLocale(request, user));
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const meta = requestMeta(request, context.clientIp);
  try {
    if (intent.data === "invite") {
      const input = InviteToConsortiumSchema.safeParse({ organization: formData.get("organization") ?? "" });
      if (!input.success) return json<ActionData>({ intent: intent.data, error: translateMessage(t, CONSORTIUM_MESSAGES, input.error.issues[0]?.message ?? t("consortia.checkForm")) }, { status: 400 });
      await inviteToConsortium(actor, consortiumId, input.data, meta);
    } else {
      await removeConsortiumMember(actor, consortiumId, z.string().min(1).parse(formData.get("organizationId")), meta);
    }
    return redirect(`/consortia/${consortiumId}`);
  } catch (error) {
    if (error instanceof ConsortiumRuleError) return json<ActionData>({ intent: intent.data, error: translateMessage(t, CONSORTIUM_MESSAGES, error.message) }, { status: 400 });
    throw error;
  }
}

export default function ConsortiumPage() {
  const { consortium, members, pending, canInvite, canManage } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/consortia">{t("consortia.index.eyebrow")}</Link>
          </p>
          <h1>{consortium.name}</h1>
          <p>
            <Link to={`/consortia/${consortium.id}/modules`}>{t("consortia.page.library")}</Link>
            {t("consortia.page.libraryHint")}
          </p>
          <p>
            <Link to={`/consortia/${consortium.id}/pathways`}>{t("consortia.page.pathways")}</Link>
            {t("consortia.page.pathwaysHint")}
          </p>
        </div>
      </div>
      <div className="grid grid--sidebar">
        <section className="card" aria-labelledby="consortium-members">
          <h2 id="consortium-members">{t("consortia.page.members")}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("consortia.page.organization")}</th>
                <th scope="col">{t("consortia.page.kind")}</th>
                <th scope="col">{t("consortia.page.role")}</th>
                <th scope="col">{t("consortia.page.joined")}</th>
                {canManage ? <th scope="col">{t("consortia.page.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.organizationId}>
                  <td>
                    {member.name} <span className="muted">({labels.province(member.province)})</span>
                  </td>
                  <td>{labels.organizationKind(member.kind)}</td>
                  <td>{member.role === "admin" ? t("consortia.page.admin") : t("consortia.page.member")}</td>
                  <td>{new Date(member.joinedAt).toLocaleDateString("en-CA")}</td>
                  {canManage ? (
                    <td>
                      <Form method="post">
                        <input type="hidden" name="organizationId" value={member.organizationId} />
                        <button type="submit" name="intent" value="remove" className="button button--danger button--small" aria-label={t("consortia.page.removeLabel", { name: member.name })}>
                          {t("consortia.page.remove")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {answer?.intent === "remove" ? <FormError error={answer.error} /> : null}
          {pending.length > 0 ? (
            <>
              <h3>{t("consortia.page.invited")}</h3>
              <ul className="list" aria-label={t("consortia.page.invitedLabel")}>
                {pending.map((invitation) => (
                  <li key={invitation.id} className="list__item">
                    {invitation.organizationName} <span className="muted">{t("consortia.page.awaiting")}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        {canInvite ? (
          <aside className="card" aria-labelledby="invite-member">
            <h2 id="invite-member">{t("consortia.page.invite")}</h2>
            <p className="muted">{t("consortia.page.inviteHint")}</p>
            <Form method="post">
              <div className="field">
                <label htmlFor="invite-organization">{t("consortia.page.inviteField")}</label>
                <input id="invite-organization" name="organization" required maxLength={320} />
              </div>
              {answer?.intent === "invite" ? <FormError error={answer.error} /> : null}
              <SubmitButton intent="invite">{t("consortia.page.inviteButton")}</SubmitButton>
            </Form>
          </aside>
        ) : null}
      </div>
    </>
  );
}
