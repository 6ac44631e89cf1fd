// Indexes made with CREATE INDEX. One that backs a primary key, unique or exclusion constraint is
// that constraint's, and an index a partition only inherits is its parent index's.
import { schemaObjectKey, unnamedMatchKey } from '../../../../src-shared/model/schema';
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
import { indexKeys } from './indexKeys';

interface IndexRow extends CatalogRow {
  ref: string;
  schema: string;
  name: string;
  qualified: string;
  table_schema: string;
  table_name: string;
  table_kind: RelationObjectKind;
  /** pg_get_indexdef's; null for a plain index, whose statement is spelt here as it would print it (plainIndex). */
  definition: string | null;
  quoted: string;
  quoted_table: string;
  quoted_method: string;
  partitioned: boolean;
  /** indoption of each key column, space-separated (numberList): 1 DESC, 2 NULLS FIRST. */
  options: string;
  unique: boolean;
  method: string;
  predicate: string | null;
  nulls_not_distinct: boolean;
  table_oid: string;
  /** Column numbers of the keys then the INCLUDE columns, space-separated (numberList); 0 for an expression. */
  key_numbers: string;
  key_count: number;
}

/**
 * An index pg_get_indexdef would print from its catalog rows alone: key columns only (no expression),
 * no WHERE, no WITH, no opclass options, and each key column's operator class the default for the
 * column's own type (or text's for a varchar, which has none of its own) and its collation the
 * column's. Its statement is spelt from those rows, byte for byte as the server prints it: a call of
 * pg_get_indexdef costs the server dozens of catalog look-ups per index on a fresh session.
 */
const plainIndexes = `
SELECT k.indexrelid,
       bool_and(a.attnum IS NOT NULL AND ia.attoptions IS NULL AND o.opcdefault AND (k.coll = 0 OR k.coll = a.attcollation)
                AND (o.opcintype = a.atttypid
                     OR (a.atttypid = 'varchar'::regtype AND o.opcintype = 'text'::regtype
                         AND NOT EXISTS (SELECT 1 FROM pg_opclass v WHERE v.opcmethod = o.opcmethod AND v.opcintype = 'varchar'::regtype AND v.opcdefault)))) AS plain
  FROM (SELECT x.indexrelid, x.indrelid, u.number, u.column_number, u.opclass, u.coll
          FROM pg_index x, unnest(x.indkey::int2[], x.indclass::oid[], x.indcollation::oid[]) WITH ORDINALITY u(column_number, opclass, coll, number)
         WHERE u.number <= x.indnkeyatts) k
  LEFT JOIN pg_attribute a ON a.attrelid = k.indrelid AND a.attnum = k.column_number AND k.column_number <> 0
  LEFT JOIN pg_attribute ia ON ia.attrelid = k.indexrelid AND ia.attnum = k.number
  LEFT JOIN pg_opclass o ON o.oid = k.opclass
 GROUP BY k.indexrelid`;

const indexesSql = `
SELECT 'pg_class'::regclass::oid || ':' || i.oid AS ref, n.nspname AS schema, i.relname AS name, format('%I.%I', n.nspname, i.relname) AS qualified,
       tn.nspname AS table_schema, t.relname AS table_name, ${relationKindSql('t')} AS table_kind,
       CASE WHEN x.indexprs IS NULL AND x.indpred IS NULL AND i.reloptions IS NULL AND p.plain THEN NULL ELSE pg_get_indexdef(i.oid) END AS definition,
       quote_ident(i.relname) AS quoted, format('%I.%I', tn.nspname, t.relname) AS quoted_table, quote_ident(am.amname) AS quoted_method,
       i.relkind = 'I' AS partitioned, x.indoption::text AS options,
       x.indisunique AS unique, am.amname AS method,
       pg_get_expr(x.indpred, x.indrelid) AS predicate, x.indnullsnotdistinct AS nulls_not_distinct,
       x.indrelid::text AS table_oid, x.indkey::text AS key_numbers, x.indnkeyatts AS key_count
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_namespace n ON n.oid = i.relnamespace
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace tn ON tn.oid = t.relnamespace
  JOIN pg_am am ON am.oid = i.relam
  JOIN (${plainIndexes}) p ON p.indexrelid = x.indexrelid
 WHERE n.nspname = ANY ($1::text[]) AND t.relkind IN ('r', 'p', 'm') AND NOT i.relispartition
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))
   AND ${notInExtension('pg_class', 'i.oid')} AND ${notInExtension('pg_class', 't.oid')}
 -- Their objects' key order, but for a name with a character below '"' in it.
 ORDER BY n.nspname, i.relname`;

