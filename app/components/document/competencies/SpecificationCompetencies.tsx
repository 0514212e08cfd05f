import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { CompetencyTable } from "~/components/document/competencies/CompetencyTable";
import type { EditingContext } from "~/components/document/document-sections";
import { CompetencyPickerDialog } from "~/components/frameworks/picker/CompetencyPicker";
import { addPickedCompetencies, referencedCompetencyIds, type PickedCompetency } from "~/modules/documents/kinds/competency-references";
import type { RowsFieldDef } from "~/modules/documents/model";

const NONE: ReadonlySet<string> = new Set();

/**
 * A specification's competencies: the table, and for editors the framework library's picker,
 * whose choice is added as the person's own edit, in one update for everyone (ADR 0012).
 */
export function SpecificationCompetencies({ field, editing }: { field: RowsFieldDef; editing: EditingContext }) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation();
  const [alreadyPicked, setAlreadyPicked] = useState<ReadonlySet<string>>(NONE);
  // What the last "Add N competencies" did, in words (the button's count is an upper bound when a
  // ticked branch holds competencies the specification already has; a colleague may also have
  // picked some of them meanwhile).
  const [added, setAdded] = useState<string | null>(null);
  // The table (3,000 rows read) follows the first sync in a deferred render: the page is editable first.
  const session = useDeferredValue(editing.session);
  const ydoc = session?.ydoc ?? null;
  const withheld = editing.withheld[field.key];
  const openPicker = () => {
    if (!ydoc) return;
    // Read when it opens: a colleague may have picked some meanwhile.
    setAlreadyPicked(referencedCompetencyIds(ydoc));
    setOpen(true);
  };
  const add = (picked: PickedCompetency[]) => {
    if (!ydoc) return;
    const count = addPickedCompetencies(ydoc, picked, { essential: true }).length;
    const skipped = picked.length - count;
    setAdded(t("frameworks.table.added", { count, skipped: skipped > 0 ? t("frameworks.table.skipped", { count: skipped }) : "" }));
  };
  // A big specification's rows come with the first sync, not in the page (page-data.server.ts).
  if (!ydoc && withheld !== undefined) {
    return (
      <p className="doc-rows__empty" role="status">
        {t("frameworks.table.loading", { count: withheld })}
      </p>
    );
  }
  return (
    <>
      <CompetencyTable field={field} editing={session === editing.session ? editing : { ...editing, session }} onAddCompetencies={editing.editable && ydoc ? openPicker : undefined} />
      <p className="muted" role="status">
        {added}
      </p>
      {editing.editable ? <CompetencyPickerDialog open={open} onClose={() => setOpen(false)} onAdd={add} alreadyPicked={alreadyPicked} /> : null}
    </>
  );
}
