// What the Compare screen shows of a comparison: the groups left by the kind and schema filters, and
// the kinds and schemas there are to pick from. Pure.
import type { SchemaObjectKind } from '../../../src-shared/model/schema';
import type { SchemaDiff, SchemaDiffGroup } from '../../../src-shared/schema/schemaDiff';
import { allDifferences } from '../../../src-shared/schema/schemaDiff';

export interface CompareFilter {
  /** '' for every kind. */
  kind: SchemaObjectKind | '';
  /** '' for every schema. */
  schema: string;
}

export const noCompareFilter: CompareFilter = { kind: '', schema: '' };

/** Groups with only the differences of the kind asked for; a group left empty goes. */
export function filterGroups(diff: SchemaDiff, filter: CompareFilter): SchemaDiffGroup[] {
  return diff.groups
    .filter((g) => filter.schema === '' || g.schema === filter.schema)
    .map((g) => (filter.kind === '' ? g : { ...g, differences: g.differences.filter((d) => d.kind === filter.kind) }))
    .filter((g) => g.differences.length > 0);
}

export function kindsOf(diff: SchemaDiff): SchemaObjectKind[] {
  return [...new Set(allDifferences(diff).map((d) => d.kind))].sort();
}

export function schemasOf(diff: SchemaDiff): string[] {
  return [...new Set(diff.groups.map((g) => g.schema))].sort();
}