/** A key column as pg_get_indexdef prints it: DESC and NULLS only where they are not the default (options are 0 where the method cannot order). */
function keyColumn(quoted: string, option: number): string {
  if ((option & 1) !== 0) return (option & 2) === 0 ? `${quoted} DESC NULLS LAST` : `${quoted} DESC`;
  return (option & 2) === 0 ? quoted : `${quoted} NULLS FIRST`;
}

/** A plain index's statement and columns, as pg_get_indexdef prints them and indexKeys cuts them. */
function plainIndex(row: IndexRow, numbers: number[], names: ColumnNames): { definition: string; columns: string[]; include: string[] } {
  const options = numberList(row.options);
  const quoted = numbers.map((number) => {
    const name = names.quoted(row.table_oid, number);
    if (name === undefined)
      throw new Error(`The schema read found index ${row.qualified} on column ${number} of relation ${row.table_oid}, but not the column.`);
    return name;
  });
  const columns = quoted.slice(0, row.key_count).map((name, at) => keyColumn(name, options[at] ?? 0));
  const include = quoted.slice(row.key_count);
  const included = include.length === 0 ? '' : ` INCLUDE (${include.join(', ')})`;
  const definition = `CREATE ${row.unique ? 'UNIQUE ' : ''}INDEX ${row.quoted} ON ${row.partitioned ? 'ONLY ' : ''}${row.quoted_table} USING ${row.quoted_method} (${columns.join(', ')})${included}${row.nulls_not_distinct ? ' NULLS NOT DISTINCT' : ''}`;
  return { definition, columns, include };
}

export const indexesFamily: Family<IndexRow> = {
  sql: indexesSql,
  build(rows, names) {
    return {
      unread: [],
      objects: rows.map((row) => {
        // What the server names an unnamed index after: each key column, `expr` for an expression.
        const numbers = numberList(row.key_numbers);
        const nameParts = numbers.slice(0, row.key_count).map((number) => (number === 0 ? 'expr' : names.name(row.table_oid, number)));
        const columnKeys = numbers.filter((number) => number !== 0).map((number) => names.key(row.table_oid, number, row.table_schema, row.table_name));
        const key = schemaObjectKey('index', [row.schema, row.name]);
        const parent = names.relationKey(row.table_oid, row.table_kind, row.table_schema, row.table_name);
        const generatedName = isServerChosenName(row.name, row.table_name, nameParts, 'idx');
        const { definition, columns, include } =
          row.definition === null ? plainIndex(row, numbers, names) : { definition: row.definition, ...indexKeys(row.definition, row.method) };
        const predicate = row.predicate === null ? '' : ` WHERE ${row.predicate}`;
        const included = include.length === 0 ? '' : ` INCLUDE (${include.join(', ')})`;
        return {
          ref: row.ref,
          commentTarget: `INDEX ${row.qualified}`,
          object: catalogObject<'index'>({
            key,
            matchKey: generatedName
              ? unnamedMatchKey('index', parent, `${row.unique ? 'UNIQUE ' : ''}${row.method} (${columns.join(', ')})${included}${predicate}`)
              : key,
            kind: 'index',
            schema: row.schema,
            name: row.name,
            parent,
            generatedName,
            definition,
            attributes: {
              unique: row.unique,
              method: row.method,
              columns,
              include,
              predicate: row.predicate,
              nullsNotDistinct: row.nulls_not_distinct,
            },
            dependsOn: [parent, ...columnKeys],
          }),
        };
      }),
    };
  },
};
