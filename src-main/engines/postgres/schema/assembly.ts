// The PostgreSQL schema model put together from its families: catalog addresses resolved into keys,
// comments added, dependencies kept only on objects in the model, objects in key order with their
// twins numbered. Most of it is done as each family arrives (`Arrivals`), while the server works on
// the next query, so little is left once the last one is in.
import { schemaObject, commentKey, sortSchemaObjects, type SchemaObject } from '../../../../src-shared/model/schema';
import type { CatalogComment } from './comments';
import type { CatalogDependency } from './dependencies';
import type { FamilyRead, FoundObject } from './foundObject';

/**
 * The objects of the families read so far: by catalog address, by key, and each family's in key
 * order. A catalog read gives every object its own address and key; `unique` says whether that held,
 * and when it did not the assembly starts again from the families' lists (`assembleFound`).
 */
export class Arrivals {
  readonly byRef = new Map<string, FoundObject>();
  readonly byKey = new Map<string, SchemaObject>();
  readonly runs: SchemaObject[][] = [];
  unique = true;

  add(read: FamilyRead): void {
    const run: SchemaObject[] = [];
    const { byRef, byKey } = this;
    for (const found of read.objects) {
      // One look-up per map, not a test and a set: a map that does not grow already held the address or the key.
      const sizes = byRef.size + byKey.size;
      byRef.set(found.ref, found);
      byKey.set(found.object.key, found.object);
      if (byRef.size + byKey.size !== sizes + 2) this.unique = false;
      run.push(found.object);
    }
    this.runs.push(inKeyOrder(run));
  }
}

/** The list itself when it is already in key order (a family's query orders its rows so), else a sorted copy. */
function inKeyOrder(objects: SchemaObject[]): SchemaObject[] {
  for (let at = 1; at < objects.length; at += 1)
    if ((objects[at] as SchemaObject).key < (objects[at - 1] as SchemaObject).key) return sortSchemaObjects(objects);
  return objects;
}

/** A column's address falls back to its relation's: a view's columns are not objects, the view is. */
function lookUp(byRef: Map<string, FoundObject>, ref: string): FoundObject | undefined {
  return byRef.get(ref) ?? byRef.get(ref.split(':').slice(0, 2).join(':'));
}

function commentObject(target: FoundObject, comment: CatalogComment): SchemaObject {
  const described = target.object;
  return schemaObject<'comment'>({
    key: commentKey(described.key),
    kind: 'comment',
    schema: described.schema,
    name: described.name,
    parent: described.key,
    definition: `COMMENT ON ${target.commentTarget ?? ''} IS ${comment.literal}`,
    attributes: { text: comment.text },
    dependsOn: [described.key],
  });
}

function commentObjects(byRef: Map<string, FoundObject>, comments: CatalogComment[]): SchemaObject[] {
  const objects: SchemaObject[] = [];
  for (const comment of comments) {
    const target = byRef.get(comment.ref);
    if (target?.commentTarget !== undefined) objects.push(commentObject(target, comment));
  }
  return objects;
}

const dependencyKinds = new Set(['enum', 'domain']);

/** pg_depend's rows as keys in `dependsOn`. The objects are this read's own, fresh from the families: they are completed in place. */
function addDependencies(byRef: Map<string, FoundObject>, byKey: Map<string, SchemaObject>, dependencies: CatalogDependency[]): void {
  const need = (object: SchemaObject, key: string) => {
    if (!object.dependsOn.includes(key)) object.dependsOn.push(key);
  };
  for (const { from_ref, to_ref } of dependencies) {
    const from = lookUp(byRef, from_ref)?.object;
    const to = lookUp(byRef, to_ref)?.object;
    // A sequence's owner depends on it (the column's default), never the other way round.
    if (!from || !to || from.kind === 'sequence' || to.key === from.key || to.parent === from.key) continue;
    need(from, to.key);
    // pg_depend names the columns a view reads, not their table: it needs the table as much.
    if (to.kind === 'column' && to.parent !== null && to.parent !== from.key) need(from, to.parent);
    // A table is created with its columns, so it needs their enums and domains first too.
    const table = from.kind === 'column' && from.parent !== null && dependencyKinds.has(to.kind) ? byKey.get(from.parent) : undefined;
    if (table) need(table, to.key);
  }
}

/** Its dependencies on other objects of the model, in key order; the list itself when it already is that (most are). */
function keptDependencies(object: SchemaObject, byKey: Map<string, SchemaObject>): string[] {
  const keys = object.dependsOn;
  for (let at = 0; at < keys.length; at += 1) {
    const key = keys[at] ?? '';
    if (key === object.key || !byKey.has(key) || (at > 0 && (keys[at - 1] ?? '') >= key))
      return inOrder(keys.filter((other) => other !== object.key && byKey.has(other)));
  }
  return keys;
}

