import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const KNOWN = [400, 403, 404, 405, 429] as const;

/** Shows the status and a plain message; never a stack trace (Remix strips them in production). */
export function ErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = (KNOWN as readonly number[]).includes(status) ? `s${status}` : "other";
  return (
    <div className="error-page">
      <p className="code">{status}</p>
      <h1>{t(`ui.errorPage.${key}.title`)}</h1>
      <p className="muted">{t(`ui.errorPage.${key}.text`)}</p>
      <p>
        <Link to="/">{t("ui.errorPage.back")}</Link>
      </p>
    </div>
  );
}
