/**
 * The schema model: every object a database's schema holds, read from the engine's own catalog
 * (`Engine.schema.read`), in one shape for PostgreSQL and SQLite. The diff, the "SQL to make B like
 * A", drift and rehearsal all read it; nothing here touches a database.
 *
 * The contract, written for a noise-free diff and dependency-ordered SQL:
 * - `objects` is sorted by `key` (plain code-unit order) and holds each key once. A key names what the
 *   object is, never how it was read: the same database read twice gives the same model.
 * - A key is `<kind>:<path>`, the path being the object's schema-qualified name with every part
 *   double-quoted the SQL way (`"` doubled inside), so quotes, dots, spaces and case never make two
 *   objects share a key (`schemaObjectKey`). Objects that live inside a table (columns, constraints,
 *   triggers, policies) put the table in their path: `column:"public"."orders"."id"`. Indexes and
 *   sequences are schema-wide names in both engines: `index:"public"."orders_total_idx"`. Functions and
 *   procedures add their argument types, as `pg_get_function_identity_arguments` prints them:
 *   `function:"public"."total"(integer, text)`. A comment's path is the key of what it describes:
 *   `comment:column:"public"."orders"."id"`. SQLite's schema is `main`.
 * - `parent` is the key of the table (partition, view, materialized view) an object belongs to:
 *   columns, constraints, indexes, triggers, policies; a partition's parent is its partitioned table;
 *   a comment's is what it describes. Top-level objects have none.
 * - `generatedName` is true when the server made the name up rather than the migration (PostgreSQL's
 *   `<table>_pkey`, `<table>_<columns>_fkey|_key|_check|_excl|_idx`, `<table>_<column>_seq`;
 *   SQLite's `sqlite_autoindex_*`). Such an object is also given `matchKey`, a key without its name
 *   (its kind, its parent and what defines it), which the diff pairs objects by, so a name the server
 *   chose differently on two databases is not a difference. Everywhere else `matchKey === key`.
 * - `definition` is the SQL that creates the object as the server itself prints it (pg_get_indexdef,
 *   pg_get_constraintdef, pg_get_viewdef, pg_get_functiondef, format_type, SQLite's stored SQL with
 *   its whitespace normalised), identifiers quoted where they need it. For a column it is the column's
 *   line of a CREATE TABLE (`"id" integer NOT NULL`), for a constraint the clause after
 *   `ADD CONSTRAINT <name>`, for a table its CREATE TABLE without columns and constraints (they are
 *   objects of their own) but with its partitioning, inheritance and storage clauses, for a comment
 *   the whole COMMENT ON statement. SQLite's table, index, view and trigger definitions are its stored
 *   statements whole (SQLite changes a table by rebuilding it), and its constraints, which SQLite does
 *   not name, carry names Switchyard makes up (`<table>_pkey`, `<table>_<columns>_fkey`, `<table>_check`)
 *   with `generatedName` true.
 * - PostgreSQL objects a partition or child table only inherits (columns, constraints, indexes,
 *   triggers) are the parent's, not objects of their own; a constraint's own index is the constraint's;
 *   an identity column's sequence is the column's.
 * - `attributes` are the facts the diff compares one by one, typed per kind (`SchemaAttributes`); a
 *   difference in `definition` alone is never reported without one here. Values are JSON: the model
 *   goes over the API and into snapshots as is. `position` (column order) is an attribute so that the
 *   diff can ignore it unless asked.
 * - `dependsOn` lists the keys of objects in the same model this object needs to exist first: a view
 *   the tables and columns it reads (pg_depend through pg_rewrite), a foreign key the referenced table
 *   and its key, a column its enum, domain or sequence, a table its parents, a trigger its function.
 *   Built-in types and the members of extensions are not objects here; the extension is.
 * - Nothing is silently missing: an object the reader found but could not model (a rule, a composite
 *   type, an aggregate, a SQLite virtual table…), or a schema it was not allowed to read, is one entry
 *   of `unread` with the reason. Objects that belong to an extension are left out on purpose (the
 *   extension stands for them) and are not listed there.
 */
import type { Engine } from './engine';

export const schemaObjectKinds = [
  'schema',
  'extension',
  'enum',
  'domain',
  'sequence',
  'function',
  'procedure',
  'table',
  'partition',
  'column',
  'primary key',
  'unique',
  'foreign key',
  'check',
  'exclusion',
  'index',
  'view',
  'materialized view',
  'trigger',
  'policy',
  'comment',
] as const;
export type SchemaObjectKind = (typeof schemaObjectKinds)[number];

