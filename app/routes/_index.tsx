import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OpenSampleProject } from "~/components/projects/OpenSampleProject";
import { ProjectInvitations } from "~/components/projects/ProjectInvitations";
import { StatusBadge } from "~/components/ui/badges";
import { getUser } from "~/modules/auth/request.server";
import { DOCUMENT_KIND_LABELS, ORGANIZATION_KIND_LABELS } from "~/modules/documents/labels";
import { listDocumentsForActor } from "~/modules/documents/documents.server";
import { loadActor } from "~/modules/orgs/actor.server";
import type { FirstStepsChecklist } from "~/modules/orgs/first-steps";
import { firstStepsFor } from "~/modules/orgs/first-steps.server";
import { listUserOrganizations } from "~/modules/orgs/organizations.server";
import { invitationsAwaitingActor } from "~/modules/projects/participation.server";
import { listProjectsForActor } from "~/modules/projects/projects.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return json({ dashboard: null });
  const actor = await loadActor(user.id);
  const [organizations, projects, documents, invitations, firstSteps] = await Promise.all([
    listUserOrganizations(user.id),
    listProjectsForActor(actor),
    listDocumentsForActor(actor),
    // Invitations into projects, for the organizations this person administers: the project
    // itself stays invisible until one of them accepts.
    invitationsAwaitingActor(actor),
    firstStepsFor(actor),
  ]);
  return json({
    dashboard: {
      name: user.name,
      organizations,
      projects,
      documents: documents.slice(0, 8),
      invitations,
      // Hidden for good once every step is done.
      firstSteps: firstSteps.next === null ? null : firstSteps,
    },
  });
}

export default function Index() {
  const { dashboard } = useLoaderData<typeof loader>();
  return dashboard ? <Dashboard {...dashboard} /> : <Landing />;
}

function Landing() {
  return (
    <>
      <section className="hero">
        <div>
          <p className="eyebrow">Micro-credentials employers trust</p>
          <h1>Co-design credentials with the people who hire.</h1>
          <p>
            Concord is where employers, professional bodies and colleges and universities write a micro-credential
            together: every claim tied to a competency framework and to real labour-market demand, every competency
            assessed with evidence, and the result signed off by every party.
          </p>
          <div className="hero__actions">
            <Link className="button" to="/signup">Create account</Link>
            <Link className="button button--secondary" to="/login">Sign in</Link>
          </div>
        </div>
        <div className="card">
          <p className="eyebrow">One workspace, three documents</p>
          <ul className="list">
            <li><span><strong>Credential specification</strong><br /><span className="muted">Purpose, occupations, competencies, size, level, stacking.</span></span></li>
            <li><span><strong>Assessment plan</strong><br /><span className="muted">Every competency mapped to how it is demonstrated.</span></span></li>
            <li><span><strong>Work-based learning agreement</strong><br /><span className="muted">What the employer and the institution each commit to.</span></span></li>
          </ul>
        </div>
      </section>
      <section className="features">
        <div className="card feature"><h3>Written together, live</h3><p>Everyone edits the same document at the same time and sees who is there.</p></div>
        <div className="card feature"><h3>Signed off, version by version</h3><p>Each party approves the exact version it read; QA reviewers give the final approval.</p></div>
        <div className="card feature"><h3>Built for consortia</h3><p>Several institutions contribute modules that stack into one portable credential.</p></div>
      </section>
    </>
  );
}

type DashboardProps = Exclude<ReturnType<typeof useLoaderData<typeof loader>>["dashboard"], null>;

function Dashboard({ name, organizations, projects, documents, invitations, firstSteps }: DashboardProps) {
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Dashboard</p>
          <h1>Welcome, {name}</h1>
        </div>
        <Link className="button" to="/projects">New project</Link>
      </div>
      {firstSteps ? <FirstSteps checklist={firstSteps} /> : null}
      <div className="grid grid--sidebar">
        <div className="stack">
          {invitations.length > 0 ? (
            <section className="card" aria-labelledby="invitations-heading">
              <h2 id="invitations-heading">Invitations to projects</h2>
              <p className="muted">Your organization takes part only if you accept; its members see the project from then on.</p>
              <ProjectInvitations invitations={invitations} redirectTo="/" />
            </section>
          ) : null}
          <section className="card" aria-labelledby="projects-heading">
            <h2 id="projects-heading">Projects</h2>
            {projects.length === 0 ? (
              <p className="empty">No projects yet.</p>
            ) : (
              <ul className="list">
                {projects.map((project) => (
                  <li key={project.id}>
                    <span>
                      <Link to={`/projects/${project.id}`}><strong>{project.title}</strong></Link>
                      <br />
                      <span className="muted">{project.participants.length} organizations · {project.documentCount} documents</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">
              See what a finished project looks like: three complete documents you can read, not change.{" "}
              <OpenSampleProject variant={projects.length === 0 ? "primary" : "secondary"} />
            </p>
          </section>
          <section className="card">
            <h2>Recent documents</h2>
            {documents.length === 0 ? (
              <p className="empty">No documents yet.</p>
            ) : (
              <ul className="list">
                {documents.map((document) => (
                  <li key={document.id}>
                    <span>
                      <Link to={`/documents/${document.id}`}>{document.title}</Link>
                      <br />
                      <span className="muted">{DOCUMENT_KIND_LABELS[document.kind]} · {document.projectTitle}</span>
                    </span>
                    <StatusBadge status={document.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="card">
          <h2>Your organizations</h2>
          {organizations.length === 0 ? (
            <p className="empty">None yet.</p>
          ) : (
            <ul className="list">
              {organizations.map((organization) => (
                <li key={organization.id}>
                  <span>
                    <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                    <br />
                    <span className="muted">{ORGANIZATION_KIND_LABELS[organization.kind]} · {organization.role === "admin" ? "Admin" : "Member"}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </>
  );
}

/** The three first steps of a new account, each saying in words whether it is done, with the way to the next. */
function FirstSteps({ checklist }: { checklist: FirstStepsChecklist }) {
  return (
    <section className="card" aria-labelledby="first-steps-heading" style={{ marginBottom: "1.5rem" }}>
      <h2 id="first-steps-heading">First steps</h2>
      <ol className="list" aria-label="First steps">
        {checklist.steps.map((step) => (
          <li key={step.id} aria-current={step.id === checklist.next ? "step" : undefined}>
            <span>
              <span aria-hidden="true">{step.done ? "✓ " : "○ "}</span>
              <strong>{step.label}</strong>{" "}
              <span className={`badge ${step.done ? "badge--approved" : "badge--draft"}`}>{step.done ? "Done" : "Not done yet"}</span>
              {step.done ? null : (
                <>
                  <br />
                  <span className="muted">{step.hint}</span>
                </>
              )}
            </span>
            {step.done ? null : (
              <Link className={step.id === checklist.next ? "button button--small" : "button button--secondary button--small"} to={step.href}>
                {step.action}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
