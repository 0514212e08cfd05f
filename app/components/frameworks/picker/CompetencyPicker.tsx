/**
 * "Add competencies": a modal dialog to pick a specification's competencies from the framework
 * library. A framework's hierarchy is a lazily loaded, virtualized tree (VirtualTree.tsx, as in
 * FrameworkTree) whose rows carry tri-state checkboxes (aria-checked on the treeitem); a search box
 * lists matches with their path. Ticking a node with children ticks its whole subtree without loading it: the
 * selection is sent as ticked ids and branches, and the selection resource route expands it.
 * selection-model.ts decides what is ticked and how many; this file renders and fetches.
 *
 * The page that opens it renders the stylesheet: add `{ rel: "stylesheet", href: pickerStylesheet }`
 * to the route's `links`.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  checkStates,
  EMPTY_SELECTION,
  knownTree,
  selectedCount,
  selectionRequest,
  toggle,
  type CheckState,
  type Selection,
} from "~/components/frameworks/picker/selection-model";
import pickerStyles from "~/components/frameworks/picker/picker.css";
import { childrenKey, missingBranches, ROOT_KEY, type ChildrenIndex, type TreeRow } from "~/components/frameworks/tree-model";
import { VirtualTree } from "~/components/frameworks/VirtualTree";
import { fetchChildNodes, loadTreeChildren } from "~/components/frameworks/tree-children";
import type { PickedCompetency } from "~/modules/documents/kinds/competency-references";
import type { FrameworkChoice } from "~/modules/frameworks/selection.server";
import type { SearchHit, TreeNode } from "~/modules/frameworks/library.server";

/** The picker's stylesheet: link it from the route that renders the dialog. */
export const pickerStylesheet: string = pickerStyles;

export type CompetencyPickerProps = {
  open: boolean;
  onClose: () => void;
  /** The competencies to add, in tree order, without those in `alreadyPicked`. */
  onAdd: (picked: PickedCompetency[]) => void;
  /** Library competency ids the specification references already. */
  alreadyPicked: ReadonlySet<string>;
};

const VIEWPORT_HEIGHT = 360;
const SEARCH_DELAY_MS = 250;

export function CompetencyPickerDialog({ open, onClose, onAdd, alreadyPicked }: CompetencyPickerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const openRef = useRef(open);
  openRef.current = open;
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  // Escape (the dialog's cancel) and close() both end here: tell the owner, give focus back.
  function onDialogClose() {
    openerRef.current?.focus();
    if (openRef.current) onClose();
  }

  return (
    <dialog ref={dialogRef} className="picker" aria-labelledby={titleId} onClose={onDialogClose}>
      {/* Mounted while open only: every opening starts with nothing ticked. */}
      {open ? (
        <PickerBody
          titleId={titleId}
          alreadyPicked={alreadyPicked}
          onCancel={() => dialogRef.current?.close()}
          onAdd={(picked) => {
            onAdd(picked);
            dialogRef.current?.close();
          }}
        />
      ) : null}
    </dialog>
  );
}

type PickerBodyProps = {
  titleId: string;
  alreadyPicked: ReadonlySet<string>;
  onCancel: () => void;
  onAdd: (picked: PickedCompetency[]) => void;
};

