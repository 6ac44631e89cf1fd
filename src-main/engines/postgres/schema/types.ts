// User types: enums and domains become objects; composite, range and base types are found and
// reported as not modelled, never left out without a word.
import { schemaObject, schemaObjectKey, type SchemaUnread } from '../../../../src-shared/model/schema';
import { notInExtension, type CatalogRow, type FoundObject, type Family } from './foundObject';

interface TypeRow extends CatalogRow {
  ref: string;
  schema: string;
  name: string;
  qualified: string;
  typtype: string;
  labels: string[] | null;
  quoted_labels: string[] | null;
  base_type: string | null;
  not_null: boolean;
  default_value: string | null;
  collation: string | null;
  checks: string[] | null;
}

// Array types come with every type, and a table's row type with its table: neither is the user's own.
const typesSql = `
SELECT 'pg_type'::regclass::oid || ':' || t.oid AS ref, n.nspname AS schema, t.typname AS name, format('%I.%I', n.nspname, t.typname) AS qualified, t.typtype,
       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END AS labels,
       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END AS quoted_labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       t.typnotnull AS not_null, t.typdefault AS default_value,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> b.typcollation THEN
            CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname) ELSE format('%I.%I', cn.nspname, co.collname) END END AS collation,
       CASE WHEN t.typtype = 'd' THEN ARRAY(SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k
                                             WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY 1) END AS checks
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_type b ON b.oid = t.typbasetype
  LEFT JOIN pg_class r ON r.oid = t.typrelid
  LEFT JOIN pg_collation co ON co.oid = t.typcollation
  LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
 WHERE n.nspname = ANY ($1::text[]) AND t.typtype IN ('e', 'd', 'c', 'r', 'b')
   AND (t.typtype <> 'c' OR r.relkind = 'c') AND t.typcategory <> 'A'
   AND ${notInExtension('pg_type', 't.oid')}`;

const unmodelled: Record<string, string> = { c: 'composite type', r: 'range type', b: 'base type' };

function enumFound(row: TypeRow): FoundObject {
  return {
    ref: row.ref,
    commentTarget: `TYPE ${row.qualified}`,
    object: schemaObject<'enum'>({
      key: schemaObjectKey('enum', [row.schema, row.name]),
      kind: 'enum',
      schema: row.schema,
      name: row.name,
      definition: `CREATE TYPE ${row.qualified} AS ENUM (${(row.quoted_labels ?? []).join(', ')})`,
      attributes: { labels: row.labels ?? [] },
      dependsOn: [schemaObjectKey('schema', [row.schema])],
    }),
  };
}

function domainFound(row: TypeRow): FoundObject {
  const type = row.base_type ?? '';
  const checks = row.checks ?? [];
  const clauses = [
    row.collation === null ? '' : ` COLLATE ${row.collation}`,
    row.default_value === null ? '' : ` DEFAULT ${row.default_value}`,
    row.not_null ? ' NOT NULL' : '',
    ...checks.map((check) => ` ${check}`),
  ];
  return {
    ref: row.ref,
    commentTarget: `DOMAIN ${row.qualified}`,
    object: schemaObject<'domain'>({
      key: schemaObjectKey('domain', [row.schema, row.name]),
      kind: 'domain',
      schema: row.schema,
      name: row.name,
      definition: `CREATE DOMAIN ${row.qualified} AS ${type}${clauses.join('')}`,
      attributes: { type, nullable: !row.not_null, default: row.default_value, collation: row.collation, checks },
      // Its base type, when that is an enum or domain of ours, comes with the other dependencies (pg_depend).
      dependsOn: [schemaObjectKey('schema', [row.schema])],
    }),
  };
}

export const typesFamily: Family<TypeRow> = {
  sql: typesSql,
  build(rows) {
    const objects: FoundObject[] = [];
    const unread: SchemaUnread[] = [];
    for (const row of rows) {
      if (row.typtype === 'e') objects.push(enumFound(row));
      else if (row.typtype === 'd') objects.push(domainFound(row));
      else unread.push({ object: `${unmodelled[row.typtype] ?? 'type'} ${row.qualified}`, reason: 'this kind of type is not part of the schema model yet' });
    }
    return { objects, unread };
  },
};
