import { useTranslation } from "react-i18next";
import { readinessHref, readyCount, type ReadinessTarget } from "~/modules/exports/readiness-view";

/** The checklist per target: each element ✓, or "Missing: …" linking to the field to fill. */
export function StandardsReadiness({ targets }: { targets: readonly ReadinessTarget[] }) {
  const { t } = useTranslation();
  return (
    <div className="readiness">
      {targets.map((target) => {
        const { ready, total } = readyCount(target);
        const headingId = `readiness-${target.key}`;
        return (
          <section key={target.key} aria-labelledby={headingId} className="readiness__target" data-testid={`readiness-${target.key}`}>
            <h2 id={headingId}>{target.title}</h2>
            <p className={ready === total ? "readiness__count readiness__count--ready" : "readiness__count"}>
              {t("ui.readiness.count", { ready, total })}
            </p>
            <ul className="readiness__items">
              {target.items.map((item) => (
                <li key={item.key} className={item.ready ? "readiness__item readiness__item--ready" : "readiness__item readiness__item--missing"}>
                  <span className="readiness__label">{item.label}</span>{" "}
                  {item.ready ? (
                    <>
                      <span aria-label={t("ui.readiness.ready")}>✓</span>
                      {item.note ? <span className="muted"> {item.note}</span> : null}
                    </>
                  ) : item.link ? (
                    <a href={readinessHref(item.link)}>{t("ui.readiness.missing", { missing: item.missing })}</a>
                  ) : (
                    <span>{t("ui.readiness.missing", { missing: item.missing })}</span>
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
