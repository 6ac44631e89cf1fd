// SQLite's schema model: sqlite_schema and the pragmas (table_xinfo, index_list, index_xinfo,
// foreign_key_list) through their table-valued forms, one query each whatever the number of tables;
// what no pragma says (checks, generated expressions, collations, a view's query, a trigger's parts)
// from the stored CREATE statements, with whitespace and comments normalised.
import {
  schemaObject,
  schemaObjectKey,
  sortSchemaObjects,
  unnamedMatchKey,
  type SchemaModel,
  type SchemaObject,
  type SchemaUnread,
} from '../../../src-shared/model/schema';
import type { Driver } from '../../drivers/driver';
import { quoteIdentifier } from '../../drivers/identifier';
import { indexParts, namesIn, triggerParts, viewQuery } from './schema/statementParts';
import { normalisedSql } from '../sqlTokens';
import { readTableClauses, type TableClauses } from './schema/tableClauses';

/** SQLite has one schema per attached file; the model reads the main one. */
const main = 'main';

interface StoredObject extends Record<string, unknown> {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  table_name: string;
  sql: string | null;
}

interface ColumnRow extends Record<string, unknown> {
  table_name: string;
  name: string;
  type: string;
  not_null: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

interface IndexColumnRow extends Record<string, unknown> {
  table_name: string;
  index_name: string;
  unique: number;
  origin: 'c' | 'u' | 'pk';
  column_name: string | null;
}

interface ForeignKeyRow extends Record<string, unknown> {
  table_name: string;
  id: number;
  referenced_table: string;
  from_column: string;
  to_column: string | null;
  on_update: string;
  on_delete: string;
  match: string;
}

// SQLite's own objects (sqlite_sequence, sqlite_stat1, sqlite_autoindex_*) are named sqlite_…; `_` is a LIKE wildcard.
const userObject = `m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;
// A virtual table's columns need its module loaded; its shadow tables are the module's, not the user's.
const plainTable = `m.type = 'table' AND ${userObject} AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
  AND NOT EXISTS (SELECT 1 FROM pragma_table_list t WHERE t.schema = 'main' AND t.name = m.name AND t.type = 'shadow')`;

const queries = {
  objects: `SELECT m.type, m.name, m.tbl_name AS table_name, m.sql FROM sqlite_schema m WHERE ${userObject} ORDER BY m.name`,
  columns: `SELECT m.name AS table_name, c.name, c.type, c."notnull" AS not_null, c.dflt_value, c.pk, c.hidden
              FROM sqlite_schema m, pragma_table_xinfo(m.name) c WHERE ${plainTable} ORDER BY m.name, c.cid`,
  indexColumns: `SELECT m.name AS table_name, l.name AS index_name, l."unique", l.origin, x.name AS column_name
                   FROM sqlite_schema m, pragma_index_list(m.name) l, pragma_index_xinfo(l.name) x
                  WHERE ${plainTable} AND x.key = 1 ORDER BY m.name, l.name, x.seqno`,
  foreignKeys: `SELECT m.name AS table_name, f.id, f."table" AS referenced_table, f."from" AS from_column, f."to" AS to_column,
                       f.on_update, f.on_delete, f."match" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
                 WHERE ${plainTable} ORDER BY m.name, f.id, f.seq`,
  shadowTables: `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'`,
};

const tableKey = (table: string) => schemaObjectKey('table', [main, table]);
const columnKey = (table: string, column: string) => schemaObjectKey('column', [main, table, column]);
const columnList = (columns: readonly string[]) => columns.map(quoteIdentifier).join(', ');

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

