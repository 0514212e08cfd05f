/**
 * A specification's competencies as one table: filterable, grouped by framework branch, with bulk
 * actions, virtualized so that 3,000 rows cost what the ~20 in view cost.
 *
 * Virtualization: every line of the list (group header or competency) has ONE fixed height, so the
 * window to render is arithmetic (tree-model.ts visibleWindow, as the framework tree does) and the
 * scrollbar stays honest through two spacers. A row's details (outcome, level, essential, and a
 * custom row's code/title/uri) would break the fixed height, so they open in a details panel BELOW
 * the list rather than inside it: no measuring, no jumping rows, and the panel holds the anchors
 * checklist links go to, so a link to any row's value opens that row's details and lands there.
 *
 * Subscriptions (use-competency-rows.ts): the list observes the rows' Y.Array for membership, each
 * rendered row observes its own Y.Map. A keystroke re-renders the row it happens in; the filter and
 * grouping are recomputed when rows are added or removed, the filter changes or a bulk action ran.
 */
import { forwardRef, memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type Ref, type UIEvent } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import {
  addRow,
  anchorFor,
  cellPath,
  jsonEqual,
  parseInput,
  removeRow,
  removeRows,
  setCellOnRows,
  rowPath,
  RowNotFoundError,
  setValue,
  type FieldIssue,
  type JsonValue,
  type RowFieldDef,
  type RowsFieldDef,
} from "~/modules/documents/model";
import { FieldControl } from "~/components/document/field-control";
import type { FieldVisitor } from "~/components/document/field-presence";
import type { EditingContext } from "~/components/document/document-sections";
import { RequiredMark, REVEAL_EVENT } from "~/components/document/marks";
import { scrollToReveal, visibleWindow } from "~/components/frameworks/tree-model";
import {
  buildTable,
  CUSTOM_GROUP,
  isCustom,
  OTHER_GROUP,
  isShowFilter,
  rowName,
  selectAllState,
  selectedShown,
  SHOW_OPTIONS,
  groupOf,
  toggleAllShown,
  toggleOne,
  virtualIndexOf,
  type ShowFilter,
  type VirtualRow,
} from "~/components/document/competencies/table-model";
import { useCompetencyRows, useRowCells, type RowCells } from "~/components/document/competencies/use-competency-rows";
import { FieldIssueList } from "~/components/document/field-issues";
import { CommentButton, CommentThread } from "~/components/comments/CommentOnField";
import { scrollBehavior } from "~/utils/motion";

export type CompetencyTableProps = {
  field: RowsFieldDef;
  editing: EditingContext;
  /** Opens the framework library's picker; the "Add competencies" button shows only when given. */
  onAddCompetencies?: () => void;
};

/** Height of every line of the list, group headers included (CSS --ct-row-height says the same). */
const ROW_HEIGHT = 56;
/** The sticky column headers at the top of the scroll container. */
const HEADER_HEIGHT = 40;
const OVERSCAN = 6;
/** Assumed before the browser measures (server render): about 70vh of a laptop screen. */
const DEFAULT_VIEWPORT = 560;

/** Cells a reference row takes from the library: shown, never edited (ADR 0012). */
const LIBRARY_CELLS = ["framework", "branch", "code", "title", "uri"] as const;
const CUSTOM_CELLS = ["code", "title", "uri"] as const;
/** What belongs to this credential, whatever the row's source. */
const OWN_CELLS = ["outcome", "outcomeFr", "level", "essential"] as const;

const NO_ISSUES: FieldIssue[] = [];
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

/** Writes through the model; an edit to a row someone else just removed has nowhere to go and is dropped. */
function ignoringRemovedRows(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof RowNotFoundError)) throw error;
  }
}

