/**
 * Employers' hiring commitments on a specification: the list in force, totals per region, the
 * form for employer partners and "Withdraw" on the viewer's own organization's commitments.
 * Posts to /documents/:id/commitments; the page's loader then brings the new list.
 */
import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";
import type { Commitment } from "~/modules/demand/commitments.server";
import { totalsByRegion } from "~/modules/demand/commitment-totals";
import { DEMAND_REGIONS } from "~/modules/demand/parse";

export function CommitmentsPanel({ documentId, commitments, canCommit, myOrganizationIds }: { documentId: string; commitments: Commitment[]; canCommit: boolean; myOrganizationIds: string[] }) {
  const record = useFetcher<{ error?: string }>();
  const action = `/documents/${documentId}/commitments`;
  const totals = totalsByRegion(commitments);
  const mine = new Set(myOrganizationIds);
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="demand-commitments">
      <h3 id="commitments-heading">{t("demand.commitments.title")}</h3>
      {commitments.length === 0 ? (
        <p className="empty">{t("demand.commitments.empty")}</p>
      ) : (
        <>
          <ul className="list" aria-labelledby="commitments-heading">
            {commitments.map((c) => (
              <li key={c.id}>
                <span>
                  <strong>{c.organizationName}</strong>: {t("demand.commitments.quote", { count: c.hires, region: c.region, months: c.months })}
                  {c.note ? ` ${c.note}` : ""}
                  {t("demand.commitments.signed", { signer: c.signerName, organization: c.organizationName, date: c.createdAt.slice(0, 10) })}
                </span>
                {mine.has(c.organizationId) ? <WithdrawButton action={action} commitmentId={c.id} /> : null}
              </li>
            ))}
          </ul>
          <table className="table" aria-label={t("demand.commitments.totals")}>
            <thead>
              <tr>
                <th scope="col">{t("demand.commitments.region")}</th>
                <th scope="col">{t("demand.commitments.peopleToHire")}</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((total) => (
                <tr key={total.region}>
                  <td>{total.region}</td>
                  <td>{formatNumber(locale, total.hires)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {canCommit ? (
        <record.Form method="post" action={action} className="form" aria-label={t("demand.commitments.form")}>
          <input type="hidden" name="intent" value="record" />
          <p>
            {t("demand.commitments.expect")}{" "}
            <label>
              <span className="visually-hidden">{t("demand.commitments.numberOfPeople")}</span>
              <input name="hires" type="number" min={1} max={100000} required size={5} />
            </label>{" "}
            {t("demand.commitments.peopleIn")}{" "}
            <label>
              <span className="visually-hidden">{t("demand.commitments.region")}</span>
              <select name="region" required defaultValue="">
                <option value="" disabled>
                  {t("demand.commitments.regionPlaceholder")}
                </option>
                {DEMAND_REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>{" "}
            {t("demand.commitments.within")}{" "}
            <label>
              <span className="visually-hidden">{t("demand.commitments.months")}</span>
              <input name="months" type="number" min={1} max={120} required size={4} />
            </label>{" "}
            {t("demand.commitments.monthsEnd")}
          </p>
          <div className="field">
            <label htmlFor="commitment-note">{t("demand.commitments.note")}</label>
            <textarea id="commitment-note" name="note" rows={2} maxLength={1000} />
          </div>
          {record.data?.error ? (
            <p className="field__error" role="alert">
              {record.data.error}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={record.state !== "idle"}>
            {t("demand.commitments.record")}
          </button>
        </record.Form>
      ) : null}
    </div>
  );
}

function WithdrawButton({ action, commitmentId }: { action: string; commitmentId: string }) {
  const fetcher = useFetcher();
  const { t } = useTranslation();
  return (
    <fetcher.Form method="post" action={action}>
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <button type="submit" className="button button--small button--secondary" disabled={fetcher.state !== "idle"}>
        {t("demand.commitments.withdraw")}
      </button>
    </fetcher.Form>
  );
}
