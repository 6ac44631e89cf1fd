// PostgreSQL's tables, views and the rest, read from the catalog in one round trip: estimated rows
// from reltuples and sizes from relpages, so the first screen never touches a data file.
import type { RelationKind } from '../../../src-shared/model/inventory';
import type { Driver } from '../../drivers/driver';
import { qualifiedName } from '../../drivers/identifier';
import type { CatalogRelation } from '../../inventory/catalogRelation';
import type { EngineCatalog, TableName } from '../engine';

const kinds: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
};

const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

/** Unqualified names in migrations land here; the static analysis spells `public.x` as `x`. */
const defaultSchema = 'public';

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

/** One cheap query (no sizes, no owners): what a preflight compares the plan's creates against. */
async function existingTableNames(driver: Driver): Promise<Set<string>> {
  const rows = await driver.query<{ name: string }>(
    `SELECT CASE WHEN n.nspname = '${defaultSchema}' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${userSchemas}`,
  );
  return new Set(rows.map((r) => r.name));
}

async function countRows(driver: Driver, table: TableName, timeoutMs: number): Promise<number> {
  // SET LOCAL lasts until the transaction ends: the timeout never leaks into the session.
  await driver.query('BEGIN READ ONLY');
  try {
    await driver.query("SELECT set_config('statement_timeout', $1, true)", [`${timeoutMs}ms`]);
    const [row] = await driver.query<{ rows: string }>(`SELECT count(*) AS rows FROM ${qualifiedName(table.schema, table.name)}`);
    return Number(row?.rows ?? 0);
  } finally {
    await driver.query('ROLLBACK').catch(() => undefined);
  }
}

export const postgresCatalog: EngineCatalog = {
  read: async (driver) => ({ relations: await readPostgresCatalog(driver), sizesExact: false }),
  exactSizes: readPostgresSizes,
  async countableTables(driver) {
    const relations = await readPostgresCatalog(driver);
    return relations.filter((r) => r.kind === 'table' || r.kind === 'materialized view').map((r) => ({ schema: r.schema, name: r.name }));
  },
  existingTableNames,
  defaultSchema,
  address(table) {
    const dot = table.indexOf('.');
    return dot === -1 ? { schema: defaultSchema, name: table } : { schema: table.slice(0, dot), name: table.slice(dot + 1) };
  },
  async tableExists(driver, table) {
    const [row] = await driver.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table]);
    return Boolean(row?.found);
  },
  countRows,
  // reltuples is the planner's estimate, refreshed by ANALYZE: an impact counts small databases exactly.
  rowsExact: false,
};
