// SQLite's "SQL to make B like A". SQLite's ALTER TABLE only renames, adds a plain column and drops
// one; any other change to a table (a column's type, default or nullability, a constraint) rebuilds
// it in the order SQLite documents (https://www.sqlite.org/lang_altertable.html#otheralter):
//   1. foreign keys off (PRAGMA foreign_keys cannot change inside a transaction, so the script holds
//      its own), 2. begin, 3. remember the table's indexes, triggers and views (the `to` model has
//      them), 4. create the new table under a temporary name, 5. copy the rows of the columns both
//      sides have, 6. drop the old table, 7. rename the new one, 8. create its indexes, triggers and
//      views again, 9. (views that read it were dropped first and are created again), 10. check the
//      foreign keys, 11. commit, 12. foreign keys on again.
// Views and triggers are dropped before and created after any rebuild: a rename re-reads every view
// and trigger, and one that reads the dropped table would make it fail.
import type { SchemaModel, SchemaObject, SchemaObjectOf } from '../../../src-shared/model/schema';
import { allDifferences, type SchemaDiff } from '../../../src-shared/schema/schemaDiff';
import type { SchemaSql, SchemaStatement } from '../../../src-shared/schema/schemaSql';
import { quoteIdentifier } from '../../drivers/identifier';
import { tokenize } from '../sqlTokens';
import { dependencyOrder, indexModel, refuseOtherEngines, type ModelIndex } from '../../schema/schemaChangeOrder';

/** Dropping goes triggers, views, indexes, tables; creating the other way round. */
const rank: Partial<Record<SchemaObject['kind'], number>> = { trigger: 0, view: 1, index: 2, table: 3 };

const constraintKinds = new Set<SchemaObject['kind']>(['primary key', 'unique', 'foreign key', 'check']);

/** The SQL spelling of a key's object: its quoted path (`"main"."orders"`). */
function nameOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function statement(object: string, sql: string, destroys: string | null = null): SchemaStatement {
  return { sql, object, destroys };
}

function membersOf(table: string, index: ModelIndex): SchemaObject[] {
  return (index.dependents.get(table) ?? []).map((k) => index.byKey.get(k) as SchemaObject).filter((o) => o.parent === table);
}

/**
 * A table as `to` has it, from its own CREATE TABLE (which SQLite keeps as written, so AUTOINCREMENT
 * and every clause come along), under `name`: what comes before the column list is replaced.
 */
function createTable(table: SchemaObjectOf<'table'>, name: string): string {
  const open = tokenize(table.definition).find((token) => token.type === 'open');
  return `CREATE TABLE ${name} ${table.definition.slice(open?.start ?? table.definition.length)}`;
}

/** A default ALTER TABLE ADD COLUMN takes: none, or a constant (no expression in parentheses, no CURRENT_…). */
const constantDefault = /^(?:NULL|TRUE|FALSE|[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?|'(?:[^']|'')*'|X'[0-9a-f]*')$/i;

/** Whether ADD COLUMN can add this column, as SQLite restricts it; otherwise the table is rebuilt. */
function addable(column: SchemaObjectOf<'column'>): boolean {
  const { nullable, generatedKind } = column.attributes;
  const value = column.attributes.default;
  if (generatedKind === 'stored') return false;
  if (value !== null && !constantDefault.test(value.trim())) return false;
  return nullable || (value !== null && value.trim().toUpperCase() !== 'NULL');
}

/** Objects a rebuild or a change replaces: views and triggers, indexes of changed tables. */
function dropStatement(object: SchemaObject): SchemaStatement {
  const name = nameOf(object.key);
  switch (object.kind) {
    case 'view':
      return statement(object.key, `DROP VIEW ${name}`, `view ${name}`);
    case 'trigger':
      return statement(object.key, `DROP TRIGGER ${quoteIdentifier(object.schema)}.${quoteIdentifier(object.name)}`, `trigger ${name}`);
    case 'index':
      return statement(object.key, `DROP INDEX ${name}`, `index ${name}`);
    default:
      return statement(object.key, `DROP TABLE ${name}`, `table ${name} and its rows`);
  }
}

/** The columns whose values survive a rebuild: both sides have them, and the new table stores them. */
function copiedColumns(table: string, from: ModelIndex, to: ModelIndex): string[] {
  const before = new Set(
    membersOf(table, from)
      .filter((m) => m.kind === 'column' && m.attributes.generated === null)
      .map((m) => m.name),
  );
  return membersOf(table, to)
    .filter((m): m is SchemaObjectOf<'column'> => m.kind === 'column' && m.attributes.generated === null && before.has(m.name))
    .sort((a, b) => a.attributes.position - b.attributes.position)
    .map((m) => quoteIdentifier(m.name));
}

function rebuild(table: SchemaObjectOf<'table'>, from: ModelIndex, to: ModelIndex, temporary: string): SchemaStatement[] {
  const name = nameOf(table.key);
  const columns = copiedColumns(table.key, from, to).join(', ');
  const lost = membersOf(table.key, from)
    .filter((m) => m.kind === 'column' && !to.byKey.has(m.key))
    .map((m) => quoteIdentifier(m.name));
  const schema = quoteIdentifier(table.schema);
  return [
    statement(table.key, createTable(table, `${schema}.${quoteIdentifier(temporary)}`)),
    statement(table.key, `INSERT INTO ${schema}.${quoteIdentifier(temporary)} (${columns}) SELECT ${columns} FROM ${name}`),
    statement(
      table.key,
      `DROP TABLE ${name}`,
      lost.length > 0
        ? `columns ${lost.join(', ')} of ${name} and their values`
        : `table ${name}, rebuilt with its rows (values a new type or rule refuses fail the copy)`,
    ),
    statement(table.key, `ALTER TABLE ${schema}.${quoteIdentifier(temporary)} RENAME TO ${quoteIdentifier(table.name)}`),
  ];
}

