// One live row per database of the shown rollout, virtualised: a fleet of hundreds stays one short DOM.
// Once any database is one the rollout rehearses, a column says each one's rehearsal on a clone.
import { useVirtualRows } from '../../components/useVirtualRows';
import { rehearsalOutcomeSentence } from '../../../src-shared/model/rehearsalOutcome';
import { rolloutItemSentence, type RolloutItem } from '../../../src-shared/model/rollout';
import { rolloutHasRehearsals } from '../../../src-shared/model/rolloutExport';

const rowHeight = 32;

export function RolloutRows({ items }: { items: RolloutItem[] }) {
  const { viewport, onScroll, first, last } = useVirtualRows(items.length, rowHeight);
  // A project with bindings: each row's database (role), the order the roles run in.
  const roles = items.some((item) => item.role !== undefined);
  const rehearsals = rolloutHasRehearsals({ items });
  return (
    <div
      className={`rollout-grid${roles ? ' with-role' : ''}${rehearsals ? ' with-rehearsal' : ''}`}
      role="table"
      aria-label="Databases of the rollout"
      aria-rowcount={items.length + 1}
    >
      <div className="rollout-viewport" ref={viewport} onScroll={onScroll}>
        <div className="rollout-row rollout-head" role="row" aria-rowindex={1}>
          <div role="columnheader">#</div>
          <div role="columnheader">{roles ? 'Connection' : 'Database'}</div>
          {roles && <div role="columnheader">Role</div>}
          <div role="columnheader">State</div>
          <div role="columnheader">What happened</div>
          {rehearsals && <div role="columnheader">Rehearsal on a clone</div>}
        </div>
        <div className="rollout-canvas" style={{ height: items.length * rowHeight }}>
          {items.slice(first, last).map((item, i) => (
            <div
              key={item.profileId}
              className={`rollout-row state-${item.state}`}
              role="row"
              aria-rowindex={first + i + 2}
              data-state={item.state}
              style={{ top: (first + i) * rowHeight }}
            >
              <div role="cell">{item.position + 1}</div>
              <div role="cell">{item.name}</div>
              {roles && <div role="cell">{item.role ?? '—'}</div>}
              <div role="cell" className="rollout-state">
                {item.state}
              </div>
              <div role="cell" title={rolloutItemSentence(item)}>
                {rolloutItemSentence(item)}
              </div>
              {rehearsals && (
                <div
                  role="cell"
                  className={`rollout-rehearsal ${item.rehearsal?.state ?? ''}`}
                  title={item.rehearsal ? rehearsalOutcomeSentence(item.rehearsal) : ''}
                >
                  {item.rehearsal ? rehearsalOutcomeSentence(item.rehearsal) : '—'}
                </div>
              )}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
