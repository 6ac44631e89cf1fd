// The selected connection's problem summary from what the three stores hold for it now.
import { useMemo } from 'react';
import { useDrift } from '../drift/driftStore';
import { useGraph } from '../graph/graphStore';
import { useInventory } from '../inventory/inventoryStore';
import { useStatus } from '../runner/statusStore';
import { problemsOf, type ProblemSummary } from './problemSummary';

export function useConnectionProblems(profileId: string): ProblemSummary {
  const status = useStatus((s) => (s.profileId === profileId ? s.status : undefined));
  const inventory = useInventory((s) => (s.profileId === profileId ? s.inventory : undefined));
  const report = useGraph((s) => (s.profileId === profileId ? s.graph?.report : undefined));
  const drift = useDrift((s) => (s.profileId === profileId && !s.loading ? s.report : undefined));
  const driftRead = useDrift((s) => s.profileId === profileId && !s.loading);
  return useMemo(() => problemsOf(status, inventory, report, { report: drift, read: driftRead }), [status, inventory, report, drift, driftRead]);
}
