/** A field's errors and warnings, under it (inputs, rows, the competency table, the coverage matrix). */
export function FieldIssueList({ issues, id }: { issues: ReadonlyArray<{ severity: "error" | "warning"; message: string }>; id?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="doc-field__issues">
      {issues.map((issue, index) => (
        <li key={index} className={issue.severity === "error" ? "field__error" : "doc-field__warning"}>
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
