import type en from "../en/inbox";
import type { Translation } from "../shape";

const inbox: Translation<typeof en> = {
  metaTitle: "Boîte de réception — Concord",
  eyebrow: "À traiter",
  title: "Boîte de réception",
  intro: "Tout ce qui vous attend, vous ou votre organisation : décisions, modifications à soumettre de nouveau, mentions, réponses, reconnaissances et invitations.",
  order: { label: "Ordre", oldest: "Plus anciens d’abord", newest: "Plus récents d’abord" },
  listLabel: "En attente de votre part",
  empty: "Rien ne vous attend.",
  kinds: {
    decision: "Décision",
    resubmit: "À soumettre de nouveau",
    mention: "Mention",
    reply: "Réponse",
    recognition: "Reconnaissance à signer",
    consortiumInvitation: "Invitation à un consortium",
  },
  signoff: {
    resubmit: "Des modifications ont été demandées : modifiez et soumettez de nouveau",
    decision: "Une décision de {organization}",
    newDecision: "Une nouvelle décision de {organization}",
    yourOrganization: "votre organisation",
    outdated: "Le contenu a changé après l’approbation de votre organisation.",
    signatoryDecides: "Un signataire de votre organisation décide.",
  },
  thread: {
    someone: "Quelqu’un",
    mentioned: "{who} vous a mentionné",
    replied: "{who} a répondu dans votre fil",
  },
  recognition: "{organization} est invité à le reconnaître pour {program}",
  consortiumInvitation: "{inviting} invite {organization} à se joindre",
};
export default inbox;
