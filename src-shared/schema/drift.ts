/**
 * Drift, the pure part: the diff of what the migrations made (`expected`) against the database
 * (`actual`), with another application's objects set apart by the project's rules and every drifted
 * object named with the revision that made it (`createdBy`, recorded by a replay run one revision at a
 * time). An object unexpected or missing as a whole stands for its members: a table dropped by hand is
 * one drifted object, not one per column.
 */
import type { DriftedObject, ExclusionRules, OtherApplicationObject } from '../model/drift';
import type { SchemaModel, SchemaObject } from '../model/schema';
import { diffSchemas, type SchemaDiff, type SchemaDifference } from './schemaDiff';

export interface DriftFound {
  objects: DriftedObject[];
  /** Revisions whose objects drifted, in `order`. */
  revisions: string[];
  otherApplication: OtherApplicationObject[];
}

/** `*` for any run of characters, nothing else special; the whole name must match. */
function patternMatcher(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'u',
  );
}

/**
 * The rule in words that sets a top-level object apart, or undefined when none does. `madeByMigrations`
 * undefined: nothing says what the migrations made, so "not made by the migrations" cannot apply.
 */
function excludedBy(top: Pick<SchemaObject, 'kind' | 'schema' | 'name'>, madeByMigrations: boolean | undefined, rules: ExclusionRules): string | undefined {
  if (rules.schemas.includes(top.schema)) return `schema ${top.schema}`;
  const qualified = top.kind === 'schema' ? top.name : `${top.schema}.${top.name}`;
  const pattern = rules.namePatterns.find((p) => patternMatcher(p).test(top.name) || patternMatcher(p).test(qualified));
  if (pattern !== undefined) return `name ${pattern}`;
  if (rules.notFromMigrations && madeByMigrations === false) return 'not made by the migrations';
  return undefined;
}

function topLevelOf(object: SchemaObject, byKey: ReadonlyMap<string, SchemaObject>): SchemaObject {
  let top = object;
  for (let parent = top.parent === null ? undefined : byKey.get(top.parent); parent; parent = top.parent === null ? undefined : byKey.get(top.parent))
    top = parent;
  return top;
}

/** The revision that made the object, else the one that made the nearest object it belongs to. */
function revisionOf(object: SchemaObject, byKey: ReadonlyMap<string, SchemaObject>, createdBy: Readonly<Record<string, string>>): string | null {
  for (let at: SchemaObject | undefined = object; at; at = at.parent === null ? undefined : byKey.get(at.parent)) {
    const revision = createdBy[at.key];
    if (revision !== undefined) return revision;
  }
  return null;
}

const changeOf = { added: 'unexpected', removed: 'missing', changed: 'changed' } as const;

export function driftOf(
  expected: SchemaModel,
  actual: SchemaModel,
  createdBy: Readonly<Record<string, string>>,
  rules: ExclusionRules,
  order: readonly string[],
): DriftFound {
  const expectedByKey = new Map(expected.objects.map((o) => [o.key, o]));
  const actualByKey = new Map(actual.objects.map((o) => [o.key, o]));
  const diff = diffSchemas(expected, actual);
  const objects: DriftedObject[] = [];
  const excluded = new Map<string, OtherApplicationObject>();
  for (const group of diff.groups) {
    const whole = group.differences.find((d) => d.key === group.object && d.change !== 'changed');
    const members: SchemaDifference[] = whole ? [whole] : group.differences;
    for (const d of members) {
      const object = (d.to ?? d.from) as SchemaObject;
      const byKey = d.to ? actualByKey : expectedByKey;
      const top = topLevelOf(object, byKey);
      const rule = excludedBy(top, expectedByKey.has(top.key), rules);
      if (rule !== undefined) {
        if (d.to) excluded.set(top.key, { key: top.key, kind: top.kind, schema: top.schema, name: top.name, rule });
        continue;
      }
      // The migrations' side names the revision; an object only the database has, through what holds it there.
      const revision = d.from ? revisionOf(d.from, expectedByKey, createdBy) : revisionOf(object, actualByKey, createdBy);
      objects.push({
        change: changeOf[d.change],
        kind: d.kind,
        key: d.key,
        schema: d.schema,
        name: d.name,
        object: top.key,
        revision,
        expected: d.from?.definition ?? null,
        actual: d.to?.definition ?? null,
        attributes: d.attributes,
      });
    }
  }
  // Excluded objects the database holds without drift (equal on both sides, or only there) are shown too.
  for (const object of actual.objects) {
    if (object.parent !== null || excluded.has(object.key)) continue;
    const rule = excludedBy(object, expectedByKey.has(object.key), rules);
    if (rule !== undefined) excluded.set(object.key, { key: object.key, kind: object.kind, schema: object.schema, name: object.name, rule });
  }
  const drifted = new Set(objects.map((o) => o.revision).filter((r): r is string => r !== null));
  return {
    objects,
    revisions: order.filter((r) => drifted.has(r)),
    otherApplication: [...excluded.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}

/**
 * A diff without another application's objects: each group whose top-level object a rule sets apart
 * leaves the diff (so it is neither counted nor touched by the SQL written from it) and is listed apart.
 * `madeByMigrations`: the keys what the migrations make holds, when one side is that; without it the
 * rule "not made by the migrations" sets nothing apart.
 */
export function setApart(
  diff: SchemaDiff,
  rules: ExclusionRules,
  madeByMigrations: ReadonlySet<string> | undefined,
): { diff: SchemaDiff; otherApplication: OtherApplicationObject[] } {
  const otherApplication: OtherApplicationObject[] = [];
  const groups = diff.groups.filter((group) => {
    const rule = excludedBy(group, madeByMigrations === undefined ? undefined : madeByMigrations.has(group.object), rules);
    if (rule === undefined) return true;
    otherApplication.push({ key: group.object, kind: group.kind, schema: group.schema, name: group.name, rule });
    return false;
  });
  return { diff: { ...diff, equal: groups.length === 0, groups }, otherApplication };
}
