// PostgreSQL's tables, views and the rest, read from the catalog in one round trip: estimated rows
// from reltuples and sizes from relpages, so the first screen never touches a data file.
import type { RelationKind } from '../../src-shared/model/inventory';
import type { Driver } from '../drivers/driver';
import type { CatalogRelation } from './catalogRelation';

const kinds: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
};

const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

/**
 * Indexes are aggregated once for the whole database and joined, rather than counted per table:
 * a correlated subquery per relation is what makes naive catalog reads slow on 10,000 tables.
 */
export const postgresCatalogSql = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       CASE WHEN c.reltuples < 0 OR c.relkind IN ('v', 'f', 'p') THEN NULL ELSE c.reltuples::float8 END AS estimated_rows,
       CASE WHEN c.relkind IN ('v', 'f') THEN NULL
            ELSE (c.relpages::int8 + COALESCE(t.relpages, 0) + COALESCE(ti.relpages, 0) + COALESCE(ix.pages, 0))
                 * current_setting('block_size')::int8 END AS estimated_bytes,
       COALESCE(ix.count, 0)::int AS index_count,
       r.rolname AS owner,
       d.description AS comment
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_roles r ON r.oid = c.relowner
  LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
  LEFT JOIN pg_index tx ON tx.indrelid = t.oid
  LEFT JOIN pg_class ti ON ti.oid = tx.indexrelid
  LEFT JOIN (SELECT x.indrelid, count(*) AS count, sum(i.relpages)::int8 AS pages
               FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
              GROUP BY x.indrelid) ix ON ix.indrelid = c.oid
  LEFT JOIN pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${userSchemas}
 ORDER BY n.nspname, c.relname`;

/** Exact sizes: pg_total_relation_size opens every file, so it runs after the first screen. */
export const postgresSizesSql = `
SELECT n.nspname AS schema, c.relname AS name, pg_total_relation_size(c.oid)::int8 AS bytes
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p', 'm') AND ${userSchemas}`;

interface CatalogRow {
  schema: string;
  name: string;
  kind: string;
  estimated_rows: number | null;
  estimated_bytes: string | null;
  index_count: number;
  owner: string | null;
  comment: string | null;
}

export async function readPostgresCatalog(driver: Driver): Promise<CatalogRelation[]> {
  const rows = await driver.query<CatalogRow & Record<string, unknown>>(postgresCatalogSql);
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    kind: kinds[row.kind] ?? 'table',
    estimatedRows: row.estimated_rows === null ? null : Math.round(Number(row.estimated_rows)),
    exactRows: null,
    bytes: row.estimated_bytes === null ? null : Number(row.estimated_bytes),
    bytesExact: false,
    indexCount: row.index_count,
    owner: row.owner,
    comment: row.comment,
  }));
}

export async function readPostgresSizes(driver: Driver): Promise<Array<{ schema: string; name: string; bytes: number }>> {
  const rows = await driver.query<{ schema: string; name: string; bytes: string }>(postgresSizesSql);
  return rows.map((row) => ({ schema: row.schema, name: row.name, bytes: Number(row.bytes) }));
}
