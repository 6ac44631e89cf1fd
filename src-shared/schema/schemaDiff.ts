/**
 * The schema diff: what differs between two schema models, object by object, without noise.
 *
 * `diffSchemas(from, to)` describes the way from `from` to `to`: an object only `to` has is `added`,
 * one only `from` has is `removed`, one both have with different attributes is `changed`, with each
 * changed attribute's two sides. "SQL to make B like A" is the SQL of `diffSchemas(B, A)`.
 *
 * Noise-free by default, each rule one option away:
 * - objects are paired by `matchKey`, so a constraint, index or sequence whose name the server made up
 *   is paired by what it is, not by its name (`generatedNames` pairs by key instead);
 * - column order does not count (`columnOrder` counts it);
 * - whitespace in view, function, trigger and check bodies does not count (`whitespace` counts it).
 *
 * Differences are grouped by the top-level object they belong to (a table with its columns,
 * constraints, indexes, triggers, policies and comments), each with both sides' definitions. What
 * either side could not read, and how its read went otherwise than planned, travel with the diff: an
 * empty diff says nothing about what was unread.
 */
import type { SchemaAttributeValue, SchemaModel, SchemaObject, SchemaObjectKind, SchemaUnread } from '../model/schema';
import { withoutWhitespace } from './sqlWhitespace';

export interface SchemaDiffOptions {
  /** Column order counts: a column at another position is changed. */
  columnOrder?: boolean;
  /** Names the server made up count: such objects are paired by key, not by what they are. */
  generatedNames?: boolean;
  /** Whitespace in bodies counts (views, functions, procedures, triggers, checks, policies). */
  whitespace?: boolean;
}

export interface AttributeChange {
  attribute: string;
  from: SchemaAttributeValue;
  to: SchemaAttributeValue;
}

export interface SchemaDifference {
  change: 'added' | 'removed' | 'changed';
  kind: SchemaObjectKind;
  /** `to`'s key when it has the object, else `from`'s. */
  key: string;
  schema: string;
  name: string;
  /** The object on each side: its definition, attributes and dependencies; null on the side without it. */
  from: SchemaObject | null;
  to: SchemaObject | null;
  /** For `changed`: each attribute that differs, with its two sides. Empty otherwise. */
  attributes: AttributeChange[];
}

/** The differences of one top-level object (a table, a view, a function, a schema…) and what it holds. */
export interface SchemaDiffGroup {
  /** Key of the top-level object, as `to` spells it when it has it. */
  object: string;
  kind: SchemaObjectKind;
  schema: string;
  name: string;
  /** The object's own difference first when it has one, then its members', in key order. */
  differences: SchemaDifference[];
}

export interface SchemaDiff {
  equal: boolean;
  groups: SchemaDiffGroup[];
  /** What each side could not read: the diff cannot speak for it. */
  unread: { from: SchemaUnread[]; to: SchemaUnread[] };
  /**
   * How each side's read went otherwise than planned (its model's `notes`), said wherever the diff is
   * shown. Always set by `diffSchemas`; absent only in rehearsals recorded before it was kept.
   */
  notes?: { from: string[]; to: string[] };
}

/** Attributes whose text is a body: its whitespace is noise unless asked for. */
const bodyAttributes: ReadonlySet<string> = new Set(['query', 'body', 'when', 'expression', 'using', 'withCheck', 'generated', 'predicate', 'default']);

function sameValue(a: SchemaAttributeValue | undefined, b: SchemaAttributeValue | undefined, body: boolean): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i], body));
  if (body && typeof a === 'string' && typeof b === 'string') return withoutWhitespace(a) === withoutWhitespace(b);
  return a === b;
}

function attributeChanges(from: SchemaObject, to: SchemaObject, options: SchemaDiffOptions): AttributeChange[] {
  const a = from.attributes as unknown as Record<string, SchemaAttributeValue>;
  const b = to.attributes as unknown as Record<string, SchemaAttributeValue>;
  const changes: AttributeChange[] = [];
  for (const attribute of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (attribute === 'position' && !options.columnOrder) continue;
    if (sameValue(a[attribute], b[attribute], !options.whitespace && bodyAttributes.has(attribute))) continue;
    // A function's body is compared by hash; a hash that differs only because of whitespace is no change.
    if (attribute === 'bodyHash' && !options.whitespace && withoutWhitespace(from.definition) === withoutWhitespace(to.definition)) continue;
    changes.push({ attribute, from: a[attribute] ?? null, to: b[attribute] ?? null });
  }
  return changes;
}

