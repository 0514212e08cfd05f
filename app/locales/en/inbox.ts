/** /inbox — "Needs you". */
export default {
  metaTitle: "Inbox — Concord",
  eyebrow: "Needs you",
  title: "Inbox",
  intro: "Everything that waits for you or your organization: decisions, changes to resubmit, mentions, replies, recognitions and invitations.",
  order: { label: "Order", oldest: "Oldest first", newest: "Newest first" },
  listLabel: "Waiting for you",
  empty: "Nothing is waiting for you.",
  kinds: {
    decision: "Decision",
    resubmit: "Resubmit",
    mention: "Mention",
    reply: "Reply",
    recognition: "Recognition to sign",
    consortiumInvitation: "Consortium invitation",
  },
  signoff: {
    resubmit: "Changes were requested: edit and resubmit",
    decision: "A decision by {organization}",
    newDecision: "A new decision by {organization}",
    yourOrganization: "your organization",
    outdated: "The content changed after your organization approved.",
    signatoryDecides: "A signatory of your organization decides.",
  },
  thread: {
    someone: "Someone",
    mentioned: "{who} mentioned you",
    replied: "{who} replied in your thread",
  },
  recognition: "{organization} is asked to recognize it for {program}",
  consortiumInvitation: "{inviting} invites {organization} to join",
} as const;
