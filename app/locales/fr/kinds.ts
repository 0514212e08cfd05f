/**
 * The three document kinds in French (issue #20): every title, label, help text, unit and option
 * label of app/modules/documents/kinds/*, by kind → section / item key. The English is in the
 * definitions; app/modules/i18n/kind-text.ts applies this, and kind-text.test.ts fails when the two
 * drift apart (a string without French, or French for something that no longer exists).
 *
 * Terms (Québec usage, OQLF): micro-credential « microtitre »; credential specification « spécification du
 * microtitre » (« spécification » alone once the context is clear; the whole interface uses it); competency
 * framework « référentiel de compétences »; qualification framework « cadre de qualifications »;
 * institution « établissement »; professional body « ordre professionnel »; learner « personne
 * apprenante »; assessment-only route « voie par évaluation seulement »; sign-off « approbation »;
 * stack « empilement »; placement « stage »; transcript « relevé de notes ». « p. ex. » for "e.g.".
 * No-break space before « : » and inside « », narrow no-break space before « ; ? ! ».
 */
import type { KindTexts, OptionsText } from "~/modules/i18n/kind-text";
import frLabels from "./labels";

/** The provinces and territories, as the labels area names them. */
const JURISDICTIONS: OptionsText = frLabels.province;

const LANGUAGES: OptionsText = { en: "Anglais", fr: "Français" };

const DELIVERY_MODES: OptionsText = {
  online: "En ligne",
  in_person: "En présence",
  hybrid: "Hybride (en ligne et en présence)",
};

const OCCUPATION_SYSTEMS: OptionsText = {
  noc_2021: "CNP 2021 (Classification nationale des professions)",
  oasis: "SIPeC (Système d’information sur les professions et les compétences)",
  esco: "Profession ESCO",
  onet: "O*NET-SOC",
};

const QUALIFICATION_FRAMEWORKS: OptionsText = {
  oqf: "Cadre de classification des titres de compétences de l’Ontario (CCTCO)",
  eqf: "Cadre européen des certifications (CEC)",
  cdqf: "Cadre canadien des qualifications reliées aux grades",
  other: "Autre cadre",
};

/** modules/coverage/methods.ts, with the evidence kind the plan shows after each method. */
const ASSESSMENT_METHODS: OptionsText = {
  observation: "Observation directe (preuve directe)",
  practical_demonstration: "Démonstration pratique (preuve directe)",
  work_product: "Produit du travail (preuve directe)",
  simulation: "Simulation (preuve directe)",
  oral_examination: "Examen oral (preuve directe)",
  written_examination: "Examen écrit (preuve directe)",
  portfolio: "Portfolio (preuve directe)",
  logbook_signoff: "Signature du carnet de bord (preuve indirecte)",
  self_report: "Autodéclaration (preuve indirecte)",
  attendance: "Présence (preuve indirecte)",
};

const ASSESSMENT_SETTINGS: OptionsText = { workplace: "Milieu de travail", institution: "Établissement", online: "En ligne" };

const VERSION = {
  label: "Version",
  pattern: "Écrivez la version en nombres séparés par des points, p. ex. 1.0 ou 2.1.3.",
};

