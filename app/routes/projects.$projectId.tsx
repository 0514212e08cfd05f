import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RoleBadge, StatusBadge } from "~/components/ui/badges";
import { NewDocumentForm } from "~/components/document/new-document-form";
import { Field, FormError, SelectField, SubmitButton, TextAreaField } from "~/components/ui/form";
import { requireActor } from "~/modules/auth/request.server";
import { completenessOf, createDocument, DocumentRuleError, duplicateDocument, NewDocumentSchema } from "~/modules/documents/documents.server";
import { DOCUMENT_KIND_LABELS, ORGANIZATION_KIND_LABELS, PROJECT_ROLE_LABELS } from "~/modules/documents/labels";
import { parseForm, type FieldErrors } from "~/modules/forms/parse-form";
import { createInvitation, InvitationSchema } from "~/modules/orgs/invitations.server";
import { listAllOrganizations } from "~/modules/orgs/organizations.server";
import { provinceName } from "~/modules/orgs/provinces";
import { can } from "~/modules/permissions/can";
import { PROJECT_ROLES } from "~/modules/permissions/roles";
import {
  addParticipant,
  getProjectForActor,
  ParticipantSchema,
  ProjectRuleError,
  ProjectSchema,
  removeParticipant,
  updateProject,
} from "~/modules/projects/projects.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.project.title ?? "Project"} — Concord` }];

async function loadProject(request: Request, projectId: string | undefined) {
  const { user, actor } = await requireActor(request);
  const found = projectId ? await getProjectForActor(actor, projectId) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  return { user, actor, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, project, participants, facts, documents } = await loadProject(request, params.projectId);
  const resource = { type: "project" as const, ...facts };
  const canManage = can(actor, "project.manage_participants", resource);
  const participantIds = new Set(participants.map((p) => p.organizationId));
  const adminOf = new Set(actor.memberships.filter((m) => m.role === "admin").map((m) => m.organizationId));
  const completeness = await completenessOf(documents.map((d) => d.id));
  return json({
    project: { id: project.id, title: project.title, summary: project.summary },
    participants,
    documents: documents.map((d) => ({ ...d, completenessPercent: completeness[d.id] ?? null })),
    permissions: {
      edit: can(actor, "project.edit", resource),
      manageParticipants: canManage,
      createDocument: can(actor, "project.create_document", resource),
    },
    // Organizations the lead may add (every other organization on Concord).
    addableOrganizations: canManage ? (await listAllOrganizations()).filter((o) => !participantIds.has(o.id)) : [],
    // People can be invited into the participating organizations the actor administers.
    invitableOrganizations: participants.filter((p) => adminOf.has(p.organizationId)).map((p) => ({ id: p.organizationId, name: p.name })),
  });
}

const IntentSchema = z.enum(["update-project", "add-participant", "remove-participant", "create-document", "duplicate-document", "invite"]);
type ActionData = { intent: string; fieldErrors: FieldErrors; values?: Record<string, string>; inviteLink?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, actor, facts, project } = await loadProject(request, params.projectId);
  const resource = { type: "project" as const, ...facts };
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  const fail = (fieldErrors: FieldErrors, values?: Record<string, string>) =>
    json<ActionData>({ intent: intent.data, fieldErrors, values }, { status: 400 });
  const forbid = () => {
    throw new Response("Forbidden", { status: 403 });
  };

  try {
    switch (intent.data) {
      case "update-project": {
        if (!can(actor, "project.edit", resource)) forbid();
        const parsed = parseForm(ProjectSchema.pick({ title: true, summary: true }), formData);
        if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
        await updateProject(project.id, parsed.data);
        return redirect(`/projects/${project.id}`);
      }
      case "add-participant": {
        if (!can(actor, "project.manage_participants", resource)) forbid();
        const parsed = parseForm(ParticipantSchema, formData);
        if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
        await addParticipant(project.id, parsed.data);
        return redirect(`/projects/${project.id}`);
      }
      case "remove-participant": {
        if (!can(actor, "project.manage_participants", resource)) forbid();
        const organizationId = z.string().min(1).safeParse(formData.get("organizationId"));
        if (!organizationId.success) return fail({ form: "Choose an organization to remove." });
        await removeParticipant(project.id, organizationId.data);
        return redirect(`/projects/${project.id}`);
      }
      case "create-document": {
        if (!can(actor, "project.create_document", resource)) forbid();
        const parsed = parseForm(NewDocumentSchema, formData);
        if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
        const id = await createDocument(project.id, user.id, parsed.data);
        return redirect(`/documents/${id}`);
      }
      case "duplicate-document": {
        if (!can(actor, "project.create_document", resource)) forbid();
        const documentId = z.string().min(1).safeParse(formData.get("documentId"));
        if (!documentId.success) return fail({ form: "Choose a document to duplicate." });
        const id = await duplicateDocument(project.id, user.id, documentId.data);
        return redirect(`/documents/${id}`);
      }
      case "invite": {
        const parsed = parseForm(InvitationSchema, formData);
        if (!parsed.ok) return fail(parsed.fieldErrors, parsed.values);
        const organizationId = parsed.data.organizationId;
        const participates = facts.participants.some((p) => p.organizationId === organizationId);
        if (!participates || !can(actor, "organization.manage", { type: "organization", organizationId })) {
          return fail({ organizationId: "You can invite people only into a participating organization you administer." }, parsed.data);
        }
        const token = await createInvitation(user.id, parsed.data, project.id);
        return json<ActionData>({ intent: intent.data, fieldErrors: {}, inviteLink: new URL(`/invitations/${token}`, request.url).toString() });
      }
    }
  } catch (error) {
    if (error instanceof ProjectRuleError || error instanceof DocumentRuleError) {
      return fail({ [error.field]: error.message }, Object.fromEntries(formData) as Record<string, string>);
    }
    throw error;
  }
}

