/**
 * The "Sign-off" panel of the document page: stages, each party's decision, and the buttons the
 * person may use now. Loads and posts through /documents/<id>/signoff-panel with fetchers; every button
 * is offered by the server's read model and checked again by the verb (the machine decides).
 */
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";
import type { DocumentStatus } from "~/modules/permissions/roles";
import { useVersionText, VersionDetails, VersionWords } from "~/components/versions/VersionName";
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

/** The commands whose success the live region announces (signoff.panel.done.<intent>). */
const DONE_INTENTS = ["request_signoff", "resubmit", "approve", "request_changes", "reject", "withdraw", "reopen"] as const;

/**
 * A stage's quorum in the reader's language. The read models word it in English (quorumLabel in
 * modules/signoff/format.ts, also the PDF's words): "Must approve", "All 3 must approve", "2 of 3 must approve".
 */
export function quorumWords(english: string, t: TFunction): string {
  if (english === "Must approve") return t("signoff.quorum.one");
  const all = /^All (\d+) must approve$/.exec(english);
  if (all) return t("signoff.quorum.all", { parties: Number(all[1]) });
  const some = /^(\d+) of (\d+) must approve$/.exec(english);
  if (some) return t("signoff.quorum.some", { k: Number(some[1]), parties: Number(some[2]) });
  return english;
}

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
  const { t } = useTranslation();
  const loader = useFetcher<{ panel: SignoffPanelData | null }>({ key: panelFetcherKey(documentId) });
  const seats = loader.data?.panel?.seats ?? [];
  if (seats.length === 0) return null;
  return (
    <div className="notice decision-banner" role="status">
      {seats.map((seat) => (
        <p key={`${seat.stageIndex}:${seat.organizationId}`}>
          <strong>
            {seat.outdatedVersionHash ? t("signoff.banner.neededAgain", { organization: seat.organizationName }) : t("signoff.banner.needed", { organization: seat.organizationName })}
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
            {t("signoff.banner.review")}
          </a>
        </p>
      ))}
    </div>
  );
}