function columnObjects(table: string, columns: ColumnRow[], clauses: TableClauses): SchemaObject[] {
  // hidden 1 is a virtual table's hidden column; 2 and 3 are generated columns (virtual, stored).
  return columns
    .filter((column) => column.hidden !== 1)
    .map((column, index) => {
      const written = clauses.columns.get(column.name);
      const generated = written?.generated ?? null;
      const collation = written?.collation ?? null;
      const parts = [quoteIdentifier(column.name), column.type];
      if (collation !== null) parts.push(`COLLATE ${quoteIdentifier(collation)}`);
      if (generated !== null) parts.push(`GENERATED ALWAYS AS (${generated.expression}) ${generated.stored ? 'STORED' : 'VIRTUAL'}`);
      if (column.not_null === 1) parts.push('NOT NULL');
      if (column.dflt_value !== null) parts.push(`DEFAULT ${column.dflt_value}`);
      return schemaObject<'column'>({
        key: columnKey(table, column.name),
        kind: 'column',
        schema: main,
        name: column.name,
        parent: tableKey(table),
        definition: parts.filter((part) => part !== '').join(' '),
        attributes: {
          type: column.type,
          nullable: column.not_null !== 1,
          default: column.dflt_value,
          identity: null,
          generated: generated?.expression ?? null,
          generatedKind: generated === null ? null : column.hidden === 3 || generated.stored ? 'stored' : 'virtual',
          collation,
          position: index + 1,
        },
        dependsOn: [tableKey(table)],
      });
    });
}

/** `base`, or `base1`, `base2`… when taken: two foreign keys on the same columns keep two keys, as the server numbers its own. */
function freeName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let number = 1; taken(name); number += 1) name = `${base}${number}`;
  return name;
}

/** SQLite names no constraint in its pragmas: these names are Switchyard's, marked as made up. */
function keyObjects(table: string, columns: ColumnRow[], indexes: IndexColumnRow[], clauses: TableClauses): SchemaObject[] {
  const parent = tableKey(table);
  const objects: SchemaObject[] = [];
  const primary = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
  if (primary.length > 0) {
    const definition = `PRIMARY KEY (${columnList(primary.map((column) => column.name))})`;
    objects.push(
      schemaObject<'primary key'>({
        key: schemaObjectKey('primary key', [main, table, `${table}_pkey`]),
        matchKey: unnamedMatchKey('primary key', parent, definition),
        kind: 'primary key',
        schema: main,
        name: `${table}_pkey`,
        parent,
        generatedName: true,
        definition,
        attributes: { columns: primary.map((column) => column.name), deferrable: false, initiallyDeferred: false },
        dependsOn: [parent, ...primary.map((column) => columnKey(table, column.name))],
      }),
    );
  }
  for (const [name, rows] of groupBy(
    indexes.filter((row) => row.origin === 'u'),
    (row) => row.index_name,
  )) {
    const names = rows.map((row) => row.column_name ?? '');
    const definition = `UNIQUE (${columnList(names)})`;
    objects.push(
      schemaObject<'unique'>({
        key: schemaObjectKey('unique', [main, table, name]),
        matchKey: unnamedMatchKey('unique', parent, definition),
        kind: 'unique',
        schema: main,
        name,
        parent,
        generatedName: true,
        definition,
        attributes: { columns: names, nullsNotDistinct: false, deferrable: false, initiallyDeferred: false },
        dependsOn: [parent, ...names.map((column) => columnKey(table, column))],
      }),
    );
  }
  const named = new Set(clauses.checks.map((check) => check.name));
  const made = new Set<string>();
  clauses.checks.forEach((check) => {
    const name = check.name ?? freeName(`${table}_check`, (candidate) => named.has(candidate) || made.has(candidate));
    made.add(name);
    const definition = `CHECK (${check.expression})`;
    const key = schemaObjectKey('check', [main, table, name]);
    objects.push(
      schemaObject<'check'>({
        key,
        matchKey: check.name === null ? unnamedMatchKey('check', parent, definition) : key,
        kind: 'check',
        schema: main,
        name,
        parent,
        generatedName: check.name === null,
        definition,
        attributes: { expression: check.expression, noInherit: false, validated: true },
        dependsOn: [parent],
      }),
    );
  });
  return objects;
}

