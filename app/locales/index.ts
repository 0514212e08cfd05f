/**
 * Every message of the interface, by language and area (issue #20). One i18next namespace
 * ("translation"); each area is a top-level key, so a key reads "inbox.title" everywhere. English
 * is the source; French mirrors its shape exactly (app/locales/shape.ts, checked by tsc and by
 * locales.test.ts, which also checks each message's ICU arguments and every key the code uses).
 */
import enCommon from "./en/common";
import frCommon from "./fr/common";
import enInbox from "./en/inbox";
import frInbox from "./fr/inbox";
import enNotifications from "./en/notifications";
import frNotifications from "./fr/notifications";

export const en = { common: enCommon, inbox: enInbox, notifications: enNotifications };
export const fr = { common: frCommon, inbox: frInbox, notifications: frNotifications };

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;