function cellDef(field: RowsFieldDef, key: string): RowFieldDef | undefined {
  return field.fields.find((cell) => cell.key === key);
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** table-model.ts rowName, in the reader's language for a row with neither code nor title. */
function nameOf(t: TFunction, row: { code: string | null; title: string | null }): string {
  const name = rowName(row);
  return row.code || row.title ? name : t("frameworks.table.newCompetency");
}

/** The label a row's controls use: its code, or its name while it has none. */
function shortName(t: TFunction, cells: RowCells): string {
  return text(cells.code) ?? nameOf(t, { code: null, title: text(cells.title) });
}

/** Group headings: the two fixed groups in the reader's language, branches as the framework names them. */
function groupName(t: TFunction, key: string, label: string): string {
  return key === CUSTOM_GROUP.key ? t("frameworks.table.customGroup") : key === OTHER_GROUP.key ? t("frameworks.table.otherGroup") : label;
}

/** What rows need from the table, kept referentially stable so memoised rows skip re-rendering. */
type RowActions = {
  toggleSelected: (rowId: string, on: boolean) => void;
  toggleDetails: (rowId: string) => void;
  write: (path: string, value: JsonValue) => void;
  announce: (path: string | null) => void;
  /** Opens (or closes) a row's comments, shown over the list just below the row. */
  toggleComments: (rowId: string, label: string) => void;
};

export function CompetencyTable({ field, editing, onAddCompetencies }: CompetencyTableProps) {
  const { t } = useTranslation();
  const { session, kind, editable } = editing;
  const ydoc = session?.ydoc ?? null;
  const source = useCompetencyRows(ydoc, field.key, ydoc ? undefined : editing.fields[field.key]);
  const [query, setQuery] = useState("");
  const [show, setShow] = useState<ShowFilter>("all");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [commentsFor, setCommentsFor] = useState<{ rowId: string; label: string } | null>(null);
  const [bulkLevel, setBulkLevel] = useState("");
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [result, setResult] = useState("");
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(DEFAULT_VIEWPORT);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const scrollFrame = useRef(0);
  // A row to bring into view once the list has re-rendered with it (reveal, a new custom row).
  const pendingScroll = useRef<string | null>(null);
  const ids = useId();
  const commentsId = `${ids}-comments`;
  const headingId = `${anchorFor(field.key)}-heading`;
  const filterId = `${ids}-filter`;
  const showId = `${ids}-show`;
  const bulkLevelId = `${ids}-bulk-level`;
  const levelField = cellDef(field, "level");

  const model = useMemo(() => buildTable(source.rows, { query, show, collapsed }), [source.rows, query, show, collapsed]);
  const rowsViewport = Math.max(ROW_HEIGHT, viewportHeight - HEADER_HEIGHT);
  // The sticky header covers the first HEADER_HEIGHT pixels: in row space the scroll offset is the same.
  const view = visibleWindow({ scrollTop, viewportHeight: rowsViewport, rowHeight: ROW_HEIGHT, rowCount: model.virtualRows.length, overscan: OVERSCAN });
  // Memoised: a keystroke elsewhere in the document re-renders the table, and must not walk 3,000 ids.
  const targets = useMemo(() => selectedShown(model.shownIds, selected), [model.shownIds, selected]);
  const allState = useMemo(() => selectAllState(model.shownIds, selected), [model.shownIds, selected]);

  // Latest values for window event handlers, without re-subscribing them on every render.
  const latest = useRef({ rows: source.rows, model, refresh: source.refresh });
  latest.current = { rows: source.rows, model, refresh: source.refresh };

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || typeof ResizeObserver === "undefined") return;
    const measure = () => setViewportHeight(scroller.clientHeight || DEFAULT_VIEWPORT);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [model.virtualRows.length > 0]);

  // The open row was removed (here or by someone else): close its details, and its comments.
  useEffect(() => {
    if (openId !== null && !source.rows.some((row) => row.id === openId)) setOpenId(null);
  }, [openId, source.rows]);
  useEffect(() => {
    if (commentsFor !== null && !source.rows.some((row) => row.id === commentsFor.rowId)) setCommentsFor(null);
  }, [commentsFor, source.rows]);

  useClientLayoutEffect(() => {
    const id = pendingScroll.current;
    const scroller = scrollerRef.current;
    if (id === null || !scroller) return;
    // Set with the state that shows the row, so this is the render that has it; a row a filter
    // still hides (a new custom row under a text filter) is not scrolled to later by surprise.
    pendingScroll.current = null;
    const index = virtualIndexOf(model.virtualRows, id);
    if (index < 0) return;
    const top = scrollToReveal(index, scroller.scrollTop, (scroller.clientHeight || DEFAULT_VIEWPORT) - HEADER_HEIGHT, ROW_HEIGHT);
    if (top !== null) {
      scroller.scrollTop = top;
      setScrollTop(top);
    }
  });

  // A checklist link to a competency's value: show its row (clearing a filter or opening a group
  // that hides it) and open its details, where the anchors are; revealAnchor scrolls there next frame.
  useEffect(() => {
    const onReveal = (event: Event) => {
      const anchor = (event as CustomEvent<string>).detail;
      if (typeof anchor !== "string") return;
      const row = latest.current.rows.find((candidate) => {
        const rowAnchor = anchorFor(rowPath(field.key, candidate.id));
        if (!anchor.startsWith(rowAnchor)) return false;
        return anchor === rowAnchor || field.fields.some((cell) => anchor.startsWith(anchorFor(cellPath(field.key, candidate.id, cell.key))));
      });
      if (!row) return;
      if (!latest.current.model.shownIds.includes(row.id)) {
        setQuery("");
        setShow("all");
        latest.current.refresh();
      }
      const groupKey = groupOf(row).key;
      setCollapsed((current) => {
        if (!current.has(groupKey)) return current;
        const next = new Set(current);
        next.delete(groupKey);
        return next;
      });
      setOpenId(row.id);
      pendingScroll.current = row.id;
    };
    window.addEventListener(REVEAL_EVENT, onReveal);
    return () => window.removeEventListener(REVEAL_EVENT, onReveal);
  }, [field]);

  const write = useCallback(
    (path: string, value: JsonValue) => {
      if (ydoc) ignoringRemovedRows(() => setValue(ydoc, kind, path, value));
    },
    [ydoc, kind],
  );
  const actions: RowActions = useMemo(
    () => ({
      toggleSelected: (rowId, on) => setSelected((current) => toggleOne(current, rowId, on)),
      toggleDetails: (rowId) => setOpenId((current) => (current === rowId ? null : rowId)),
      write,
      announce: editing.announce,
      toggleComments: (rowId, label) => setCommentsFor((current) => (current?.rowId === rowId ? null : { rowId, label })),
    }),
    [write, editing.announce],
  );

  // The details panel is below the list: bring it into view when a row's details open from the list.
  const detailsRef = useRef<HTMLElement>(null);
  const openedFromList = useRef(false);
  useEffect(() => {
    if (!openedFromList.current || openId === null) return;
    openedFromList.current = false;
    detailsRef.current?.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
    detailsRef.current?.querySelector<HTMLElement>("h4")?.focus({ preventScroll: true });
  }, [openId]);
  const rowActions: RowActions = useMemo(
    () => ({
      ...actions,
      toggleDetails: (rowId) => {
        openedFromList.current = true;
        actions.toggleDetails(rowId);
      },
    }),
    [actions],
  );

  const changeFilter = (next: { query?: string; show?: ShowFilter }) => {
    if (next.query !== undefined) setQuery(next.query);
    if (next.show !== undefined) setShow(next.show);
    // Filter on what the document holds now, not on the summaries of the last membership change.
    source.refresh();
    scrollerRef.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  };

  const addCustom = () => {
    if (!ydoc) return;
    const id = addRow(ydoc, kind, field.key, { source: "custom" });
    setOpenId(id);
    pendingScroll.current = id;
    // Put the person in the new competency's code, ready to type.
    requestAnimationFrame(() => document.getElementById(anchorFor(cellPath(field.key, id, "code")))?.focus());
  };

  /** One transaction for the whole action: colleagues receive it as one update, in one piece. */
  const bulk = (done: string, change: (doc: Y.Doc, rowIds: readonly string[]) => void) => {
    if (!ydoc || targets.length === 0) return;
    change(ydoc, targets);
    source.refresh();
    setResult(t("frameworks.table.bulkDone", { action: done, count: targets.length }));
  };
  const setLevel = () => {
    if (!levelField || bulkLevel.trim() === "") return;
    const value = parseInput(levelField, bulkLevel);
    bulk(t("frameworks.table.levelSet", { level: bulkLevel.trim() }), (doc, rowIds) => setCellOnRows(doc, kind, field.key, rowIds, "level", value));
  };
  const markEssential = (essential: boolean) =>
    bulk(essential ? t("frameworks.table.markedEssential") : t("frameworks.table.markedOptional"), (doc, rowIds) => setCellOnRows(doc, kind, field.key, rowIds, "essential", essential));
  const removeSelected = () => {
    bulk(t("frameworks.table.removed"), (doc, rowIds) => removeRows(doc, kind, field.key, rowIds));
    setSelected(new Set());
    setConfirmingRemove(false);
  };

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const top = event.currentTarget.scrollTop;
    // One re-render per animation frame, however many scroll events arrive.
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => setScrollTop(top));
  };

  const fieldIssues = editing.issuesByPath.get(field.key) ?? NO_ISSUES;
  const openMap = openId ? source.rowMap(openId) : null;
  const openStored = openId ? source.storedCells(openId) : undefined;
  const columnsClass = editable ? "ct-cols ct-cols--edit" : "ct-cols";
  const listHeight = HEADER_HEIGHT + model.virtualRows.length * ROW_HEIGHT + 2;
  // A row's comments lie over the list just below the row (inside the list they would break its
  // fixed line heights), kept within the visible part of the list as it scrolls.
  const commentsIndex = commentsFor ? virtualIndexOf(model.virtualRows, commentsFor.rowId) : -1;
  const commentsTop = Math.min(Math.max(HEADER_HEIGHT + (commentsIndex + 1) * ROW_HEIGHT - scrollTop, HEADER_HEIGHT), Math.min(viewportHeight, listHeight));
  const closeComments = () => {
    const rowId = commentsFor?.rowId;
    setCommentsFor(null);
    // Back to the row's comment button, when the row is in the rendered window.
    if (rowId) requestAnimationFrame(() => scrollerRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"] .comment-on-field`)?.focus());
  };

  return (
    <div className="doc-rows ct" id={anchorFor(field.key)} data-path={field.key} role="group" aria-labelledby={headingId}>
      <div className="doc-rows__head">
        <h3 id={headingId} className="doc-rows__title">
          {field.label}
          {field.required ? <RequiredMark /> : null}
          <span className="doc-rows__count">{model.total}</span>
        </h3>
        {editable ? (
          <div className="ct__add">
            {onAddCompetencies ? (
              <button type="button" className="button button--small" onClick={onAddCompetencies}>
                {t("frameworks.table.addCompetencies")}
              </button>
            ) : null}
            <button type="button" className="button button--secondary button--small" onClick={addCustom}>
              {t("frameworks.table.addCustom")}
            </button>
          </div>
        ) : null}
      </div>
      {field.help ? <p className="field__hint">{field.help}</p> : null}
      <FieldIssueList issues={fieldIssues} />

      {model.total === 0 ? (
        <p className="doc-rows__empty">{field.emptyText ?? t("frameworks.table.empty")}</p>
      ) : (
        <>
          <div className="ct__filters">
            <div className="ct__filter">
              <label htmlFor={filterId}>{t("frameworks.table.filterLabel")}</label>
              <input id={filterId} type="search" value={query} autoComplete="off" placeholder={t("frameworks.table.filterPlaceholder")} onChange={(event) => changeFilter({ query: event.target.value })} />
            </div>
            <div className="ct__filter">
              <label htmlFor={showId}>{t("frameworks.table.show")}</label>
              <select id={showId} value={show} onChange={(event) => isShowFilter(event.target.value) && changeFilter({ show: event.target.value })}>
                {SHOW_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {t(`frameworks.table.showOptions.${option.value}`)}
                  </option>
                ))}
              </select>
            </div>
            <p className="ct__status" role="status">
              {t("frameworks.table.shown", { shown: model.shownIds.length, total: model.total })}
            </p>
          </div>

          {editable ? (
            <div className="ct__bulk" role="group" aria-label={t("frameworks.table.bulkLabel")}>
              <span className="ct__selected">{t("frameworks.table.selected", { count: targets.length })}</span>
              <label htmlFor={bulkLevelId} className="ct__bulk-label">
                {t("frameworks.table.levelForSelected")}
              </label>
              <input
                id={bulkLevelId}
                type="text"
                className="ct__bulk-level"
                value={bulkLevel}
                autoComplete="off"
                onChange={(event) => setBulkLevel(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === "Enter") setLevel();
                }}
              />
              <button type="button" className="button button--secondary button--small" disabled={targets.length === 0 || bulkLevel.trim() === ""} onClick={setLevel}>
                {t("frameworks.table.setLevel")}
              </button>
              <button type="button" className="button button--secondary button--small" disabled={targets.length === 0} onClick={() => markEssential(true)}>
                {t("frameworks.table.markEssential")}
              </button>
              <button type="button" className="button button--secondary button--small" disabled={targets.length === 0} onClick={() => markEssential(false)}>
                {t("frameworks.table.markOptional")}
              </button>
              <button type="button" className="button button--danger button--small" disabled={targets.length === 0} onClick={() => setConfirmingRemove(true)}>
                {t("frameworks.table.remove")}
              </button>
              <span className="ct__result" aria-live="polite">
                {result}
              </span>
            </div>
          ) : null}

          {model.virtualRows.length === 0 ? (
            <p className="doc-rows__empty">{t("frameworks.table.noMatch")}</p>
          ) : (
            <div className="ct__list">
              <div
                ref={scrollerRef}
                className="ct__scroller"
                style={{ height: `min(70vh, ${listHeight}px)` }}
                role="table"
                aria-labelledby={headingId}
                aria-rowcount={model.virtualRows.length + 1}
                onScroll={onScroll}
              >
                <div role="row" aria-rowindex={1} className={`ct__header ${columnsClass}`} style={{ height: HEADER_HEIGHT }}>
                  {editable ? (
                    <span role="columnheader" className="ct__check">
                      <SelectAll state={allState} onChange={() => setSelected(toggleAllShown(model.shownIds, selected))} />
                    </span>
                  ) : null}
                  <span role="columnheader">{t("frameworks.table.code")}</span>
                  <span role="columnheader">{t("frameworks.table.competency")}</span>
                  <span role="columnheader">{t("frameworks.table.level")}</span>
                  <span role="columnheader">{t("frameworks.table.essential")}</span>
                  <span role="columnheader">
                    <span className="visually-hidden">{t("frameworks.table.details")}</span>
                  </span>
                </div>
                <div aria-hidden="true" style={{ height: view.padTop }} />
                {model.virtualRows.slice(view.start, view.end).map((line, offset) => {
                  const rowIndex = view.start + offset + 2;
                  if (line.type === "group") {
                    return <GroupHeader key={`group-${line.key}`} line={line} rowIndex={rowIndex} columns={editable ? 6 : 5} onToggle={setCollapsed} />;
                  }
                  const rowId = line.row.id;
                  return (
                    <CompetencyRow
                      key={rowId}
                      field={field}
                      levelField={levelField}
                      rowId={rowId}
                      map={source.rowMap(rowId)}
                      stored={source.storedCells(rowId)}
                      rowIndex={rowIndex}
                      columnsClass={columnsClass}
                      selected={selected.has(rowId)}
                      open={openId === rowId}
                      editable={editable}
                      issuesByPath={editing.issuesByPath}
                      visitorsAt={editing.visitorsAt}
                      actions={rowActions}
                      canComment={editing.canComment}
                      commentsOpen={commentsFor?.rowId === rowId}
                      commentsId={commentsId}
                    />
                  );
                })}
                <div aria-hidden="true" style={{ height: view.padBottom }} />
              </div>
              {commentsFor && editing.canComment ? (
                <CommentThread
                  key={commentsFor.rowId}
                  id={commentsId}
                  place={rowPath(field.key, commentsFor.rowId)}
                  label={commentsFor.label}
                  canComment
                  onClose={closeComments}
                  className="comment-thread--over ct__comments"
                  style={{ top: commentsTop }}
                />
              ) : null}
            </div>
          )}
        </>
      )}

      {openId !== null && (openMap || openStored) ? (
        <CompetencyDetails
          key={openId}
          ref={detailsRef}
          field={field}
          rowId={openId}
          map={openMap}
          stored={openStored}
          editing={editing}
          write={write}
          onClose={() => {
            const rowId = openId;
            setOpenId(null);
            // Back to the row's Details button, when the row is in the rendered window.
            requestAnimationFrame(() => scrollerRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(rowId)}"] .ct__details-button`)?.focus());
          }}
          onRemove={() => {
            if (ydoc) removeRow(ydoc, kind, field.key, openId);
            setOpenId(null);
            setResult(t("frameworks.table.removedOne"));
          }}
        />
      ) : null}

      {confirmingRemove ? (
        <ConfirmDialog
          message={t("frameworks.table.removeManyQuestion", { count: targets.length })}
          detail={t("frameworks.table.removedForEveryone")}
          confirmLabel={t("frameworks.table.removeMany", { count: targets.length })}
          onConfirm={removeSelected}
          onCancel={() => setConfirmingRemove(false)}
        />
      ) : null}
    </div>
  );
}

