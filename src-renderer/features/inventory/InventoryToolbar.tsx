// Filters (name, schema, status), exact counts with progress and cancel, and the two exports.
import { tableStatuses } from '../../../src-shared/model/inventory';
import { statusLabels } from '../../../src-shared/model/inventoryExport';
import type { Counting } from './inventoryStore';
import type { InventoryFilter } from './inventoryView';

interface Props {
  filter: InventoryFilter;
  schemas: string[];
  hasStatuses: boolean;
  shown: number;
  counting: Counting | undefined;
  onFilter(patch: Partial<InventoryFilter>): void;
  onCountShown(): void;
  onCancelCount(): void;
  onExportCsv(): void;
  onExportMarkdown(): void;
}

export function InventoryToolbar(props: Props) {
  const { filter, schemas, hasStatuses, shown, counting, onFilter } = props;
  return (
    <div className="inventory-toolbar">
      <label className="inventory-filter">
        <span className="field-label">Filter by name</span>
        <input type="search" value={filter.name} placeholder="schema.table" onChange={(e) => onFilter({ name: e.target.value })} />
      </label>
      <label className="inventory-filter">
        <span className="field-label">Schema</span>
        <select value={filter.schema} onChange={(e) => onFilter({ schema: e.target.value })}>
          <option value="">All schemas</option>
          {schemas.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {hasStatuses && (
        <label className="inventory-filter">
          <span className="field-label">Status</span>
          <select value={filter.status} onChange={(e) => onFilter({ status: e.target.value as InventoryFilter['status'] })}>
            <option value="">All statuses</option>
            {tableStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
            <option value="none">Views (not tracked)</option>
          </select>
        </label>
      )}
      <div className="inventory-actions">
        {counting ? (
          <>
            <progress max={counting.total} value={counting.done} aria-label="Counting rows" />
            <span className="small" role="status">
              Counted {counting.done} of {counting.total}
              {counting.failed ? `, ${counting.failed} timed out or failed` : ''}
            </span>
            <button type="button" className="small" onClick={props.onCancelCount}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" disabled={shown === 0} onClick={props.onCountShown}>
            Count rows ({shown} shown)
          </button>
        )}
        <button type="button" onClick={props.onExportCsv}>
          Export CSV
        </button>
        <button type="button" onClick={props.onExportMarkdown}>
          Export Markdown
        </button>
      </div>
    </div>
  );
}
