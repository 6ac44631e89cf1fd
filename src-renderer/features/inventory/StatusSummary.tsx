// The counts per status across the top, like the seeds' hand-written reports; each one filters.
import { tableStatuses, type StatusCounts, type TableStatus } from '../../../src-shared/model/inventory';
import { statusLabels } from '../../../src-shared/model/inventoryExport';

interface Props {
  counts: StatusCounts;
  active: TableStatus | '' | 'none';
  onPick(status: TableStatus | ''): void;
}

export function StatusSummary({ counts, active, onPick }: Props) {
  return (
    <div className="inventory-summary" role="group" aria-label="Tables by status">
      {tableStatuses.map((status) => (
        <button
          key={status}
          type="button"
          className={`inventory-count status-${status}${active === status ? ' active' : ''}`}
          aria-pressed={active === status}
          onClick={() => onPick(active === status ? '' : status)}
        >
          <span className="inventory-count-number">{counts[status]}</span>
          <span className="inventory-count-label">{statusLabels[status]}</span>
        </button>
      ))}
    </div>
  );
}
