import { useState } from "react";
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
  const [alreadyPicked, setAlreadyPicked] = useState<ReadonlySet<string>>(NONE);
  const ydoc = editing.session?.ydoc ?? null;
  const openPicker = () => {
    if (!ydoc) return;
    // Read when it opens: a colleague may have picked some meanwhile.
    setAlreadyPicked(referencedCompetencyIds(ydoc));
    setOpen(true);
  };
  const add = (picked: PickedCompetency[]) => {
    if (ydoc) addPickedCompetencies(ydoc, picked, { essential: true });
  };
  return (
    <>
      <CompetencyTable field={field} editing={editing} onAddCompetencies={editing.editable && ydoc ? openPicker : undefined} />
      {editing.editable ? <CompetencyPickerDialog open={open} onClose={() => setOpen(false)} onAdd={add} alreadyPicked={alreadyPicked} /> : null}
    </>
  );
}
