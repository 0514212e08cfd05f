import type en from "../en/recognitions";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {
  metaTitle: "Reconnaissances — {title} — Concord",
  fallbackTitle: "Spécification",
  title: "Reconnaissances",
  introBefore: "Où ce microtitre est reconnu. Une reconnaissance n’est confirmée que lorsqu’un membre de l’établissement d’accueil la signe, pour cette version de la spécification (",
  introAfter: ") ; d’ici là, elle est proposée.",
  empty: "La spécification n’indique aucun programme auquel elle donne accès (Empilement et passerelles → Programmes auxquels elle donne accès).",
  program: "Programme",
  institution: "Établissement d’accueil",
  grants: "Accorde",
  conditions: "Conditions",
  valid: "Validité",
  status: "Statut",
  noInstitution: "Aucun établissement sur Concord ne porte exactement ce nom : personne ne peut encore la signer.",
  grant: {
    advanced_standing: "admission avec équivalences",
    preparation: "préparation à l’admission",
    credits: "{count} crédits",
  },
  statuses: { proposed: "proposée", confirmed: "confirmée", withdrawn: "retirée" },
  signedBy: " — signée par {name}",
  formerMember: "un ancien membre",
  signedOn: " le {date}",
  versionBefore: " (version ",
  versionAfter: ")",
  earlierVersion: "Signée pour une version antérieure de la spécification.",
  awaiting: "En attente de la signature de {institution} depuis le {date}",
  sign: "Signer la reconnaissance",
  ask: "Demander à {institution} de signer",
  why: "Motif (affiché dans la piste d’audit)",
  withdraw: "Retirer la reconnaissance",
  errors: {
    alreadySigned: "Cette reconnaissance est déjà signée.",
    changed: "La spécification a changé depuis que vous l’avez ouverte : relisez-la, puis signez.",
    noInstitution: "Aucun établissement sur Concord ne porte exactement ce nom : corrigez d’abord l’établissement de la ligne.",
    alreadyAsked: "L’établissement d’accueil a déjà été sollicité.",
    onlySigned: "Seule une reconnaissance signée peut être retirée.",
  },
};
export default messages;