/** The key objects are paired by. */
function pairingKey(object: SchemaObject, options: SchemaDiffOptions): string {
  return options.generatedNames ? object.key : object.matchKey;
}

function difference(change: SchemaDifference['change'], from: SchemaObject | null, to: SchemaObject | null, attributes: AttributeChange[]): SchemaDifference {
  const object = (to ?? from) as SchemaObject;
  return { change, kind: object.kind, key: object.key, schema: object.schema, name: object.name, from, to, attributes };
}

/** Objects by the key they are paired by; two with the same one (twin indexes the server named) are paired in key order. */
function byPairing(model: SchemaModel, options: SchemaDiffOptions): Map<string, SchemaObject[]> {
  const pairs = new Map<string, SchemaObject[]>();
  for (const object of model.objects) {
    const key = pairingKey(object, options);
    const list = pairs.get(key);
    if (list) list.push(object);
    else pairs.set(key, [object]);
  }
  return pairs;
}

/** Every difference, ungrouped, in key order. */
export function schemaDifferences(from: SchemaModel, to: SchemaModel, options: SchemaDiffOptions = {}): SchemaDifference[] {
  const fromPairs = byPairing(from, options);
  const toPairs = byPairing(to, options);
  const differences: SchemaDifference[] = [];
  const added: SchemaObject[] = [];
  const compare = (c: SchemaObject, w: SchemaObject) => {
    const changes = attributeChanges(c, w, options);
    if (changes.length > 0) differences.push(difference('changed', c, w, changes));
  };
  for (const [pairing, wanted] of toPairs) {
    const current = fromPairs.get(pairing) ?? [];
    wanted.forEach((w, i) => {
      const c = current[i];
      if (c) compare(c, w);
      else added.push(w);
    });
  }
  // An object whose name the server made up and whose definition changed keeps its key: the same
  // name on the same table is the same object, changed, not one removed and another added.
  const removed = new Map<string, SchemaObject>();
  for (const [pairing, current] of fromPairs) for (const c of current.slice(toPairs.get(pairing)?.length ?? 0)) removed.set(c.key, c);
  for (const w of added) {
    const c = removed.get(w.key);
    if (c && c.kind === w.kind) {
      removed.delete(w.key);
      compare(c, w);
    } else differences.push(difference('added', null, w, []));
  }
  for (const c of removed.values()) differences.push(difference('removed', c, null, []));
  return differences.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The top-level object a key belongs to: up the parents, through either side. */
function topLevel(key: string, from: Map<string, SchemaObject>, to: Map<string, SchemaObject>): SchemaObject {
  let object = (to.get(key) ?? from.get(key)) as SchemaObject;
  for (;;) {
    const parent = object.parent === null ? undefined : (to.get(object.parent) ?? from.get(object.parent));
    if (!parent) return object;
    object = parent;
  }
}

export function diffSchemas(from: SchemaModel, to: SchemaModel, options: SchemaDiffOptions = {}): SchemaDiff {
  const differences = schemaDifferences(from, to, options);
  const fromByKey = new Map(from.objects.map((o) => [o.key, o]));
  const toByKey = new Map(to.objects.map((o) => [o.key, o]));
  const groups = new Map<string, SchemaDiffGroup>();
  for (const d of differences) {
    const top = topLevel(d.key, fromByKey, toByKey);
    let group = groups.get(top.key);
    if (!group) {
      group = { object: top.key, kind: top.kind, schema: top.schema, name: top.name, differences: [] };
      groups.set(top.key, group);
    }
    if (d.key === top.key) group.differences.unshift(d);
    else group.differences.push(d);
  }
  const sorted = [...groups.values()].sort((a, b) => (a.object < b.object ? -1 : a.object > b.object ? 1 : 0));
  return {
    equal: sorted.length === 0,
    groups: sorted,
    unread: { from: from.unread, to: to.unread },
    notes: { from: from.notes ?? [], to: to.notes ?? [] },
  };
}

/** Every difference of a diff, group after group. */
export function allDifferences(diff: SchemaDiff): SchemaDifference[] {
  return diff.groups.flatMap((g) => g.differences);
}
