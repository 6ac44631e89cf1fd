// The selected connection's problem summary from what the three stores hold for it now.
import { useMemo } from 'react';
import { useGraph } from '../graph/graphStore';
import { useInventory } from '../inventory/inventoryStore';
import { useStatus } from '../runner/statusStore';
import { problemsOf, type ProblemSummary } from './problemSummary';

export function useConnectionProblems(profileId: string): ProblemSummary {
  const status = useStatus((s) => (s.profileId === profileId ? s.status : undefined));
  const inventory = useInventory((s) => (s.profileId === profileId ? s.inventory : undefined));
  const report = useGraph((s) => (s.profileId === profileId ? s.graph?.report : undefined));
  return useMemo(() => problemsOf(status, inventory, report), [status, inventory, report]);
}
