import type en from "../en/dashboard";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {
  landing: {
    eyebrow: "Des microtitres qui inspirent confiance aux employeurs",
    title: "Concevez vos microtitres avec ceux qui embauchent.",
    intro: "Concord est l’espace où employeurs, ordres professionnels, collèges et universités rédigent ensemble un microtitre : chaque énoncé est rattaché à un référentiel de compétences et à une demande réelle du marché du travail, chaque compétence est évaluée sur preuves, et le résultat est approuvé par chaque partie.",
    createAccount: "Créer un compte",
    signIn: "Se connecter",
    documentsEyebrow: "Un espace de travail, trois documents",
    credentialSpec: "Raison d’être, professions, compétences, ampleur, niveau, empilement.",
    assessmentPlan: "Chaque compétence associée à la façon dont elle est démontrée.",
    wblAgreement: "Ce à quoi l’employeur et l’établissement s’engagent chacun.",
    live: { title: "Rédigé ensemble, en direct", text: "Tout le monde modifie le même document en même temps et voit qui est présent." },
    signoff: { title: "Approuvé, version par version", text: "Chaque partie approuve la version exacte qu’elle a lue ; l’assurance qualité donne l’approbation finale." },
    consortia: { title: "Conçu pour les consortiums", text: "Plusieurs établissements fournissent des modules qui s’empilent en un seul microtitre transférable." },
  },
  eyebrow: "Tableau de bord",
  welcome: "Bienvenue, {name}",
  newProject: "Nouveau projet",
  invitations: {
    title: "Invitations à des projets",
    intro: "Votre organisation ne participe que si vous acceptez ; ses membres voient alors le projet.",
  },
  projects: {
    title: "Projets",
    empty: "Aucun projet pour l’instant.",
    counts: "{organizations, plural, one {# organisation} other {# organisations}} · {documents, plural, one {# document} other {# documents}}",
    sample: "Voyez à quoi ressemble un projet terminé : trois documents complets, à lire sans les modifier.",
  },
  documents: { title: "Documents récents", empty: "Aucun document pour l’instant." },
  organizations: { title: "Vos organisations", empty: "Aucune pour l’instant.", admin: "Administrateur", member: "Membre" },
  firstSteps: {
    title: "Premiers pas",
    done: "Fait",
    notDone: "Pas encore fait",
    organization: {
      label: "Créez votre organisation ou joignez-vous à une organisation",
      action: "Créer votre organisation",
      hint: "Vous agissez au nom d’une organisation dans chaque projet. Pour rejoindre celle d’un collègue, ouvrez le lien d’invitation qu’il vous a envoyé.",
    },
    project: {
      label: "Lancez un projet ou joignez-vous à un projet",
      action: "Lancer un projet",
      hint: "Un projet, c’est un microtitre et les organisations qui le conçoivent. Pour vous joindre à un projet, son responsable invite votre organisation.",
    },
    invite: {
      label: "Invitez un collègue",
      action: "Inviter un collègue",
      hint: "Envoyez un lien d’invitation depuis la page de votre organisation.",
      hintNoOrganization: "Une fois votre organisation créée, invitez des collègues depuis sa page.",
    },
  },
};
export default messages;
