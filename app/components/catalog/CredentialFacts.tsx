import type { CatalogEntry } from "~/modules/catalog/entry";
import { costText, creditText, durationText, institutionsText, ladderingText, levelText, recognitionsText, startText } from "~/modules/catalog/present";

/** The catalog's facts of one credential (the list and the credential's page). */
export function CredentialFacts({ entry }: { entry: CatalogEntry }) {
  return (
    <dl className="catalog-facts">
      <dt>Issued by</dt>
      <dd>{institutionsText(entry)}</dd>
      <dt>Province or territory</dt>
      <dd>{entry.province?.label ?? "Not stated"}</dd>
      <dt>Delivery mode</dt>
      <dd>{entry.deliveryMode?.label ?? "Not stated"}</dd>
      <dt>Time to complete</dt>
      <dd>{durationText(entry)}</dd>
      <dt>Cost</dt>
      <dd>{costText(entry)}</dd>
      <dt>Start</dt>
      <dd>{startText(entry)}</dd>
      <dt>Credit</dt>
      <dd>{creditText(entry)}</dd>
      <dt>Laddering</dt>
      <dd>{ladderingText(entry)}</dd>
      <dt>Recognitions</dt>
      <dd data-testid="catalog-recognitions">{recognitionsText(entry)}</dd>
      <dt>Level</dt>
      <dd>{levelText(entry)}</dd>
      <dt>Competencies</dt>
      <dd>{entry.competenciesCount}</dd>
      <dt>Endorsed by employers</dt>
      <dd>{entry.endorsingEmployers.join(", ") || "None"}</dd>
    </dl>
  );
}
