/**
 * An assessment plan's coverage matrix (issue #14): rows are the linked specification's
 * competencies, grouped by framework branch; columns are the plan's assessments; a ticked cell says
 * that assessment assesses that competency. Filters, bulk mapping, and a keyboard grid.
 *
 * Scale (3,000 competencies × 60 assessments): every row has one fixed height and every column one
 * fixed width, so the window to render is arithmetic on both axes (matrix-model.ts windowRange) and
 * only the ~20 × ~8 cells in view exist. Rows and column headers are absolutely placed inside a
 * canvas of the full size, so the scrollbars stay honest; the row headers and the header row are
 * sticky. Each row is memoised on primitives (its ticked assessments as one string), so a colleague's
 * tick re-renders the one row it lands in.
 *
 * Keyboard (the ARIA grid pattern): one cell is tabbable (roving tabindex); arrows move between
 * cells, Home/End to the row's ends (Ctrl: the grid's), PageUp/PageDown by a screenful; Space toggles
 * the focused checkbox natively. A cell scrolled out of the window is scrolled back in before focus.
 */
import { memo, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type UIEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { anchorFor, setCoverage, type CoverageFieldDef, type FieldIssue } from "~/modules/documents/model";
import { competencyCoverage, gapMessage, softOnlyMessage, summarizeCoverage, type CoverageReport, type CoverageStatus, type Tally } from "~/modules/coverage/rules";
import { CoverageSummary } from "~/components/coverage/CoverageSummary";
import type { EditingContext } from "~/components/document/document-sections";
import {
  branchKey,
  buildMatrix,
  inRange,
  isGridKey,
  lineKey,
  nextPosition,
  revealOffset,
  selectedShown,
  selectionState,
  selectMany,
  toggleMany,
  windowRange,
  type GridPosition,
  type MatrixFilter,
  type SelectionState,
  type WindowRange,
} from "~/components/document/coverage/matrix-model";
import type { LiveCoverage, MatrixAssessment } from "~/components/document/coverage/use-coverage";
import { FieldIssueList } from "~/components/document/field-issues";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";

/** Fixed sizes the windowing depends on (coverage.css says the same through the inline styles). */
const ROW_HEIGHT = 52;
const HEADER_HEIGHT = 84;
const ROW_HEADER_WIDTH = 340;
const COLUMN_WIDTH = 136;
const ROW_OVERSCAN = 6;
const COLUMN_OVERSCAN = 2;
/** Assumed before the browser measures (server render). */
const DEFAULT_VIEWPORT = { width: 960, height: 560 };

const NO_ISSUES: FieldIssue[] = [];
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** What the rows need from the matrix, kept referentially stable so memoised rows skip re-rendering. */
type CellActions = {
  toggleCell: (assessmentId: string, competencyId: string, ticked: boolean) => void;
  toggleSelected: (competencyId: string, on: boolean) => void;
  /** Ticks (or, when all are ticked, clears) the shown competencies of a branch. */
  toggleBranch: (groupKey: string) => void;
};

const SUMMARY_EVERY_MS = 1_000;

/** `value`, changing at most every `ms` (the latest value once the time is up). */
function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  // The first value (and the first after loading) at once.
  return shown === null ? value : shown;
}

/** What the summary shows, as one string: the same string, the same summary. */
function summaryNumbers(report: CoverageReport): string {
  const tally = (t: Tally) => `${t.total},${t.direct},${t.softOnly},${t.none}`;
  return [tally(report.essential), tally(report.optional), report.gaps, report.routeGaps, report.softOnly, ...report.branches.map((b) => `${b.branch}:${tally(b)}:${b.gaps}`)].join("|");
}

function assessmentName(t: TFunction, assessment: MatrixAssessment, index: number): string {
  return assessment.name ?? t("coverage.matrix.assessmentNumber", { number: index + 1 });
}

/** matrix-model.ts competencyName, in the reader's language when the competency has neither code nor title. */
function competencyName(t: TFunction, competency: { code: string | null; title: string | null }): string {
  return competency.code ?? competency.title ?? t("coverage.matrix.untitled");
}

