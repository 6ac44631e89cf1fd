// Schemas and extensions: the first query also fixes which schemas every other family reads.
import { schemaObject, schemaObjectKey } from '../../../../src-shared/model/schema';
import type { Driver } from '../../../drivers/driver';
import { notInExtension, type CatalogRow, type Family, type FamilyRead } from './foundObject';

interface SchemaRow extends CatalogRow {
  ref: string;
  name: string;
  quoted: string;
}

/** Schemas of the server's own, and of other sessions' temporary tables, are never the user's. */
const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND ${notInExtension('pg_namespace', 'n.oid')}`;

export async function readSchemas(driver: Driver, wanted: string[] | undefined): Promise<FamilyRead & { schemas: string[] }> {
  const rows = await driver.query<SchemaRow>(
    `SELECT 'pg_namespace'::regclass::oid || ':' || n.oid AS ref, n.nspname AS name, quote_ident(n.nspname) AS quoted
       FROM pg_namespace n WHERE ${userSchemas} AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[])) ORDER BY n.nspname`,
    [wanted ?? null],
  );
  const found = new Set(rows.map((row) => row.name));
  return {
    schemas: rows.map((row) => row.name),
    objects: rows.map((row) => ({
      ref: row.ref,
      commentTarget: `SCHEMA ${row.quoted}`,
      object: schemaObject<'schema'>({
        key: schemaObjectKey('schema', [row.name]),
        kind: 'schema',
        schema: row.name,
        name: row.name,
        definition: `CREATE SCHEMA ${row.quoted}`,
        attributes: {},
      }),
    })),
    unread: (wanted ?? [])
      .filter((name) => !found.has(name))
      .map((name) => ({ object: `schema ${JSON.stringify(name)}`, reason: 'it does not exist in this database, or is not a user schema' })),
  };
}

interface ExtensionRow extends CatalogRow {
  ref: string;
  name: string;
  version: string;
  schema: string;
  definition: string;
}

/**
 * Every extension installed, in scope when its objects are: one in pg_catalog (plpgsql) always is.
 * Its comment is the one its control file gives, so it is not an object of the model.
 */
export const extensionsFamily: Family<ExtensionRow> = {
  sql: `SELECT 'pg_extension'::regclass::oid || ':' || x.oid AS ref, x.extname AS name, x.extversion AS version, n.nspname AS schema,
            format('CREATE EXTENSION %I WITH SCHEMA %I VERSION %L', x.extname, n.nspname, x.extversion) AS definition
       FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
      WHERE n.nspname = ANY ($1::text[]) OR n.nspname = 'pg_catalog'`,
  build: (rows) => ({
    unread: [],
    objects: rows.map((row) => ({
      ref: row.ref,
      object: schemaObject<'extension'>({
        key: schemaObjectKey('extension', [row.name]),
        kind: 'extension',
        schema: row.schema,
        name: row.name,
        definition: row.definition,
        attributes: { version: row.version, schema: row.schema },
        dependsOn: row.schema === 'pg_catalog' ? [] : [schemaObjectKey('schema', [row.schema])],
      }),
    })),
  }),
};
