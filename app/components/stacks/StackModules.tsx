/**
 * The Stack section of a stack specification: its modules (rows of the shared Y.Doc, so they
 * co-edit like any field), a picker of eligible approved modules, the totals under the stack's
 * rule, the competency union against the stack's own competencies, each module's owner and
 * approval status, and "Use the new version" when a module has a newer approved version.
 *
 * The rows are live; what the modules contain at their referenced versions comes from the server
 * (documents/<id>/stack), and the totals and the union are computed here with stacks/stack.ts.
 */
import { Link, useFetcher, useParams } from "@remix-run/react";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/i18n/use-locale";
import type { EditingContext } from "~/components/document/document-sections";
import { formatCad } from "~/components/consortia/format";
import type { RowsFieldDef } from "~/modules/documents/model/types";
import { addRow, removeRow, setValue } from "~/modules/documents/model/ydoc";
import { cellPath } from "~/modules/documents/model/values";
import {
  competencyRefs,
  competencyUnion,
  prerequisiteIssues,
  ruleProblem,
  stackModuleRefs,
  stackRuleOf,
  stackTotals,
  type ModuleFacts,
  type ModuleState,
  type Range,
} from "~/modules/stacks/stack";
import type { EligibleModule, StackModuleInfo } from "~/modules/stacks/stack.server";

type StackData = { modules: StackModuleInfo[]; eligible: EligibleModule[]; consortia?: Array<{ id: string; name: string }> };

function range(value: Range, format: (n: number) => string = String): string {
  return value.min === value.max ? format(value.min) : `${format(value.min)} – ${format(value.max)}`;
}

