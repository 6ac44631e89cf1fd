// Columns of tables and partitions: type with modifiers, default, nullability, identity, generated
// expression, collation and position. A column a partition or a child table only inherits is its
// parent's, not an object of its own; a view's columns are its query's.
import { catalogObject, ColumnNames, notInExtension, type CatalogRow, type FamilyRead, type FoundObject, type Relations } from './foundObject';

interface ColumnRow extends CatalogRow {
  ref: string;
  name: string;
  /** quote_ident's, where it differs from the name (most names need no quotes: a string less per column to parse). */
  quoted: string | null;
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
// theirs through them; only a table's own columns become objects. Their tables' names come from the
// relations, read first: not repeated on each of a large database's tens of thousands of rows.
const columnsSql = `
SELECT 'pg_class'::regclass::oid || ':' || a.attrelid || ':' || a.attnum AS ref, a.attrelid::text AS table_oid, a.attnum,
       a.attname AS name, NULLIF(quote_ident(a.attname), a.attname) AS quoted,
       format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, a.attidentity AS identity, a.attgenerated AS generated,
       -- A default names no column (the server refuses one that does), so it is printed without its table:
       -- with the table, each of a large database's defaults opened its relation to print it (a third of this query).
       pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END) AS expression,
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
   AND ${notInExtension('pg_class', 'c.oid')}
 -- Their objects' key order, but for a name with a character below '"' in it: the model's sort then has little to do.
 ORDER BY n.nspname, c.relname, a.attname`;

function columnDefinition(row: ColumnRow, quoted: string): string {
  let definition = `${quoted} ${row.type}`;
  if (row.collation !== null) definition += ` COLLATE ${row.collation}`;
  if (row.generated !== '' && row.expression !== null) definition += ` GENERATED ALWAYS AS (${row.expression}) ${row.generated === 's' ? 'STORED' : 'VIRTUAL'}`;
  if (row.identity !== '') definition += ` GENERATED ${row.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
  if (row.not_null) definition += ' NOT NULL';
  if (row.generated === '' && row.expression !== null) definition += ` DEFAULT ${row.expression}`;
  return definition;
}

/** The columns' query, and their objects from its rows and the relations read before them. */
export const columnsFamily = {
  sql: columnsSql,
  build(rows: ColumnRow[], relations: Relations): FamilyRead & { names: ColumnNames } {
    const names = new ColumnNames();
    for (const row of rows) {
      names.add(row.table_oid, row.attnum, row.name);
      names.quote(row.table_oid, row.attnum, row.quoted ?? row.name);
    }
    // Every column of a table has the same start of a comment's target: made once per table.
    const commentsOn = new Map<string, string>();
    const objects: FoundObject[] = [];
    for (const row of rows) {
      if (!row.local) continue;
      const table = relations.get(row.table_oid);
      // Both queries see the same moment and the same schemas: a column's table is always among the relations.
      if (table === undefined) throw new Error(`The schema read found columns of relation ${row.table_oid} but not the relation.`);
      const parent = names.relationKey(row.table_oid, table.kind, table.schema, table.name);
      let commentOn = commentsOn.get(row.table_oid);
      if (commentOn === undefined) {
        commentOn = `COLUMN ${table.qualified}.`;
        commentsOn.set(row.table_oid, commentOn);
      }
      const key = names.key(row.table_oid, row.attnum, table.schema, table.name);
      const generated = row.generated === '' ? null : row.expression;
      const quoted = row.quoted ?? row.name;
      objects.push({
        ref: row.ref,
        commentTarget: commentOn + quoted,
        object: catalogObject<'column'>({
          key,
          kind: 'column',
          schema: table.schema,
          name: row.name,
          parent,
          definition: columnDefinition(row, quoted),
          attributes: {
            type: row.type,
            nullable: !row.not_null,
            default: row.generated === '' ? row.expression : null,
            identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by default' : null,
            generated,
            generatedKind: generated === null ? null : row.generated === 's' ? 'stored' : 'virtual',
            collation: row.collation,
            position: names.position(row.table_oid, row.attnum),
          },
          dependsOn: [parent],
        }),
      });
    }
    return { unread: [], names, objects };
  },
};