/** Competencies with no branch share one group, named in the reader's language. */
function groupLabel(t: TFunction, key: string, label: string): string {
  return key === branchKey(null) ? t("coverage.chart.noBranch") : label;
}

export function CoverageMatrixField({ field, editing }: { field: CoverageFieldDef; editing: EditingContext }) {
  const { t } = useTranslation();
  const live = editing.liveCoverage;
  const report = live?.report ?? null;
  // The summary and its chart follow the ticks at most every SUMMARY_EVERY_MS, in a deferred
  // render, and only when their numbers change: a tick is on screen before the chart is redrawn,
  // and someone ticking fast does not redraw it on every tick.
  const throttled = useThrottled(report, SUMMARY_EVERY_MS);
  const deferredReport = useDeferredValue(throttled);
  const summaryKey = deferredReport ? summaryNumbers(deferredReport) : "";
  const summary = useMemo(() => (deferredReport ? <CoverageSummary summary={summarizeCoverage(deferredReport)} /> : null), [summaryKey]);
  const headingId = `${anchorFor(field.key)}-heading`;
  const visitors = editing.visitorsAt(field.key);
  // The summary already says the gaps and soft evidence in the same words: the checks' copies are not repeated here.
  const said = new Set(
    report
      ? [gapMessage(report.gaps), softOnlyMessage(report.softOnly), t("coverage.summary.gaps", { count: report.gaps }), t("coverage.summary.softOnly", { count: report.softOnly })]
      : [],
  );
  const issues = (editing.issuesByPath.get(field.key) ?? NO_ISSUES).filter((issue) => !said.has(issue.message.replace(/\.$/, "")));
  const linked = editing.linkedCompetencies ?? [];
  const style = visitors[0] ? ({ "--visitor": visitors[0].color } as CSSProperties) : undefined;

  return (
    <div className={`doc-rows cov${visitors.length ? " cov--visited" : ""}`} id={anchorFor(field.key)} data-path={field.key} role="group" aria-labelledby={headingId} style={style}>
      <div className="doc-rows__head">
        <h3 id={headingId} className="doc-rows__title">
          {field.label}
        </h3>
        {visitors.length ? (
          <span className="doc-field__visitors" aria-live="polite">
            {t("coverage.matrix.visitors", { names: visitors.map((v) => v.name).join(", "), count: visitors.length })}
          </span>
        ) : null}
      </div>
      {field.help ? <p className="field__hint">{field.help}</p> : null}
      <FieldIssueList issues={issues} />
      {linked.length === 0 ? (
        <p className="doc-rows__empty">{t("coverage.matrix.linkSpecification")}</p>
      ) : !live?.loaded ? (
        // A big plan's cells come with the first sync, not in the page (page-data.server.ts).
        <p className="doc-rows__empty" role="status">
          {t("coverage.matrix.loading")}
        </p>
      ) : (
        <>
          {summary}
          {live.assessments.length === 0 ? (
            <p className="doc-rows__empty">{t("coverage.matrix.addAssessment")}</p>
          ) : (
            <MatrixBody field={field} editing={editing} live={live} headingId={headingId} />
          )}
        </>
      )}
    </div>
  );
}

type BodyProps = {
  field: CoverageFieldDef;
  editing: EditingContext;
  live: LiveCoverage;
  headingId: string;
};

