// Tables, partitions, views and materialized views. Foreign tables are found and reported as not
// modelled. A table's definition leaves its columns and constraints out: they are objects of their own.
import { schemaObject, schemaObjectKey, type SchemaObject, type SchemaUnread } from '../../../../src-shared/model/schema';
import {
  notInExtension,
  relationKindSql,
  type CatalogRow,
  type FamilyRead,
  type FoundObject,
  type RelationObjectKind,
  type Family,
  type Relations,
} from './foundObject';

interface RelationRow extends CatalogRow {
  ref: string;
  oid: string;
  schema: string;
  name: string;
  qualified: string;
  /** The model's kind of the relation (relationKindSql). */
  kind: RelationObjectKind;
  relkind: string;
  unlogged: boolean;
  row_security: boolean;
  force_row_security: boolean;
  partition_by: string | null;
  bound: string | null;
  query: string | null;
  /** [schema, name, qualified, kind] of each parent (a partition has one), in inhseqno order. */
  parents: string[][] | null;
}

const relationsSql = `
SELECT 'pg_class'::regclass::oid || ':' || c.oid AS ref, c.oid::text AS oid, n.nspname AS schema, c.relname AS name,
       format('%I.%I', n.nspname, c.relname) AS qualified, ${relationKindSql('c')} AS kind, c.relkind, c.relpersistence = 'u' AS unlogged, c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
       CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS query,
       p.parents
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN (SELECT i.inhrelid,
                    array_agg(ARRAY[pn.nspname::text, pc.relname::text, format('%I.%I', pn.nspname, pc.relname), ${relationKindSql('pc')}]
                              ORDER BY i.inhseqno) AS parents
               FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
              GROUP BY i.inhrelid) p ON p.inhrelid = c.oid
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname = ANY ($1::text[]) AND ${notInExtension('pg_class', 'c.oid')}
 -- Their objects' key order (kind, schema, name), but for a name with a character below '"' in it.
 ORDER BY CASE WHEN c.relkind = 'm' THEN 1 WHEN c.relispartition THEN 2 WHEN c.relkind = 'v' THEN 4 ELSE 3 END, n.nspname, c.relname`;

/** View text with its runs of whitespace made one space: pg_get_viewdef's line breaks are layout, not meaning. */
export function normalisedQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

function tableObject(row: RelationRow, parents: string[][]): SchemaObject {
  const schemaKey = schemaObjectKey('schema', [row.schema]);
  const parentKeys = parents.map(([schema = '', name = '', , kind = 'table']) => schemaObjectKey(kind as RelationObjectKind, [schema, name]));
  const unlogged = row.unlogged ? 'UNLOGGED ' : '';
  const attributes = {
    persistence: row.unlogged ? ('unlogged' as const) : ('permanent' as const),
    partitionBy: row.partition_by,
    inherits: row.bound === null ? parentKeys : [],
    rowSecurity: row.row_security,
    forceRowSecurity: row.force_row_security,
    withoutRowid: false,
    strict: false,
  };
  const partitionBy = row.partition_by === null ? '' : ` PARTITION BY ${row.partition_by}`;
  if (row.bound !== null) {
    const [partitioned] = parents;
    const key = schemaObjectKey('partition', [row.schema, row.name]);
    return schemaObject<'partition'>({
      key,
      kind: 'partition',
      schema: row.schema,
      name: row.name,
      parent: parentKeys[0] ?? null,
      definition: `CREATE ${unlogged}TABLE ${row.qualified} PARTITION OF ${partitioned?.[2] ?? ''} ${row.bound}${partitionBy}`,
      attributes: { ...attributes, bound: row.bound },
      dependsOn: [schemaKey, ...parentKeys],
    });
  }
  const inherits = parents.length === 0 ? '' : ` INHERITS (${parents.map((parent) => parent[2]).join(', ')})`;
  return schemaObject<'table'>({
    key: schemaObjectKey('table', [row.schema, row.name]),
    kind: 'table',
    schema: row.schema,
    name: row.name,
    definition: `CREATE ${unlogged}TABLE ${row.qualified} ()${inherits}${partitionBy}`,
    attributes,
    dependsOn: [schemaKey, ...parentKeys],
  });
}

function viewObject(row: RelationRow, kind: 'view' | 'materialized view'): SchemaObject {
  const query = normalisedQuery(row.query ?? '');
  const fields = {
    key: schemaObjectKey(kind, [row.schema, row.name]),
    schema: row.schema,
    name: row.name,
    definition: `CREATE ${kind.toUpperCase()} ${row.qualified} AS ${query}`,
    attributes: { query },
    dependsOn: [schemaObjectKey('schema', [row.schema])],
  };
  return kind === 'view' ? schemaObject<'view'>({ ...fields, kind }) : schemaObject<'materialized view'>({ ...fields, kind });
}

export const relationsFamily: Family<RelationRow, FamilyRead & { tables: Relations }> = {
  sql: relationsSql,
  build(rows) {
    const objects: FoundObject[] = [];
    const unread: SchemaUnread[] = [];
    const tables: Relations = new Map();
    for (const row of rows) {
      tables.set(row.oid, row);
      if (row.relkind === 'f') {
        unread.push({ object: `foreign table ${row.qualified}`, reason: 'foreign tables are not part of the schema model yet' });
        continue;
      }
      const object =
        row.relkind === 'v' ? viewObject(row, 'view') : row.relkind === 'm' ? viewObject(row, 'materialized view') : tableObject(row, row.parents ?? []);
      const commentKind = row.relkind === 'v' ? 'VIEW' : row.relkind === 'm' ? 'MATERIALIZED VIEW' : 'TABLE';
      objects.push({ ref: row.ref, commentTarget: `${commentKind} ${row.qualified}`, object });
    }
    return { objects, unread, tables };
  },
};
