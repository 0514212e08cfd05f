import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { labelsFor, type Labels } from "~/modules/i18n/labels";

/** Document kinds, statuses, roles, organization kinds, provinces and counts in the page's language. */
export function useLabels(): Labels {
  const { t } = useTranslation();
  return useMemo(() => labelsFor(t), [t]);
}