/** The kinds SQLite has; its reader never produces another. */
export const sqliteSchemaObjectKinds = [
  'table',
  'column',
  'primary key',
  'unique',
  'foreign key',
  'check',
  'index',
  'view',
  'trigger',
] as const satisfies readonly SchemaObjectKind[];

/** A JSON value: the model crosses the API and is stored in snapshots as is. */
export type SchemaAttributeValue = string | number | boolean | null | string[];

/** Constraint timing, shared by the kinds PostgreSQL can defer. */
interface Deferrable {
  deferrable: boolean;
  initiallyDeferred: boolean;
}

/** A table's facts; a partition is a table with a bound. */
interface TableAttributes {
  /** `unlogged` on PostgreSQL only. */
  persistence: 'permanent' | 'unlogged';
  /** PostgreSQL's `PARTITION BY` clause as pg_get_partkeydef prints it (`RANGE (created_at)`), null when not partitioned. */
  partitionBy: string | null;
  /** Keys of the tables it inherits from (not its partitioned parent, which is `parent`), in the server's order. */
  inherits: string[];
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  /** SQLite's `WITHOUT ROWID` and `STRICT`; false on PostgreSQL. */
  withoutRowid: boolean;
  strict: boolean;
}

/** The facts the diff compares, per kind. Expressions are as the server prints them. */
export interface SchemaAttributes {
  schema: Record<string, never>;
  extension: { version: string; schema: string };
  enum: { labels: string[] };
  domain: { type: string; nullable: boolean; default: string | null; collation: string | null; checks: string[] };
  sequence: {
    type: string;
    /** Bounds as decimal text: a bigint does not fit a JSON number. */
    start: string;
    increment: string;
    min: string;
    max: string;
    cache: string;
    cycle: boolean;
    /** Key of the column that owns it (serial, OWNED BY), null when none. */
    ownedBy: string | null;
  };
  function: FunctionAttributes;
  procedure: FunctionAttributes;
  table: TableAttributes;
  partition: TableAttributes & { bound: string };
  column: {
    /** With its modifiers, as format_type prints it (`character varying(20)`, `numeric(10,2)`); SQLite's declared type as written. */
    type: string;
    nullable: boolean;
    default: string | null;
    identity: 'always' | 'by default' | null;
    /** The expression of a generated column, null otherwise. */
    generated: string | null;
    generatedKind: 'stored' | 'virtual' | null;
    /** Null for the type's default collation. */
    collation: string | null;
    /** 1-based, counting live columns only: compared only when the diff is asked to. */
    position: number;
  };
  'primary key': Deferrable & { columns: string[] };
  unique: Deferrable & { columns: string[]; nullsNotDistinct: boolean };
  'foreign key': Deferrable & {
    columns: string[];
    /** Key of the referenced table. */
    referencedTable: string;
    referencedColumns: string[];
    /** `NO ACTION`, `RESTRICT`, `CASCADE`, `SET NULL`, `SET DEFAULT`. */
    onUpdate: string;
    onDelete: string;
    /** `SIMPLE`, `FULL`, `PARTIAL`. */
    match: string;
    /** False for a constraint added NOT VALID and not validated since. */
    validated: boolean;
  };
  check: { expression: string; noInherit: boolean; validated: boolean };
  exclusion: Deferrable & { method: string; elements: string[]; operators: string[]; predicate: string | null };
  index: {
    unique: boolean;
    /** `btree`, `gin`…; SQLite's is always `btree`. */
    method: string;
    /** Each key column's name, or its expression as printed, with its opclass, collation and order when not the default. */
    columns: string[];
    include: string[];
    /** A partial index's WHERE, null otherwise. */
    predicate: string | null;
    nullsNotDistinct: boolean;
  };
  view: { query: string };
  'materialized view': { query: string };
  trigger: {
    timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
    /** `INSERT`, `UPDATE`, `UPDATE OF a, b`, `DELETE`, `TRUNCATE`. */
    events: string[];
    level: 'ROW' | 'STATEMENT';
    /** Key of the trigger function on PostgreSQL; null on SQLite, whose body is in `body`. */
    function: string | null;
    when: string | null;
    /** SQLite's trigger body, whitespace normalised; null on PostgreSQL. */
    body: string | null;
    /** PostgreSQL's `tgenabled`: `O` origin, `D` disabled, `R` replica, `A` always. */
    enabled: string;
  };
  policy: {
    /** `ALL`, `SELECT`, `INSERT`, `UPDATE`, `DELETE`. */
    command: string;
    permissive: boolean;
    roles: string[];
    using: string | null;
    withCheck: string | null;
  };
  comment: { text: string };
}