/**
 * `keys` sorted as Array.prototype.sort sorts strings, in place. An object needs a handful of others
 * (a table, a few columns): sorted by insertion, without the work arrays sort() allocates each time.
 */
function inOrder(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let at = 1; at < keys.length; at += 1) {
    const key = keys[at] as string;
    let to = at - 1;
    while (to >= 0 && (keys[to] as string) > key) {
      keys[to + 1] = keys[to] as string;
      to -= 1;
    }
    keys[to + 1] = key;
  }
  return keys;
}

/** Two objects with made-up names and the same definition on one table (a foreign key added twice) keep apart. */
function uniqueMatchKey(object: SchemaObject, seen: Map<string, number>): string {
  const count = (seen.get(object.matchKey) ?? 0) + 1;
  seen.set(object.matchKey, count);
  return count === 1 ? object.matchKey : `${object.matchKey}#${count}`;
}

/**
 * Resolves catalog addresses into keys, adds comments, keeps only dependencies on objects in the
 * model, from the families' objects as one list: what any read can be assembled from.
 */
export function assembleFound(found: FoundObject[], dependencies: CatalogDependency[], comments: CatalogComment[]): SchemaObject[] {
  const byRef = new Map(found.map((item) => [item.ref, item]));
  const objects = [...found.map((item) => item.object), ...commentObjects(byRef, comments)];
  const byKey = new Map(objects.map((object) => [object.key, object]));
  addDependencies(byRef, byKey, dependencies);
  const matchKeys = new Map<string, number>();
  // In key order, so the same database always numbers its twins the same way.
  const sorted = sortSchemaObjects(objects);
  for (const object of sorted) {
    object.dependsOn = keptDependencies(object, byKey);
    object.matchKey = uniqueMatchKey(object, matchKeys);
  }
  return sorted;
}

/** The end of the run of `list` from `from` whose keys are below `key` (`orEqual`: or equal), by galloping then halving. */
function runEnd(list: SchemaObject[], from: number, key: string, orEqual: boolean): number {
  const below = (at: number) => {
    const other = (list[at] as SchemaObject).key;
    return other < key || (orEqual && other === key);
  };
  let low = from;
  let step = 1;
  while (low + step <= list.length && below(low + step - 1)) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step - 1, list.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (below(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Two lists in key order as one, in key order, `a`'s first on a tie. The families' lists hold
 * different kinds of object, so they mostly follow one another: whole runs are found by galloping
 * instead of one comparison per object.
 */
function merged(a: SchemaObject[], b: SchemaObject[]): SchemaObject[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  if ((a[a.length - 1] as SchemaObject).key <= (b[0] as SchemaObject).key) return a.concat(b);
  if ((b[b.length - 1] as SchemaObject).key < (a[0] as SchemaObject).key) return b.concat(a);
  const result: SchemaObject[] = [];
  const take = (list: SchemaObject[], from: number, to: number) => {
    for (let at = from; at < to; at += 1) result.push(list[at] as SchemaObject);
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const end = runEnd(a, i, (b[j] as SchemaObject).key, true);
    take(a, i, end);
    i = end;
    if (i === a.length) break;
    const other = runEnd(b, j, (a[i] as SchemaObject).key, false);
    take(b, j, other);
    j = other;
  }
  take(a, i, a.length);
  take(b, j, b.length);
  return result;
}

/**
 * The same assembly from what arrived, the families' objects already indexed and in key order; its
 * result is assembleFound's. Undefined when an address or a key was not unique: assemble the list then.
 */
export function assembleArrived(arrivals: Arrivals, dependencies: CatalogDependency[], comments: CatalogComment[]): SchemaObject[] | undefined {
  const { byRef, byKey } = arrivals;
  if (!arrivals.unique) return undefined;
  const commented = commentObjects(byRef, comments);
  for (const object of commented) {
    if (byKey.has(object.key)) return undefined;
    byKey.set(object.key, object);
  }
  addDependencies(byRef, byKey, dependencies);
  const sorted = [...arrivals.runs, sortSchemaObjects(commented)].reduce(merged, []);
  // Every key is unique, so an object matched by its own key has no twin unless a made-up match key
  // equals that key: only those and the made-up ones are counted.
  const madeUp = new Set<string>();
  for (const object of sorted) if (object.matchKey !== object.key) madeUp.add(object.matchKey);
  const matchKeys = new Map<string, number>();
  for (const object of sorted) {
    object.dependsOn = keptDependencies(object, byKey);
    if (object.matchKey !== object.key || madeUp.has(object.key)) object.matchKey = uniqueMatchKey(object, matchKeys);
  }
  return sorted;
}
