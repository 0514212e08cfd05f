/** The home page: the landing page for visitors, the dashboard once signed in. */
export default {
  landing: {
    eyebrow: "Micro-credentials employers trust",
    title: "Co-design credentials with the people who hire.",
    intro: "Concord is where employers, professional bodies and colleges and universities write a micro-credential together: every claim tied to a competency framework and to real labour-market demand, every competency assessed with evidence, and the result signed off by every party.",
    createAccount: "Create account",
    signIn: "Sign in",
    documentsEyebrow: "One workspace, three documents",
    credentialSpec: "Purpose, occupations, competencies, size, level, stacking.",
    assessmentPlan: "Every competency mapped to how it is demonstrated.",
    wblAgreement: "What the employer and the institution each commit to.",
    live: { title: "Written together, live", text: "Everyone edits the same document at the same time and sees who is there." },
    signoff: { title: "Signed off, version by version", text: "Each party approves the exact version it read; QA reviewers give the final approval." },
    consortia: { title: "Built for consortia", text: "Several institutions contribute modules that stack into one portable credential." },
  },
  eyebrow: "Dashboard",
  welcome: "Welcome, {name}",
  newProject: "New project",
  invitations: {
    title: "Invitations to projects",
    intro: "Your organization takes part only if you accept; its members see the project from then on.",
  },
  projects: {
    title: "Projects",
    empty: "No projects yet.",
    counts: "{organizations} organizations · {documents} documents",
    sample: "See what a finished project looks like: three complete documents you can read, not change.",
  },
  documents: { title: "Recent documents", empty: "No documents yet." },
  organizations: { title: "Your organizations", empty: "None yet.", admin: "Admin", member: "Member" },
  firstSteps: {
    title: "First steps",
    done: "Done",
    notDone: "Not done yet",
    organization: {
      label: "Create or join your organization",
      action: "Create your organization",
      hint: "You act for an organization in every project. To join a colleague's, open the invitation link they sent you.",
    },
    project: {
      label: "Start or join a project",
      action: "Start a project",
      hint: "A project is one credential and the organizations designing it. To join one, its lead invites your organization.",
    },
    invite: {
      label: "Invite a colleague",
      action: "Invite a colleague",
      hint: "Send an invitation link from your organization's page.",
      hintNoOrganization: "Once you have an organization, invite colleagues from its page.",
    },
  },
} as const;