/** The header's tri-state checkbox: ticked, mixed (some shown rows ticked) or clear. */
function SelectAll({ state, onChange }: { state: "none" | "some" | "all"; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === "some";
  }, [state]);
  const { t } = useTranslation();
  return <input ref={ref} type="checkbox" aria-label={t("frameworks.table.selectAll")} checked={state === "all"} onChange={onChange} />;
}

function GroupHeader({
  line,
  rowIndex,
  columns,
  onToggle,
}: {
  line: Extract<VirtualRow, { type: "group" }>;
  rowIndex: number;
  columns: number;
  onToggle: (update: (current: ReadonlySet<string>) => ReadonlySet<string>) => void;
}) {
  const { t } = useTranslation();
  const toggle = () =>
    onToggle((current) => {
      const next = new Set(current);
      if (next.has(line.key)) next.delete(line.key);
      else next.add(line.key);
      return next;
    });
  return (
    <div role="row" aria-rowindex={rowIndex} className="ct__group" style={{ height: ROW_HEIGHT }}>
      <span role="rowheader" aria-colspan={columns} className="ct__group-cell">
        <button type="button" className="ct__group-toggle" aria-expanded={!line.collapsed} onClick={toggle}>
          <span aria-hidden="true" className="ct__group-caret">
            {line.collapsed ? "▸" : "▾"}
          </span>
          <span className="ct__group-label">{groupName(t, line.key, line.label)}</span>
          <span className="doc-rows__count">{line.count === line.total ? line.count : t("frameworks.table.groupCount", { count: line.count, total: line.total })}</span>
        </button>
      </span>
    </div>
  );
}