interface FunctionAttributes {
  /** The identity arguments (`integer, text`), the part of the key after the name. */
  signature: string;
  /** The full argument list with names, modes and defaults. */
  arguments: string;
  /** The result type as printed (`integer`, `SETOF orders`, `TABLE(id integer)`); null for a procedure. */
  returns: string | null;
  language: string;
  volatility: 'immutable' | 'stable' | 'volatile';
  strict: boolean;
  securityDefiner: boolean;
  /** SHA-256 (hex) of the body as stored (prosrc): equal bodies, equal hashes, without shipping the text. */
  bodyHash: string;
}

/** An object of one kind; `SchemaObject` is the union of these over every kind. */
export interface SchemaObjectBase<K extends SchemaObjectKind> {
  key: string;
  /** The key the diff pairs objects by: `key`, or for a name the server made up, a key without the name. */
  matchKey: string;
  kind: K;
  /** The schema it lives in (`main` on SQLite); for a schema, itself. */
  schema: string;
  /** Its own name, unquoted (a column's name, not its table's); for a comment, the described object's name. */
  name: string;
  parent: string | null;
  generatedName: boolean;
  definition: string;
  attributes: SchemaAttributes[K];
  dependsOn: string[];
}

/** One object of a schema, its attributes typed by its kind. */
export type SchemaObject = { [K in SchemaObjectKind]: SchemaObjectBase<K> }[SchemaObjectKind];
export type SchemaObjectOf<K extends SchemaObjectKind> = Extract<SchemaObject, { kind: K }>;

/** Something the reader found and did not model, or could not read: never silently missing. */
export interface SchemaUnread {
  /** What it is, in the user's words: `rule "r" on "public"."orders"`, `schema "audit"`. */
  object: string;
  reason: string;
}

export interface SchemaModel {
  engine: Engine;
  /** As the server reports it (`16.4`, `3.45.1`). */
  serverVersion?: string;
  /** Sorted by key, each key once. */
  objects: SchemaObject[];
  unread: SchemaUnread[];
  /**
   * How the read went otherwise than planned, in the user's words (`Read on one connection instead of
   * 3: …`); absent when there is nothing to say. It never changes what `objects` holds.
   */
  notes?: string[];
}

export interface SchemaReadOptions {
  /** Only these schemas (PostgreSQL); every user schema when absent. SQLite reads `main`. */
  schemas?: string[];
}

/** An identifier quoted the SQL way, always: the key's spelling, whatever the characters. */
export function quotedKeyPart(name: string): string {
  return name.includes('"') ? `"${name.replaceAll('"', '""')}"` : `"${name}"`;
}

/** `<kind>:"a"."b"…` plus `(args)` for functions and procedures: the one spelling of a key. */
export function schemaObjectKey(kind: SchemaObjectKind, path: readonly string[], signature?: string): string {
  // Tens of thousands of keys in a large database's read: a loop, not map and join.
  let qualified = '';
  for (let at = 0; at < path.length; at += 1) qualified += at === 0 ? quotedKeyPart(path[at] ?? '') : `.${quotedKeyPart(path[at] ?? '')}`;
  return signature === undefined ? `${kind}:${qualified}` : `${kind}:${qualified}(${signature})`;
}

/** A comment's key: the described object's key behind `comment:`. */
export function commentKey(describedKey: string): string {
  return `comment:${describedKey}`;
}

/** The key of an object whose name the server made up: its kind, its parent and what defines it. */
export function unnamedMatchKey(kind: SchemaObjectKind, parentKey: string, defining: string): string {
  return `${kind}:${parentKey}:${defining}`;
}

type Defaulted = 'matchKey' | 'generatedName' | 'parent' | 'dependsOn';

/** An object with the contract's defaults: its own key to match by, a chosen name, no parent, no dependencies. */
export function schemaObject<K extends SchemaObjectKind>(
  fields: Omit<SchemaObjectBase<K>, Defaulted> & Partial<Pick<SchemaObjectBase<K>, Defaulted>>,
): SchemaObjectBase<K> {
  return { matchKey: fields.key, generatedName: false, parent: null, dependsOn: [], ...fields };
}

/** Objects in key order, the order a model keeps. */
export function sortSchemaObjects(objects: SchemaObject[]): SchemaObject[] {
  return [...objects].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
