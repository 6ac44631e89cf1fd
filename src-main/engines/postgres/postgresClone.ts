// A PostgreSQL database cloned to rehearse a run on. CREATE DATABASE … TEMPLATE copies it whole, but
// only while nobody else is connected to it and only for a role that may create databases; otherwise
// its schema as it is now is replayed into a scratch database (the schema model's own SQL) with a
// sample of each table's rows, and the clone says so. The real database is only ever read.
import { SwitchyardError } from '../../../src-shared/errors';
import type { SchemaModel } from '../../../src-shared/model/schema';
import { diffSchemas } from '../../../src-shared/schema/schemaDiff';
import type { ConnectionTarget, Driver } from '../../drivers/driver';
import { quoteIdentifier } from '../../drivers/identifier';
import type { CloneDatabase } from '../../scratch/cloneDatabase';
import type { TableName } from '../engine';
import type { ScratchPlace } from '../../scratch/scratchDatabase';
import { connectPostgres } from './postgresDriver';
import { openMaintenance } from './postgresLifecycle';
import { factsOf, openPostgresScratch, scratchName, serverOf } from './postgresScratch';
import { readPostgresSchema } from './postgresSchema';
import { postgresSchemaSql } from './postgresSchemaSql';
import { cloneDatabaseSql, dropDatabaseSql, otherSessionsOn } from './resetStatements';

/** Rows copied per table by the schema replay: enough for a data migration to meet real values, small enough for any table. */
export const sampledRows = 100;

/** The template clone, or why it cannot be made (a fallback then). */
async function templateClone(source: ConnectionTarget): Promise<CloneDatabase | string> {
  const admin = await openMaintenance(source);
  try {
    const facts = await factsOf(admin, source);
    if (facts.refusal !== undefined) return facts.refusal;
    const [row] = await admin.query<{ others: number; owner: string }>(`SELECT (SELECT count(*)::int ${otherSessionsOn}) AS others, current_user AS owner`, [
      source.database,
    ]);
    // Ending other people's sessions is never done for a rehearsal: it must not disturb the real database.
    if ((row?.others ?? 0) > 0)
      return `${row?.others} other session${row?.others === 1 ? ' is' : 's are'} connected to ${source.database}, and a template clone needs none (Switchyard does not end them for a rehearsal)`;
    const name = scratchName();
    try {
      await admin.query(cloneDatabaseSql(name, source.database, String(row?.owner), facts.version >= 150000));
    } catch (error) {
      // 55006: someone connected in the meantime; 42501: not allowed to copy this database (not its owner).
      const sqlstate = error instanceof SwitchyardError ? (error.detail as { sqlstate?: string } | undefined)?.sqlstate : undefined;
      if (sqlstate === '55006' || sqlstate === '42501') return `CREATE DATABASE … TEMPLATE ${source.database} was refused: ${(error as Error).message}`;
      throw error;
    }
    const server = { ...source, readOnly: false };
    let dropped = false;
    return {
      connection: { ...server, database: name },
      where: `a temporary database on ${serverOf(source)}`,
      made: {
        how: 'template',
        description: `a copy of ${source.database} made with CREATE DATABASE ${name} TEMPLATE ${source.database} on ${serverOf(source)}`,
      },
      async drop() {
        if (dropped) return;
        const dropper = await openMaintenance(server);
        try {
          await dropper.query(dropDatabaseSql(name, facts.version >= 130000));
          dropped = true;
        } finally {
          await dropper.close();
        }
      },
    };
  } finally {
    await admin.close();
  }
}

/**
 * Copies up to `sampledRows` rows of each table (every row of `whole`: the bookkeeping, so the plan
 * on the clone is the plan on the database); returns the tables whose rows could not be copied, and why.
 */
async function copySample(from: Driver, into: Driver, schema: SchemaModel, whole: readonly TableName[]): Promise<string[]> {
  const left: string[] = [];
  const tables = schema.objects.filter((o) => o.kind === 'table' || o.kind === 'partition');
  for (const table of tables) {
    const columns = schema.objects.filter((o) => o.kind === 'column' && o.parent === table.key && o.attributes.generated === null).map((o) => o.name);
    if (columns.length === 0) continue;
    const name = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
    const list = columns.map(quoteIdentifier).join(', ');
    const limit = whole.some((w) => w.schema === table.schema && w.name === table.name) ? '' : ` LIMIT ${sampledRows}`;
    const rows = await from.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM (SELECT ${list} FROM ONLY ${name}${limit}) t`);
    if (rows.length === 0) continue;
    try {
      await into.execScript('BEGIN');
      // Rows go through JSON text: every type the server can print comes back as itself.
      await into.query(`INSERT INTO ${name} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${name}, $1::json)`, [
        `[${rows.map((r) => r.row).join(',')}]`,
      ]);
      await into.execScript('COMMIT');
    } catch (error) {
      await into.execScript('ROLLBACK').catch(() => undefined);
      left.push(`${table.schema}.${table.name} (${(error as Error).message})`);
    }
  }
  return left;
}

/** The fallback: the source's schema replayed into a scratch database, with a sample of rows. */
async function schemaReplay(source: ConnectionTarget, place: ScratchPlace, whole: readonly TableName[], why: string): Promise<CloneDatabase> {
  const scratch = await openPostgresScratch(source, place);
  try {
    const reader = await connectPostgres(source);
    const writer = await connectPostgres(scratch.connection);
    let left: string[];
    let notCovered: string[];
    try {
      const [real, empty] = [await readPostgresSchema(reader), await readPostgresSchema(writer)];
      const sql = postgresSchemaSql(empty, real, diffSchemas(empty, real));
      notCovered = [...sql.notCovered.map((n) => `${n.object} (${n.reason})`), ...real.unread.map((u) => `${u.object} (${u.reason})`)];
      // Foreign keys come last in the SQL: rows go in before them, so a sample need not be whole to load.
      const keys = sql.statements.filter((s) => s.object.startsWith('foreign key:'));
      const rest = sql.statements.filter((s) => !keys.includes(s));
      for (const statement of rest) await writer.execScript(statement.sql);
      left = await copySample(reader, writer, real, whole);
      for (const statement of keys) {
        try {
          await writer.execScript(statement.sql);
        } catch (error) {
          notCovered.push(`${statement.object} (the sampled rows break it: ${(error as Error).message})`);
        }
      }
    } finally {
      await reader.close();
      await writer.close();
    }
    const missing = [
      ...(left.length > 0 ? [`rows of ${left.join('; ')} were not copied`] : []),
      ...(notCovered.length > 0 ? [`not replayed: ${notCovered.join('; ')}`] : []),
    ];
    return {
      ...scratch,
      made: {
        how: 'schema replay',
        description: `the schema of ${source.database} replayed into ${scratch.where}, with up to ${sampledRows} rows of each table (the bookkeeping whole), because ${why}${missing.length > 0 ? `; ${missing.join('; ')}` : ''}`,
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/** `whole`: tables copied whole by the fallback (the format's bookkeeping). */
export async function openPostgresClone(source: ConnectionTarget, place: ScratchPlace, whole: readonly TableName[]): Promise<CloneDatabase> {
  const clone = await templateClone(source);
  return typeof clone === 'string' ? schemaReplay(source, place, whole, clone) : clone;
}