type RowProps = {
  field: RowsFieldDef;
  levelField: RowFieldDef | undefined;
  rowId: string;
  map: Y.Map<unknown> | null;
  stored: RowCells | undefined;
  rowIndex: number;
  columnsClass: string;
  selected: boolean;
  open: boolean;
  editable: boolean;
  issuesByPath: ReadonlyMap<string, FieldIssue[]>;
  visitorsAt: (path: string) => readonly FieldVisitor[];
  actions: RowActions;
  canComment: boolean;
  commentsOpen: boolean;
  commentsId: string;
};

/** Colleagues in any of a row's values, each once. */
function rowVisitors(field: RowsFieldDef, rowId: string, visitorsAt: RowProps["visitorsAt"]): FieldVisitor[] {
  const byId = new Map<string, FieldVisitor>();
  for (const cell of field.fields) for (const visitor of visitorsAt(cellPath(field.key, rowId, cell.key))) byId.set(visitor.id, visitor);
  return [...byId.values()];
}

/** One competency line: fixed height, its own Y.Map subscription, re-rendered only when its props or cells change. */
const CompetencyRow = memo(function CompetencyRow(props: RowProps) {
  const { field, levelField, rowId, map, stored, rowIndex, columnsClass, selected, open, editable, issuesByPath, visitorsAt, actions, canComment, commentsOpen, commentsId } = props;
  const cells = useRowCells(map, stored);
  const { t } = useTranslation();
  const custom = isCustom({ source: text(cells.source) });
  const name = nameOf(t, { code: text(cells.code), title: text(cells.title) });
  const short = shortName(t, cells);
  const levelPath = cellPath(field.key, rowId, "level");
  const levelIssues = issuesByPath.get(levelPath) ?? NO_ISSUES;
  const otherIssues = field.fields.reduce((count, cell) => (cell.key === "level" ? count : count + (issuesByPath.get(cellPath(field.key, rowId, cell.key))?.length ?? 0)), 0);
  const visitors = rowVisitors(field, rowId, visitorsAt);
  const levelVisitor = visitorsAt(levelPath)[0];
  const style: CSSProperties = { height: ROW_HEIGHT, ...(visitors[0] ? ({ "--visitor": visitors[0].color } as CSSProperties) : {}) };
  const levelMessageId = `ct-${rowId}-level-issues`;
  const essential = cells.essential;

  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      data-row-id={rowId}
      className={`ct__row ${columnsClass}${selected ? " ct__row--selected" : ""}${open ? " ct__row--open" : ""}${visitors.length ? " ct__row--visited" : ""}`}
      style={style}
    >
      {editable ? (
        <span role="cell" className="ct__check">
          <input type="checkbox" aria-label={t("frameworks.table.select", { name })} checked={selected} onChange={(event) => actions.toggleSelected(rowId, event.target.checked)} />
        </span>
      ) : null}
      <span role="cell" className="ct__code">
        <span className="ct__code-text">{text(cells.code) ?? <span className="muted">{t("frameworks.table.noCode")}</span>}</span>
        {visitors.length ? <span className="ct__visitors">{visitors.map((v) => v.name).join(", ")}</span> : null}
      </span>
      <span role="cell" className="ct__title">
        <span className="ct__title-text" title={text(cells.title) ?? undefined}>
          {text(cells.title) ?? <span className="muted">{t("frameworks.table.noTitle")}</span>}
        </span>
        {custom ? <span className="doc-pill ct__custom">{t("frameworks.table.custom")}</span> : null}
        {otherIssues > 0 ? <span className="doc-pill doc-pill--error">{t("frameworks.table.problems", { count: otherIssues })}</span> : null}
      </span>
      <span role="cell" className="ct__level">
        {editable && levelField ? (
          <LevelInput
            field={levelField}
            path={levelPath}
            value={cells.level}
            label={t("frameworks.table.levelFor", { name: short })}
            invalid={levelIssues.some((issue) => issue.severity === "error")}
            describedBy={levelIssues.length ? levelMessageId : undefined}
            visitorColor={levelVisitor?.color}
            actions={actions}
          />
        ) : (
          <span className="ct__level-text">{text(cells.level) ?? <span className="muted">{t("frameworks.table.noLevel")}</span>}</span>
        )}
        {levelIssues.length ? (
          <span id={levelMessageId} className={levelIssues.some((issue) => issue.severity === "error") ? "ct__message field__error" : "ct__message doc-field__warning"} title={levelIssues.map((issue) => issue.message).join(" ")}>
            {levelIssues[0]!.message}
          </span>
        ) : null}
      </span>
      <span role="cell" className="ct__essential">
        {editable ? (
          <input
            type="checkbox"
            aria-label={t("frameworks.table.essentialFor", { name: short })}
            checked={essential === true}
            onChange={(event) => actions.write(cellPath(field.key, rowId, "essential"), event.target.checked)}
            onFocus={() => actions.announce(cellPath(field.key, rowId, "essential"))}
            onBlur={() => actions.announce(null)}
          />
        ) : (
          <span>{essential === true ? t("frameworks.table.essential") : essential === false ? t("frameworks.table.optional") : <span className="muted">{t("frameworks.table.notSet")}</span>}</span>
        )}
      </span>
      <span role="cell" className="ct__details-cell">
        {canComment ? (
          <CommentButton place={rowPath(field.key, rowId)} label={name} canComment expanded={commentsOpen} controls={commentsId} onClick={() => actions.toggleComments(rowId, name)} />
        ) : null}
        <button
          type="button"
          className="button button--secondary button--small ct__details-button"
          aria-expanded={open}
          aria-controls={open ? anchorFor(rowPath(field.key, rowId)) : undefined}
          onClick={() => actions.toggleDetails(rowId)}
        >
          {t("frameworks.table.details")}
          <span className="visually-hidden">{t("frameworks.table.detailsOf", { name })}</span>
        </button>
      </span>
    </div>
  );
});