function foreignKeyObjects(table: string, rows: ForeignKeyRow[], primaryKeys: Map<string, string[]>, clauses: TableClauses): SchemaObject[] {
  const parent = tableKey(table);
  const made = new Set<string>();
  return [...groupBy(rows, (row) => String(row.id)).values()].map((parts) => {
    const first = parts[0] as ForeignKeyRow;
    const columns = parts.map((part) => part.from_column);
    // REFERENCES t without columns means t's primary key.
    const referenced = parts.some((part) => part.to_column === null)
      ? (primaryKeys.get(first.referenced_table) ?? [])
      : parts.map((part) => part.to_column ?? '');
    const name = freeName(`${table}_${columns.join('_')}_fkey`, (candidate) => made.has(candidate));
    made.add(name);
    const deferred = clauses.deferrableForeignKeys.get(columns.join(','));
    const definition =
      `FOREIGN KEY (${columnList(columns)}) REFERENCES ${quoteIdentifier(first.referenced_table)}(${columnList(referenced)}) ` +
      `ON UPDATE ${first.on_update} ON DELETE ${first.on_delete}${deferred === undefined ? '' : ` DEFERRABLE INITIALLY ${deferred ? 'DEFERRED' : 'IMMEDIATE'}`}`;
    return schemaObject<'foreign key'>({
      key: schemaObjectKey('foreign key', [main, table, name]),
      matchKey: unnamedMatchKey('foreign key', parent, definition),
      kind: 'foreign key',
      schema: main,
      name,
      parent,
      generatedName: true,
      definition,
      attributes: {
        columns,
        referencedTable: tableKey(first.referenced_table),
        referencedColumns: referenced,
        onUpdate: first.on_update,
        onDelete: first.on_delete,
        match: first.match === 'NONE' ? 'SIMPLE' : first.match,
        validated: true,
        deferrable: deferred !== undefined,
        initiallyDeferred: deferred === true,
      },
      dependsOn: [parent, ...columns.map((column) => columnKey(table, column)), tableKey(first.referenced_table)],
    });
  });
}

function tableObject(stored: StoredObject, clauses: TableClauses): SchemaObject {
  return schemaObject<'table'>({
    key: tableKey(stored.name),
    kind: 'table',
    schema: main,
    name: stored.name,
    definition: normalisedSql(stored.sql ?? ''),
    attributes: {
      persistence: 'permanent',
      partitionBy: null,
      inherits: [],
      rowSecurity: false,
      forceRowSecurity: false,
      withoutRowid: clauses.withoutRowid,
      strict: clauses.strict,
    },
    dependsOn: [],
  });
}

function indexObject(stored: StoredObject, unique: boolean): SchemaObject {
  const { columns, predicate } = indexParts(stored.sql ?? '');
  const parent = tableKey(stored.table_name);
  return schemaObject<'index'>({
    key: schemaObjectKey('index', [main, stored.name]),
    kind: 'index',
    schema: main,
    name: stored.name,
    parent,
    definition: normalisedSql(stored.sql ?? ''),
    attributes: { unique, method: 'btree', columns, include: [], predicate, nullsNotDistinct: false },
    dependsOn: [parent],
  });
}

