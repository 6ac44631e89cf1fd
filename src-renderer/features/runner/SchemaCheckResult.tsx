// The run dialog's word on the schema after a run: checked and what the migrations make, or each object
// that differs with the revision that made it, or why it was not checked (never read as "same").
import { schemaCheckLines, schemaCheckSummary, type RunSchemaCheck } from '../../../src-shared/model/schemaCheck';

export function SchemaCheckResult({ check }: { check: RunSchemaCheck }) {
  const lines = schemaCheckLines(check);
  const clean = check.checked && lines.length === 0;
  return (
    <section aria-label="Schema after the run" className={clean ? 'ok-text' : check.checked ? 'notice' : 'muted'}>
      <p>{schemaCheckSummary(check)}</p>
      {lines.length > 0 && (
        <ul className="drift-objects">
          {lines.map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
