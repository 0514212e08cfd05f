/**
 * The "Sign-off" panel of the document page: stages, each party's decision, and the buttons the
 * person may use now. Loads and posts through /documents/<id>/signoff-panel with fetchers; every button
 * is offered by the server's read model and checked again by the verb (the machine decides).
 */
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { DECISION_LABELS } from "~/modules/signoff/format";
import { VersionDetails, VersionWords } from "~/components/versions/VersionName";
import { versionTitle } from "~/modules/versions/version-names";
import type { SeatView, SignoffPanelData } from "~/modules/signoff/read-models/panel.server";
import signoffStyles from "~/components/signoff/signoff.css";
import type { SignoffActionData } from "~/routes/documents.$documentId.signoff-panel";
import { Moment } from "~/components/ui/moment";

/** How often the panel re-reads its data while visible (decisions by others, content edits). */
const REFRESH_MS = 10_000;

type ActionData = SignoffActionData;


/** The panel's data, shared by key with whatever else on the page reads it (the decision banner, edit mode's warning). */
export const panelFetcherKey = (documentId: string) => `signoff-panel:${documentId}`;

/** The panel's element id: the banner and the inbox link to it (`#signoff`). */
export const SIGNOFF_ANCHOR = "signoff";

/** What the live region says once a command succeeded (screen readers hear the outcome, not only see it). */
const DONE_WORDS: Record<string, string> = {
  request_signoff: "Sign-off requested.",
  resubmit: "Resubmitted for sign-off.",
  approve: "Approval recorded.",
  request_changes: "Change request sent.",
  reject: "Rejection recorded.",
  withdraw: "Sign-off withdrawn.",
  reopen: "Reopened as a new draft.",
};

/** Moves focus to the panel (it is focusable for this), scrolled into view. */
function focusPanel(): void {
  const panel = document.getElementById(SIGNOFF_ANCHOR);
  panel?.focus({ preventScroll: true });
  panel?.scrollIntoView({ block: "start" });
}

/**
 * "Your decision": at the top of the document, when the person's organization is asked to decide now
 * (issue #15) — the panel itself is far down the page on a phone. Reads the panel's data.
 */
export function DecisionBanner({ documentId }: { documentId: string }) {
  const loader = useFetcher<{ panel: SignoffPanelData | null }>({ key: panelFetcherKey(documentId) });
  const seats = loader.data?.panel?.seats ?? [];
  if (seats.length === 0) return null;
  return (
    <div className="notice decision-banner" role="status">
      {seats.map((seat) => (
        <p key={`${seat.stageIndex}:${seat.organizationId}`}>
          <strong>
            {seat.organizationName}&rsquo;s approval is needed{seat.outdatedVersionHash ? " again: the content changed after it approved" : ""}
          </strong>{" "}
          —{" "}
          <a
            href={`#${SIGNOFF_ANCHOR}`}
            onClick={(event) => {
              event.preventDefault();
              window.history.replaceState(window.history.state, "", `#${SIGNOFF_ANCHOR}`);
              focusPanel();
            }}
          >
            Review and decide
          </a>
        </p>
      ))}
    </div>
  );
}

