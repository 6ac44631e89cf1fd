// What the Graph screen shows when environments are compared: the connections bound to the same
// project, one status column each (the selected one first), and what would bring one level with
// another. Pure, so the screen derives it once per change and tests read it without a DOM.
import { gapBetween, type EnvironmentGap } from '../../../src-shared/graph/environmentGap';
import type { Profile } from '../../../src-shared/model/profile';
import type { MigrationStatus } from '../../../src-shared/model/status';
import type { ColumnStatus } from './compareStore';

export interface EnvironmentColumn {
  id: string;
  name: string;
  status: MigrationStatus | undefined;
}

export interface EnvironmentComparison {
  /** Other connections bound to the same project folder: the ones that can be compared. */
  siblings: Profile[];
  names: Map<string, string>;
  columns: EnvironmentColumn[];
  /** "Bring `from` level with `to`", when both are picked, differ and have a status. */
  gap: EnvironmentGap | undefined;
  /** Revisions the gap would apply or revert, for highlighting rows. */
  inGap: ReadonlySet<string>;
}

export interface ComparisonInput {
  profiles: readonly Profile[];
  /** None selected: nothing to compare. */
  current: Profile | undefined;
  currentStatus: MigrationStatus | undefined;
  /** Columns the user picked, in order; ones no longer bound to the same project are left out. */
  picked: readonly string[];
  statuses: Readonly<Record<string, ColumnStatus>>;
  from: string | undefined;
  to: string | undefined;
}

export function compareEnvironments({ profiles, current, currentStatus, picked, statuses, from, to }: ComparisonInput): EnvironmentComparison {
  const names = new Map(profiles.map((p) => [p.id, p.name]));
  if (!current) return { siblings: [], names, columns: [], gap: undefined, inGap: new Set() };
  const siblings = profiles.filter((p) => p.id !== current.id && p.projectDir !== '' && p.projectDir === current.projectDir);
  const statusOf = (id: string) => {
    const column = statuses[id];
    return column && 'status' in column ? column.status : undefined;
  };
  const others = picked.filter((id) => siblings.some((p) => p.id === id));
  const columns = [
    { id: current.id, name: current.name, status: currentStatus },
    ...others.map((id) => ({ id, name: names.get(id) ?? id, status: statusOf(id) })),
  ];
  const fromStatus = columns.find((c) => c.id === from)?.status;
  const toStatus = columns.find((c) => c.id === to)?.status;
  const gap = fromStatus && toStatus && from !== to ? gapBetween(fromStatus, toStatus) : undefined;
  return { siblings, names, columns, gap, inGap: new Set(gap ? [...gap.toApply, ...gap.toRevert] : []) };
}
