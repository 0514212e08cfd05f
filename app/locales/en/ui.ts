/** Shared interface pieces: error pages, import progress, export readiness. */
export default {
  errorPage: {
    back: "Back to Concord",
    s400: { title: "Bad request", text: "The request could not be understood." },
    s403: { title: "Not allowed", text: "You do not have permission to do that." },
    s404: { title: "Page not found", text: "There is nothing here, or you do not have access to it." },
    s405: { title: "Not allowed", text: "That action is not available here." },
    s429: { title: "Slow down", text: "Too many requests. Try again in a little while." },
    other: { title: "Something went wrong", text: "An unexpected error occurred. It has been logged; please try again." },
  },
  imports: {
    counts: "{stored} of {total} stored",
    progress: "Import progress",
    reading: "Reading the file",
    failed: "Nothing was imported: {count, plural, one {# problem} other {# problems}} in the file.",
    again: "Import another file",
  },
  readiness: {
    count: "{ready} of {total} ready",
    ready: "ready",
    missing: "Missing: {missing}",
  },
  verify: {
    metaTitle: "Verify a certificate — Concord",
    title: "Verify a certificate",
    intro: "Enter the code printed on a Concord approval certificate (the approved version's SHA-256). This page says only whether it matches an approval.",
    code: "Certificate code",
    submit: "Verify",
    genuine: "This certificate is genuine: this version was approved on",
    round: "(round {round}).",
    noMatch: "No approval matches this code.",
    errors: {
      required: "Enter the certificate code",
      format: "A certificate code is {length} characters: digits 0–9 and letters a–f",
      check: "Check the certificate code",
    },
  },
  rateLimit: {
    message: "You have created many {things, select, organizations {organizations} projects {projects} invitations {invitations} frameworkImports {framework imports} other {demand imports}} recently; try again in {wait}.",
    minutes: "{count, plural, one {# minute} other {# minutes}}",
    hours: "{count} hours",
  },
} as const;
