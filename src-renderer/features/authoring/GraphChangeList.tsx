// What a repair changes in the graph: its heads and roots before and after.
import type { GraphChange } from '../../../src-shared/model/authoring';

function Change({ name, before, after }: { name: string; before: string[]; after: string[] }) {
  return (
    <>
      <dt>
        {name}: {before.length} → {after.length}
      </dt>
      <dd>
        before: <code>{before.join(', ') || 'none'}</code>
      </dd>
      <dd>
        after: <code>{after.join(', ') || 'none'}</code>
      </dd>
    </>
  );
}

export function GraphChangeList({ graph }: { graph: GraphChange }) {
  return (
    <dl className="repair-graph-change" aria-label="The graph before and after">
      <Change name="Heads" before={graph.headsBefore} after={graph.headsAfter} />
      <Change name="Roots" before={graph.basesBefore} after={graph.basesAfter} />
    </dl>
  );
}