export function sqliteSchemaSql(fromModel: SchemaModel, toModel: SchemaModel, diff: SchemaDiff): SchemaSql {
  refuseOtherEngines('sqlite', fromModel, toModel);
  const from = indexModel(fromModel);
  const to = indexModel(toModel);
  const differences = allDifferences(diff);
  const tableOf = (object: SchemaObject) => (object.kind === 'table' ? object.key : (object.parent ?? object.key));

  const addedTables = new Set(differences.filter((d) => d.change === 'added' && d.kind === 'table').map((d) => d.key));
  const removedTables = new Set(differences.filter((d) => d.change === 'removed' && d.kind === 'table').map((d) => d.key));
  const rebuilt = new Set<string>();
  const addedColumns: SchemaObjectOf<'column'>[] = [];
  for (const d of differences) {
    const object = (d.to ?? d.from) as SchemaObject;
    const table = tableOf(object);
    if (addedTables.has(table) || removedTables.has(table)) continue;
    if (d.kind === 'column' && d.change === 'added' && d.to?.kind === 'column' && addable(d.to)) addedColumns.push(d.to);
    else if (d.kind === 'table' || d.kind === 'column' || constraintKinds.has(d.kind)) rebuilt.add(table);
  }
  // A column added to a table that is rebuilt anyway comes with the rebuild.
  const added = addedColumns.filter((c) => !rebuilt.has(c.parent ?? ''));
  const changedHere = new Set(differences.filter((d) => d.change !== 'added').map((d) => (d.from as SchemaObject).key));
  const newThere = new Set(differences.filter((d) => d.change !== 'removed').map((d) => (d.to as SchemaObject).key));
  const replaceable = (o: SchemaObject) => (o.kind === 'index' && !o.generatedName) || o.kind === 'view' || o.kind === 'trigger';

  // What goes first: views and triggers (all of them around a rebuild), indexes, views and triggers
  // that change or go, tables that go. A table that goes, or is rebuilt, takes its indexes and triggers.
  const dropped = fromModel.objects.filter((o) => {
    if (o.kind === 'table') return removedTables.has(o.key);
    if (!replaceable(o)) return false;
    const table = o.parent ?? '';
    if (o.kind !== 'view' && (removedTables.has(table) || rebuilt.has(table))) return false;
    return changedHere.has(o.key) || (rebuilt.size > 0 && o.kind !== 'index');
  });
  // A table's foreign keys live in its own statement: it is dropped before the tables they reference,
  // whose implicit DELETE would otherwise fail on its rows (https://www.sqlite.org/lang_droptable.html).
  const references = new Map<string, string[]>();
  for (const o of fromModel.objects) if (o.kind === 'foreign key' && o.parent) references.set(o.parent, [...(references.get(o.parent) ?? []), ...o.dependsOn]);
  const drops = dependencyOrder(
    dropped.map((o) => ({
      provides: o.key,
      needs: o.kind === 'table' ? [...o.dependsOn, ...(references.get(o.key) ?? [])] : o.dependsOn,
      rank: rank[o.kind] ?? 0,
      statements: [dropStatement(o)],
    })),
    'drop',
  ).flatMap((s) => s.statements);

  const rebuilds = [...rebuilt].sort().flatMap((key, i) => rebuild(to.byKey.get(key) as SchemaObjectOf<'table'>, from, to, `_switchyard_rebuild_${i + 1}`));

  // What is created: new tables, added columns, then the indexes, views and triggers that are new or
  // changed, were dropped around a rebuild, or belong to a table created or rebuilt.
  const creates: SchemaStatement[] = [];
  for (const key of [...addedTables].sort()) creates.push(statement(key, createTable(to.byKey.get(key) as SchemaObjectOf<'table'>, nameOf(key))));
  for (const column of added) creates.push(statement(column.key, `ALTER TABLE ${nameOf(column.parent ?? '')} ADD COLUMN ${column.definition}`));
  const made = toModel.objects.filter((o) => {
    if (!replaceable(o)) return false;
    const table = o.parent ?? '';
    return newThere.has(o.key) || rebuilt.has(table) || addedTables.has(table) || (rebuilt.size > 0 && o.kind !== 'index');
  });
  creates.push(
    ...dependencyOrder(
      made.map((o) => ({ provides: o.key, needs: o.dependsOn, rank: -(rank[o.kind] ?? 0), statements: [statement(o.key, o.definition)] })),
      'create',
    ).flatMap((s) => s.statements),
  );

  const body = [...drops, ...rebuilds, ...creates];
  if (rebuilt.size === 0) return { statements: body, ownTransaction: false, notCovered: [] };
  return {
    statements: [
      statement('', 'PRAGMA foreign_keys = OFF'),
      statement('', 'BEGIN'),
      ...body,
      statement('', 'PRAGMA foreign_key_check'),
      statement('', 'COMMIT'),
      statement('', 'PRAGMA foreign_keys = ON'),
    ],
    ownTransaction: true,
    notCovered: [],
  };
}