/**
 * The level typed in the row. Like FieldControl's text input: the person's own text (with its
 * trailing space) shows while the shared value is what it parses to; someone else's change wins.
 */
function LevelInput(props: {
  field: RowFieldDef;
  path: string;
  value: JsonValue | undefined;
  label: string;
  invalid: boolean;
  describedBy: string | undefined;
  visitorColor: string | undefined;
  actions: RowActions;
}) {
  const { field, path, value, label, invalid, describedBy, visitorColor, actions } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const shared = value ?? null;
  useEffect(() => {
    if (draft !== null && !jsonEqual(parseInput(field, draft), shared)) setDraft(null);
  }, [shared]);
  const shown = draft ?? (typeof value === "string" ? value : value === null || value === undefined ? "" : String(value));
  return (
    <input
      type="text"
      className={`ct__level-input${visitorColor ? " ct__level-input--visited" : ""}`}
      style={visitorColor ? ({ "--visitor": visitorColor } as CSSProperties) : undefined}
      aria-label={label}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      aria-required={field.required || undefined}
      value={shown}
      autoComplete="off"
      onChange={(event) => {
        setDraft(event.target.value);
        actions.write(path, parseInput(field, event.target.value));
      }}
      onFocus={() => actions.announce(path)}
      onBlur={() => {
        setDraft(null);
        actions.announce(null);
      }}
    />
  );
}