export async function readSqliteSchema(driver: Driver): Promise<SchemaModel> {
  // One read transaction: the five queries see the same file.
  await driver.execScript('BEGIN');
  try {
    const [version] = await driver.query<{ version: string }>('SELECT sqlite_version() AS version');
    const stored = await driver.query<StoredObject>(queries.objects);
    const columns = groupBy(await driver.query<ColumnRow>(queries.columns), (row) => row.table_name);
    const indexColumns = await driver.query<IndexColumnRow>(queries.indexColumns);
    const foreignKeys = groupBy(await driver.query<ForeignKeyRow>(queries.foreignKeys), (row) => row.table_name);
    const shadow = new Set((await driver.query<{ name: string }>(queries.shadowTables)).map((row) => row.name));
    await driver.execScript('COMMIT');
    return { engine: 'sqlite', serverVersion: version?.version, ...assemble(stored, columns, indexColumns, foreignKeys, shadow) };
  } catch (error) {
    await driver.execScript('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function assemble(
  stored: StoredObject[],
  columns: Map<string, ColumnRow[]>,
  indexColumns: IndexColumnRow[],
  foreignKeys: Map<string, ForeignKeyRow[]>,
  shadow: Set<string>,
): { objects: SchemaObject[]; unread: SchemaUnread[] } {
  const objects: SchemaObject[] = [];
  const unread: SchemaUnread[] = [];
  const indexesByTable = groupBy(indexColumns, (row) => row.table_name);
  const uniqueIndexes = new Set(indexColumns.filter((row) => row.unique === 1).map((row) => row.index_name));
  const primaryKeys = new Map(
    [...columns].map(([table, rows]) => [
      table,
      rows
        .filter((row) => row.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((row) => row.name),
    ]),
  );
  const relations = new Map(stored.filter((item) => item.type === 'table' || item.type === 'view').map((item) => [item.name, item]));
  const relationKey = (name: string) => schemaObjectKey(relations.get(name)?.type === 'view' ? 'view' : 'table', [main, name]);
  for (const item of stored) {
    if (shadow.has(item.name)) continue;
    if (item.type === 'table' && (item.sql ?? '').toUpperCase().startsWith('CREATE VIRTUAL TABLE')) {
      unread.push({ object: `virtual table ${quoteIdentifier(item.name)}`, reason: 'virtual tables (FTS, R*Tree…) are not part of the schema model yet' });
    } else if (item.type === 'table') {
      const clauses = readTableClauses(item.sql ?? '');
      const tableColumns = columns.get(item.name) ?? [];
      objects.push(
        tableObject(item, clauses),
        ...columnObjects(item.name, tableColumns, clauses),
        ...keyObjects(item.name, tableColumns, indexesByTable.get(item.name) ?? [], clauses),
        ...foreignKeyObjects(item.name, foreignKeys.get(item.name) ?? [], primaryKeys, clauses),
      );
    } else if (item.type === 'index') objects.push(indexObject(item, uniqueIndexes.has(item.name)));
    else if (item.type === 'view') {
      const query = viewQuery(item.sql ?? '');
      objects.push(
        schemaObject<'view'>({
          key: schemaObjectKey('view', [main, item.name]),
          kind: 'view',
          schema: main,
          name: item.name,
          definition: normalisedSql(item.sql ?? ''),
          attributes: { query },
          dependsOn: namesIn(query)
            .filter((name) => relations.has(name) && name !== item.name)
            .map(relationKey),
        }),
      );
    } else {
      const parts = triggerParts(item.sql ?? '');
      const parent = relationKey(item.table_name);
      objects.push(
        schemaObject<'trigger'>({
          key: schemaObjectKey('trigger', [main, item.table_name, item.name]),
          kind: 'trigger',
          schema: main,
          name: item.name,
          parent,
          definition: normalisedSql(item.sql ?? ''),
          attributes: { timing: parts.timing, events: parts.events, level: 'ROW', function: null, when: parts.when, body: parts.body, enabled: 'O' },
          dependsOn: [parent, ...parts.names.filter((name) => relations.has(name) && name !== item.table_name).map(relationKey)],
        }),
      );
    }
  }
  const keys = new Set(objects.map((object) => object.key));
  const resolved = objects.map((object) => ({
    ...object,
    dependsOn: [...new Set(object.dependsOn)].filter((key) => keys.has(key) && key !== object.key).sort(),
  }));
  return { objects: sortSchemaObjects(resolved), unread };
}
