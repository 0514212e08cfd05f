import type en from "../en/ui";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {
  errorPage: {
    back: "Retour à Concord",
    s400: { title: "Requête invalide", text: "La requête n’a pas pu être comprise." },
    s403: { title: "Action non permise", text: "Vous n’avez pas l’autorisation de faire cela." },
    s404: { title: "Page introuvable", text: "Il n’y a rien ici, ou vous n’y avez pas accès." },
    s405: { title: "Action non permise", text: "Cette action n’est pas offerte ici." },
    s429: { title: "Un instant", text: "Trop de requêtes. Réessayez dans quelques instants." },
    other: { title: "Une erreur s’est produite", text: "Une erreur inattendue s’est produite. Elle a été consignée ; veuillez réessayer." },
  },
  imports: {
    counts: "{stored} sur {total} enregistrés",
    progress: "Progression de l’importation",
    reading: "Lecture du fichier",
    failed: "Rien n’a été importé : {count, plural, one {# problème} other {# problèmes}} dans le fichier.",
    again: "Importer un autre fichier",
  },
  readiness: {
    count: "{ready} sur {total} prêts",
    ready: "prêt",
    missing: "Manquant : {missing}",
  },
  verify: {
    metaTitle: "Vérifier un certificat — Concord",
    title: "Vérifier un certificat",
    intro: "Entrez le code imprimé sur un certificat d’approbation Concord (l’empreinte SHA-256 de la version approuvée). Cette page indique seulement s’il correspond à une approbation.",
    code: "Code du certificat",
    submit: "Vérifier",
    genuine: "Ce certificat est authentique : cette version a été approuvée le",
    round: "(ronde {round}).",
    noMatch: "Aucune approbation ne correspond à ce code.",
    errors: {
      required: "Entrez le code du certificat",
      format: "Un code de certificat compte {length} caractères : chiffres de 0 à 9 et lettres de a à f",
      check: "Vérifiez le code du certificat",
    },
  },
  rateLimit: {
    message: "Vous avez créé beaucoup {things, select, organizations {d’organisations} projects {de projets} invitations {d’invitations} frameworkImports {d’importations de référentiels} other {d’importations de données sur la demande}} récemment ; réessayez dans {wait}.",
    minutes: "{count, plural, one {# minute} other {# minutes}}",
    hours: "{count, plural, one {# heure} other {# heures}}",
  },
};
export default messages;
