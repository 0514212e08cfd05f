/**
 * Every message of the interface, by language and area (issue #20). One i18next namespace
 * ("translation"); each area is a top-level key, so a key reads "inbox.title" everywhere. English
 * is the source; French mirrors its shape exactly (app/locales/shape.ts, checked by tsc and by
 * locales.test.ts, which also checks each message's ICU arguments and every key the code uses).
 */
import en_common from "./en/common";
import fr_common from "./fr/common";
import en_inbox from "./en/inbox";
import fr_inbox from "./fr/inbox";
import en_notifications from "./en/notifications";
import fr_notifications from "./fr/notifications";
import en_auth from "./en/auth";
import fr_auth from "./fr/auth";
import en_dashboard from "./en/dashboard";
import fr_dashboard from "./fr/dashboard";
import en_projects from "./en/projects";
import fr_projects from "./fr/projects";
import en_organizations from "./en/organizations";
import fr_organizations from "./fr/organizations";
import en_catalog from "./en/catalog";
import fr_catalog from "./fr/catalog";
import en_labels from "./en/labels";
import fr_labels from "./fr/labels";
import en_ui from "./en/ui";
import fr_ui from "./fr/ui";
import en_documents from "./en/documents";
import fr_documents from "./fr/documents";
import en_comments from "./en/comments";
import fr_comments from "./fr/comments";
import en_history from "./en/history";
import fr_history from "./fr/history";
import en_signoff from "./en/signoff";
import fr_signoff from "./fr/signoff";
import en_editor from "./en/editor";
import fr_editor from "./fr/editor";
import en_frameworks from "./en/frameworks";
import fr_frameworks from "./fr/frameworks";
import en_coverage from "./en/coverage";
import fr_coverage from "./fr/coverage";
import en_demand from "./en/demand";
import fr_demand from "./fr/demand";
import en_consortia from "./en/consortia";
import fr_consortia from "./fr/consortia";
import en_stacks from "./en/stacks";
import fr_stacks from "./fr/stacks";
import en_recognitions from "./en/recognitions";
import fr_recognitions from "./fr/recognitions";

export const en = { common: en_common, inbox: en_inbox, notifications: en_notifications, auth: en_auth, dashboard: en_dashboard, projects: en_projects, organizations: en_organizations, catalog: en_catalog, labels: en_labels, ui: en_ui, documents: en_documents, comments: en_comments, history: en_history, signoff: en_signoff, editor: en_editor, frameworks: en_frameworks, coverage: en_coverage, demand: en_demand, consortia: en_consortia, stacks: en_stacks, recognitions: en_recognitions };
export const fr = { common: fr_common, inbox: fr_inbox, notifications: fr_notifications, auth: fr_auth, dashboard: fr_dashboard, projects: fr_projects, organizations: fr_organizations, catalog: fr_catalog, labels: fr_labels, ui: fr_ui, documents: fr_documents, comments: fr_comments, history: fr_history, signoff: fr_signoff, editor: fr_editor, frameworks: fr_frameworks, coverage: fr_coverage, demand: fr_demand, consortia: fr_consortia, stacks: fr_stacks, recognitions: fr_recognitions };

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;
