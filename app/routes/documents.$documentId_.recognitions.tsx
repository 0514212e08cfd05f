import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, SubmitButton } from "~/components/ui/form";
import { requestMeta } from "~/modules/audit/audit.server";
import { requireActor } from "~/modules/auth/request.server";
import { recognitionSummary } from "~/modules/recognitions/laddering";
import { RecognitionRuleError, recognitionsOf, requestRecognition, signRecognition, withdrawRecognition } from "~/modules/recognitions/recognitions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Recognitions — ${data?.document.title ?? "Specification"} — Concord` }];

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
  const { actor } = await requireActor(request);
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
    if (error instanceof RecognitionRuleError) return json({ rowId: input.data.rowId, error: error.message }, { status: 409 });
    throw error;
  }
  return redirect(`/documents/${documentId}/recognitions`);
}

export default function Recognitions() {
  const { document, rows, versionHash, canViewDocument, canRequest } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{canViewDocument ? <Link to={`/documents/${document.id}`}>{document.title}</Link> : document.title}</p>
          <h1>Recognitions</h1>
          <p>
            Where this credential counts. A recognition is confirmed only when a member of the receiving institution signs it, for this version of the specification
            (<code title={versionHash}>{versionHash.slice(0, 12)}</code>); until then it is proposed.
          </p>
        </div>
      </div>
      <section className="card">
        {rows.length === 0 ? (
          <p className="empty">The specification lists no program it ladders into (Stacking and laddering → Programs it ladders into).</p>
        ) : (
          <table className="table" data-testid="recognitions">
            <thead>
              <tr>
                <th scope="col">Program</th>
                <th scope="col">Receiving institution</th>
                <th scope="col">Grants</th>
                <th scope="col">Conditions</th>
                <th scope="col">Valid</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.rowId} data-testid={`recognition-${row.rowId}`}>
                  <th scope="row">{row.program}</th>
                  <td>
                    {row.institution}
                    {row.province ? ` (${row.province})` : ""}
                    {row.receivingOrganization ? null : <div className="field-help">No institution on Concord has this exact name: nobody can sign it yet.</div>}
                  </td>
                  <td>{recognitionSummary(row).split(": ").at(-1)}</td>
                  <td>{row.conditions ?? "—"}</td>
                  <td>{row.validFrom || row.validTo ? `${row.validFrom ?? "…"} – ${row.validTo ?? "…"}` : "—"}</td>
                  <td>
                    {row.status === "confirmed" ? (
                      <>
                        <span className="badge">confirmed</span> — signed by {row.signedBy ?? "a former member"}
                        {row.signedAt ? ` on ${new Date(row.signedAt).toISOString().slice(0, 10)}` : ""} (version <code title={row.versionHash ?? ""}>{row.versionHash?.slice(0, 12)}</code>)
                        {row.signedEarlierVersion ? <div className="field-help">Signed for an earlier version of the specification.</div> : null}
                      </>
                    ) : (
                      <span className="badge">{row.status}</span>
                    )}
                    {row.requestedAt ? (
                      <div className="field-help">
                        Awaiting {row.institution}&apos;s signature since {new Date(row.requestedAt).toISOString().slice(0, 10)}
                      </div>
                    ) : null}
                    {row.canSign ? (
                      <Form method="post">
                        <input type="hidden" name="rowId" value={row.rowId} />
                        <input type="hidden" name="versionHash" value={versionHash} />
                        <SubmitButton intent="sign">Sign recognition</SubmitButton>
                      </Form>
                    ) : null}
                    {canRequest && row.receivingOrganization && row.status !== "confirmed" && !row.requestedAt ? (
                      <Form method="post">
                        <input type="hidden" name="rowId" value={row.rowId} />
                        <SubmitButton intent="request" variant="secondary">Ask {row.institution} to sign</SubmitButton>
                      </Form>
                    ) : null}
                    {row.canWithdraw ? (
                      <Form method="post">
                        <input type="hidden" name="rowId" value={row.rowId} />
                        <label className="field-help" htmlFor={`withdraw-reason-${row.rowId}`}>
                          Why (shown in the audit trail)
                        </label>
                        <input id={`withdraw-reason-${row.rowId}`} name="reason" maxLength={2000} />
                        <SubmitButton intent="withdraw" variant="secondary">Withdraw recognition</SubmitButton>
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