function MatrixBody({ field, editing, live, headingId }: BodyProps) {
  const { assessments, report, lookup, tickedFor, routeRequired } = live;
  const { kind, editable, announce } = editing;
  const ydoc = editing.session?.ydoc ?? null;
  const ids = useId();
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const [gapsOnly, setGapsOnly] = useState(false);
  const [softOnly, setSoftOnly] = useState(false);
  const [branch, setBranch] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [chosenAssessment, setChosenAssessment] = useState("");
  const [result, setResult] = useState("");
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const [viewport, setViewport] = useState(DEFAULT_VIEWPORT);
  const [active, setActive] = useState<{ key: string; col: number } | null>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const scrollFrame = useRef(0);
  const pendingFocus = useRef<GridPosition | null>(null);

  // With "Gaps only" or "Soft evidence only" on, which rows are listed is decided when the filter
  // changes (or a bulk action ran, or "Update list"), not on every tick: ticking a gap must not make
  // the row under the person's cursor vanish. Statuses in the rows stay live.
  const [basis, setBasis] = useState(report);
  const refreshBasis = useRef(false);
  useEffect(() => {
    if (refreshBasis.current || basis.competencies.length !== report.competencies.length) {
      refreshBasis.current = false;
      setBasis(report);
    }
  }, [report, basis]);
  const statusFiltered = gapsOnly || softOnly;
  // Without a status filter, which rows are listed depends on the competencies and the filter only,
  // not on the ticks: a tick must not regroup 3,000 rows (each row reads its own status live).
  const structure = useMemo(() => report, [editing.linkedCompetencies, assessments.length]);
  const membership = statusFiltered ? basis : structure;

  // ?coverage=gaps (the sign-off panel's "Show gaps" link) starts with the gaps only.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("coverage") === "gaps") {
      setBasis(report);
      setGapsOnly(true);
    }
    // Once, on mount: the URL says how the matrix opens, not how it must stay.
  }, []);

  const filter: MatrixFilter = useMemo(() => ({ query, gapsOnly, softOnly, branch }), [query, gapsOnly, softOnly, branch]);
  const model = useMemo(() => buildMatrix(membership.competencies, filter), [membership, filter]);
  const lines = model.lines;
  const colCount = assessments.length + 1;
  const totalWidth = ROW_HEADER_WIDTH + assessments.length * COLUMN_WIDTH;
  const bodyViewport = Math.max(ROW_HEIGHT, viewport.height - HEADER_HEIGHT);
  const columnsViewport = Math.max(COLUMN_WIDTH, viewport.width - ROW_HEADER_WIDTH);
  const rows = windowRange({ offset: scroll.top, viewport: bodyViewport, size: ROW_HEIGHT, count: lines.length, overscan: ROW_OVERSCAN });
  const columns = windowRange({ offset: scroll.left, viewport: columnsViewport, size: COLUMN_WIDTH, count: assessments.length, overscan: COLUMN_OVERSCAN });
  const pageSize = Math.max(1, Math.floor(bodyViewport / ROW_HEIGHT));

  // The latest model for the stable row actions (a branch's shown ids change with every filter).
  const latestLines = useRef(lines);
  latestLines.current = lines;
  const lineIndex = useMemo(() => new Map(lines.map((line, index) => [lineKey(line), index])), [lines]);
  const targets = useMemo(() => selectedShown(model.shownIds, selected), [model.shownIds, selected]);
  const allState = useMemo(() => selectionState(model.shownIds, selected), [model.shownIds, selected]);
  const bulkId = assessments.some((a) => a.id === chosenAssessment) ? chosenAssessment : (assessments[0]?.id ?? "");

  // The tabbable cell: the active one while it is rendered, else the first row in view's header.
  const tab = useMemo((): GridPosition => {
    const activeRow = active ? lineIndex.get(active.key) : undefined;
    if (active && activeRow !== undefined) {
      const col = Math.min(active.col, colCount - 1);
      if (inRange(activeRow, rows) && (col === 0 || inRange(col - 1, columns))) return { row: activeRow, col };
    }
    return { row: Math.min(Math.floor(scroll.top / ROW_HEIGHT), Math.max(0, lines.length - 1)), col: 0 };
  }, [active, lineIndex, colCount, rows, columns, scroll.top, lines.length]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || typeof ResizeObserver === "undefined") return;
    const measure = () => setViewport({ width: scroller.clientWidth || DEFAULT_VIEWPORT.width, height: scroller.clientHeight || DEFAULT_VIEWPORT.height });
    measure();
    // A grid shown again (after "no competency matches") starts wherever its new scroller is.
    setScroll({ top: scroller.scrollTop, left: scroller.scrollLeft });
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [lines.length > 0]);

  // Focus the cell the keyboard moved to, once the render that has it is in the DOM.
  useClientLayoutEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    scrollerRef.current?.querySelector<HTMLElement>(`[data-cell="${target.row}:${target.col}"]`)?.focus({ preventScroll: true });
  });

  const canWrite = editable && ydoc !== null;
  const actions: CellActions = useMemo(
    () => ({
      toggleCell: (assessmentId, competencyId, ticked) => {
        if (canWrite && ydoc) setCoverage(ydoc, kind, field.key, assessmentId, [competencyId], ticked);
      },
      toggleSelected: (competencyId, on) => setSelected((current) => selectMany(current, [competencyId], on)),
      toggleBranch: (groupKey) => {
        const group = latestLines.current.find((line) => line.type === "group" && line.key === groupKey);
        if (group?.type === "group") setSelected((current) => toggleMany(current, group.ids));
      },
    }),
    [canWrite, ydoc, kind, field.key],
  );

  const resetScroll = () => {
    scrollerRef.current?.scrollTo({ top: 0 });
    setScroll((current) => ({ ...current, top: 0 }));
  };
  const changeFilter = (change: () => void) => {
    change();
    setBasis(report);
    resetScroll();
  };

  /** One setCoverage call: one transaction, one update for everyone however many cells. */
  const bulk = (ticked: boolean) => {
    const index = assessments.findIndex((a) => a.id === bulkId);
    if (!ydoc || !canWrite || index < 0 || targets.length === 0) return;
    const name = assessmentName(t, assessments[index]!, index);
    // The list is re-decided on the report this write produces (a mapped gap leaves "Gaps only").
    if (setCoverage(ydoc, kind, field.key, bulkId, targets, ticked) > 0) refreshBasis.current = true;
    setResult(ticked ? t("coverage.matrix.mapped", { count: targets.length, name }) : t("coverage.matrix.unmapped", { count: targets.length, name }));
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, scrollLeft } = event.currentTarget;
    // One re-render per animation frame, however many scroll events arrive.
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => setScroll({ top: scrollTop, left: scrollLeft }));
  };

  const positionOf = (element: EventTarget | null): GridPosition | null => {
    const cell = element instanceof HTMLElement ? element.closest<HTMLElement>("[data-cell]") : null;
    const [row, col] = (cell?.dataset.cell ?? "").split(":").map(Number);
    return row !== undefined && col !== undefined && Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isGridKey(event.key) || event.altKey || event.metaKey) return;
    const at = positionOf(event.target);
    if (!at) return;
    // On a branch header the person is "in" the column they came from: keep it for the next row.
    const onGroup = lines[at.row]?.type === "group";
    const from = onGroup && active && lineIndex.get(active.key) === at.row ? { row: at.row, col: Math.min(active.col, colCount - 1) } : at;
    const next = nextPosition(from, event.key, { rowCount: lines.length, colCount, pageSize, isGroupRow: (row) => lines[row]?.type === "group" }, event.ctrlKey);
    if (!next) return;
    event.preventDefault();
    const line = lines[next.row];
    // At an edge nothing moves (and nothing must be left pending for a later render to act on).
    if (!line || (next.row === from.row && next.col === from.col)) return;
    setActive({ key: lineKey(line), col: next.col });
    // Bring the cell into the rendered window first; the layout effect focuses it after the render.
    const scroller = scrollerRef.current;
    if (scroller) {
      const top = revealOffset(next.row, scroller.scrollTop, bodyViewport, ROW_HEIGHT);
      const left = next.col > 0 && line.type === "row" ? revealOffset(next.col - 1, scroller.scrollLeft, columnsViewport, COLUMN_WIDTH) : null;
      if (top !== null) scroller.scrollTop = top;
      if (left !== null) scroller.scrollLeft = left;
      if (top !== null || left !== null) setScroll({ top: scroller.scrollTop, left: scroller.scrollLeft });
    }
    pendingFocus.current = line.type === "group" ? { row: next.row, col: 0 } : next;
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) announce(field.key);
    const at = positionOf(event.target);
    const line = at ? lines[at.row] : undefined;
    if (at && line) {
      const key = lineKey(line);
      // A branch header keeps the column the person was in, for the next row down.
      setActive((current) => (line.type === "group" ? (current?.key === key ? current : { key, col: current?.col ?? 0 }) : current?.key === key && current.col === at.col ? current : { key, col: at.col }));
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) announce(null);
  };

  const searchId = `${ids}-search`;
  const branchId = `${ids}-branch`;
  const assessmentId = `${ids}-assessment`;
  const gridHeight = HEADER_HEIGHT + lines.length * ROW_HEIGHT + 2;
  const shownColumns = assessments.slice(columns.start, columns.end);

  return (
    <>
      <div className="cov__filters">
        <div className="cov__filter">
          <label htmlFor={searchId}>{t("coverage.matrix.searchLabel")}</label>
          <input id={searchId} type="search" value={query} autoComplete="off" placeholder={t("coverage.matrix.searchPlaceholder")} onChange={(event) => changeFilter(() => setQuery(event.target.value))} />
        </div>
        <div className="cov__filter">
          <label htmlFor={branchId}>{t("coverage.matrix.branch")}</label>
          <select id={branchId} value={branch ?? ""} onChange={(event) => changeFilter(() => setBranch(event.target.value === "" ? null : event.target.value))}>
            <option value="">{t("coverage.matrix.allBranches")}</option>
            {model.branches.map((option) => (
              <option key={option.key} value={option.key}>
                {t("coverage.matrix.branchOption", { label: groupLabel(t, option.key, option.label), count: option.count })}
              </option>
            ))}
          </select>
        </div>
        <label className="cov__toggle">
          <input type="checkbox" checked={gapsOnly} onChange={(event) => changeFilter(() => setGapsOnly(event.target.checked))} />
          {t("coverage.matrix.gapsOnly")}
        </label>
        <label className="cov__toggle">
          <input type="checkbox" checked={softOnly} onChange={(event) => changeFilter(() => setSoftOnly(event.target.checked))} />
          {t("coverage.matrix.softOnly")}
        </label>
        <p className="cov__shown" aria-live="polite">
          {t("coverage.matrix.shown", { shown: model.shownIds.length, total: model.total })}
        </p>
        {statusFiltered && basis !== report ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setBasis(report)}>
            {t("coverage.matrix.updateList")}
          </button>
        ) : null}
      </div>

      {editable ? (
        <div className="cov__bulk" role="group" aria-label={t("coverage.matrix.bulkLabel")}>
          <label className="cov__toggle">
            <TriStateCheckbox state={allState} label={t("coverage.matrix.selectAll")} onChange={() => setSelected(toggleMany(selected, model.shownIds))} />
            {t("coverage.matrix.selectAll")}
          </label>
          <span className="cov__selected">{t("coverage.matrix.selected", { count: targets.length })}</span>
          <label htmlFor={assessmentId} className="cov__bulk-label">
            {t("coverage.matrix.assessment")}
          </label>
          <select id={assessmentId} value={bulkId} onChange={(event) => setChosenAssessment(event.target.value)}>
            {assessments.map((assessment, index) => (
              <option key={assessment.id} value={assessment.id}>
                {assessmentName(t, assessment, index)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--small" disabled={!canWrite || targets.length === 0} onClick={() => bulk(true)}>
            {t("coverage.matrix.map", { count: targets.length })}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={!canWrite || targets.length === 0} onClick={() => bulk(false)}>
            {t("coverage.matrix.unmap", { count: targets.length })}
          </button>
        </div>
      ) : null}
      <p className="cov__result" role="status">
        {result}
      </p>

      {lines.length === 0 ? (
        <p className="doc-rows__empty">{t("coverage.matrix.noMatch")}</p>
      ) : (
        <div
          ref={scrollerRef}
          className="cov__scroller"
          style={{ height: `min(70vh, ${gridHeight}px)` }}
          role="grid"
          aria-labelledby={headingId}
          aria-rowcount={lines.length + 1}
          aria-colcount={colCount}
          aria-readonly={!editable || undefined}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
        >
          <div role="rowgroup" className="cov__head" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
            <div role="row" aria-rowindex={1} className="cov__header-row" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
              <div role="columnheader" aria-colindex={1} className="cov__corner" style={{ width: ROW_HEADER_WIDTH }}>
                {t("coverage.matrix.competency")}
              </div>
              {shownColumns.map((assessment, offset) => {
                const index = columns.start + offset;
                return <AssessmentHeader key={assessment.id} assessment={assessment} index={index} />;
              })}
            </div>
          </div>
          <div role="rowgroup" className="cov__body" style={{ width: totalWidth, height: lines.length * ROW_HEIGHT }}>
            {lines.slice(rows.start, rows.end).map((line, offset) => {
              const index = rows.start + offset;
              if (line.type === "group") {
                return (
                  <BranchRow
                    key={lineKey(line)}
                    groupKey={line.key}
                    label={groupLabel(t, line.key, line.label)}
                    shown={line.ids.length}
                    total={line.total}
                    index={index}
                    colCount={colCount}
                    state={selectionState(line.ids, selected)}
                    tabbable={tab.row === index}
                    editable={editable}
                    actions={actions}
                  />
                );
              }
              const id = line.entry.competency.id;
              // Live status and ticks from the index, whatever the membership basis (the report may lag a frame).
              const entry = competencyCoverage(line.entry.competency, tickedFor(id), lookup, routeRequired);
              return (
                <CompetencyRow
                  key={lineKey(line)}
                  index={index}
                  competencyId={id}
                  code={entry.competency.code}
                  title={entry.competency.title}
                  status={entry.status}
                  gap={entry.gap ? (entry.status === "none" ? t("coverage.matrix.gap") : t("coverage.matrix.gapRoute")) : null}
                  assessed={entry.assessmentIds.join("|")}
                  selected={selected.has(id)}
                  editable={editable}
                  assessments={assessments}
                  columns={columns}
                  tabCol={tab.row === index ? tab.col : -1}
                  actions={actions}
                />
              );
            })}
          </div>
        </div>
      )}
    </>
  );
}

function AssessmentHeader({ assessment, index }: { assessment: MatrixAssessment; index: number }) {
  const { t } = useTranslation();
  const name = assessmentName(t, assessment, index);
  const method = assessment.methodLabel && assessment.method ? t(`coverage.matrix.methods.${assessment.method as "observation"}`, { defaultValue: assessment.methodLabel }) : null;
  return (
    <div role="columnheader" aria-colindex={index + 2} className="cov__colhead" style={{ left: ROW_HEADER_WIDTH + index * COLUMN_WIDTH, width: COLUMN_WIDTH }} title={name}>
      <span className="cov__colhead-name">{name}</span>
      <span className="cov__colhead-method">{method ?? t("coverage.matrix.noMethod")}</span>
      {assessment.evidence ? (
        <span className={`cov__kind cov__kind--${assessment.evidence}`}>{t(`coverage.matrix.evidence.${assessment.evidence}`)}</span>
      ) : null}
    </div>
  );
}

/** The header of a framework branch: one cell across the row, with "Select branch" when editable. */
const BranchRow = memo(function BranchRow(props: {
  groupKey: string;
  label: string;
  shown: number;
  total: number;
  index: number;
  colCount: number;
  state: SelectionState;
  tabbable: boolean;
  editable: boolean;
  actions: CellActions;
}) {
  const { groupKey, label, shown, total, index, colCount, state, tabbable, editable, actions } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const count = shown === total ? formatNumber(locale, total) : t("coverage.matrix.branchCount", { shown, total });
  return (
    <div role="row" aria-rowindex={index + 2} className="cov__row cov__row--branch" style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}>
      <div
        role="rowheader"
        aria-colindex={1}
        aria-colspan={colCount}
        className="cov__branch"
        data-cell={editable ? undefined : `${index}:0`}
        tabIndex={editable ? undefined : tabbable ? 0 : -1}
      >
        {editable ? (
          <TriStateCheckbox state={state} label={t("coverage.matrix.selectBranch", { label })} cell={`${index}:0`} tabIndex={tabbable ? 0 : -1} onChange={() => actions.toggleBranch(groupKey)} />
        ) : null}
        <span className="cov__branch-label">{label}</span>
        <span className="doc-rows__count">{count}</span>
      </div>
    </div>
  );
});

type RowProps = {
  index: number;
  competencyId: string;
  code: string | null;
  title: string | null;
  status: CoverageStatus;
  gap: string | null;
  /** The assessments that assess it, joined: the row's whole state in one comparable string. */
  assessed: string;
  selected: boolean;
  editable: boolean;
  assessments: readonly MatrixAssessment[];
  columns: WindowRange;
  /** The column of the grid's one tabbable cell when it is in this row, else -1. */
  tabCol: number;
  actions: CellActions;
};

function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.index === b.index &&
    a.competencyId === b.competencyId &&
    a.code === b.code &&
    a.title === b.title &&
    a.status === b.status &&
    a.gap === b.gap &&
    a.assessed === b.assessed &&
    a.selected === b.selected &&
    a.editable === b.editable &&
    a.assessments === b.assessments &&
    a.columns.start === b.columns.start &&
    a.columns.end === b.columns.end &&
    a.tabCol === b.tabCol &&
    a.actions === b.actions
  );
}

