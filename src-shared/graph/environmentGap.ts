// Comparing environments: what one database would need to be level with another.
import type { MigrationStatus } from '../model/status';

export interface EnvironmentGap {
  /** Applied in the other environment but not here, in the order an upgrade would run them. */
  toApply: string[];
  /** Applied here but not in the other environment. */
  toRevert: string[];
  /** The other environment's heads not applied here: upgrading to each applies exactly `toApply`. */
  headsToReach: string[];
}

export function gapBetween(here: MigrationStatus, other: MigrationStatus): EnvironmentGap {
  const mine = new Set(here.applied);
  const theirs = new Set(other.applied);
  return {
    toApply: other.applied.filter((id) => !mine.has(id)),
    toRevert: here.applied.filter((id) => !theirs.has(id)).reverse(),
    headsToReach: other.heads.filter((id) => !mine.has(id)),
  };
}
