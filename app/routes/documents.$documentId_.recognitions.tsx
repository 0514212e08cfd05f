import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { metaT } from "~/components/i18n/meta";
import { FormError, SubmitButton } from "~/components/ui/form";
import { requestMeta } from "~/modules/audit/audit.server";
import { translator } from "~/modules/i18n/i18n";
import { translateMessage } from "~/modules/i18n/known-messages";
import { requestLocale } from "~/modules/i18n/locale.server";
import { RECOGNITION_MESSAGES } from "~/modules/recognitions/messages";
import { requireActor } from "~/modules/auth/request.server";
import { RecognitionRuleError, recognitionsOf, requestRecognition, signRecognition, withdrawRecognition } from "~/modules/recognitions/recognitions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("recognitions.metaTitle", { title: data?.document.title ?? t("recognitions.fallbackTitle") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // The gate's 404 for anyone who may neither view the specification nor sign one of its recognitions.
  return json(await recognitionsOf(actor, params.documentId ?? ""));
}

const rowId = z.string().min(1).max(200);
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("sign"), rowId, versionHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal("request"), rowId }),
  z.object({ intent: z.literal("withdraw"), rowId, reason: z.string().trim().max(2000).default("") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, user } = await requireActor(request);
  const documentId = params.documentId ?? "";
  const input = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) throw new Response("Bad request", { status: 400 });
  const meta = requestMeta(request, context.clientIp);
  try {
    const command = input.data;
    if (command.intent === "sign") await signRecognition(actor, documentId, command.rowId, command.versionHash, meta);
    else if (command.intent === "request") await requestRecognition(actor, documentId, command.rowId, meta);
    else await withdrawRecognition(actor, documentId, command.rowId, command.reason, meta);
  } catch (error) {
    if (error instanceof RecognitionRuleError) return json({ rowId: input.data.rowId, error: translateMessage(translator(requestLocale(request, user)), RECOGNITION_MESSAGES, error.message) }, { status: 409 });
    throw error;
  }
  return redirect(`/documents/${documentId}/recognitions`);
}

export default function Recognitions() {
  const { document, rows, versionHash, canViewDocument, canRequest } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{canViewDocument ? <Link to={`/documents/${document.id}`}>{document.title}</Link> : document.title}</p>
          <h1>{t("recognitions.title")}</h1>
          <p>
            {t("recognitions.introBefore")}
            <code title={versionHash}>{versionHash.slice(0, 12)}</code>
            {t("recognitions.introAfter")}
          </p>
        </div>
      </div>
      <section className="card">
        {rows.length === 0 ? (
          <p className="empty">{t("recognitions.empty")}</p>
        ) : (
          <table className="table" data-testid="recognitions">
            <thead>
              <tr>
                <th scope="col">{t("recognitions.program")}</th>
                <th scope="col">{t("recognitions.institution")}</th>
                <th scope="col">{t("recognitions.grants")}</th>
                <th scope="col">{t("recognitions.conditions")}</th>
                <th scope="col">{t("recognitions.valid")}</th>
                <th scope="col">{t("recognitions.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.rowId} data-testid={`recognition-${row.rowId}`}>
                  <th scope="row">{row.program}</th>
                  <td>
                    {row.institution}
                    {row.province ? ` (${row.province})` : ""}
                    {row.receivingOrganization ? null : <div className="field-help">{t("recognitions.noInstitution")}</div>}
                  </td>
                  <td>
                    {row.standing === "advanced_standing" || row.standing === "preparation"
                      ? t(`recognitions.grant.${row.standing}`)
                      : t("recognitions.grant.credits", { count: row.creditGranted ?? 0 })}
                  </td>
                  <td>{row.conditions ?? "—"}</td>
                  <td>{row.validFrom || row.validTo ? `${row.validFrom ?? "…"} – ${row.validTo ?? "…"}` : "—"}</td>
                  <td>
                    {row.status === "confirmed" ? (
                      <>
                        <span className="badge">{t("recognitions.statuses.confirmed")}</span>
                        {t("recognitions.signedBy", { name: row.signedBy ?? t("recognitions.formerMember") })}
                        {row.signedAt ? t("recognitions.signedOn", { date: new Date(row.signedAt).toISOString().slice(0, 10) }) : ""}
                        {t("recognitions.versionBefore")}
                        <code title={row.versionHash ?? ""}>{row.versionHash?.slice(0, 12)}</code>
                        {t("recognitions.versionAfter")}
                        {row.signedEarlierVersion ? <div className="field-help">{t("recognitions.earlierVersion")}</div> : null}
                      </>
                    ) : (
                      <span className="badge">{t(`recognitions.statuses.${row.status}`)}</span>
                    )}
                    {row.requestedAt ? (
                      <div className="field-help">
                        {t("recognitions.awaiting", { institution: row.institution, date: new Date(row.requestedAt).toISOString().slice(0, 10) })}
                      </div>
                    ) : null}
                    {row.canSign ? (
                      <Form method="post">
                        <input type="hidden" name="rowId" value={row.rowId} />
                        <input type="hidden" name="versionHash" value={versionHash} />
                        <SubmitButton intent="sign">{t("recognitions.sign")}</SubmitButton>
                      </Form>
                    ) : null}
                    {canRequest && row.receivingOrganization && row.status !== "confirmed" && !row.requestedAt ? (
                      <Form method="post">
                        <input type="hidden" name="rowId" value={row.rowId} />
                        <SubmitButton intent="request" variant="secondary">
                          {t("recognitions.ask", { institution: row.institution })}
                        </SubmitButton>
                      </Form>
                    ) : null}
                    {row.canWithdraw ? (
                      <Form method="post">
                        <input type="hidden" name="rowId" value={row.rowId} />
                        <label className="field-help" htmlFor={`withdraw-reason-${row.rowId}`}>
                          {t("recognitions.why")}
                        </label>
                        <input id={`withdraw-reason-${row.rowId}`} name="reason" maxLength={2000} />
                        <SubmitButton intent="withdraw" variant="secondary">
                          {t("recognitions.withdraw")}
                        </SubmitButton>
                      </Form>
                    ) : null}
                    <FormError error={answer && "rowId" in answer && answer.rowId === row.rowId ? answer.error : undefined} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
