/** The frame of every page: header, navigation, language switch, skip links, footer. */
export default {
  brand: "Concord",
  metaTitle: "Concord — co-design micro-credentials",
  metaDescription: "Employers, professional bodies and institutions co-design micro-credentials together.",
  menu: "Menu",
  nav: {
    main: "Main",
    dashboard: "Dashboard",
    projects: "Projects",
    documents: "Documents",
    inbox: "Inbox",
    organizations: "Organizations",
    consortia: "Consortia",
    frameworks: "Frameworks",
    demand: "Demand",
    catalog: "Catalog",
  },
  account: { signIn: "Sign in", signOut: "Sign out", createAccount: "Create account" },
  language: { label: "Language" },
  skip: { content: "Skip to content", signoff: "Skip to sign-off", comments: "Skip to comments", history: "Skip to history" },
  footer: "Concord — micro-credentials co-designed by employers, professional bodies and institutions.",
} as const;
