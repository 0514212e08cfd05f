import { readinessHref, readyCount, type ReadinessTarget } from "~/modules/exports/readiness-view";

/** The checklist per target: each element ✓, or "Missing: …" linking to the field to fill. */
export function StandardsReadiness({ targets }: { targets: readonly ReadinessTarget[] }) {
  return (
    <div className="readiness">
      {targets.map((target) => {
        const { ready, total } = readyCount(target);
        const headingId = `readiness-${target.key}`;
        return (
          <section key={target.key} aria-labelledby={headingId} className="readiness__target" data-testid={`readiness-${target.key}`}>
            <h2 id={headingId}>{target.title}</h2>
            <p className={ready === total ? "readiness__count readiness__count--ready" : "readiness__count"}>
              {ready} of {total} ready
            </p>
            <ul className="readiness__items">
              {target.items.map((item) => (
                <li key={item.key} className={item.ready ? "readiness__item readiness__item--ready" : "readiness__item readiness__item--missing"}>
                  <span className="readiness__label">{item.label}</span>{" "}
                  {item.ready ? (
                    <>
                      <span aria-label="ready">✓</span>
                      {item.note ? <span className="muted"> {item.note}</span> : null}
                    </>
                  ) : item.link ? (
                    <a href={readinessHref(item.link)}>Missing: {item.missing}</a>
                  ) : (
                    <span>Missing: {item.missing}</span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