const kinds: KindTexts = {
  credential_spec: {
    label: "Spécification du microtitre",
    sections: {
      identity: { title: "Identification" },
      purpose: { title: "Raison d’être et professions visées" },
      labour_market: {
        title: "Données sur le marché du travail",
        intro: "Les données se périment : chaque indicateur, et l’ensemble des données, porte une date à laquelle les revoir.",
      },
      competencies: {
        title: "Compétences et résultats d’apprentissage",
        intro: "Chaque compétence est un élément d’un référentiel de compétences. Le plan d’évaluation reçoit une ligne par compétence.",
      },
      size_level: { title: "Ampleur et niveau" },
      delivery: { title: "Prestation" },
      entry: { title: "Admission et reconnaissance" },
      stacking: { title: "Empilement et passerelles" },
      quality: { title: "Assurance qualité" },
    },
    items: {
      title: { label: "Nom du microtitre" },
      bilingual: {
        label: "Publié en français et en anglais",
        help: "Le nom, la courte description et chaque résultat d’apprentissage sont alors rédigés dans les deux langues ; le catalogue montre à chacun sa langue et les exports portent les deux.",
      },
      titleFr: { label: "Nom du microtitre en français" },
      shortCode: {
        label: "Sigle",
        help: "Lettres majuscules, chiffres et traits d’union, p. ex. CAP-101. Figure sur les relevés de notes et les badges.",
        pattern: "N’utilisez que des lettres majuscules, des chiffres et des traits d’union, p. ex. CAP-101.",
      },
      version: VERSION,
      credentialStatus: {
        label: "Statut du microtitre",
        help: "Le cycle de vie du microtitre, et non l’approbation de ce document.",
        options: {
          in_development: "En élaboration",
          active: "Actif — inscriptions ouvertes",
          suspended: "Suspendu",
          retired: "Retiré",
        },
      },
      credentialKind: {
        label: "Type de microtitre",
        help: "Un module compte dans des empilements ; un empilement est formé de modules approuvés (consortiums, billet no 18).",
        options: { standalone: "Microtitre autonome", module: "Module", stack: "Empilement" },
      },
      summary: {
        label: "Courte description",
        help: "Deux ou trois phrases pour les badges, les catalogues et les relevés de notes.",
      },
      summaryFr: { label: "Courte description en français" },
      languages: { label: "Langues d’enseignement et d’évaluation", options: LANGUAGES },
      jurisdiction: { label: "Territoire visé", options: JURISDICTIONS },
      owners: {
        label: "Organismes qui délivrent et décernent le microtitre",
        itemLabel: "organisme",
        itemPlural: "organismes",
        itemGender: "masculine",
        help: "Pour un consortium, indiquez chaque copropriétaire.",
        fields: {
          organization: { label: "Organisation" },
          role: {
            label: "Rôle",
            options: {
              issuer_awarder: "Délivre et décerne",
              issuer: "Délivre (offre la formation)",
              awarder: "Décerne (confère le microtitre)",
            },
          },
          province: { label: "Province ou territoire", options: JURISDICTIONS },
        },
      },
      webpage: { label: "Page Web publique" },
      purpose: {
        label: "À qui il s’adresse et ce que ses titulaires savent faire",
        placeholder: "Décrivez les personnes apprenantes à qui s’adresse ce microtitre et ce qu’elles pourront faire au travail.",
      },
      occupations: {
        label: "Professions visées",
        itemLabel: "profession",
        itemPlural: "professions",
        itemGender: "feminine",
        help: "Codes CNP 2021 ou SIPeC ; les codes ESCO et O*NET sont facultatifs.",
        fields: {
          system: { label: "Classification", options: OCCUPATION_SYSTEMS },
          code: { label: "Code" },
          title: { label: "Appellation de la profession" },
          exampleRoles: { label: "Exemples d’appellations d’emploi" },
        },
      },
      employer_need: {
        label: "Pourquoi les employeurs en ont besoin",
        placeholder: "Quel manque de main-d’œuvre ce microtitre comble-t-il ? Citez des employeurs lorsque c’est possible.",
      },
      demandSignals: {
        label: "Indicateurs de demande",
        itemLabel: "indicateur de demande",
        itemPlural: "indicateurs de demande",
        itemGender: "masculine",
        fields: {
          competencyId: { label: "Compétence", help: "Laissez vide si l’indicateur concerne l’ensemble du microtitre." },
          source: { label: "Source" },
          figure: { label: "Donnée", help: "Ce que dit la source, avec son chiffre, p. ex. « 18 postes de planificateur à pourvoir d’ici 2030 »." },
          date: { label: "Date des données" },
          url: { label: "Lien vers la source" },
          reviewBy: { label: "À revoir d’ici le" },
        },
      },
      endorsements: {
        label: "Lettres d’appui et appuis officiels des employeurs",
        itemLabel: "appui",
        itemPlural: "appuis",
        itemGender: "masculine",
        fields: {
          organization: { label: "Organisation" },
          kind: {
            label: "Type",
            options: {
              letter_of_support: "Lettre d’appui",
              endorsement: "Appui officiel",
              advisory_minute: "Procès-verbal du comité consultatif",
            },
          },
          signedBy: { label: "Signé par" },
          date: { label: "Date" },
          url: { label: "Lien vers le document" },
        },
      },
      evidenceReviewDate: {
        label: "Revoir les données d’ici le",
        help: "Après cette date, les données sont signalées comme périmées jusqu’à ce que quelqu’un les revoie.",
      },
      evidenceReviewMonths: {
        label: "Période de révision des données",
        unit: "mois",
        help: "Les données de demande importées plus anciennes que cette période sont signalées dans la section Demande et dans la liste de vérification. 12 mois si le champ est vide.",
      },
      labour_market_summary: { label: "Synthèse des données", placeholder: "Ce que montrent les données, en quelques phrases." },
      competencies: {
        label: "Compétences",
        itemLabel: "compétence",
        itemPlural: "compétences",
        itemGender: "feminine",
        fields: {
          source: {
            label: "Source",
            options: { framework: "Tirée d’un référentiel", custom: "Propre au microtitre (absente des référentiels)" },
          },
          frameworkId: { label: "Version du référentiel" },
          competencyId: { label: "Compétence du référentiel" },
          framework: { label: "Référentiel" },
          branch: { label: "Branche du référentiel" },
          code: { label: "Code" },
          uri: { label: "URI du référentiel" },
          title: { label: "Compétence" },
          outcome: { label: "Résultat d’apprentissage", help: "Ce que la personne apprenante sait faire, en termes observables et évaluables." },
          outcomeFr: { label: "Résultat d’apprentissage en français", help: "Obligatoire quand le microtitre est publié en français et en anglais." },
          level: { label: "Niveau de maîtrise", help: "Tel que le référentiel le nomme, p. ex. « Niveau 3 — Compétent »." },
          essential: { label: "Essentielle", help: "Décochez la case pour une compétence facultative." },
        },
      },
      learningHours: {
        label: "Heures d’apprentissage prévues",
        unit: "heures",
        help: "Tout le temps d’apprentissage : enseignement, étude personnelle, apprentissage en milieu de travail et évaluation.",
      },
      creditValue: { label: "Nombre de crédits", unit: "crédits" },
      creditSystem: {
        label: "Système de crédits",
        options: {
          not_for_credit: "Non crédité",
          institutional: "Crédits de l’établissement",
          ects: "Crédits ECTS",
          ceu: "Unités d’éducation continue (UEC)",
        },
      },
      framework: { label: "Cadre de qualifications", options: QUALIFICATION_FRAMEWORKS },
      frameworkLevel: { label: "Niveau dans le cadre" },
      learningMode: { label: "Mode d’apprentissage", options: DELIVERY_MODES },
      assessmentMode: {
        label: "Mode d’évaluation",
        options: DELIVERY_MODES,
        help: "Où se déroule l’évaluation ; il peut différer du mode de prestation de l’apprentissage.",
      },
      schedule: {
        label: "Calendrier",
        options: { on_demand: "Sur demande — début en tout temps", cohort: "Par cohorte — dates de début fixes" },
      },
      cohortStarts: {
        label: "Dates de début des cohortes",
        itemLabel: "date de début",
        itemPlural: "dates de début",
        itemGender: "feminine",
        fields: {
          startDate: { label: "Date de début" },
          seats: { label: "Places" },
          location: { label: "Campus ou plateforme" },
        },
      },
      timeToCompleteWeeks: { label: "Durée habituelle pour terminer", unit: "semaines" },
      costCad: { label: "Coût pour la personne apprenante ($ CA)" },
      costIncludes: { label: "Ce que comprend le coût" },
      delivery: { label: "Comment l’apprentissage est offert", placeholder: "Rythme hebdomadaire, séances en direct, laboratoires, accessibilité." },
      prerequisites: { label: "Préalables", placeholder: "Formation, expérience ou outils dont la personne apprenante a besoin avant de commencer." },
      rplAvailable: { label: "La reconnaissance des acquis et des compétences (RAC) est offerte" },
      prior_learning: { label: "Comment les acquis sont reconnus" },
      assessmentOnlyRoute: {
        label: "Voie par évaluation seulement offerte",
        help: "Les personnes expérimentées passent un prétest, puis un post-test, et obtiennent le microtitre sans suivre la formation.",
      },
      assessmentOnlyFeeCad: { label: "Frais de la voie par évaluation seulement ($ CA)" },
      assessment_only: { label: "La voie par évaluation seulement" },
      stackRule: {
        label: "Modules que suit la personne apprenante",
        options: { all: "Tous les modules sont obligatoires", k_of_n: "Un certain nombre de ces modules" },
      },
      stackK: { label: "Combien de modules" },
      stackModules: {
        label: "Modules de l’empilement",
        itemLabel: "module",
        itemPlural: "modules",
        itemGender: "masculine",
        help: "Ajoutez des modules avec « Ajouter un module » dans la section Empilement : chacun est une version approuvée précise.",
        fields: {
          moduleDocumentId: { label: "Spécification du module" },
          versionHash: { label: "Version approuvée" },
          title: { label: "Nom du module" },
          owner: { label: "Relève de" },
          prerequisites: { label: "Préalables (modules de cet empilement)", help: "Les spécifications des modules à terminer d’abord." },
        },
      },
      modules: {
        label: "Modules",
        itemLabel: "module",
        itemPlural: "modules",
        itemGender: "masculine",
        help: "Les parties que la personne apprenante termine dans ce microtitre, chacune relevant d’un établissement participant. Un empilement énumère plutôt des spécifications de modules approuvées sous « Modules de l’empilement ».",
        fields: {
          code: { label: "Code" },
          title: { label: "Nom du module" },
          ownedBy: { label: "Relève de (établissement)" },
          hours: { label: "Heures", unit: "heures" },
          credits: { label: "Crédits", unit: "crédits" },
          summary: { label: "Contenu" },
        },
      },
      stacksInto: {
        label: "Titres dans lesquels il s’empile",
        itemLabel: "titre",
        itemPlural: "titres",
        itemGender: "masculine",
        fields: {
          credential: { label: "Titre" },
          issuer: { label: "Délivré par" },
          how: { label: "Comment il compte" },
        },
      },
      laddersInto: {
        label: "Programmes auxquels il donne accès",
        itemLabel: "programme",
        itemPlural: "programmes",
        itemGender: "masculine",
        fields: {
          program: { label: "Programme" },
          institution: { label: "Établissement" },
          creditGranted: { label: "Crédits accordés", unit: "crédits" },
          transcriptable: { label: "Figure au relevé de notes" },
          transcriptNote: { label: "Comment il figure au relevé de notes" },
          province: { label: "Province" },
          standing: {
            label: "Ce qu’il accorde",
            options: { credits: "Crédits de transfert", advanced_standing: "Statut avancé", preparation: "Préparation (admission)" },
          },
          conditions: { label: "Conditions" },
          validFrom: { label: "Valide à partir du" },
          validTo: { label: "Valide jusqu’au" },
        },
      },
      qaBody: { label: "Organisme d’assurance qualité" },
      qaType: {
        label: "Type d’assurance qualité",
        options: {
          institutional_review: "Examen institutionnel d’assurance qualité",
          external_review: "Évaluation externe de programme",
          accreditation: "Agrément",
          professional_recognition: "Reconnaissance par un ordre professionnel",
        },
      },
      reviewCycleYears: {
        label: "Cycle de révision",
        unit: "ans",
        help: "À quelle fréquence le microtitre est révisé, p. ex. tous les 3 ans.",
      },
      nextReviewDate: { label: "Prochaine révision" },
      appeals: {
        label: "Processus d’appel",
        placeholder: "Comment une personne apprenante fait appel d’une décision, auprès de qui, et dans quel délai elle obtient une réponse.",
      },
    },
  },

  assessment_plan: {
    label: "Plan d’évaluation",
    sections: {
      scope: { title: "Microtitre et portée" },
      assessments: {
        title: "Évaluations",
        intro: "Les instruments du plan : des dizaines, pas des milliers. Les compétences que chacun évalue se cochent dans la matrice de couverture ci-dessous.",
      },
      coverage: {
        title: "Couverture",
        intro:
          "Les lignes sont les compétences de la spécification, les colonnes les évaluations ci-dessus ; cochez une case quand cette évaluation évalue cette compétence. Chaque compétence essentielle doit faire l’objet d’une évaluation directe avant l’approbation.",
      },
      assessment_only: { title: "Voie par évaluation seulement" },
      appeals: { title: "Reprise et appels" },
      transcript: { title: "Résultats et relevé de notes" },
      evidence: { title: "Conservation des preuves et protection des renseignements personnels" },
    },
    items: {
      title: { label: "Nom du plan" },
      credentialSpecId: { label: "Spécification du microtitre", help: "La spécification dont ce plan évalue les compétences." },
      version: VERSION,
      overview: {
        label: "Approche d’évaluation",
        placeholder: "Comment les évaluations s’articulent, et pourquoi elles témoignent du rendement réel au travail.",
      },
      assessments: {
        label: "Évaluations",
        itemLabel: "évaluation",
        itemPlural: "évaluations",
        itemGender: "feminine",
        fields: {
          name: { label: "Nom de l’évaluation" },
          method: {
            label: "Méthode",
            options: ASSESSMENT_METHODS,
            help: "La signature du carnet de bord, l’autodéclaration et la présence sont des preuves indirectes : à elles seules, elles ne rendent jamais une compétence évaluée.",
          },
          setting: { label: "Lieu", options: ASSESSMENT_SETTINGS },
          assessor: {
            label: "Responsable de l’évaluation",
            options: {
              employer: "Employeur",
              institution: "Établissement",
              joint: "Employeur et établissement conjointement",
              third_party: "Tiers",
            },
          },
          assessorQualification: { label: "Qualifications du responsable de l’évaluation" },
          identityVerification: {
            label: "Vérification de l’identité",
            options: {
              photo_id: "Pièce d’identité avec photo vérifiée en personne",
              online_id: "Vérification de l’identité en ligne",
              known_to_assessor: "Personne connue du responsable de l’évaluation au travail",
              none: "Aucune",
            },
          },
          proctoring: {
            label: "Surveillance",
            options: {
              not_proctored: "Sans surveillance",
              in_person: "En personne",
              remote_live: "À distance, en direct",
              remote_recorded: "À distance, enregistrée",
            },
          },
          evidence: {
            label: "Preuves conservées",
            options: {
              video: "Vidéo",
              artefact: "Artéfact de travail",
              log: "Journal",
              observation_record: "Fiche d’observation",
              test_result: "Résultat d’examen",
            },
          },
          employerAccess: { label: "Où l’employeur peut consulter les preuves" },
          rubric: { label: "Niveaux de la grille d’évaluation", help: "Les niveaux de la grille, du plus bas au plus élevé." },
          requiredLevel: { label: "Niveau requis pour réussir" },
          weight: { label: "Pondération", unit: "%" },
          validatedBy: {
            label: "Validée comme reflet du rendement réel au travail par",
            help: "Qui a confirmé avec l’employeur que cette évaluation reflète l’emploi, p. ex. son expert de contenu.",
          },
          assessmentOnlyRoute: { label: "Fait partie de la voie par évaluation seulement" },
        },
      },
      coverage: { label: "Matrice de couverture" },
      assessmentOnlyOffered: { label: "Voie par évaluation seulement offerte" },
      assessmentOnlySteps: {
        label: "Étapes de la voie",
        options: {
          pre_test: "Prétest",
          gap_analysis: "Analyse des écarts",
          challenge_assessment: "Examen de reconnaissance des acquis",
          portfolio_review: "Examen du portfolio",
          post_test: "Post-test",
        },
      },
      assessment_only: { label: "Fonctionnement de la voie par évaluation seulement" },
      reassessmentAttempts: { label: "Reprises d’évaluation permises" },
      appealWindowDays: { label: "Délai pour déposer un appel", unit: "jours" },
      appeals: { label: "Reprise et appels" },
      resultFormat: {
        label: "Communication des résultats",
        options: {
          pass_not_yet: "Réussite / pas encore",
          competency_levels: "Niveau atteint par compétence",
          graded: "Noté (pourcentage ou lettre)",
        },
      },
      openBadge: { label: "Délivré comme titre Open Badges 3.0" },
      transcriptNotation: { label: "Mention au relevé de notes" },
      transcript: { label: "Comment les résultats parviennent au relevé de notes" },
      retentionMonths: { label: "Conserver les preuves pendant", unit: "mois" },
      storage: { label: "Lieu de conservation des preuves" },
      privacy: { label: "Protection des renseignements personnels et consentement" },
    },
  },

  wbl_agreement: {
    label: "Entente d’apprentissage en milieu de travail",
    sections: {
      parties: { title: "Parties et personnes-ressources" },
      placement: { title: "Poste et lieu de travail" },
      schedule: { title: "Dates et heures" },
      competencies: {
        title: "Compétences démontrées au travail",
        intro: "Choisies parmi les compétences qu’évaluent les évaluations en milieu de travail du plan d’évaluation ; une compétence qu’aucune évaluation en milieu de travail ne couvre (ou ne couvre plus) est signalée.",
      },
      training: { title: "Plan de formation et jalons" },
      supervision: { title: "Supervision et mentorat" },
      responsibilities: { title: "Responsabilités de chaque partie" },
      recognition: { title: "Reconnaissance des apprentissages" },
      safety: { title: "Santé, sécurité et assurances" },
      pay: { title: "Rémunération" },
      confidentiality: { title: "Confidentialité et propriété intellectuelle" },
      governance: { title: "Différends, modification et résiliation" },
      review: { title: "Révision" },
    },
    items: {
      title: { label: "Nom de l’entente" },
      assessmentPlanId: { label: "Plan d’évaluation", help: "Le plan dont la personne apprenante démontre les compétences au travail." },
      parties: {
        label: "Parties",
        itemLabel: "partie",
        itemPlural: "parties",
        itemGender: "feminine",
        help: "L’employeur, chaque établissement et la personne apprenante lorsqu’elle est nommée.",
        fields: {
          organization: { label: "Organisation ou personne" },
          role: {
            label: "Rôle dans l’entente",
            options: { employer: "Employeur", institution: "Établissement", learner: "Personne apprenante" },
          },
          contactName: { label: "Personne-ressource" },
          contactTitle: { label: "Fonction de la personne-ressource" },
          contactEmail: { label: "Courriel" },
          contactPhone: { label: "Téléphone" },
        },
      },
      learnerName: {
        label: "Personne apprenante",
        help: "Laissez vide pour une entente qui s’applique à chaque personne apprenante placée en stage sous son régime.",
      },
      roleTitle: { label: "Poste en milieu de travail" },
      roleNoc: { label: "Code CNP 2021 du poste", pattern: "Les codes CNP 2021 comptent cinq chiffres, p. ex. 41400." },
      siteName: { label: "Lieu de travail" },
      siteAddress: { label: "Adresse du lieu de travail" },
      workArrangement: {
        label: "Modalité de travail",
        options: { on_site: "Sur place", hybrid: "Hybride (sur place et à distance)", remote: "À distance" },
      },
      role_description: { label: "Ce que fera la personne apprenante" },
      startDate: { label: "Date de début" },
      endDate: { label: "Date de fin" },
      hoursPerWeek: { label: "Heures par semaine", unit: "heures" },
      totalHours: { label: "Nombre total d’heures du stage", unit: "heures" },
      workingPattern: { label: "Horaire de travail", help: "p. ex. du mardi au jeudi, de 8 h 30 à 16 h 30." },
      workCompetencies: {
        label: "Compétences démontrées au travail",
        itemLabel: "compétence",
        itemPlural: "compétences",
        itemGender: "feminine",
        fields: {
          competencyId: { label: "Compétence" },
          competencyCode: { label: "Code de la compétence", help: "Copié du plan d’évaluation." },
          competencyTitle: { label: "Intitulé de la compétence", help: "Copié du plan d’évaluation." },
          activities: { label: "Activités de travail qui la démontrent" },
          evidence: { label: "Preuves recueillies au travail" },
          workplaceAssessor: { label: "Responsable de l’évaluation en milieu de travail" },
        },
      },
      onTheJobHours: { label: "Heures en milieu de travail", unit: "heures" },
      offTheJobHours: {
        label: "Heures hors du milieu de travail",
        unit: "heures",
        help: "Formation en dehors du travail quotidien : cours, laboratoires, temps d’étude.",
      },
      milestones: {
        label: "Jalons",
        itemLabel: "jalon",
        itemPlural: "jalons",
        itemGender: "masculine",
        fields: {
          title: { label: "Jalon" },
          due: { label: "Échéance" },
          setting: { label: "Lieu", options: { on_the_job: "En milieu de travail", off_the_job: "Hors du milieu de travail" } },
          description: { label: "Ce qui est accompli" },
        },
      },
      training_plan: { label: "Plan de formation" },
      supervisorName: { label: "Responsable de la supervision en milieu de travail" },
      supervisorTitle: { label: "Fonction du responsable de la supervision" },
      mentorName: { label: "Mentor" },
      placementAdvisor: { label: "Responsable des stages à l’établissement" },
      reviewFrequency: {
        label: "Suivis des progrès",
        options: { weekly: "Chaque semaine", biweekly: "Toutes les deux semaines", monthly: "Chaque mois", per_milestone: "À chaque jalon" },
      },
      supervision: { label: "Fonctionnement de la supervision et du mentorat" },
      responsibilities_employer: { label: "L’employeur" },
      responsibilities_institution: { label: "Les établissements" },
      responsibilities_learner: { label: "La personne apprenante" },
      recognitionType: {
        label: "Reconnaissance",
        options: {
          credential_component: "Compte pour le microtitre",
          credit: "Crédits scolaires",
          non_credit: "Non crédité (consigné, sans crédits)",
        },
      },
      program: { label: "Programme ou microtitre" },
      creditValue: { label: "Nombre de crédits", unit: "crédits" },
      priorLearning: { label: "Acquis reconnus" },
      recognition: { label: "Comment les apprentissages sont reconnus" },
      insurance: {
        label: "Assurance en milieu de travail",
        options: {
          wsib_employer: "CSPAAT — protection de l’employeur (stage rémunéré)",
          ministry_student: "Protection du ministère de l’Ontario pour les stages non rémunérés",
          provincial_other: "Indemnisation des accidents du travail d’une autre province",
          private: "Assurance privée",
        },
      },
      insuranceReference: { label: "Numéro de police ou de protection" },
      safetyOrientation: { label: "Accueil en santé et sécurité avant le premier jour sur place" },
      health_safety: { label: "Santé et sécurité" },
      paid: { label: "Stage rémunéré" },
      hourlyWageCad: { label: "Salaire horaire ($ CA)" },
      payNotes: { label: "Remarques sur la rémunération" },
      ipOwner: {
        label: "Propriétaire des productions",
        options: {
          employer: "L’employeur",
          learner: "La personne apprenante",
          institution: "L’établissement",
          shared: "Propriété partagée, selon les modalités ci-dessous",
        },
      },
      confidentiality: { label: "Confidentialité et propriété intellectuelle" },
      noticeDays: { label: "Préavis pour mettre fin à l’entente", unit: "jours" },
      disputes: { label: "Règlement des différends" },
      variation: { label: "Modification" },
      termination: { label: "Résiliation" },
      reviewDate: { label: "Date de révision", help: "Date à laquelle les parties font le point sur le déroulement du stage." },
    },
  },
};
export default kinds;
