import { useEffect, useState } from "react";
import { useLocale } from "~/components/i18n/use-locale";
import { LANGUAGE_TAGS } from "~/modules/i18n/locales";
import { formatMoment } from "~/utils/dates";

/**
 * A moment as people read it everywhere in Concord: "1 Dec 2026, 07:40 EST" ("1 déc. 2026, 07:40
 * HNE" in French), in the page's language and the reader's time zone. The server does not know that
 * zone: its paint (and the first render in the browser, which must match it) says UTC, named; the
 * reader's own zone follows once the page runs.
 */
export function Moment({ iso, seconds = false }: { iso: string | null | undefined; seconds?: boolean }) {
  const locale = useLocale();
  const [local, setLocal] = useState(false);
  useEffect(() => setLocal(true), []);
  if (!iso) return <>—</>;
  return <time dateTime={iso}>{formatMoment(iso, { seconds, timeZone: local ? undefined : "UTC", locale: LANGUAGE_TAGS[locale] as "en-CA" | "fr-CA" })}</time>;
}
