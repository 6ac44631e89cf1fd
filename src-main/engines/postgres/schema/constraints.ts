// Primary keys, unique, foreign key, check and exclusion constraints of tables. NOT NULL is the
// column's `nullable`; a constraint a partition or child table only inherits (or a foreign key cloned
// onto a partition) is its parent's.
import { schemaObjectKey, unnamedMatchKey, type SchemaAttributes, type SchemaObject } from '../../../../src-shared/model/schema';
import {
  catalogObject,
  notInExtension,
  numberList,
  relationKindSql,
  type CatalogRow,
  type ColumnNames,
  type RelationObjectKind,
  type Family,
} from './foundObject';
import { isServerChosenName } from './generatedNames';
import { plainConstraintDefinition, plainConstraintSql, type PlainConstraintRow } from './plainConstraints';

interface ConstraintRow extends CatalogRow, PlainConstraintRow {
  ref: string;
  schema: string;
  table_name: string;
  table_kind: RelationObjectKind;
  qualified_table: string;
  name: string;
  quoted: string;
  contype: string;
  /** pg_get_constraintdef's; null for a plain constraint, spelt here as it would print it (plainConstraintDefinition). */
  definition: string | null;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
  no_inherit: boolean;
  table_oid: string;
  /** conkey, space-separated (numberList). */
  column_numbers: string | null;
  /** column_numbers read (numberList). */
  numbers: number[];
  columns: string[];
  referenced_schema: string | null;
  referenced_table: string | null;
  referenced_kind: RelationObjectKind | null;
  /** Read by the server only for a foreign key not spelt here; for the others, from the columns read. */
  referenced_columns: string[] | null;
  /** confkey, space-separated (numberList). */
  referenced_numbers: string | null;
  referenced_key: string | null;
  referenced_key_kind: string | null;
  on_update: string;
  on_delete: string;
  match: string;
  check_expression: string | null;
  method: string | null;
  elements: string[] | null;
  operators: string[] | null;
  predicate: string | null;
  nulls_not_distinct: boolean | null;
}

// One index scan of pg_attribute per foreign key, in its own column order: the referenced table may be outside the schemas read.
const columnNames = (relation: string, numbers: string) =>
  `ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = ${relation} AND a.attnum = ANY (${numbers}) ORDER BY array_position(${numbers}, a.attnum))`;

const constraintsSql = `
SELECT 'pg_constraint'::regclass::oid || ':' || k.oid AS ref, n.nspname AS schema, c.relname AS table_name, ${relationKindSql('c')} AS table_kind,
       format('%I.%I', n.nspname, c.relname) AS qualified_table, k.conname AS name, quote_ident(k.conname) AS quoted, k.contype,
       CASE WHEN p.plain THEN NULL ELSE pg_get_constraintdef(k.oid) END AS definition, k.condeferrable AS deferrable, k.condeferred AS deferred,
       k.convalidated AS validated, k.connoinherit AS no_inherit, k.conrelid::text AS table_oid, array_to_string(k.conkey, ' ') AS column_numbers,
       rn.nspname AS referenced_schema, r.relname AS referenced_table, ${relationKindSql('r')} AS referenced_kind,
       CASE WHEN k.contype = 'f' AND NOT p.plain THEN ${columnNames('k.confrelid', 'k.confkey')} END AS referenced_columns,
       CASE WHEN k.contype = 'f' THEN format('%I.%I', rn.nspname, r.relname) END AS referenced_qualified,
       k.confrelid::text AS referenced_oid, array_to_string(k.confkey, ' ') AS referenced_numbers,
       COALESCE(rk.conname, ri.relname) AS referenced_key, CASE WHEN rk.contype = 'p' THEN 'primary key' WHEN rk.contype = 'u' THEN 'unique' WHEN ri.oid IS NOT NULL THEN 'index' END AS referenced_key_kind,
       k.confupdtype AS on_update, k.confdeltype AS on_delete, k.confmatchtype AS match,
       CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid) END AS check_expression,
       CASE WHEN k.contype = 'x' THEN am.amname END AS method,
       CASE WHEN k.contype = 'x' THEN ARRAY(SELECT pg_get_indexdef(k.conindid, g, true) FROM generate_series(1, x.indnkeyatts) g) END AS elements,
       CASE WHEN k.contype = 'x' THEN ARRAY(SELECT o.oprname::text FROM unnest(k.conexclop) WITH ORDINALITY u(op, i)
                                             JOIN pg_operator o ON o.oid = u.op ORDER BY u.i) END AS operators,
       CASE WHEN k.contype = 'x' THEN pg_get_expr(x.indpred, x.indrelid) END AS predicate,
       x.indnullsnotdistinct AS nulls_not_distinct
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class r ON r.oid = k.confrelid
  LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
  LEFT JOIN pg_index x ON x.indexrelid = k.conindid
  LEFT JOIN pg_class ix ON ix.oid = k.conindid
  LEFT JOIN pg_am am ON am.oid = ix.relam
  LEFT JOIN pg_constraint rk ON k.contype = 'f' AND rk.conindid = k.conindid AND rk.conrelid = k.confrelid AND rk.contype IN ('p', 'u')
  LEFT JOIN pg_class ri ON k.contype = 'f' AND rk.oid IS NULL AND ri.oid = k.conindid
  CROSS JOIN LATERAL (SELECT ${plainConstraintSql} AS plain) p
 WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conislocal AND k.conparentid = 0
   AND n.nspname = ANY ($1::text[]) AND ${notInExtension('pg_class', 'c.oid')}
 -- Their objects' key order (kind, schema, table, name), but for a name with a character below '"' in it.
 ORDER BY CASE k.contype WHEN 'c' THEN 1 WHEN 'x' THEN 2 WHEN 'f' THEN 3 WHEN 'p' THEN 4 ELSE 5 END, n.nspname, c.relname, k.conname`;

