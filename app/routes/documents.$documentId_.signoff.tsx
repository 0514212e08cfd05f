/**
 * /documents/<id>/signoff — the sign-off panel's data (`?panel`, loaded by SignoffPanel with a
 * fetcher), its actions (an `intent` field), and the page where a project lead adjusts the
 * document's sign-off template. Not nested in the document page (trailing underscore): it is a
 * page of its own.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import signoffStyles from "~/components/signoff/signoff.css";
import { StatusBadge } from "~/components/ui/badges";
import { FormError } from "~/components/ui/form";
import { requireUser } from "~/modules/auth/request.server";
import { PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import { requestMeta, runSignoffCommand, saveTemplate, type SignoffCommand } from "~/modules/signoff/signoff.server";
import { blankStage, partyValue, templateFieldErrors, templateFromForm } from "~/modules/signoff/template-form";
import { MAX_STAGES, type SignoffTemplate } from "~/modules/signoff/template";
import { signoffPanel, templateEditor } from "~/modules/signoff/views.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction = () => [{ title: "Sign-off template — Concord" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const documentId = params.documentId ?? "";
  if (new URL(request.url).searchParams.has("panel")) {
    const panel = await signoffPanel(user.id, documentId);
    if (!panel) throw new Response("Not found", { status: 404 });
    return json({ panel, editor: null }, { headers: { "Cache-Control": "no-store" } });
  }
  const editor = await templateEditor(user.id, documentId);
  if (!editor) throw new Response("Not found", { status: 404 });
  return json({ panel: null, editor });
}

/** What the panel's forms post; each refusal comes back as a message for the person. */
export type SignoffActionData = { ok: boolean; intent: string; message?: string; fieldErrors?: Record<string, string> };

const hash = z.string().regex(/^[0-9a-f]{64}$/, "The version is missing; reload the page.");
const organizationId = z.string().min(1).max(100);
const reason = z.string().trim().max(2000, "Keep it under 2,000 characters").optional();

const CommandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("request_signoff") }),
  z.object({ intent: z.literal("resubmit") }),
  z.object({ intent: z.literal("approve"), organizationId, versionHash: hash }),
  z.object({
    intent: z.literal("request_changes"),
    organizationId,
    versionHash: hash,
    comment: z.string().trim().min(1, "Say which changes are needed").max(4000, "Keep it under 4,000 characters"),
  }),
  z.object({
    intent: z.literal("reject"),
    organizationId,
    versionHash: hash,
    reason: z.string().trim().min(1, "Give the reason for the rejection").max(4000, "Keep it under 4,000 characters"),
  }),
  z.object({ intent: z.literal("withdraw"), reason }),
  z.object({ intent: z.literal("reopen"), reason }),
]);

function toCommand(input: z.infer<typeof CommandSchema>): SignoffCommand {
  switch (input.intent) {
    case "request_signoff":
    case "resubmit":
      return { type: input.intent };
    case "approve":
      return { type: "approve", organizationId: input.organizationId, versionHash: input.versionHash };
    case "request_changes":
      return { type: "request_changes", organizationId: input.organizationId, versionHash: input.versionHash, comment: input.comment };
    case "reject":
      return { type: "reject", organizationId: input.organizationId, versionHash: input.versionHash, reason: input.reason };
    case "withdraw":
    case "reopen":
      return { type: input.intent, reason: input.reason ?? null };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const documentId = params.documentId ?? "";
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const meta = requestMeta(request, context.clientIp);

  if (intent === "save_template") {
    const result = await saveTemplate(documentId, user.id, templateFromForm(formData), meta);
    if (result.ok) return redirect(`/documents/${documentId}`);
    if ("issues" in result) return json<SignoffActionData>({ ok: false, intent, fieldErrors: templateFieldErrors(result.issues) }, { status: 400 });
    if (result.status === 404) throw new Response("Not found", { status: 404 });
    return json<SignoffActionData>({ ok: false, intent, message: result.message }, { status: result.status });
  }

  const parsed = CommandSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    if (fieldErrors.intent) throw new Response("Unknown action", { status: 400 });
    return json<SignoffActionData>({ ok: false, intent, fieldErrors, message: Object.values(fieldErrors)[0] }, { status: 400 });
  }
  const result = await runSignoffCommand(documentId, user.id, toCommand(parsed.data), meta);
  if (result.ok) return json<SignoffActionData>({ ok: true, intent });
  if (result.status === 404) throw new Response("Not found", { status: 404 });
  return json<SignoffActionData>({ ok: false, intent, message: result.message }, { status: result.status });
}

