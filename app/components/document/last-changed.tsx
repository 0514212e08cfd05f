/**
 * "Last changed by Maya Okafor, Northwind Energy, 1 Dec 2026, 07:40 EST" under each field's label
 * and in each row: who the collaboration server recorded as the latest author (document_edits).
 * The page's loader reads them; they refresh when the page's data is revalidated, not live. Given
 * through context so that the sections (memoised per section) need no new props to pass along.
 */
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Moment } from "~/components/ui/moment";
import { personAndOrganization, type LastChange, type LastChanges } from "~/modules/documents/edits";

const NONE: LastChanges = { fields: {}, rows: {} };
const LastChangesContext = createContext<LastChanges>(NONE);

export function LastChangesProvider({ value, children }: { value: LastChanges | undefined; children: ReactNode }) {
  return <LastChangesContext.Provider value={value ?? NONE}>{children}</LastChangesContext.Provider>;
}

/** The latest change of a field (`title`, `text:purpose`, `competencies`) or a row (`competencies.<rowId>`). */
export function useLastChange(path: string): LastChange | undefined {
  const changes = useContext(LastChangesContext);
  return path.includes(".") ? changes.rows[path] : changes.fields[path];
}

export function LastChanged({ change }: { change: LastChange | undefined }) {
  const { t } = useTranslation();
  if (!change) return null;
  return (
    <span className="doc-last-changed">
      {t("documents.field.lastChanged", { who: personAndOrganization(change.person, change.organization) })} <Moment iso={change.at} />
    </span>
  );
}

/** The line for one field or row path, read from the page's last changes. */
export function LastChangedAt({ path }: { path: string }) {
  return <LastChanged change={useLastChange(path)} />;
}