const actions: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const matches: Record<string, string> = { s: 'SIMPLE', f: 'FULL', p: 'PARTIAL' };
const labels: Record<string, string> = { p: 'pkey', u: 'key', f: 'fkey', c: 'check', x: 'excl' };

/** PostgreSQL names a check after its table and, when the expression reads one column, that column. */
function serverChoseName(row: ConstraintRow): boolean {
  const label = labels[row.contype] ?? '';
  if (row.contype === 'p') return isServerChosenName(row.name, row.table_name, null, label);
  if (row.contype === 'c')
    return (
      isServerChosenName(row.name, row.table_name, null, label) || row.columns.some((column) => isServerChosenName(row.name, row.table_name, [column], label))
    );
  return isServerChosenName(row.name, row.table_name, row.columns, label);
}

/** A foreign key needs the table it references and the key there that makes the reference legal. */
function referencedKeys(row: ConstraintRow): string[] {
  if (row.contype !== 'f' || row.referenced_schema === null || row.referenced_table === null) return [];
  const table = schemaObjectKey(row.referenced_kind ?? 'table', [row.referenced_schema, row.referenced_table]);
  if (row.referenced_key === null || row.referenced_key_kind === null) return [table];
  const key =
    row.referenced_key_kind === 'index'
      ? schemaObjectKey('index', [row.referenced_schema, row.referenced_key])
      : schemaObjectKey(row.referenced_key_kind === 'primary key' ? 'primary key' : 'unique', [
          row.referenced_schema,
          row.referenced_table,
          row.referenced_key,
        ]);
  return [table, key];
}

type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclusion';

function constraintObject(row: ConstraintRow, definition: string, names: ColumnNames): SchemaObject {
  const parent = names.relationKey(row.table_oid, row.table_kind, row.schema, row.table_name);
  const generatedName = serverChoseName(row);
  const columns = row.numbers.map((number) => names.key(row.table_oid, number, row.schema, row.table_name));
  const referenced = referencedKeys(row);
  const build = <K extends ConstraintKind>(kind: K, attributes: SchemaAttributes[K]) => {
    const key = schemaObjectKey(kind, [row.schema, row.table_name, row.name]);
    return catalogObject<K>({
      key,
      matchKey: generatedName ? unnamedMatchKey(kind, parent, definition) : key,
      kind,
      schema: row.schema,
      name: row.name,
      parent,
      generatedName,
      definition,
      attributes,
      dependsOn: [parent, ...columns, ...referenced],
    }) as SchemaObject;
  };
  switch (row.contype) {
    case 'p':
      return build('primary key', { deferrable: row.deferrable, initiallyDeferred: row.deferred, columns: row.columns });
    case 'u':
      return build('unique', {
        deferrable: row.deferrable,
        initiallyDeferred: row.deferred,
        columns: row.columns,
        nullsNotDistinct: row.nulls_not_distinct === true,
      });
    case 'f':
      return build('foreign key', {
        deferrable: row.deferrable,
        initiallyDeferred: row.deferred,
        columns: row.columns,
        referencedTable: referenced[0] ?? '',
        referencedColumns: row.referenced_columns ?? [],
        onUpdate: actions[row.on_update] ?? row.on_update,
        onDelete: actions[row.on_delete] ?? row.on_delete,
        match: matches[row.match] ?? row.match,
        validated: row.validated,
      });
    case 'c':
      return build('check', { expression: row.check_expression ?? '', noInherit: row.no_inherit, validated: row.validated });
    default:
      return build('exclusion', {
        deferrable: row.deferrable,
        initiallyDeferred: row.deferred,
        method: row.method ?? '',
        elements: row.elements ?? [],
        operators: row.operators ?? [],
        predicate: row.predicate,
      });
  }
}

export const constraintsFamily: Family<ConstraintRow> = {
  sql: constraintsSql,
  build(rows, names) {
    return {
      unread: [],
      objects: rows.map((row) => {
        row.numbers = numberList(row.column_numbers);
        row.columns = row.numbers.map((number) => names.name(row.table_oid, number));
        let definition = row.definition;
        if (definition === null) {
          const referenced = numberList(row.referenced_numbers);
          definition = plainConstraintDefinition(row, row.numbers, referenced, names);
          if (row.contype === 'f') row.referenced_columns = referenced.map((number) => names.name(row.referenced_oid ?? '', number));
        }
        return { ref: row.ref, commentTarget: `CONSTRAINT ${row.quoted} ON ${row.qualified_table}`, object: constraintObject(row, definition, names) };
      }),
    };
  },
};