export default function ProjectPage() {
  const { project, participants, documents, permissions, addableOrganizations, invitableOrganizations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const errorsFor = (intent: string) => (data?.intent === intent ? data.fieldErrors : {});
  const valuesFor = (intent: string) => (data?.intent === intent ? (data.values ?? {}) : {});

  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow"><Link to="/projects">Projects</Link></p>
          <h1>{project.title}</h1>
          {project.summary ? <p>{project.summary}</p> : null}
        </div>
      </div>
      <div className="grid grid--sidebar">
        <div className="stack">
          <section className="card" aria-labelledby="documents-heading">
            <h2 id="documents-heading">Documents</h2>
            <FormError error={errorsFor("duplicate-document").documentId ?? errorsFor("duplicate-document").form} />
            {documents.length === 0 ? (
              <p className="empty">No documents yet.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr><th>Title</th><th>Kind</th><th>Complete</th><th>Status</th>{permissions.createDocument ? <th><span className="visually-hidden">Actions</span></th> : null}</tr>
                </thead>
                <tbody>
                  {documents.map((document) => (
                    <tr key={document.id}>
                      <td><Link to={`/documents/${document.id}`}>{document.title}</Link></td>
                      <td>{DOCUMENT_KIND_LABELS[document.kind]}</td>
                      <td className="muted">{document.completenessPercent === null ? "—" : `${document.completenessPercent}%`}</td>
                      <td><StatusBadge status={document.status} /></td>
                      {permissions.createDocument ? (
                        <td>
                          <Form method="post">
                            <input type="hidden" name="documentId" value={document.id} />
                            <button type="submit" name="intent" value="duplicate-document" className="button button--secondary button--small" aria-label={`Duplicate ${document.title}`}>
                              Duplicate
                            </button>
                          </Form>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {permissions.createDocument ? (
              <NewDocumentForm documents={documents} errors={errorsFor("create-document")} values={valuesFor("create-document")} />
            ) : null}
          </section>

          {permissions.edit ? (
            <section className="card">
              <h2>Project details</h2>
              <Form method="post" className="form" noValidate>
                <Field label="Title" name="title" defaultValue={valuesFor("update-project").title ?? project.title} error={errorsFor("update-project").title} />
                <TextAreaField label="Summary" name="summary" defaultValue={valuesFor("update-project").summary ?? project.summary} error={errorsFor("update-project").summary} />
                <div><SubmitButton intent="update-project" variant="secondary">Save details</SubmitButton></div>
              </Form>
            </section>
          ) : null}
        </div>

        <aside className="stack">
          <section className="card" aria-labelledby="participants-heading">
            <h2 id="participants-heading">Participants</h2>
            <ul className="list">
              {participants.map((participant) => (
                <li key={participant.organizationId}>
                  <span>
                    <strong>{participant.name}</strong>
                    <br />
                    <span className="muted">{ORGANIZATION_KIND_LABELS[participant.kind]} · {provinceName(participant.province)}</span>
                    <br />
                    <RoleBadge role={participant.role} />
                  </span>
                  {permissions.manageParticipants && participant.role !== "lead_institution" ? (
                    <Form
                      method="post"
                      onSubmit={(event) => {
                        if (!window.confirm(`Remove ${participant.name} from this project?`)) event.preventDefault();
                      }}
                    >
                      <input type="hidden" name="organizationId" value={participant.organizationId} />
                      <SubmitButton intent="remove-participant" variant="danger" small>Remove</SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {permissions.manageParticipants ? (
              <Form method="post" className="form" noValidate style={{ marginTop: "1rem" }}>
                <h3>Add an organization</h3>
                <FormError error={errorsFor("add-participant").form} />
                <SelectField
                  label="Organization"
                  name="organizationId"
                  placeholder="Choose an organization"
                  options={addableOrganizations.map((o) => ({ value: o.id, label: `${o.name} (${ORGANIZATION_KIND_LABELS[o.kind]})` }))}
                  defaultValue={valuesFor("add-participant").organizationId}
                  error={errorsFor("add-participant").organizationId}
                />
                <SelectField
                  label="Project role"
                  name="role"
                  placeholder="Choose a role"
                  options={PROJECT_ROLES.map((role) => ({ value: role, label: PROJECT_ROLE_LABELS[role] }))}
                  defaultValue={valuesFor("add-participant").role}
                  error={errorsFor("add-participant").role}
                />
                <div><SubmitButton intent="add-participant" variant="secondary">Add to project</SubmitButton></div>
              </Form>
            ) : null}
          </section>

          {invitableOrganizations.length > 0 ? (
            <section className="card">
              <h2>Invite a colleague</h2>
              <Form method="post" className="form" noValidate>
                <Field label="Email" name="email" type="email" defaultValue={valuesFor("invite").email} error={errorsFor("invite").email} />
                <SelectField
                  label="Into organization"
                  name="organizationId"
                  options={invitableOrganizations.map((o) => ({ value: o.id, label: o.name }))}
                  defaultValue={valuesFor("invite").organizationId}
                  error={errorsFor("invite").organizationId}
                />
                <input type="hidden" name="role" value="member" />
                <div><SubmitButton intent="invite" variant="secondary">Create invitation link</SubmitButton></div>
              </Form>
              {data?.inviteLink ? (
                <div className="notice" style={{ marginTop: "1rem" }} role="status">
                  Send this link to your colleague: <code className="token">{data.inviteLink}</code>
                </div>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}
