import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { MessageCode } from "~/modules/documents/model/types";
import type { RowNoun } from "~/modules/i18n/kind-text";

type Shown = { message: string } & MessageCode;

/**
 * A model message in the reader's language: its translation key when it has one, else its English.
 * A `rowField` param is a rows field whose noun (and gender, for French) `noun` supplies.
 */
export function issueText(t: TFunction, issue: Shown, noun?: (fieldKey: string) => RowNoun | null): string {
  if (!issue.code) return issue.message;
  const params: Record<string, string | number> = { ...issue.params };
  const rowField = issue.params?.rowField;
  if (typeof rowField === "string") {
    const found = noun?.(rowField);
    // Without the noun the English (which has it) says more than a sentence with a hole.
    if (!found) return issue.message;
    params.noun = found.singular;
    params.gender = found.gender;
  }
  return t(issue.code, params);
}

/** A field's errors and warnings, under it (inputs, rows, the competency table, the coverage matrix). */
export function FieldIssueList({ issues, id }: { issues: ReadonlyArray<{ severity: "error" | "warning" } & Shown>; id?: string }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="doc-field__issues">
      {issues.map((issue, index) => (
        <li key={index} className={issue.severity === "error" ? "field__error" : "doc-field__warning"}>
          {issueText(t, issue)}
        </li>
      ))}
    </ul>
  );
}
