import type en from "../en/labels";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {
  documentKind: {
    credential_spec: "Spécification du microtitre",
    assessment_plan: "Plan d’évaluation",
    wbl_agreement: "Entente d’apprentissage en milieu de travail",
  },
  documentStatus: {
    draft: "Brouillon",
    in_review: "En révision",
    changes_requested: "Modifications demandées",
    approved: "Approuvé",
    rejected: "Rejeté",
    withdrawn: "Retiré",
  },
  projectRole: {
    lead_institution: "Établissement responsable",
    partner_institution: "Établissement partenaire",
    employer_partner: "Employeur partenaire",
    professional_body: "Ordre professionnel",
    qa_reviewer: "Évaluateur en assurance qualité",
  },
  organizationKind: {
    employer: "Employeur",
    institution: "Établissement",
    professional_body: "Ordre professionnel",
    qa_agency: "Organisme d’assurance qualité",
  },
  province: {
    AB: "Alberta",
    BC: "Colombie-Britannique",
    MB: "Manitoba",
    NB: "Nouveau-Brunswick",
    NL: "Terre-Neuve-et-Labrador",
    NS: "Nouvelle-Écosse",
    NT: "Territoires du Nord-Ouest",
    NU: "Nunavut",
    ON: "Ontario",
    PE: "Île-du-Prince-Édouard",
    QC: "Québec",
    SK: "Saskatchewan",
    YT: "Yukon",
    CA: "Pancanadien (national)",
  },
  competencyCount: "{count, plural, one {# compétence} other {# compétences}}",
};
export default messages;
