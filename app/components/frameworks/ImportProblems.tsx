import { useTranslation } from "react-i18next";
import type { ImportProblem } from "~/modules/frameworks/import/types";

/**
 * Every problem of a refused file (or of a mapping's preview), each message naming its CSV line or
 * JSON node: all of them at once, since nothing is imported until the file is fixed.
 */
export function ImportProblems({ problems, title }: { problems: ReadonlyArray<Pick<ImportProblem, "message" | "code" | "params">>; title?: string }) {
  const { t } = useTranslation();
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>{title ?? t("frameworks.problems.count", { count: problems.length })}</strong>
      </p>
      <ul>
        {problems.map((problem, index) => (
          // A problem with a translation key shows in the reader's language; the others in English.
          <li key={index}>{problem.code ? t(problem.code, problem.params) : problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
