// The compared environments' names over their status columns, laid out on the rows' own grid so each
// name sits over its column; every environment beside the selected one can be stopped from here,
// whether the Compare panel is open or not.
import type { EnvironmentColumn } from './environmentComparison';

interface Props {
  /** The rows' grid-template-columns: the heads line up with the cells below them. */
  template: string;
  columns: EnvironmentColumn[];
  onStop(profileId: string): void;
}

export function ComparisonHeads({ template, columns, onStop }: Props) {
  return (
    <div className="graph-column-heads" role="group" aria-label="Compared environments" style={{ gridTemplateColumns: template }}>
      <span />
      {columns.map((c, i) => (
        <span key={c.id} className="graph-column-head" data-column={c.name}>
          <span className="graph-column-name">{c.name}</span>
          {/* The first column is the selected connection itself: it is not a comparison to stop. */}
          {i > 0 && (
            <button
              type="button"
              className="graph-column-stop"
              aria-label={`Stop comparing ${c.name}`}
              title={`Stop comparing ${c.name}`}
              onClick={() => onStop(c.id)}
            >
              ×
            </button>
          )}
        </span>
      ))}
    </div>
  );
}