type DetailsProps = {
  field: RowsFieldDef;
  rowId: string;
  map: Y.Map<unknown> | null;
  stored: RowCells | undefined;
  editing: EditingContext;
  write: (path: string, value: JsonValue) => void;
  onClose: () => void;
  onRemove: () => void;
};

/**
 * One competency's values in full, with the anchors checklist links go to. A framework row shows
 * the library's words read-only; a custom row's code, title and URI are editable.
 */
function CompetencyDetailsPanel({ field, rowId, map, stored, editing, write, onClose, onRemove }: DetailsProps, ref: Ref<HTMLElement>) {
  const cells = useRowCells(map, stored);
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation();
  const custom = isCustom({ source: text(cells.source) });
  const name = nameOf(t, { code: text(cells.code), title: text(cells.title) });
  const headingId = `${anchorFor(rowPath(field.key, rowId))}-heading`;
  const commentable = editing.canComment;
  const shown: { key: string; editable: boolean }[] = [
    ...(custom ? CUSTOM_CELLS.map((key) => ({ key, editable: editing.editable })) : LIBRARY_CELLS.map((key) => ({ key, editable: false }))),
    ...OWN_CELLS.map((key) => ({ key, editable: editing.editable })),
  ];
  return (
    <section ref={ref} id={anchorFor(rowPath(field.key, rowId))} data-path={rowPath(field.key, rowId)} className="ct__details" aria-labelledby={headingId}>
      <div className="ct__details-head">
        <h4 id={headingId} tabIndex={-1} className="ct__details-title">
          {t("frameworks.table.detailsTitle", { name })}
        </h4>
        {custom ? <span className="doc-pill ct__custom">{t("frameworks.table.custom")}</span> : null}
        <span className="ct__details-actions">
          {editing.editable ? (
            <button type="button" className="button button--danger button--small" onClick={() => setConfirming(true)}>
              {t("frameworks.table.removeCompetency")}
            </button>
          ) : null}
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            {t("frameworks.table.closeDetails")}
          </button>
        </span>
      </div>
      <div className="doc-grid doc-grid--row">
        {shown.map(({ key, editable }) => {
          const cell = cellDef(field, key);
          if (!cell) return null;
          const path = cellPath(field.key, rowId, key);
          return (
            <FieldControl
              key={key}
              field={cell}
              path={path}
              value={cells[key]}
              issues={editing.issuesByPath.get(path) ?? NO_ISSUES}
              editable={editable}
              write={(value) => write(path, value)}
              context={editing.fieldContext}
              visitors={editing.visitorsAt(path)}
              onFocusChange={editing.announce}
              commentable={commentable}
            />
          );
        })}
      </div>
      {confirming ? (
        <ConfirmDialog
          message={t("frameworks.table.removeQuestion", { name })}
          detail={t("frameworks.table.removedForEveryoneOne")}
          confirmLabel={t("frameworks.table.removeCompetency")}
          onConfirm={() => {
            setConfirming(false);
            onRemove();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

const CompetencyDetails = forwardRef(CompetencyDetailsPanel);

/**
 * A modal confirmation (the native dialog: focus is trapped inside and Escape cancels). Focus
 * starts on Cancel, so Enter on a stray key press does not remove anything.
 */
function ConfirmDialog({ message, detail, confirmLabel, onConfirm, onCancel }: { message: string; detail: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="ct__dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={titleId} className="ct__dialog-title">
        {message}
      </p>
      <p className="ct__dialog-detail">{detail}</p>
      <div className="ct__dialog-actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button button--secondary" onClick={onCancel}>
          {t("frameworks.table.cancel")}
        </button>
      </div>
    </dialog>
  );
}
