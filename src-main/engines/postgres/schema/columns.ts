// Columns of tables and partitions: type with modifiers, default, nullability, identity, generated
// expression, collation and position. A column a partition or a child table only inherits is its
// parent's, not an object of its own; a view's columns are its query's.
import { schemaObject, schemaObjectKey } from '../../../../src-shared/model/schema';
import { notInExtension, relationKindSql, type CatalogRow, type ColumnNames, type FamilyRead, type RelationObjectKind, type Family } from './foundObject';

interface ColumnRow extends CatalogRow {
  ref: string;
  schema: string;
  table_name: string;
  table_kind: RelationObjectKind;
  qualified_table: string;
  name: string;
  quoted: string;
  type: string;
  not_null: boolean;
  identity: string;
  generated: string;
  expression: string | null;
  collation: string | null;
  table_oid: string;
  attnum: number;
  local: boolean;
}

// Every live column, inherited ones and materialized views' too: positions count them and indexes name
// theirs through them; only a table's own columns become objects.
const columnsSql = `
SELECT 'pg_class'::regclass::oid || ':' || a.attrelid || ':' || a.attnum AS ref, a.attrelid::text AS table_oid, a.attnum,
       n.nspname AS schema, c.relname AS table_name, ${relationKindSql('c')} AS table_kind,
       format('%I.%I', n.nspname, c.relname) AS qualified_table, a.attname AS name, quote_ident(a.attname) AS quoted,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
       pg_get_expr(ad.adbin, ad.adrelid) AS expression,
       CASE WHEN a.attcollation <> t.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE format('%I.%I', cn.nspname, co.collname) END END AS collation,
       a.attislocal AND c.relkind IN ('r', 'p') AS local
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
 WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'm') AND n.nspname = ANY ($1::text[])
   AND ${notInExtension('pg_class', 'c.oid')}`;

/** 1-based positions among each table's live columns, in attnum order. */
function positions(rows: ColumnRow[]): Map<ColumnRow, number> {
  const ordered = [...rows].sort((a, b) => (a.table_oid === b.table_oid ? a.attnum - b.attnum : a.table_oid < b.table_oid ? -1 : 1));
  const result = new Map<ColumnRow, number>();
  ordered.forEach((row, index) => {
    const previous = ordered[index - 1];
    result.set(row, previous !== undefined && previous.table_oid === row.table_oid ? (result.get(previous) ?? 0) + 1 : 1);
  });
  return result;
}

function columnDefinition(row: ColumnRow): string {
  const parts = [row.quoted, row.type];
  if (row.collation !== null) parts.push(`COLLATE ${row.collation}`);
  if (row.generated !== '' && row.expression !== null) parts.push(`GENERATED ALWAYS AS (${row.expression}) ${row.generated === 's' ? 'STORED' : 'VIRTUAL'}`);
  if (row.identity !== '') parts.push(`GENERATED ${row.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`);
  if (row.not_null) parts.push('NOT NULL');
  if (row.generated === '' && row.expression !== null) parts.push(`DEFAULT ${row.expression}`);
  return parts.join(' ');
}

export const columnsFamily: Family<ColumnRow, FamilyRead & { names: ColumnNames }> = {
  sql: columnsSql,
  build(rows) {
    const position = positions(rows);
    return {
      unread: [],
      names: new Map(rows.map((row) => [`${row.table_oid}:${row.attnum}`, row.name])),
      objects: rows
        .filter((row) => row.local)
        .map((row) => {
          const parent = schemaObjectKey(row.table_kind, [row.schema, row.table_name]);
          const generated = row.generated === '' ? null : row.expression;
          return {
            ref: row.ref,
            commentTarget: `COLUMN ${row.qualified_table}.${row.quoted}`,
            object: schemaObject<'column'>({
              key: schemaObjectKey('column', [row.schema, row.table_name, row.name]),
              kind: 'column',
              schema: row.schema,
              name: row.name,
              parent,
              definition: columnDefinition(row),
              attributes: {
                type: row.type,
                nullable: !row.not_null,
                default: row.generated === '' ? row.expression : null,
                identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null,
                generated,
                generatedKind: generated === null ? null : row.generated === 's' ? 'stored' : 'virtual',
                collation: row.collation,
                position: position.get(row) ?? 0,
              },
              dependsOn: [parent],
            }),
          };
        }),
    };
  },
};