function PickerBody({ titleId, alreadyPicked, onCancel, onAdd }: PickerBodyProps) {
  const [choices, setChoices] = useState<FrameworkChoice[] | null>(null);
  const [choicesError, setChoicesError] = useState<string | null>(null);
  const [frameworkId, setFrameworkId] = useState("");
  const [children, setChildrenState] = useState<ChildrenIndex<TreeNode>>(() => new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const frameworkSelectId = useId();
  const { t } = useTranslation();
  // Read by async work after an await: the children as they are now, and which framework is shown
  // (an answer for a framework no longer shown is dropped).
  const childrenRef = useRef(children);
  const frameworkRef = useRef(frameworkId);
  frameworkRef.current = frameworkId;

  const setChildren = useCallback((update: (current: ChildrenIndex<TreeNode>) => ChildrenIndex<TreeNode>) => {
    const next = update(childrenRef.current);
    childrenRef.current = next;
    setChildrenState(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const response = await fetch("/frameworks/choices", { headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(t("frameworks.picker.choicesFailedStatus", { status: response.status }));
        const body = (await response.json()) as { frameworks: FrameworkChoice[] };
        if (cancelled) return;
        setChoices(body.frameworks);
        setFrameworkId((current) => current || body.frameworks[0]?.id || "");
      } catch (error) {
        if (!cancelled) setChoicesError(error instanceof Error ? error.message : t("frameworks.picker.choicesFailed"));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  /** Loads the children of `parentIds` (ROOT_KEY for the top level) not loaded or loading yet. */
  const fetchChildren = useCallback(
    async (parentIds: string[]) => {
      const framework = frameworkRef.current;
      if (!framework) return;
      const failure = t("frameworks.picker.branchFailed");
      const outcome = await loadTreeChildren<TreeNode>({
        parentIds,
        current: () => childrenRef.current,
        update: setChildren,
        fetchChildren: (id) => {
          const query = id === ROOT_KEY ? "" : `?parent=${encodeURIComponent(id)}`;
          return fetchChildNodes(`/frameworks/${encodeURIComponent(framework)}/children${query}`, failure);
        },
        stillWanted: () => frameworkRef.current === framework,
        failure,
      });
      if (outcome) setLoadError(outcome.problem);
    },
    [setChildren, t],
  );

  // Another framework: another tree, and a selection belongs to one framework.
  useEffect(() => {
    setChildren(() => new Map());
    setExpanded(new Set());
    setSelection(EMPTY_SELECTION);
    setAddError(null);
    setLoadError(null);
    if (frameworkId) void fetchChildren([ROOT_KEY]);
  }, [frameworkId, fetchChildren, setChildren]);

  const tree = useMemo(() => knownTree(children), [children]);
  const states = useMemo(() => checkStates(selection, tree), [selection, tree]);
  const choice = choices?.find((c) => c.id === frameworkId);
  const count = choice ? selectedCount(selection, tree, choice.competencyCount, alreadyPicked) : 0;

  const toggleNode = useCallback(
    (id: string, state: CheckState) => {
      if (alreadyPicked.has(id)) return;
      setSelection((current) => toggle(current, knownTree(childrenRef.current), id, state));
      setAddError(null);
    },
    [alreadyPicked],
  );

  // A search hit may sit in a branch not opened yet: load its ancestors' levels first, so the
  // model knows its ancestry and siblings (what ticking and unticking inside a branch need).
  const toggleHit = useCallback(
    (hit: SearchHit): Promise<void> | undefined => {
      if (alreadyPicked.has(hit.id)) return undefined;
      const apply = () => {
        const known = knownTree(childrenRef.current);
        if (!known.node(hit.id)) return;
        setSelection((current) => toggle(current, known, hit.id, checkStates(current, known).get(hit.id) ?? "unchecked"));
        setAddError(null);
      };
      const missing = missingBranches(childrenRef.current, hit.ancestorIds);
      // Only a hit in a branch not loaded yet waits; otherwise it ticks in the click's own render.
      if (missing.length === 0) return void apply();
      return fetchChildren(missing).then(apply);
    },
    [alreadyPicked, fetchChildren],
  );

  const expand = useCallback(
    (id: string) => {
      setExpanded((current) => new Set(current).add(id));
      void fetchChildren([childrenKey(id)]);
    },
    [fetchChildren],
  );
  const collapse = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
  }, []);

  async function add() {
    if (!frameworkId || count === 0) return;
    setAdding(true);
    setAddError(null);
    try {
      const response = await fetch(`/frameworks/${encodeURIComponent(frameworkId)}/selection`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(selectionRequest(selection)),
      });
      const body = (await response.json().catch(() => null)) as { competencies?: PickedCompetency[]; error?: string } | null;
      if (!response.ok || !body?.competencies) throw new Error(body?.error ?? t("frameworks.picker.fetchFailedStatus", { status: response.status }));
      onAdd(body.competencies.filter((competency) => !alreadyPicked.has(competency.competencyId)));
    } catch (error) {
      setAddError(error instanceof Error && error.message ? error.message : t("frameworks.picker.fetchFailed"));
      setAdding(false);
    }
  }

  const topLevel = children.get(ROOT_KEY);
  return (
    <div className="picker__body" aria-busy={adding || undefined}>
      <h2 id={titleId} className="picker__title">
        {t("frameworks.picker.title")}
      </h2>
      {choicesError ? (
        <p className="form-error" role="alert">
          {choicesError}
        </p>
      ) : null}
      <div className="picker__controls">
        <div className="field">
          <label htmlFor={frameworkSelectId}>{t("frameworks.picker.framework")}</label>
          <select
            id={frameworkSelectId}
            value={frameworkId}
            onChange={(event) => setFrameworkId(event.target.value)}
            aria-describedby={selection.ids.size + selection.branches.size > 0 ? `${frameworkSelectId}-hint` : undefined}
          >
            {choices === null ? <option value="">{t("frameworks.picker.loadingFrameworks")}</option> : null}
            {choices?.length === 0 ? <option value="">{t("frameworks.picker.noFramework")}</option> : null}
            {choices?.map((c) => (
              <option key={c.id} value={c.id}>
                {t("frameworks.picker.choice", { label: c.label, competencies: t("frameworks.competencies", { count: c.competencyCount }) })}
                {c.language ? ` (${c.language})` : ""}
              </option>
            ))}
          </select>
          {selection.ids.size + selection.branches.size > 0 ? (
            <span id={`${frameworkSelectId}-hint`} className="field__hint">
              {t("frameworks.picker.clearsHint")}
            </span>
          ) : null}
        </div>
        {frameworkId ? <PickerSearch key={frameworkId} frameworkId={frameworkId} states={states} selection={selection} alreadyPicked={alreadyPicked} onToggle={toggleHit} /> : null}
      </div>

      {loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {!frameworkId ? null : topLevel === undefined || topLevel === "loading" ? (
        <p className="muted" role="status">
          {t("frameworks.picker.loadingFramework")}
        </p>
      ) : topLevel.length === 0 ? (
        <p className="empty">{t("frameworks.picker.empty")}</p>
      ) : (
        <PickerTree
          key={frameworkId}
          label={t("frameworks.picker.treeLabel", { name: choice?.label ?? t("frameworks.picker.framework") })}
          index={children}
          expanded={expanded}
          states={states}
          alreadyPicked={alreadyPicked}
          onToggle={toggleNode}
          onExpand={expand}
          onCollapse={collapse}
        />
      )}

      {addError ? (
        <p className="form-error" role="alert">
          {addError}
        </p>
      ) : null}
      <div className="picker__footer">
        <p className="picker__count" role="status">
          {adding
            ? t("frameworks.picker.fetching")
            : count === 0
              ? t("frameworks.picker.nothingTicked")
              : t("frameworks.picker.ticked", { count })}
        </p>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("frameworks.picker.cancel")}
        </button>
        <button type="button" className="button" disabled={adding || count === 0} onClick={() => void add()}>
          {t("frameworks.picker.add", { competencies: t("frameworks.competencies", { count }) })}
        </button>
      </div>
    </div>
  );
}

function checkboxState(states: ReadonlyMap<string, CheckState>, selection: Selection, hit: SearchHit): CheckState {
  const known = states.get(hit.id);
  if (known) return known;
  // Not loaded in the tree yet: a ticked ancestor branch or the id itself says it all.
  if ([...hit.ancestorIds, hit.id].some((id) => selection.branches.has(id))) return "checked";
  return selection.ids.has(hit.id) ? (hit.childCount > 0 ? "mixed" : "checked") : "unchecked";
}

type PickerSearchProps = {
  frameworkId: string;
  states: ReadonlyMap<string, CheckState>;
  selection: Selection;
  alreadyPicked: ReadonlySet<string>;
  onToggle: (hit: SearchHit) => Promise<void> | undefined;
};

function PickerSearch({ frameworkId, states, selection, alreadyPicked, onToggle }: PickerSearchProps) {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const { t } = useTranslation();

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === "") {
      setHits(null);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    // Debounced: one request once typing pauses, and a stale answer is aborted.
    const timer = setTimeout(() => {
      setSearching(true);
      void (async () => {
        try {
          const response = await fetch(`/frameworks/${encodeURIComponent(frameworkId)}/search?q=${encodeURIComponent(trimmed)}`, {
            headers: { Accept: "application/json" },
            signal: controller.signal,
          });
          if (!response.ok) throw new Error(t("frameworks.picker.searchFailedStatus", { status: response.status }));
          const body = (await response.json()) as { hits: SearchHit[] };
          setHits(body.hits);
          setError(null);
        } catch (caught) {
          if (controller.signal.aborted) return;
          setError(caught instanceof Error ? caught.message : t("frameworks.picker.searchFailed"));
        } finally {
          if (!controller.signal.aborted) setSearching(false);
        }
      })();
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, frameworkId, t]);

  return (
    <div className="picker__search" role="search">
      <div className="field">
        <label htmlFor={inputId}>{t("frameworks.picker.searchLabel")}</label>
        <input id={inputId} type="search" value={query} placeholder={t("frameworks.picker.searchPlaceholder")} autoComplete="off" onChange={(event) => setQuery(event.target.value)} />
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted picker__search-status" role="status">
        {searching
          ? t("frameworks.picker.searching")
          : hits === null
            ? ""
            : hits.length === 0
              ? t("frameworks.picker.noMatch", { query: query.trim() })
              : hits.length === 50
                ? t("frameworks.picker.firstMatches")
                : t("frameworks.picker.matches", { count: hits.length })}
      </p>
      {hits && hits.length > 0 ? (
        <ul className="picker__hits" aria-label={t("frameworks.picker.results")}>
          {hits.map((hit) => (
            <HitRow key={hit.id} hit={hit} state={checkboxState(states, selection, hit)} already={alreadyPicked.has(hit.id)} onToggle={onToggle} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function HitRow({ hit, state, already, onToggle }: { hit: SearchHit; state: CheckState; already: boolean; onToggle: (hit: SearchHit) => Promise<void> | undefined }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  useEffect(() => {
    if (inputRef.current) inputRef.current.indeterminate = !already && state === "mixed";
  }, [state, already]);
  return (
    <li>
      <label className="picker__hit">
        <input
          ref={inputRef}
          type="checkbox"
          checked={already || state === "checked"}
          disabled={already || busy}
          onChange={() => {
            const loading = onToggle(hit);
            if (loading) {
              setBusy(true);
              void loading.finally(() => setBusy(false));
            }
          }}
        />
        <span>
          {hit.code ? <strong>{hit.code} </strong> : null}
          {hit.statement}
          {hit.childCount > 0 ? <span className="muted">{t("frameworks.picker.withBranch")}</span> : null}
          {already ? <span className="picker__already"> {t("frameworks.picker.already")}</span> : null}
          {hit.path.length > 0 ? <span className="picker__path">{hit.path.join(" › ")}</span> : null}
        </span>
      </label>
    </li>
  );
}

type PickerTreeProps = {
  label: string;
  /** The loaded levels (named `index`: `children` means something else to React). */
  index: ChildrenIndex<TreeNode>;
  expanded: ReadonlySet<string>;
  states: ReadonlyMap<string, CheckState>;
  alreadyPicked: ReadonlySet<string>;
  onToggle: (id: string, state: CheckState) => void;
  onExpand: (id: string) => void;
  onCollapse: (id: string) => void;
};

/**
 * The hierarchy with a checkbox per row: a VirtualTree with aria-checked on each treeitem. Space
 * ticks, Enter opens; a click on ▸ opens, a click on the label ticks.
 */
function PickerTree({ label, index, expanded, states, alreadyPicked, onToggle, onExpand, onCollapse }: PickerTreeProps) {
  const { t } = useTranslation();
  function stateOf(row: TreeRow<TreeNode>): CheckState {
    return alreadyPicked.has(row.node.id) ? "checked" : (states.get(row.node.id) ?? "unchecked");
  }

  return (
    <div className="picker__tree">
      <VirtualTree
        label={label}
        help={t("frameworks.picker.help")}
        index={index}
        expanded={expanded}
        onExpand={onExpand}
        onCollapse={onCollapse}
        viewportHeight={VIEWPORT_HEIGHT}
        rowInset={0.25}
        classNames={{ viewport: "picker__viewport", toggle: "picker__toggle", childCount: "picker__child-count muted", help: "muted picker__help" }}
        multiselectable
        clickToOpen="toggle"
        rowProps={(row) => {
          const already = alreadyPicked.has(row.node.id);
          const state = stateOf(row);
          return {
            className: `picker__row${already ? " picker__row--already" : ""}`,
            "aria-checked": state === "mixed" ? "mixed" : state === "checked",
            "aria-disabled": already && row.node.childCount === 0 ? true : undefined,
          };
        }}
        renderRow={(row) => {
          const { node } = row;
          const already = alreadyPicked.has(node.id);
          const state = stateOf(row);
          return (
            <span className="picker__label" onClick={() => onToggle(node.id, state)}>
              <span className={`picker__box picker__box--${state}${already ? " picker__box--disabled" : ""}`} aria-hidden="true" />
              {node.code ? <span className="picker__code">{node.code}</span> : null}
              <span className="picker__statement">{node.statement}</span>
              {already ? <span className="picker__already">{t("frameworks.picker.already")}</span> : null}
            </span>
          );
        }}
        onRowKey={(row, key) => {
          if (key !== " ") return false;
          onToggle(row.node.id, stateOf(row));
          return true;
        }}
      />
    </div>
  );
}
