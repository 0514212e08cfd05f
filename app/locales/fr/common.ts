import type en from "../en/common";
import type { Translation } from "../shape";

const common: Translation<typeof en> = {
  brand: "Concord",
  metaTitle: "Concord — co-concevoir des microtitres",
  metaDescription: "Employeurs, ordres professionnels et établissements co-conçoivent ensemble des microtitres.",
  menu: "Menu",
  nav: {
    main: "Principale",
    dashboard: "Tableau de bord",
    projects: "Projets",
    documents: "Documents",
    inbox: "Boîte de réception",
    organizations: "Organisations",
    consortia: "Consortiums",
    frameworks: "Référentiels",
    demand: "Demande",
    catalog: "Catalogue",
  },
  account: { signIn: "Se connecter", signOut: "Se déconnecter", createAccount: "Créer un compte" },
  language: { label: "Langue" },
  skip: { content: "Aller au contenu", signoff: "Aller à l’approbation", comments: "Aller aux commentaires", history: "Aller à l’historique" },
  footer: "Concord — des microtitres co-conçus par les employeurs, les ordres professionnels et les établissements.",
};
export default common;