export function SignoffPanel({ documentId, status }: { documentId: string; status: DocumentStatus; canEdit?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { title: versionTitle } = useVersionText();
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
      const intent = DONE_INTENTS.find((candidate) => candidate === action.data?.intent);
      setAnnouncement(intent ? t(`signoff.panel.done.${intent}`) : t("signoff.panel.doneOther"));
      requestAnimationFrame(() => {
        const panelElement = document.getElementById(SIGNOFF_ANCHOR);
        if (panelElement && (document.activeElement === document.body || !document.activeElement?.isConnected)) panelElement.focus({ preventScroll: true });
      });
    }
  }, [action.state, action.data, t]);

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
      <h2 id={headingId}>{t("signoff.panel.title")}</h2>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {!panel ? (
        <p className="muted">{t("signoff.panel.loading")}</p>
      ) : (
        <>
          <Summary panel={panel} />
          {panel.templateProblems.length > 0 ? (
            <div className="form-error" role="alert">
              {t("signoff.panel.templateProblems", { problems: panel.templateProblems.join("; ") })}
            </div>
          ) : null}
          <ol className="signoff-stages">
            {panel.stages.map((stage) => (
              <li key={stage.index} className={`signoff-stage${stage.open ? " signoff-stage--open" : ""}`} aria-label={t("signoff.panel.stage", { number: stage.index + 1, name: stage.name })}>
                <div className="signoff-stage__head">
                  <h3>
                    {t("signoff.panel.stage", { number: stage.index + 1, name: stage.name })}
                  </h3>
                  <span className="signoff-stage__meta">
                    {quorumWords(stage.quorum, t)}
                    {stage.open ? t("signoff.panel.decidingNow") : stage.complete ? t("signoff.panel.stageComplete") : ""}
                  </span>
                </div>
                <ul className="signoff-parties">
                  {stage.parties.map((party) => (
                    <li key={party.organizationId} className="signoff-party" aria-label={party.organizationName}>
                      <div className="signoff-party__line">
                        <strong>{party.organizationName}</strong>
                        <span className={`decision decision--${party.decision}`}>{t(`signoff.decision.${party.decision}`)}</span>
                      </div>
                      {party.decidedBy && party.decidedAt ? (
                        <span className="signoff-party__who">
                          {party.decision === "outdated" ? t("signoff.panel.approvedEarlierBy", { name: party.decidedBy }) : t("signoff.panel.decidedBy", { name: party.decidedBy })}{" "}
                          <Moment iso={party.decidedAt} />
                        </span>
                      ) : null}
                      {party.comment ? <p className="signoff-party__comment">{party.comment}</p> : null}
                      {party.decision === "outdated" && party.approvedVersionHash ? (
                        <Link className="signoff-party__who" to={`/documents/${documentId}/signoff/diff?from=${party.approvedVersionHash}`}>
                          {t("signoff.panel.whatChanged", { version: party.approvedVersion ? versionTitle(party.approvedVersion, true) : t("signoff.panel.theApprovedVersion") })}
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
              <Link to={blocked.href}>{blocked.message}</Link>: {blocked.explanation ?? t("signoff.panel.blockedDefault")}
            </p>
          ) : null}
          {panel.commitments.length > 0 ? (
            <div className="signoff-commitments">
              <h3>{t("signoff.panel.commitments")}</h3>
              <ul aria-label={t("signoff.panel.commitments")}>
                {panel.commitments.map((c) => (
                  <li key={c.id}>
                    {t("signoff.panel.commitment", { organization: c.organizationName, hires: formatNumber(locale, c.hires), region: c.region, months: c.months })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {panel.coverage.warnings.length > 0 ? (
            <ul className="signoff-warnings" aria-label={t("signoff.panel.coverageWarnings")}>
              {panel.coverage.warnings.map((warning) => (
                <li key={warning}>{warning}.</li>
              ))}
            </ul>
          ) : null}
          <div className="signoff-actions">
            {panel.actions.request ? (
              <IntentButton action={action} url={actionUrl} intent="request_signoff" busy={busy} blockedBy={blocked ? blockedId : undefined}>
                {t("signoff.panel.request")}
              </IntentButton>
            ) : null}
            {panel.actions.resubmit ? (
              <IntentButton action={action} url={actionUrl} intent="resubmit" busy={busy} blockedBy={blocked ? blockedId : undefined}>
                {t("signoff.panel.resubmit")}
              </IntentButton>
            ) : null}
            {panel.actions.withdraw ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setOpen("withdraw")} disabled={busy}>
                {t("signoff.panel.withdraw")}
              </button>
            ) : null}
            {panel.actions.reopen ? (
              <button type="button" className="button button--secondary button--small" onClick={() => setOpen("reopen")} disabled={busy}>
                {t("signoff.panel.reopen")}
              </button>
            ) : null}
          </div>
          {open === "withdraw" ? (
            <ReasonForm
              action={action}
              documentId={documentId}
              intent="withdraw"
              label={t("signoff.panel.withdrawWhy")}
              text={t("signoff.panel.withdrawText")}
              submit={t("signoff.panel.withdrawSubmit")}
              onCancel={() => setOpen(null)}
              busy={busy}
            />
          ) : null}
          {open === "reopen" ? (
            <ReasonForm
              action={action}
              documentId={documentId}
              intent="reopen"
              label={t("signoff.panel.reopenWhy")}
              text={t("signoff.panel.reopenText")}
              submit={t("signoff.panel.reopenSubmit")}
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
            {panel.actions.adjustTemplate ? <Link to={`/documents/${documentId}/signoff`}>{t("signoff.panel.adjustTemplate")}</Link> : null}
            <Link to={`/documents/${documentId}/audit`}>{t("signoff.audit.title")}</Link>
            {panel.certificateRound ? <Link to={`/documents/${documentId}/certificate`}>{t("signoff.certificate.title")}</Link> : null}
          </div>
        </>
      )}
    </section>
  );
}

function Summary({ panel }: { panel: SignoffPanelData }) {
  const { t } = useTranslation();
  if (panel.preview) {
    return (
      <div className="signoff-panel__summary">
        <p>
          {panel.certificateRound ? t("signoff.panel.notRequestedDraft") : t("signoff.panel.notRequested")} {t("signoff.panel.currentVersion")}{" "}
          <VersionWords version={panel.currentVersion} />
          {t("signoff.panel.sentenceEnd")}
        </p>
        <VersionDetails hash={panel.currentHash} />
      </div>
    );
  }
  const round = panel.round;
  return (
    <div className="signoff-panel__summary">
      <p>
        {t("signoff.panel.round", { number: round?.number ?? "" })}
        {round?.requestedBy ? t("signoff.panel.requestedBy", { name: round.requestedBy }) : ""}
        {round ? (
          <>
            {" "}
            {t("signoff.panel.on")} <Moment iso={round.requestedAt} />
          </>
        ) : null}
        {t("signoff.panel.roundEnd")} {t("signoff.panel.currentVersion")} <VersionWords version={panel.currentVersion} />
        {t("signoff.panel.sentenceEnd")}
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
  const { t } = useTranslation();
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
    <div className="signoff-seat" role="group" aria-label={t("signoff.seat.yourDecision", { organization: seat.organizationName })}>
      <strong>{t("signoff.seat.yourDecision", { organization: seat.organizationName })}</strong>
      {seat.outdatedVersionHash ? (
        <span>
          {t("signoff.seat.approvedEarlier")} ({seat.outdatedVersion ? <VersionWords version={seat.outdatedVersion} /> : t("signoff.seat.noLongerCurrent")}){t("signoff.seat.changedSince")}{" "}
          <Link to={`/documents/${panel.documentId}/signoff/diff?from=${seat.outdatedVersionHash}`}>{t("signoff.seat.seeChanges")}</Link>
        </span>
      ) : null}
      <div className="row">
        <button ref={approveRef} type="button" className="button button--small" onClick={() => setOpen(`approve:${key}`)} disabled={busy}>
          {t("signoff.seat.approve")}
        </button>
        <button ref={changesRef} type="button" className="button button--secondary button--small" onClick={() => setOpen(`changes:${key}`)} disabled={busy}>
          {t("signoff.seat.requestChanges")}
        </button>
        <button ref={rejectRef} type="button" className="button button--danger button--small" onClick={() => setOpen(`reject:${key}`)} disabled={busy}>
          {t("signoff.seat.reject")}
        </button>
      </div>
      {approving ? (
        <action.Form method="post" action={url} className="signoff-confirm" role="dialog" aria-label={t("signoff.seat.confirmLabel")}>
          {hidden}
          <p style={{ margin: 0 }}>
            {t("signoff.seat.confirmBefore")} <VersionWords version={panel.currentVersion} /> {t("signoff.seat.confirmAfter", { organization: seat.organizationName })}
          </p>
          <VersionDetails hash={panel.currentHash} />
          <div className="row">
            <button ref={confirmRef} type="submit" className="button button--small" name="intent" value="approve" disabled={busy}>
              {t("signoff.seat.confirm")}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={cancelTo(approveRef)}>
              {t("signoff.template.cancel")}
            </button>
          </div>
        </action.Form>
      ) : null}
      {open === `changes:${key}` ? (
        <TextForm action={action} url={url} hidden={hidden} intent="request_changes" name="comment" label={t("signoff.seat.changesLabel")} submit={t("signoff.seat.changesSubmit")} error={fieldErrors.comment} onCancel={cancelTo(changesRef)} busy={busy} />
      ) : null}
      {open === `reject:${key}` ? (
        <TextForm action={action} url={url} hidden={hidden} intent="reject" name="reason" label={t("signoff.seat.rejectLabel")} submit={t("signoff.seat.rejectSubmit")} error={fieldErrors.reason} onCancel={cancelTo(rejectRef)} busy={busy} />
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
  const { t } = useTranslation();
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
          {t("signoff.template.cancel")}
        </button>
      </div>
    </props.action.Form>
  );
}

function ReasonForm(props: { action: Fetcher; documentId: string; intent: string; label: string; text: string; submit: string; onCancel: () => void; busy: boolean }) {
  const id = useId();
  const { t } = useTranslation();
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
          {t("signoff.template.cancel")}
        </button>
      </div>
    </props.action.Form>
  );
}
