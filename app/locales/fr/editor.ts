import type en from "../en/editor";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {
  bar: { label: "Collaboration" },
  toolbar: {
    label: "Mise en forme : {label}",
    bold: "Gras",
    italic: "Italique",
    heading: "Titre",
    subheading: "Sous-titre",
    bulletList: "Liste à puces",
    orderedList: "Liste numérotée",
    withShortcut: "{label} ({shortcut})",
  },
  connection: {
    disconnected: "Déconnecté",
    offline: "Hors ligne — les changements seront synchronisés",
    connected: "Connecté",
    reconnecting: "Reconnexion…",
    connecting: "Connexion…",
    closed: "Le serveur a fermé la connexion. Rechargez la page pour réessayer.",
    unauthenticated: "Votre session a pris fin. Reconnectez-vous pour continuer à travailler.",
    forbidden: "Vous n’avez plus accès à ce document.",
    notFound: "Ce document n’existe plus.",
    readOnly: "Vous ne pouvez plus modifier ce document. Rechargez la page.",
    identityMismatch: "Cet onglet a été déconnecté. Rechargez la page.",
    messageTooBig: "Votre dernier changement est trop volumineux pour être envoyé. Annulez-le (Ctrl+Z) pour poursuivre la synchronisation.",
    tryAgainLater: "Trop de personnes ont ce document ouvert en ce moment. Nouvelle tentative en cours.",
    rateLimited: "Les changements arrivent trop vite. Nouvelle tentative sous peu.",
    internalError: "Le serveur n’a pas pu enregistrer les changements. Les vôtres sont conservés ici et seront envoyés de nouveau.",
    documentReset: "Ce document vient d’être verrouillé pour approbation. Rechargement de la version enregistrée.",
  },
  save: {
    saving: "Enregistrement…",
    saved: "Tous les changements sont enregistrés",
    offline: "Hors ligne — vos changements seront enregistrés à la reconnexion",
    notSaved: "Changements non enregistrés",
  },
  presence: {
    label: "Personnes présentes",
    you: "{name} (vous)",
    onlyYou: "Seulement vous",
    others: "{count, plural, one {# autre personne ici} other {# autres personnes ici}}",
  },
  unsaved: {
    title: "Certains de vos changements ne sont pas encore enregistrés",
    text: "Ils sont en cours d’envoi. Si vous quittez maintenant, ils pourraient être perdus.",
    stay: "Rester sur cette page",
    leave: "Quitter sans enregistrer",
  },
};
export default messages;
