import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLabels } from "~/components/i18n/use-labels";
import { OpenSampleProject } from "~/components/projects/OpenSampleProject";
import { ProjectInvitations } from "~/components/projects/ProjectInvitations";
import { StatusBadge } from "~/components/ui/badges";
import { getUser } from "~/modules/auth/request.server";
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
  const { t } = useTranslation();
  return (
    <>
      <section className="hero">
        <div>
          <p className="eyebrow">{t("dashboard.landing.eyebrow")}</p>
          <h1>{t("dashboard.landing.title")}</h1>
          <p>{t("dashboard.landing.intro")}</p>
          <div className="hero__actions">
            <Link className="button" to="/signup">{t("dashboard.landing.createAccount")}</Link>
            <Link className="button button--secondary" to="/login">{t("dashboard.landing.signIn")}</Link>
          </div>
        </div>
        <div className="card">
          <p className="eyebrow">{t("dashboard.landing.documentsEyebrow")}</p>
          <ul className="list">
            <li><span><strong>{t("labels.documentKind.credential_spec")}</strong><br /><span className="muted">{t("dashboard.landing.credentialSpec")}</span></span></li>
            <li><span><strong>{t("labels.documentKind.assessment_plan")}</strong><br /><span className="muted">{t("dashboard.landing.assessmentPlan")}</span></span></li>
            <li><span><strong>{t("labels.documentKind.wbl_agreement")}</strong><br /><span className="muted">{t("dashboard.landing.wblAgreement")}</span></span></li>
          </ul>
        </div>
      </section>
      <section className="features">
        <div className="card feature"><h3>{t("dashboard.landing.live.title")}</h3><p>{t("dashboard.landing.live.text")}</p></div>
        <div className="card feature"><h3>{t("dashboard.landing.signoff.title")}</h3><p>{t("dashboard.landing.signoff.text")}</p></div>
        <div className="card feature"><h3>{t("dashboard.landing.consortia.title")}</h3><p>{t("dashboard.landing.consortia.text")}</p></div>
      </section>
    </>
  );
}

type DashboardProps = Exclude<ReturnType<typeof useLoaderData<typeof loader>>["dashboard"], null>;

function Dashboard({ name, organizations, projects, documents, invitations, firstSteps }: DashboardProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("dashboard.eyebrow")}</p>
          <h1>{t("dashboard.welcome", { name })}</h1>
        </div>
        <Link className="button" to="/projects">{t("dashboard.newProject")}</Link>
      </div>
      {firstSteps ? <FirstSteps checklist={firstSteps} /> : null}
      <div className="grid grid--sidebar">
        <div className="stack">
          {invitations.length > 0 ? (
            <section className="card" aria-labelledby="invitations-heading">
              <h2 id="invitations-heading">{t("dashboard.invitations.title")}</h2>
              <p className="muted">{t("dashboard.invitations.intro")}</p>
              <ProjectInvitations invitations={invitations} redirectTo="/" />
            </section>
          ) : null}
          <section className="card" aria-labelledby="projects-heading">
            <h2 id="projects-heading">{t("dashboard.projects.title")}</h2>
            {projects.length === 0 ? (
              <p className="empty">{t("dashboard.projects.empty")}</p>
            ) : (
              <ul className="list">
                {projects.map((project) => (
                  <li key={project.id}>
                    <span>
                      <Link to={`/projects/${project.id}`}><strong>{project.title}</strong></Link>
                      <br />
                      <span className="muted">{t("dashboard.projects.counts", { organizations: project.participants.length, documents: project.documentCount })}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted">
              {t("dashboard.projects.sample")}{" "}
              <OpenSampleProject variant={projects.length === 0 ? "primary" : "secondary"} />
            </p>
          </section>
          <section className="card">
            <h2>{t("dashboard.documents.title")}</h2>
            {documents.length === 0 ? (
              <p className="empty">{t("dashboard.documents.empty")}</p>
            ) : (
              <ul className="list">
                {documents.map((document) => (
                  <li key={document.id}>
                    <span>
                      <Link to={`/documents/${document.id}`}>{document.title}</Link>
                      <br />
                      <span className="muted">{labels.documentKind(document.kind)} · {document.projectTitle}</span>
                    </span>
                    <StatusBadge status={document.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="card">
          <h2>{t("dashboard.organizations.title")}</h2>
          {organizations.length === 0 ? (
            <p className="empty">{t("dashboard.organizations.empty")}</p>
          ) : (
            <ul className="list">
              {organizations.map((organization) => (
                <li key={organization.id}>
                  <span>
                    <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                    <br />
                    <span className="muted">{labels.organizationKind(organization.kind)} · {organization.role === "admin" ? t("dashboard.organizations.admin") : t("dashboard.organizations.member")}</span>
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
  const { t } = useTranslation();
  // The invite step's hint depends on whether the first step (an organization) is done.
  const hasOrganization = checklist.steps.some((step) => step.id === "organization" && step.done);
  return (
    <section className="card" aria-labelledby="first-steps-heading" style={{ marginBottom: "1.5rem" }}>
      <h2 id="first-steps-heading">{t("dashboard.firstSteps.title")}</h2>
      <ol className="list" aria-label={t("dashboard.firstSteps.title")}>
        {checklist.steps.map((step) => (
          <li key={step.id} aria-current={step.id === checklist.next ? "step" : undefined}>
            <span>
              <span aria-hidden="true">{step.done ? "✓ " : "○ "}</span>
              <strong>{t(`dashboard.firstSteps.${step.id}.label`)}</strong>{" "}
              <span className={`badge ${step.done ? "badge--approved" : "badge--draft"}`}>{step.done ? t("dashboard.firstSteps.done") : t("dashboard.firstSteps.notDone")}</span>
              {step.done ? null : (
                <>
                  <br />
                  <span className="muted">{step.id === "invite" && !hasOrganization ? t("dashboard.firstSteps.invite.hintNoOrganization") : t(`dashboard.firstSteps.${step.id}.hint`)}</span>
                </>
              )}
            </span>
            {step.done ? null : (
              <Link className={step.id === checklist.next ? "button button--small" : "button button--secondary button--small"} to={step.href}>
                {t(`dashboard.firstSteps.${step.id}.action`)}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