/** One competency: its row header (code, title, status in words) and a checkbox per assessment in view. */
const CompetencyRow = memo(function CompetencyRow(props: RowProps) {
  const { index, competencyId, code, title, status, gap, assessed, selected, editable, assessments, columns, tabCol, actions } = props;
  const { t } = useTranslation();
  const name = competencyName(t, { code, title });
  const ticked = useMemo(() => new Set(assessed === "" ? [] : assessed.split("|")), [assessed]);
  const headerCell = `${index}:0`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`cov__row${selected ? " cov__row--selected" : ""}${gap ? " cov__row--gap" : ""}`}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
    >
      <div role="rowheader" aria-colindex={1} className="cov__rowhead" style={{ width: ROW_HEADER_WIDTH }} data-cell={editable ? undefined : headerCell} tabIndex={editable ? undefined : tabCol === 0 ? 0 : -1}>
        {editable ? (
          <input
            type="checkbox"
            className="cov__select"
            aria-label={t("coverage.matrix.select", { name })}
            checked={selected}
            data-cell={headerCell}
            tabIndex={tabCol === 0 ? 0 : -1}
            onChange={(event) => actions.toggleSelected(competencyId, event.target.checked)}
          />
        ) : null}
        <span className="cov__name">
          {code ? <span className="cov__code">{code}</span> : null}
          <span className="cov__title" title={title ?? undefined}>
            {title ?? <span className="muted">{t("coverage.matrix.noTitle")}</span>}
          </span>
        </span>
        <span className="cov__badges">
          <span className={`cov__status cov__status--${status}`}>{t(`coverage.matrix.status.${status}`)}</span>
          {gap ? <span className="cov__gap">{gap}</span> : null}
        </span>
      </div>
      {assessments.slice(columns.start, columns.end).map((assessment, offset) => {
        const col = columns.start + offset;
        const on = ticked.has(assessment.id);
        return (
          <div key={assessment.id} role="gridcell" aria-colindex={col + 2} className={`cov__cell${on ? " cov__cell--on" : ""}`} style={{ left: ROW_HEADER_WIDTH + col * COLUMN_WIDTH, width: COLUMN_WIDTH }}>
            <input
              type="checkbox"
              aria-label={t("coverage.matrix.assesses", { assessment: assessmentName(t, assessment, col), name })}
              aria-readonly={!editable || undefined}
              checked={on}
              data-cell={`${index}:${col + 1}`}
              tabIndex={tabCol === col + 1 ? 0 : -1}
              onClick={editable ? undefined : (event) => event.preventDefault()}
              onChange={(event) => actions.toggleCell(assessment.id, competencyId, event.target.checked)}
            />
          </div>
        );
      })}
    </div>
  );
}, sameRow);

/** A checkbox standing for many: ticked, mixed (some) or clear. */
function TriStateCheckbox({ state, label, cell, tabIndex, onChange }: { state: SelectionState; label: string; cell?: string; tabIndex?: number; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === "some";
  }, [state]);
  return <input ref={ref} type="checkbox" aria-label={label} checked={state === "all"} data-cell={cell} tabIndex={tabIndex} onChange={onChange} />;
}
