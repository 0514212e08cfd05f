/**
 * Employers' hiring commitments on a specification: the list in force, totals per region, the
 * form for employer partners and "Withdraw" on the viewer's own organization's commitments.
 * Posts to /documents/:id/commitments; the page's loader then brings the new list.
 */
import { useFetcher } from "@remix-run/react";
import type { Commitment } from "~/modules/demand/commitments.server";
import { totalsByRegion } from "~/modules/demand/commitment-totals";
import { DEMAND_REGIONS } from "~/modules/demand/parse";

export function CommitmentsPanel({ documentId, commitments, canCommit, myOrganizationIds }: { documentId: string; commitments: Commitment[]; canCommit: boolean; myOrganizationIds: string[] }) {
  const record = useFetcher<{ error?: string }>();
  const action = `/documents/${documentId}/commitments`;
  const totals = totalsByRegion(commitments);
  const mine = new Set(myOrganizationIds);
  return (
    <div className="demand-commitments">
      <h3 id="commitments-heading">Hiring commitments</h3>
      {commitments.length === 0 ? (
        <p className="empty">No employer has recorded a hiring commitment yet.</p>
      ) : (
        <>
          <ul className="list" aria-labelledby="commitments-heading">
            {commitments.map((c) => (
              <li key={c.id}>
                <span>
                  <strong>{c.organizationName}</strong>: “We expect to hire {c.hires.toLocaleString("en-CA")} {c.hires === 1 ? "person" : "people"} with this credential in {c.region} within{" "}
                  {c.months} months.”{c.note ? ` ${c.note}` : ""} — signed by {c.signerName} for {c.organizationName}, {c.createdAt.slice(0, 10)}
                </span>
                {mine.has(c.organizationId) ? <WithdrawButton action={action} commitmentId={c.id} /> : null}
              </li>
            ))}
          </ul>
          <table className="table" aria-label="Committed hires per region">
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">People to hire</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((t) => (
                <tr key={t.region}>
                  <td>{t.region}</td>
                  <td>{t.hires.toLocaleString("en-CA")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {canCommit ? (
        <record.Form method="post" action={action} className="form" aria-label="Record a hiring commitment">
          <input type="hidden" name="intent" value="record" />
          <p>
            We expect to hire{" "}
            <label>
              <span className="visually-hidden">Number of people</span>
              <input name="hires" type="number" min={1} max={100000} required size={5} />
            </label>{" "}
            people with this credential in{" "}
            <label>
              <span className="visually-hidden">Region</span>
              <select name="region" required defaultValue="">
                <option value="" disabled>
                  region
                </option>
                {DEMAND_REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </label>{" "}
            within{" "}
            <label>
              <span className="visually-hidden">Months</span>
              <input name="months" type="number" min={1} max={120} required size={4} />
            </label>{" "}
            months.
          </p>
          <div className="field">
            <label htmlFor="commitment-note">Note (optional)</label>
            <textarea id="commitment-note" name="note" rows={2} maxLength={1000} />
          </div>
          {record.data?.error ? (
            <p className="field__error" role="alert">
              {record.data.error}
            </p>
          ) : null}
          <button type="submit" className="button" disabled={record.state !== "idle"}>
            Record commitment
          </button>
        </record.Form>
      ) : null}
    </div>
  );
}

function WithdrawButton({ action, commitmentId }: { action: string; commitmentId: string }) {
  const fetcher = useFetcher();
  return (
    <fetcher.Form method="post" action={action}>
      <input type="hidden" name="intent" value="withdraw" />
      <input type="hidden" name="commitmentId" value={commitmentId} />
      <button type="submit" className="button button--small button--secondary" disabled={fetcher.state !== "idle"}>
        Withdraw
      </button>
    </fetcher.Form>
  );
}