export function StackModulesField({ field, editing }: { field: RowsFieldDef; editing: EditingContext }) {
  const { documentId = "" } = useParams();
  const fields = editing.fields;
  const refs = useMemo(() => stackModuleRefs(fields), [fields]);
  const rule = stackRuleOf(fields);
  const refsKey = refs.map((r) => `${r.moduleDocumentId}:${r.versionHash}`).join(",");
  const info = useFetcher<StackData>();
  const picker = useFetcher<StackData>();
  const [picking, setPicking] = useState(false);
  const headingId = useId();
  const { t } = useTranslation();
  const locale = useLocale();
  const cad = (value: number) => formatCad(value, locale);
  const stateLabel = (state: ModuleState["state"]) => t(`stacks.states.${state}`);

  useEffect(() => {
    info.load(`/documents/${documentId}/stack?refs=${encodeURIComponent(refsKey)}`);
    // Reload when the references change (someone added, removed or moved a module to a new version).
  }, [documentId, refsKey]);

  const byRef = new Map((info.data?.modules ?? []).map((m) => [`${m.documentId}:${m.versionHash}`, m]));
  const facts = refs.map((r) => byRef.get(`${r.moduleDocumentId}:${r.versionHash}`)?.facts).filter((f): f is ModuleFacts => Boolean(f));
  const totals = stackTotals(facts, rule);
  const union = competencyUnion(competencyRefs(fields), facts);
  const problems = prerequisiteIssues(refs);
  const ruleIssue = totals.problem ? ruleProblem(totals.take, facts.length) : null;
  const session = editing.session;
  const write = (path: string, value: string) => session && setValue(session.ydoc, editing.kind, path, value);

  const add = (module: EligibleModule) => {
    if (!session) return;
    addRow(session.ydoc, editing.kind, field.key, { moduleDocumentId: module.documentId, versionHash: module.versionHash, title: module.title, owner: module.owner, prerequisites: "" });
    setPicking(false);
  };

  return (
    <div className="stack" id="stack" aria-labelledby={headingId} data-testid="stack-section">
      <h3 id={headingId}>{t("stacks.title")}</h3>
      {field.help ? <p className="field__hint">{field.help}</p> : null}
      <p className="field__hint">
        <Link to={`/documents/${documentId}/recognitions`}>{t("stacks.recognitions")}</Link>
        {t("stacks.recognitionsHint")}
        {(info.data?.consortia ?? []).map((c) => (
          <span key={c.id}>
            {" "}
            <Link to={`/consortia/${c.id}/pathways`}>{t("stacks.pathwaysOf", { name: c.name })}</Link>
          </span>
        ))}
      </p>
      {refs.length === 0 ? <p className="empty">{t("stacks.empty")}</p> : null}
      {refs.length > 0 ? (
        <table className="table" aria-label={t("stacks.modulesLabel")}>
          <thead>
            <tr>
              <th scope="col">{t("stacks.module")}</th>
              <th scope="col">{t("stacks.owner")}</th>
              <th scope="col">{t("stacks.approval")}</th>
              <th scope="col">{t("stacks.prerequisites")}</th>
              {editing.editable ? <th scope="col">{t("stacks.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {refs.map((ref) => {
              const module = byRef.get(`${ref.moduleDocumentId}:${ref.versionHash}`);
              const others = refs.filter((r) => r.moduleDocumentId !== ref.moduleDocumentId);
              return (
                <tr key={ref.rowId} data-testid="stack-module">
                  <th scope="row">
                    {ref.title || t("stacks.untitled")}
                    <div className="muted">
                      <code className="hash" title={ref.versionHash}>
                        {ref.versionHash.slice(0, 12)}
                      </code>
                    </div>
                  </th>
                  <td>{ref.owner}</td>
                  <td>
                    {module ? stateLabel(module.state.state) : "…"}
                    {module?.newer ? (
                      <div className="notice" role="status">
                        <p>{t("stacks.newerAvailable")}</p>
                        {module.newer.changes.length > 0 ? (
                          <ul aria-label={t("stacks.whatChanged", { title: ref.title })}>
                            {(module.newer.localizedChanges?.[locale] ?? module.newer.changes).map((change) => (
                              <li key={change}>{change}</li>
                            ))}
                          </ul>
                        ) : null}
                        {editing.editable ? (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => {
                              write(cellPath(field.key, ref.rowId, "versionHash"), module.newer!.versionHash);
                              write(cellPath(field.key, ref.rowId, "title"), module.newer!.title);
                            }}
                          >
                            {t("stacks.useNew")}
                          </button>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {others.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <fieldset className="stack__prerequisites">
                        <legend className="visually-hidden">{t("stacks.prerequisitesOf", { title: ref.title })}</legend>
                        {others.map((other) => (
                          <label key={other.rowId} style={{ display: "block" }}>
                            <input
                              type="checkbox"
                              disabled={!editing.editable}
                              checked={ref.prerequisites.includes(other.moduleDocumentId)}
                              onChange={(event) => {
                                const next = event.target.checked ? [...ref.prerequisites, other.moduleDocumentId] : ref.prerequisites.filter((id) => id !== other.moduleDocumentId);
                                write(cellPath(field.key, ref.rowId, "prerequisites"), [...new Set(next)].join(" "));
                              }}
                            />{" "}
                            {other.title}
                          </label>
                        ))}
                      </fieldset>
                    )}
                  </td>
                  {editing.editable ? (
                    <td>
                      <button type="button" className="button button--secondary button--small" onClick={() => session && removeRow(session.ydoc, editing.kind, field.key, ref.rowId)} aria-label={t("stacks.removeLabel", { title: ref.title })}>
                        {t("stacks.remove")}
                      </button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {editing.editable ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setPicking(true);
            picker.load(`/documents/${documentId}/stack?picker=1`);
          }}
        >
          {t("stacks.addModule")}
        </button>
      ) : null}
      {picking ? <ModulePicker data={picker.data} taken={new Set(refs.map((r) => r.moduleDocumentId))} onPick={add} onClose={() => setPicking(false)} /> : null}
      {problems.length > 0 || totals.problem ? (
        <ul className="field__error" role="alert">
          {[...(ruleIssue ? [ruleIssue] : []), ...problems].map((problem) => (
            <li key={problem.message}>{t(problem.code, problem.params)}</li>
          ))}
        </ul>
      ) : null}

      {refs.length > 0 && !totals.problem ? (
        <section aria-label={t("stacks.totals")} data-testid="stack-totals">
          <h4>{t("stacks.totals")}</h4>
          <p className="muted">
            {rule.kind === "all"
              ? t("stacks.allRequired", { count: refs.length })
              : t("stacks.kOfN", { k: rule.k, count: refs.length, combinations: totals.combinationCount })}
          </p>
          <dl className="kv">
            <dt>{t("stacks.hours")}</dt>
            <dd>{range(totals.hours)}</dd>
            <dt>{t("stacks.credits")}</dt>
            <dd>{range(totals.credits)}</dd>
            <dt>{t("stacks.cost")}</dt>
            <dd>{range(totals.cost, cad)}</dd>
            <dt>{t("stacks.duration")}</dt>
            <dd>{t("stacks.weeks", { range: range(totals.weeks) })}</dd>
          </dl>
          {rule.kind === "k_of_n" && totals.combinations ? (
            <ul aria-label={t("stacks.combinations")}>
              {totals.combinations.map((combination) => (
                <li key={combination.moduleIds.join("+")}>
                  {t("stacks.combination", {
                    titles: combination.titles.join(" + "),
                    hours: combination.hours,
                    credits: combination.credits,
                    cost: cad(combination.cost),
                    weeks: combination.weeks,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {refs.length > 0 ? (
        <section aria-label={t("stacks.competenciesLabel")} data-testid="stack-union">
          <h4>{t("stacks.competencies")}</h4>
          <p>
            {t("stacks.covered", { covered: union.covered.length, total: union.covered.length + union.gaps.length })}
          </p>
          <p>
            <strong>{t("stacks.gaps")}</strong>: {union.gaps.length === 0 ? t("stacks.none") : union.gaps.map((c) => `${c.code} ${c.title}`.trim()).join("; ")}
          </p>
          <p>
            <strong>{t("stacks.overlaps")}</strong>: {union.overlaps.length === 0 ? t("stacks.none") : union.overlaps.map((c) => `${c.code} ${c.title}`.trim() + ` (${c.modules.join(", ")})`).join("; ")}
          </p>
        </section>
      ) : null}
    </div>
  );
}

function ModulePicker({ data, taken, onPick, onClose }: { data: StackData | undefined; taken: ReadonlySet<string>; onPick: (module: EligibleModule) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [query, setQuery] = useState("");
  const { t } = useTranslation();
  useEffect(() => {
    const dialog = ref.current;
    // The focus goes back to what opened the picker ("Add a module") when it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  const shown = (data?.eligible ?? []).filter((m) => !taken.has(m.documentId) && `${m.title} ${m.owner}`.toLowerCase().includes(query.toLowerCase()));
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t("stacks.addModule")}</h2>
      <p className="muted">{t("stacks.picker.intro")}</p>
      <label htmlFor={`${titleId}-search`}>{t("stacks.picker.search")}</label>
      <input id={`${titleId}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      {!data ? (
        <p>{t("stacks.picker.loading")}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t("stacks.picker.empty")}</p>
      ) : (
        <ul className="list" aria-label={t("stacks.picker.listLabel")}>
          {shown.map((module) => (
            <li key={module.documentId} className="list__item">
              <span>
                <strong>{module.title}</strong>
                {t("stacks.picker.details", { owner: module.owner, hours: module.hours ?? "?", credits: module.credits ?? 0 })}
                {module.source === "consortium" ? t("stacks.picker.consortiumLibrary") : ""}
              </span>
              <button type="button" className="button button--small" onClick={() => onPick(module)} aria-label={t("stacks.picker.addLabel", { title: module.title })}>
                {t("stacks.picker.add")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--secondary" onClick={onClose}>
        {t("stacks.picker.close")}
      </button>
    </dialog>
  );
}
