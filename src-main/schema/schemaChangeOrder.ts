// What the engines' "SQL to make B like A" share: which objects a change drags along (everything that
// depends on what is dropped), and the order steps run in — each after what it needs when creating,
// each before what it needs when dropping. Pure: no engine, no I/O.
import type { SchemaModel, SchemaObject } from '../../src-shared/model/schema';
import { SwitchyardError } from '../../src-shared/errors';
import { topologicalOrder } from '../../src-shared/graph/topologicalOrder';
import type { SchemaStatement } from '../../src-shared/schema/schemaSql';

/** Each engine writes SQL for its own models only: a model of another engine has nothing to match. */
export function refuseOtherEngines(engine: string, ...models: SchemaModel[]): void {
  const other = models.find((m) => m.engine !== engine);
  if (other)
    throw new SwitchyardError(
      'E_INVALID_INPUT',
      `The SQL to make one schema like another is written for one engine: a ${other.engine} schema cannot be matched with ${engine} SQL.`,
    );
}

export interface ModelIndex {
  byKey: Map<string, SchemaObject>;
  byMatchKey: Map<string, SchemaObject>;
  /** Who names each key in `dependsOn` or as `parent`. */
  dependents: Map<string, string[]>;
}

export function indexModel(model: SchemaModel): ModelIndex {
  const byKey = new Map<string, SchemaObject>();
  const byMatchKey = new Map<string, SchemaObject>();
  const dependents = new Map<string, string[]>();
  for (const object of model.objects) {
    byKey.set(object.key, object);
    byMatchKey.set(object.matchKey, object);
    for (const needed of new Set([...object.dependsOn, ...(object.parent === null ? [] : [object.parent])])) {
      const list = dependents.get(needed);
      if (list) list.push(object.key);
      else dependents.set(needed, [object.key]);
    }
  }
  return { byKey, byMatchKey, dependents };
}

/** The same object on the other side: by key, else by what it is (a name the server made up). */
export function counterpart(object: SchemaObject, other: ModelIndex): SchemaObject | undefined {
  return other.byKey.get(object.key) ?? other.byMatchKey.get(object.matchKey);
}

/** `keys` and every object that depends on one of them, transitively, through the objects `follow` lets in. */
export function withDependents(keys: Iterable<string>, index: ModelIndex, follow: (dependent: SchemaObject) => boolean): Set<string> {
  const found = new Set<string>();
  const queue = [...keys];
  while (queue.length > 0) {
    const key = queue.pop() as string;
    if (found.has(key)) continue;
    found.add(key);
    for (const dependent of index.dependents.get(key) ?? []) {
      const object = index.byKey.get(dependent);
      if (object && follow(object)) queue.push(dependent);
    }
  }
  return found;
}

/** Whether an ancestor of the object (its table, the column a comment describes…) is in `keys`. */
export function insideOneOf(object: SchemaObject, keys: ReadonlySet<string>, index: ModelIndex): boolean {
  for (let parent = object.parent; parent !== null; parent = index.byKey.get(parent)?.parent ?? null) if (keys.has(parent)) return true;
  return false;
}

/** One step of the SQL: the statements that create, change or drop one object. */
export interface ChangeStep {
  /** The key this step makes exist (or, when dropping, stop existing). */
  provides: string;
  /** Keys it needs to exist while it runs. */
  needs: string[];
  /** Among steps free to run together, the lower rank first (types before tables, foreign keys last). */
  rank: number;
  statements: SchemaStatement[];
}

/**
 * Creating: each step after the steps that provide what it needs. Dropping: each step before the
 * steps that provide what it needs (a view goes before the table it reads). Steps caught in a cycle
 * keep their place at the end rather than vanish: the server then says what it refuses.
 */
export function dependencyOrder(steps: ChangeStep[], direction: 'create' | 'drop'): ChangeStep[] {
  const sorted = [...steps].sort((a, b) => a.rank - b.rank || (a.provides < b.provides ? -1 : a.provides > b.provides ? 1 : 0));
  const position = new Map<string, number[]>();
  sorted.forEach((step, i) => position.set(step.provides, [...(position.get(step.provides) ?? []), i]));
  const before: number[][] = sorted.map(() => []);
  sorted.forEach((step, i) => {
    for (const need of step.needs) {
      for (const j of position.get(need) ?? []) {
        if (j === i) continue;
        if (direction === 'create') before[i]?.push(j);
        else before[j]?.push(i);
      }
    }
  });
  const { order, blocked } = topologicalOrder(sorted.length, (i) => before[i] ?? []);
  return [...order, ...blocked].map((i) => sorted[i] as ChangeStep);
}
