import type { ImportProblem } from "~/modules/frameworks/import/types";

/**
 * Every problem of a refused file (or of a mapping's preview), each message naming its CSV line or
 * JSON node: all of them at once, since nothing is imported until the file is fixed.
 */
export function ImportProblems({ problems, title }: { problems: ReadonlyArray<Pick<ImportProblem, "message">>; title?: string }) {
  return (
    <div className="import-problems" role="alert">
      <p>
        <strong>{title ?? `${problems.length} ${problems.length === 1 ? "problem" : "problems"} to fix:`}</strong>
      </p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{problem.message}</li>
        ))}
      </ul>
    </div>
  );
}
