import type en from "../en/auth";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {
  fields: { name: "Nom", email: "Courriel", password: "Mot de passe" },
  passwordHint: "Au moins {min} caractères.",
  signIn: {
    metaTitle: "Connexion — Concord",
    title: "Se connecter à Concord",
    submit: "Se connecter",
    newHere: "Nouveau sur Concord ?",
    createAccount: "Créer un compte",
  },
  signUp: {
    metaTitle: "Créer un compte — Concord",
    title: "Créez votre compte Concord",
    intro: "Concevez des microtitres avec des employeurs, des établissements et des ordres professionnels.",
    submit: "Créer le compte",
    haveAccount: "Vous avez déjà un compte ?",
    signIn: "Se connecter",
  },
  errors: {
    invalidCredentials: "Le courriel ou le mot de passe est incorrect.",
    tooManyAttempts: "Trop de tentatives de connexion. Réessayez dans {minutes, plural, one {# minute} other {# minutes}}.",
    emailTaken: "Un compte existe déjà avec ce courriel. Connectez-vous plutôt.",
    invalidEmail: "Entrez une adresse courriel valide",
    emailTooLong: "Le courriel est trop long",
    nameRequired: "Entrez votre nom",
    nameTooLong: "Le nom est trop long ({max} caractères au plus)",
    passwordTooShort: "Utilisez au moins {min} caractères",
    passwordTooLongMax: "Le mot de passe est trop long ({max} caractères au plus)",
    passwordRequired: "Entrez votre mot de passe",
    passwordTooLong: "Le mot de passe est trop long",
  },
};
export default messages;
