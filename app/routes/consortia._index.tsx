import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { CONSORTIUM_MESSAGES } from "~/modules/consortia/messages";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { FormError, SubmitButton } from "~/components/ui/form";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import {
  administeredInstitutions,
  answerConsortiumInvitation,
  consortiumInvitationsAwaitingActor,
  ConsortiumRuleError,
  createConsortium,
  CreateConsortiumSchema,
  listConsortiaForActor,
} from "~/modules/consortia/consortia.server";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("consortia.index.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const [consortia, invitations, institutions] = await Promise.all([listConsortiaForActor(actor), consortiumInvitationsAwaitingActor(actor), administeredInstitutions(actor)]);
  return json({ consortia, invitations, institutions });
}

const IntentSchema = z.enum(["create", "accept", "decline"]);
type ActionData = { intent: string; error: string; field?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, user } = await requireActor(request);
  const t = translator(requestLocale(request, user));
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const meta = requestMeta(request, context.clientIp);
  try {
    if (intent.data === "create") {
      const input = CreateConsortiumSchema.safeParse(Object.fromEntries(formData));
      if (!input.success) return json<ActionData>({ intent: intent.data, error: translateMessage(t, CONSORTIUM_MESSAGES, input.error.issues[0]?.message ?? t("consortia.checkForm")) }, { status: 400 });
      return redirect(`/consortia/${await createConsortium(actor, input.data, meta)}`);
    }
    const invitationId = z.string().min(1).parse(formData.get("invitationId"));
    const { consortiumId } = await answerConsortiumInvitation(actor, invitationId, intent.data === "accept" ? "accepted" : "declined", meta);
    return redirect(intent.data === "accept" ? `/consortia/${consortiumId}` : "/consortia");
  } catch (error) {
    if (error instanceof ConsortiumRuleError) return json<ActionData>({ intent: intent.data, error: translateMessage(t, CONSORTIUM_MESSAGES, error.message), field: error.field }, { status: 400 });
    throw error;
  }
}

export default function Consortia() {
  const { consortia, invitations, institutions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("consortia.index.eyebrow")}</p>
          <h1>{t("consortia.index.title")}</h1>
          <p>{t("consortia.index.intro")}</p>
        </div>
      </div>
      {invitations.length > 0 ? (
        <section className="card" aria-labelledby="consortium-invitations" style={{ marginBottom: "1.5rem" }}>
          <h2 id="consortium-invitations">{t("consortia.index.invitations")}</h2>
          <ul className="list">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="list__item">
                <span>
                  <strong>{invitation.invitingOrganizationName}</strong> {t("consortia.index.invitesBefore")} <strong>{invitation.organizationName}</strong> {t("consortia.index.invitesMiddle")}{" "}
                  <strong>{invitation.consortiumName}</strong>
                </span>
                <Form method="post" style={{ display: "flex", gap: "0.5rem" }}>
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <SubmitButton intent="accept" small>
                    {t("consortia.index.accept")}
                  </SubmitButton>
                  <SubmitButton intent="decline" variant="secondary" small>
                    {t("consortia.index.decline")}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
          {answer && answer.intent !== "create" ? <FormError error={answer.error} /> : null}
        </section>
      ) : null}
      <div className="grid grid--sidebar">
        <section className="card" aria-labelledby="consortia-list">
          <h2 id="consortia-list">{t("consortia.index.belongTo")}</h2>
          {consortia.length === 0 ? (
            <p className="empty">{t("consortia.index.empty")}</p>
          ) : (
            <ul className="list">
              {consortia.map((consortium) => (
                <li key={consortium.id} className="list__item">
                  <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>
                  <span className="muted">
                    {t("consortia.index.members", { count: consortium.memberCount })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <aside className="card" aria-labelledby="new-consortium">
          <h2 id="new-consortium">{t("consortia.index.newConsortium")}</h2>
          {institutions.length === 0 ? (
            <p className="muted">{t("consortia.index.adminCreates")}</p>
          ) : (
            <Form method="post">
              <div className="field">
                <label htmlFor="consortium-name">{t("consortia.index.name")}</label>
                <input id="consortium-name" name="name" required minLength={2} maxLength={160} />
              </div>
              <div className="field">
                <label htmlFor="consortium-organization">{t("consortia.index.actingFor")}</label>
                <select id="consortium-organization" name="organizationId" defaultValue={institutions[0]?.id}>
                  {institutions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </div>
              {answer?.intent === "create" ? <FormError error={answer.error} /> : null}
              <SubmitButton intent="create">{t("consortia.index.create")}</SubmitButton>
            </Form>
          )}
        </aside>
      </div>
    </>
  );
}
