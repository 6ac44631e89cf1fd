// The problems bar as every tab shows it: the selected connection's summary from the status, the
// inventory and the graph last read together, so the Migrations, Inventory, Graph and Reset tabs agree.
import { useProblems } from './problemsStore';
import { ProblemSummaryBar } from './ProblemSummaryBar';
import { useConnectionProblems } from './useConnectionProblems';

export function ConnectionProblems({ profileId }: { profileId: string }) {
  const summary = useConnectionProblems(profileId);
  const { readAt, refreshing, refresh } = useProblems();
  return <ProblemSummaryBar summary={summary} readAt={readAt} refreshing={refreshing} onRefresh={() => void refresh(profileId)} />;
}
