import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** "Open the sample project": a POST, since the first one anywhere creates it (routes/sample-project). */
export function OpenSampleProject({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/sample-project" style={{ display: "inline" }}>
      <button type="submit" className={variant === "primary" ? "button button--small" : "button button--secondary button--small"}>
        {t("projects.sample.open")}
      </button>
    </Form>
  );
}
