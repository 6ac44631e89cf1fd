// Pure: does a database already hold what one revision makes? The revision's own change is the diff
// between the project replayed up to its parents and up to it; the database is compared on exactly
// those objects (a table the revision creates whole, with every member the database gives it).
import type { AdoptionEvidence, ComparedObject } from '../../src-shared/model/revisionAdoption';
import type { SchemaModel, SchemaObject } from '../../src-shared/model/schema';
import { allDifferences, diffSchemas } from '../../src-shared/schema/schemaDiff';
import { topLevelKey } from './adoptBookkeeping';

export type { AdoptionEvidence, ComparedObject };

/** `before`, `after`: the replays without and with the revision; `actual`: the database. All without bookkeeping. */
export function adoptionEvidence(before: SchemaModel, after: SchemaModel, actual: SchemaModel): AdoptionEvidence {
  const made = allDifferences(diffSchemas(before, after));
  const keys = new Set<string>();
  const matchKeys = new Set<string>();
  for (const d of made) {
    const object = (d.to ?? d.from) as SchemaObject;
    keys.add(object.key);
    matchKeys.add(object.matchKey);
  }
  // A table (view, function…) the revision creates is compared whole: a column the database adds to it differs too.
  const createdTops = new Set(made.filter((d) => d.change === 'added' && d.to?.parent === null).map((d) => d.key));
  const inScope = (byKey: ReadonlyMap<string, SchemaObject>) => (o: SchemaObject) =>
    keys.has(o.key) || matchKeys.has(o.matchKey) || createdTops.has(topLevelKey(o, byKey));
  const afterByKey = new Map(after.objects.map((o) => [o.key, o]));
  const actualByKey = new Map(actual.objects.map((o) => [o.key, o]));
  const expected: SchemaModel = { ...after, objects: after.objects.filter(inScope(afterByKey)) };
  const held: SchemaModel = { ...actual, objects: actual.objects.filter(inScope(actualByKey)) };
  const differences = diffSchemas(held, expected);
  const found = new Map<string, 'added' | 'removed' | 'changed'>();
  for (const d of allDifferences(differences)) {
    const object = (d.to ?? d.from) as SchemaObject;
    found.set(object.key, d.change);
    found.set(`match:${object.matchKey}`, d.change);
  }
  const compared = made.map((d): ComparedObject => {
    const object = (d.to ?? d.from) as SchemaObject;
    const seen = found.get(object.key) ?? found.get(`match:${object.matchKey}`);
    const change = d.change === 'added' ? 'creates' : d.change === 'removed' ? 'drops' : 'changes';
    const onDatabase = seen === undefined ? 'same' : seen === 'added' ? 'missing' : seen === 'removed' ? 'still there' : 'differs';
    return { key: object.key, kind: object.kind, change, onDatabase };
  });
  return { compared, differences };
}
