// Indexes made with CREATE INDEX. One that backs a primary key, unique or exclusion constraint is
// that constraint's, and an index a partition only inherits is its parent index's.
import { schemaObject, schemaObjectKey, unnamedMatchKey } from '../../../../src-shared/model/schema';
import { notInExtension, relationKindSql, type CatalogRow, type RelationObjectKind, type Family } from './foundObject';
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
  definition: string;
  unique: boolean;
  method: string;
  predicate: string | null;
  nulls_not_distinct: boolean;
  table_oid: string;
  /** Column numbers of the keys then the INCLUDE columns; 0 for an expression. */
  key_numbers: number[];
  key_count: number;
}

const indexesSql = `
SELECT 'pg_class'::regclass::oid || ':' || i.oid AS ref, n.nspname AS schema, i.relname AS name, format('%I.%I', n.nspname, i.relname) AS qualified,
       tn.nspname AS table_schema, t.relname AS table_name, ${relationKindSql('t')} AS table_kind,
       pg_get_indexdef(i.oid) AS definition, x.indisunique AS unique, am.amname AS method,
       pg_get_expr(x.indpred, x.indrelid) AS predicate, x.indnullsnotdistinct AS nulls_not_distinct,
       x.indrelid::text AS table_oid, x.indkey::int2[] AS key_numbers, x.indnkeyatts AS key_count
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_namespace n ON n.oid = i.relnamespace
  JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace tn ON tn.oid = t.relnamespace
  JOIN pg_am am ON am.oid = i.relam
 WHERE n.nspname = ANY ($1::text[]) AND t.relkind IN ('r', 'p', 'm') AND NOT i.relispartition
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))
   AND ${notInExtension('pg_class', 'i.oid')} AND ${notInExtension('pg_class', 't.oid')}`;

export const indexesFamily: Family<IndexRow> = {
  sql: indexesSql,
  build(rows, names) {
    return {
      unread: [],
      objects: rows.map((row) => {
        // What the server names an unnamed index after: each key column, `expr` for an expression.
        const nameParts = row.key_numbers.slice(0, row.key_count).map((number) => (number === 0 ? 'expr' : names.name(row.table_oid, number)));
        const columnKeys = row.key_numbers.filter((number) => number !== 0).map((number) => names.key(row.table_oid, number, row.table_schema, row.table_name));
        const key = schemaObjectKey('index', [row.schema, row.name]);
        const parent = schemaObjectKey(row.table_kind, [row.table_schema, row.table_name]);
        const generatedName = isServerChosenName(row.name, row.table_name, nameParts, 'idx');
        const { columns, include } = indexKeys(row.definition, row.method);
        const predicate = row.predicate === null ? '' : ` WHERE ${row.predicate}`;
        const included = include.length === 0 ? '' : ` INCLUDE (${include.join(', ')})`;
        return {
          ref: row.ref,
          commentTarget: `INDEX ${row.qualified}`,
          object: schemaObject<'index'>({
            key,
            matchKey: generatedName
              ? unnamedMatchKey('index', parent, `${row.unique ? 'UNIQUE ' : ''}${row.method} (${columns.join(', ')})${included}${predicate}`)
              : key,
            kind: 'index',
            schema: row.schema,
            name: row.name,
            parent,
            generatedName,
            definition: row.definition,
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
