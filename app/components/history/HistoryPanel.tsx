/**
 * The document's history: named versions (saved by people or automatically at sign-off events),
 * "Save version" for editors, and links to compare any two versions or one with the current
 * content. Loads and saves through its own resource route (documents.$documentId.versions).
 */
import { Form, Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { loader as versionsLoader, VersionsActionData } from "~/routes/documents.$documentId.versions";
import styles from "~/components/history/history.css";
import { Moment } from "~/components/ui/moment";
import { useVersionText, VersionDetails } from "~/components/versions/VersionName";
import { numberVersions, sameContentAs } from "~/modules/versions/version-names";

type Props = { documentId: string; canEdit: boolean };


export function HistoryPanel({ documentId, canEdit }: Props) {
  const id = useId();
  const { t } = useTranslation();
  const { savedHeadline } = useVersionText();
  const list = useFetcher<typeof versionsLoader>();
  const save = useFetcher<VersionsActionData>();
  const [formKey, setFormKey] = useState(0);
  const url = `/documents/${documentId}/versions`;

  useEffect(() => {
    list.load(url);
    // Load once per document; later refreshes follow saves (below).
  }, [url]);

  useEffect(() => {
    if (save.state !== "idle" || !save.data?.ok) return;
    setFormKey((key) => key + 1);
    list.load(url);
  }, [save.state, save.data]);

  const data = list.data;
  const versions = data?.ok ? data.versions : [];
  const canSave = canEdit && (data?.ok ? data.canSave : true);
  const errors = save.data && !save.data.ok ? save.data.fieldErrors : {};
  const saving = save.state !== "idle";
  const compareBase = `/documents/${documentId}/versions/compare`;
  // The number sign-off and the audit trail use for each content (the first version saved with it).
  const numbers = numberVersions(versions.map((v) => ({ number: v.number, hash: v.contentHash, name: v.name, auto: v.auto, at: v.createdAt })));

  return (
    // `#history`: the document page's skip link lands here (focusable for it).
    <section className="card history-panel" id="history" tabIndex={-1} aria-labelledby={`${id}-heading`}>
      <link rel="stylesheet" href={styles} />
      <h2 id={`${id}-heading`}>{t("history.panel.title")}</h2>
      {canSave ? (
        <save.Form key={formKey} method="post" action={url} className="form" aria-label={t("history.panel.saveLabel")}>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t("history.panel.name")}</label>
            <input
              id={`${id}-name`}
              name="name"
              required
              maxLength={120}
              placeholder={t("history.panel.namePlaceholder")}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={errors.name ? `${id}-name-error` : undefined}
            />
            {errors.name ? <span id={`${id}-name-error`} className="field__error" role="alert">{errors.name}</span> : null}
          </div>
          {errors.form ? <div className="form-error" role="alert">{errors.form}</div> : null}
          <div>
            <button type="submit" className="button button--small" disabled={saving}>
              {saving ? t("history.panel.saving") : t("history.panel.save")}
            </button>
          </div>
          <p className="visually-hidden" role="status">{save.data?.ok ? t("history.panel.saved", { number: save.data.number }) : ""}</p>
        </save.Form>
      ) : null}

      {!data ? (
        <p className="muted">{t("history.panel.loading")}</p>
      ) : !data.ok ? (
        <p className="form-error" role="alert">{t("history.panel.loadFailed")}</p>
      ) : versions.length === 0 ? (
        <p className="empty">{t("history.panel.empty")}{canSave ? t("history.panel.emptyCanSave") : ""}</p>
      ) : (
        <>
          <ol className="version-list" aria-label={t("history.panel.listLabel")}>
            {versions.map((version, index) => {
              const previous = versions[index + 1];
              const same = sameContentAs({ number: version.number, hash: version.contentHash }, numbers);
              return (
                <li key={version.id}>
                  <div className="version-list__title">
                    {savedHeadline(version)} <Moment iso={version.createdAt} /> {version.auto ? <span className="badge">{t("history.panel.automatic")}</span> : null}
                  </div>
                  <div className="version-list__meta">
                    {version.createdBy ?? "Concord"}
                    {version.reason ? ` · ${version.reason}` : null}
                    {same !== null ? t("history.panel.sameAs", { number: same }) : null}
                  </div>
                  <VersionDetails hash={version.contentHash} />
                  <div className="version-list__actions">
                    {/* The name starts with the visible words (WCAG 2.5.3), then says which version. */}
                    <Link to={`${compareBase}?from=${version.number}&to=current`}>
                      {t("history.panel.compareCurrent")}<span className="visually-hidden">{t("history.panel.compareCurrentHidden", { number: version.number })}</span>
                    </Link>
                    {previous ? (
                      <Link to={`${compareBase}?from=${previous.number}&to=${version.number}`}>
                        {t("history.panel.changesSince", { number: previous.number })}
                        <span className="visually-hidden">{t("history.panel.changesSinceHidden", { number: version.number })}</span>
                      </Link>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
          <Form method="get" action={compareBase} className="history-compare" aria-label={t("history.panel.compareLabel")}>
            <div className="field">
              <label htmlFor={`${id}-from`}>{t("history.compare.fromLabel")}</label>
              <select id={`${id}-from`} name="from" defaultValue={String(versions[versions.length > 1 ? 1 : 0]!.number)}>
                {versions.map((v) => (
                  <option key={v.id} value={v.number}>{t("history.version.numbered", { number: v.number })}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t("history.compare.toLabel")}</label>
              <select id={`${id}-to`} name="to" defaultValue="current">
                <option value="current">{t("history.compare.current")}</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.number}>{t("history.version.numbered", { number: v.number })}</option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--small button--secondary">{t("history.compare.submit")}</button>
          </Form>
        </>
      )}
    </section>
  );
}