// ---------------------------------------------------------------------------------------------
// The template page


type StageDraft = SignoffTemplate["stages"][number] & { key: number };

export default function SignoffTemplatePage() {
  const { editor } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [stages, setStages] = useState<StageDraft[]>(() => (editor?.template.stages ?? []).map((stage, key) => ({ ...stage, key })));
  if (!editor) return null;
  const errors = data?.fieldErrors ?? {};
  const update = (key: number, change: Partial<StageDraft>) => setStages((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const nextKey = () => Math.max(-1, ...stages.map((s) => s.key)) + 1;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${editor.document.id}`}>{editor.document.title}</Link>
          </p>
          <h1>Sign-off template</h1>
          <p>
            Who signs this document off, in which order. Each stage decides in parallel; a later stage decides once the earlier one is
            complete. {editor.adjusted ? "This document has its own template." : "This is the project's default."}
          </p>
        </div>
        <StatusBadge status={editor.document.status} />
      </div>
      {!editor.mayAdjust ? (
        <div className="notice" role="status">
          Only the lead institution adjusts the template, while the document is a draft or has changes requested.
        </div>
      ) : null}
      <Form method="post" className="form signoff-template" noValidate>
        <FormError error={errors.form ?? (data && !data.ok ? data.message : undefined)} />
        <input type="hidden" name="stageCount" value={stages.length} />
        {stages.map((stage, index) => {
          const prefix = `stages.${index}`;
          const selected = new Set(stage.parties.map(partyValue));
          return (
            <fieldset key={stage.key} className="card signoff-template__stage" disabled={!editor.mayAdjust}>
              <legend>Stage {index + 1}</legend>
              <div className="field">
                <label htmlFor={`${prefix}.name`}>Stage name</label>
                <input
                  id={`${prefix}.name`}
                  name={`${prefix}.name`}
                  value={stage.name}
                  onChange={(e) => update(stage.key, { name: e.target.value })}
                  aria-invalid={errors[`${prefix}.name`] ? true : undefined}
                  aria-describedby={errors[`${prefix}.name`] ? `${prefix}.name-error` : undefined}
                />
                {errors[`${prefix}.name`] ? <span id={`${prefix}.name-error`} className="field__error" role="alert">{errors[`${prefix}.name`]}</span> : null}
              </div>
              <fieldset className="signoff-template__parties" aria-describedby={errors[`${prefix}.parties`] ? `${prefix}.parties-error` : undefined}>
                <legend>Parties</legend>
                {editor.roles.map(({ role, organizations }) => (
                  <label key={role} className="signoff-template__choice">
                    <input
                      type="checkbox"
                      name={`${prefix}.parties`}
                      value={`role:${role}`}
                      checked={selected.has(`role:${role}`)}
                      onChange={(e) =>
                        update(stage.key, {
                          parties: e.target.checked ? [...stage.parties, { kind: "role", role }] : stage.parties.filter((p) => partyValue(p) !== `role:${role}`),
                        })
                      }
                    />
                    Every {PROJECT_ROLE_LABELS[role].toLowerCase()} <span className="muted">({organizations.join(", ")})</span>
                  </label>
                ))}
                {editor.organizations.map((organization) => (
                  <label key={organization.id} className="signoff-template__choice">
                    <input
                      type="checkbox"
                      name={`${prefix}.parties`}
                      value={`organization:${organization.id}`}
                      checked={selected.has(`organization:${organization.id}`)}
                      onChange={(e) =>
                        update(stage.key, {
                          parties: e.target.checked
                            ? [...stage.parties, { kind: "organization", organizationId: organization.id }]
                            : stage.parties.filter((p) => partyValue(p) !== `organization:${organization.id}`),
                        })
                      }
                    />
                    {organization.name} <span className="muted">({PROJECT_ROLE_LABELS[organization.role]})</span>
                  </label>
                ))}
                {errors[`${prefix}.parties`] ? <span id={`${prefix}.parties-error`} className="field__error" role="alert">{errors[`${prefix}.parties`]}</span> : null}
              </fieldset>
              <div className="row">
                <div className="field">
                  <label htmlFor={`${prefix}.quorum`}>Quorum</label>
                  <select
                    id={`${prefix}.quorum`}
                    name={`${prefix}.quorum`}
                    value={stage.quorum.kind}
                    onChange={(e) => update(stage.key, { quorum: e.target.value === "k_of_n" ? { kind: "k_of_n", k: 1 } : { kind: "all" } })}
                  >
                    <option value="all">Every party approves</option>
                    <option value="k_of_n">At least some parties approve</option>
                  </select>
                </div>
                {stage.quorum.kind === "k_of_n" ? (
                  <div className="field">
                    <label htmlFor={`${prefix}.k`}>Approvals needed</label>
                    <input
                      id={`${prefix}.k`}
                      name={`${prefix}.k`}
                      type="number"
                      min={1}
                      value={Number.isFinite(stage.quorum.k) ? stage.quorum.k : ""}
                      onChange={(e) => update(stage.key, { quorum: { kind: "k_of_n", k: e.target.value === "" ? Number.NaN : Number(e.target.value) } })}
                      aria-invalid={errors[`${prefix}.k`] ? true : undefined}
                      aria-describedby={errors[`${prefix}.k`] ? `${prefix}.k-error` : undefined}
                    />
                    {errors[`${prefix}.k`] ? <span id={`${prefix}.k-error`} className="field__error" role="alert">{errors[`${prefix}.k`]}</span> : null}
                  </div>
                ) : errors[`${prefix}.k`] ? (
                  <span className="field__error" role="alert">{errors[`${prefix}.k`]}</span>
                ) : null}
              </div>
              {editor.mayAdjust ? (
                <div className="row">
                  <button type="button" className="button button--secondary button--small" disabled={index === 0} onClick={() => setStages((all) => swap(all, index, index - 1))}>
                    Move up
                  </button>
                  <button type="button" className="button button--secondary button--small" onClick={() => setStages((all) => all.filter((s) => s.key !== stage.key))}>
                    Remove stage {index + 1}
                  </button>
                </div>
              ) : null}
            </fieldset>
          );
        })}
        {editor.mayAdjust ? (
          <div className="row">
            <button
              type="button"
              className="button button--secondary"
              disabled={stages.length >= MAX_STAGES}
              onClick={() => setStages((all) => [...all, { ...blankStage(), key: nextKey() }])}
            >
              Add stage
            </button>
            <button type="submit" className="button" name="intent" value="save_template" disabled={navigation.state === "submitting"}>
              Save template
            </button>
            <Link to={`/documents/${editor.document.id}`}>Cancel</Link>
          </div>
        ) : (
          <p>
            <Link to={`/documents/${editor.document.id}`}>Back to the document</Link>
          </p>
        )}
      </Form>
    </>
  );
}

function swap<T>(items: T[], a: number, b: number): T[] {
  const copy = [...items];
  const [x, y] = [copy[a], copy[b]];
  if (x === undefined || y === undefined) return items;
  copy[a] = y;
  copy[b] = x;
  return copy;
}
