// The problems bar as every tab shows it: the selected connection's summary from the status, the
// inventory and the graph last read together, so the Migrations, Inventory, Graph and Reset tabs agree.
import { useProblems, type ProblemSource } from './problemsStore';
import { ProblemSummaryBar } from './ProblemSummaryBar';
import { useConnectionProblems } from './useConnectionProblems';

/** `first`: what the tab itself shows, read first again on Refresh (see problemsStore). */
export function ConnectionProblems({ profileId, first }: { profileId: string; first?: ProblemSource }) {
  const summary = useConnectionProblems(profileId);
  const { readAt, refreshing, refresh } = useProblems();
  return <ProblemSummaryBar summary={summary} readAt={readAt} refreshing={refreshing} onRefresh={() => void refresh(profileId, first)} />;
}