export function SignoffPanel({ documentId, status }: { documentId: string; status: DocumentStatus; canEdit?: boolean }) {
  const loader = useFetcher<{ panel: SignoffPanelData | null }>({ key: panelFetcherKey(documentId) });
  const action = useFetcher<ActionData>();
  const [open, setOpen] = useState<string | null>(null);
  const headingId = useId();
  const actionUrl = `/documents/${documentId}/signoff-panel`;
  const source = actionUrl;
  const { load } = loader;

  // Re-read when the page's status changes (revalidation after a decision or a lock) and on a timer.
  useEffect(() => {
    load(source);
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") load(source);
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load, source, status]);

  // A finished action closes its form and is announced; the fetcher revalidation brings the new state.
  // Its button may be gone with the new state: the focus then goes to the panel, not to the page's top.
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (action.state === "idle" && action.data?.ok) {
      setOpen(null);
      setAnnouncement(DONE_WORDS[action.data.intent] ?? "Done.");
      requestAnimationFrame(() => {
        const panelElement = document.getElementById(SIGNOFF_ANCHOR);
        if (panelElement && (document.activeElement === document.body || !document.activeElement?.isConnected)) panelElement.focus({ preventScroll: true });
      });
    }
  }, [action.state, action.data]);

  const panel = loader.data?.panel ?? null;
  // Arriving from the inbox (…#signoff): focus the panel once it has something to show.
  const loaded = panel !== null;
  useEffect(() => {
    if (loaded && window.location.hash === `#${SIGNOFF_ANCHOR}`) focusPanel();
  }, [loaded]);
  const busy = action.state !== "idle";
  const error = action.data && !action.data.ok ? action.data : null;
  const blocked = panel?.coverage.blocked ?? null;
  const blockedId = `${headingId}-blocked`;

  return (
    <section className="card signoff-panel" id={SIGNOFF_ANCHOR} tabIndex={-1} aria-labelledby={headingId}>
      <link rel="stylesheet" href={signoffStyles} />
      <h2 id={headingId}>Sign-off</h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {!panel ? (
        <p className="muted">Loading sign-off…</p>
      ) : (
        <>
          <Summary panel={panel} />
          {panel.templateProblems.length > 0 ? (
            <div className="form-error" role="alert">
              The sign-off template does not fit this project: {panel.templateProblems.join("; ")}.
            </div>
          ) : null}
          <ol className="signoff-stages">
            {panel.stages.map((stage) => (
              <li key={stage.index} className={`signoff-stage${stage.open ? " signoff-stage--open" : ""}`} aria-label={`Stage ${stage.index + 1}: ${stage.name}`}>
                <div className="signoff-stage__head">
                  <h3>
                    Stage {stage.index + 1}: {stage.name}
                  </h3>
                  <span className="signoff-stage__meta">
                    {stage.quorum}
                    {stage.open ? " · deciding now" : stage.complete ? " · complete" : ""}
                  </span>
                </div>
                <ul className="signoff-parties">
                  {stage.parties.map((party) => (
                    <li key={party.organizationId} className="signoff-party" aria-label={party.organizationName}>
                      <div className="signoff-party__line">
                        <strong>{party.organizationName}</strong>
                        <span className={`decision decision--${party.decision}`}>{DECISION_LABELS[party.decision]}</span>
                      </div>
                      {party.decidedBy && party.decidedAt ? (
                        <span className="signoff-party__who">
                          {party.decision === "outdated" ? "Approved an earlier version" : "Decided"} by {party.decidedBy},{" "}
                          <Moment iso={party.decidedAt} />
                        </span>
                      ) : null}
                      {party.comment ? <p className="signoff-party__comment">{party.comment}</p> : null}
                      {party.decision === "outdated" && party.approvedVersionHash ? (
                        <Link className="signoff-party__who" to={`/documents/${documentId}/signoff/diff?from=${party.approvedVersionHash}`}>
                          What changed since {party.approvedVersion ? versionTitle(party.approvedVersion).replace(/^Version/, "version") : "the approved version"}
                        </Link>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>

          {panel.seats.map((seat) => (
            <Seat key={`${seat.stageIndex}:${seat.organizationId}`} seat={seat} panel={panel} open={open} setOpen={setOpen} action={action} busy={busy} />
          ))}

          {blocked && (panel.actions.request || panel.actions.resubmit) ? (
            <p className="signoff-blocked" id={blockedId}>
              <Link to={blocked.href}>{blocked.message}</Link>: {blocked.explanation ?? "every essential competency needs an assessment before sign-off."}
            </p>
          ) : null}
          {panel.commitments.length > 0 ? (
            <div className="signoff-commitments">
              <h3>Hiring commitments</h3>
              <ul aria-label="Hiring commitments">
                {panel.commitments.map((c) => (
                  <li key={c.id}>
                    {c.organizationName}: {c.hires.toLocaleString("en-CA")} in {c.region} within {c.months} months
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {panel.coverage.warnings.length > 0 ? (
            <ul className="signoff-warnings" aria-label="Coverage warnings">
              {panel.coverage.warnings.map((warning) => (
                <li key={warning}>{warning}.</li>
              ))}
            </ul>
          ) : null}
          <div className="signoff-actions">
            {panel.actions.request ? (
              <IntentButton action={action} url={actionUrl} intent="request_signoff" busy={busy} blockedBy={blocked ? blockedId : undefined}>
                Request sign-off
              </IntentButton>
            ) : null}
            {panel.actions.resubmit ? (
              <IntentButton action={action} url={actionUrl} intent="resubmit" busy={busy} blockedBy={blocked ? blockedId : undefined}>
                Resubmit
              </IntentButton>
            ) : null}
            {panel.actions.withdraw ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setOpen("withdraw")} disabled={busy}>
                Withdraw
              </button>
            ) : null}
            {panel.actions.reopen ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setOpen("reopen")} disabled={busy}>
                Reopen
              </button>
            ) : null}
          </div>
          {open === "withdraw" ? (
            <ReasonForm
              action={action}
              documentId={documentId}
              intent="withdraw"
              label="Why withdraw? (optional)"
              text="Withdrawing ends this sign-off round; decisions recorded so far stay in the audit trail."
              submit="Withdraw sign-off"
              onCancel={() => setOpen(null)}
              busy={busy}
            />
          ) : null}
          {open === "reopen" ? (
            <ReasonForm
              action={action}
              documentId={documentId}
              intent="reopen"
              label="Why reopen? (optional)"
              text="Reopening starts a new draft. The approved version stays readable, and its certificate stays available."
              submit="Reopen as a new draft"
              onCancel={() => setOpen(null)}
              busy={busy}
            />
          ) : null}

          {error?.message ? (
            <div className="form-error" role="alert" style={{ marginTop: "0.75rem" }}>
              {error.message}
            </div>
          ) : null}

          <div className="signoff-links">
            {panel.actions.adjustTemplate ? <Link to={`/documents/${documentId}/signoff`}>Adjust sign-off template</Link> : null}
            <Link to={`/documents/${documentId}/audit`}>Audit trail</Link>
            {panel.certificateRound ? <Link to={`/documents/${documentId}/certificate`}>Approval certificate</Link> : null}
          </div>
        </>
      )}
    </section>
  );
}

function Summary({ panel }: { panel: SignoffPanelData }) {
  if (panel.preview) {
    return (
      <div className="signoff-panel__summary">
        <p>
          Sign-off has not been requested{panel.certificateRound ? " for this draft" : ""}. These parties will decide, stage by stage. Current version:{" "}
          <VersionWords version={panel.currentVersion} />.
        </p>
        <VersionDetails hash={panel.currentHash} />
      </div>
    );
  }
  const round = panel.round;
  return (
    <div className="signoff-panel__summary">
      <p>
        Round {round?.number}
        {round?.requestedBy ? `, requested by ${round.requestedBy}` : ""}
        {round ? (
          <>
            {" "}
            on <Moment iso={round.requestedAt} />
          </>
        ) : null}
        . Current version: <VersionWords version={panel.currentVersion} />.
      </p>
      <VersionDetails hash={panel.currentHash} />
    </div>
  );
}

type Fetcher = ReturnType<typeof useFetcher<ActionData>>;

/** `blockedBy`: the id of the text saying why the action cannot be taken yet (the button is then disabled). */
function IntentButton({ action, url, intent, busy, blockedBy, children }: { action: Fetcher; url: string; intent: string; busy: boolean; blockedBy?: string; children: string }) {
  return (
    <action.Form method="post" action={url}>
      <button type="submit" className="button button--small" name="intent" value={intent} disabled={busy || blockedBy !== undefined} aria-describedby={blockedBy}>
        {children}
      </button>
    </action.Form>
  );
}

function Seat({
  seat,
  panel,
  open,
  setOpen,
  action,
  busy,
}: {
  seat: SeatView;
  panel: SignoffPanelData;
  open: string | null;
  setOpen: (value: string | null) => void;
  action: Fetcher;
  busy: boolean;
}) {
  const key = `${seat.stageIndex}:${seat.organizationId}`;
  const url = `/documents/${panel.documentId}/signoff-panel`;
  const approveRef = useRef<HTMLButtonElement>(null);
  const changesRef = useRef<HTMLButtonElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const approving = open === `approve:${key}`;
  // Into the confirmation when it opens; Cancel gives the focus back to the button that opened it.
  useEffect(() => {
    if (approving) confirmRef.current?.focus();
  }, [approving]);
  const cancelTo = (button: RefObject<HTMLButtonElement | null>) => () => {
    setOpen(null);
    requestAnimationFrame(() => button.current?.focus());
  };
  const fieldErrors = action.data && !action.data.ok ? (action.data.fieldErrors ?? {}) : {};
  const hidden = (
    <>
      <input type="hidden" name="organizationId" value={seat.organizationId} />
      <input type="hidden" name="versionHash" value={panel.currentHash} />
    </>
  );
  return (
    <div className="signoff-seat" role="group" aria-label={`Your decision for ${seat.organizationName}`}>
      <strong>Your decision for {seat.organizationName}</strong>
      {seat.outdatedVersionHash ? (
        <span>
          You approved an earlier version ({seat.outdatedVersion ? <VersionWords version={seat.outdatedVersion} /> : "no longer current"}); the content has changed since.{" "}
          <Link to={`/documents/${panel.documentId}/signoff/diff?from=${seat.outdatedVersionHash}`}>See what changed</Link>
        </span>
      ) : null}
      <div className="row">
        <button ref={approveRef} type="button" className="button button--small" onClick={() => setOpen(`approve:${key}`)} disabled={busy}>
          Approve
        </button>
        <button ref={changesRef} type="button" className="button button--secondary button--small" onClick={() => setOpen(`changes:${key}`)} disabled={busy}>
          Request changes
        </button>
        <button ref={rejectRef} type="button" className="button button--danger button--small" onClick={() => setOpen(`reject:${key}`)} disabled={busy}>
          Reject
        </button>
      </div>
      {approving ? (
        <action.Form method="post" action={url} className="signoff-confirm" role="dialog" aria-label="Confirm approval">
          {hidden}
          <p style={{ margin: 0 }}>
            Approve <VersionWords version={panel.currentVersion} /> for {seat.organizationName}? Your approval is bound to exactly this version: any
            later edit outdates it.
          </p>
          <VersionDetails hash={panel.currentHash} />
          <div className="row">
            <button ref={confirmRef} type="submit" className="button button--small" name="intent" value="approve" disabled={busy}>
              Confirm approval
            </button>
            <button type="button" className="button button--secondary button--small" onClick={cancelTo(approveRef)}>
              Cancel
            </button>
          </div>
        </action.Form>
      ) : null}
      {open === `changes:${key}` ? (
        <TextForm action={action} url={url} hidden={hidden} intent="request_changes" name="comment" label="What needs to change?" submit="Send change request" error={fieldErrors.comment} onCancel={cancelTo(changesRef)} busy={busy} />
      ) : null}
      {open === `reject:${key}` ? (
        <TextForm action={action} url={url} hidden={hidden} intent="reject" name="reason" label="Reason for the rejection" submit="Reject document" error={fieldErrors.reason} onCancel={cancelTo(rejectRef)} busy={busy} />
      ) : null}
    </div>
  );
}

function TextForm(props: {
  action: Fetcher;
  url: string;
  hidden: JSX.Element;
  intent: string;
  name: string;
  label: string;
  submit: string;
  error?: string;
  onCancel: () => void;
  busy: boolean;
}) {
  const id = useId();
  const [value, setValue] = useState("");
  const blank = value.trim() === "";
  // Opened by a button: the focus goes straight to what to write.
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  return (
    <props.action.Form method="post" action={props.url} className="signoff-confirm">
      {props.hidden}
      <label htmlFor={id}>{props.label}</label>
      <textarea
        ref={textarea}
        id={id}
        name={props.name}
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      {props.error ? (
        <span id={`${id}-error`} className="field__error" role="alert">
          {props.error}
        </span>
      ) : null}
      <div className="row">
        {/* Required: the button stays disabled until something is written (the server checks too). */}
        <button type="submit" className={`button button--small${props.intent === "reject" ? " button--danger" : ""}`} name="intent" value={props.intent} disabled={props.busy || blank}>
          {props.submit}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </props.action.Form>
  );
}

function ReasonForm(props: { action: Fetcher; documentId: string; intent: string; label: string; text: string; submit: string; onCancel: () => void; busy: boolean }) {
  const id = useId();
  return (
    <props.action.Form method="post" action={`/documents/${props.documentId}/signoff-panel`} className="signoff-confirm" style={{ marginTop: "0.75rem" }}>
      <p style={{ margin: 0 }}>{props.text}</p>
      <label htmlFor={id}>{props.label}</label>
      <textarea id={id} name="reason" />
      <div className="row">
        <button type="submit" className="button button--small" name="intent" value={props.intent} disabled={props.busy}>
          {props.submit}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </props.action.Form>
  );
}
