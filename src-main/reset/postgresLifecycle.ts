// PostgreSQL: a database is dropped and created from the maintenance database (one cannot drop the
// database one is connected to); snapshots are template databases cloned with FILE_COPY on 15+.
import { SwitchyardError } from '../../src-shared/errors';
import type { PrivilegeCheck, ResetMode, ResetSession } from '../../src-shared/model/reset';
import { connect } from '../drivers/connect';
import type { ConnectionTarget, Driver } from '../drivers/driver';
import type { DatabaseLifecycle } from './lifecycle';
import {
  cloneDatabaseSql,
  createDatabaseSql,
  createSchemaSql,
  dropDatabaseSql,
  dropSchemaSql,
  terminateSessionsShown,
  terminateSessionsSql,
  type DatabaseShape,
} from './resetStatements';

/** Databases a reset must never touch: the server's own. */
const serverDatabases = new Set(['postgres', 'template0', 'template1']);

interface ServerFacts {
  version: number;
  user: string;
  superuser: boolean;
  createdb: boolean;
  shape: DatabaseShape | undefined;
  /** The current user may act as the database's owner (drop it, create it owned by that role). */
  ownerMember: boolean;
}

async function readFacts(admin: Driver, database: string): Promise<ServerFacts> {
  const [role] = await admin.query<{ version: number; user: string; superuser: boolean; createdb: boolean }>(
    `SELECT current_setting('server_version_num')::int AS version, current_user AS user, rolsuper AS superuser, rolcreatedb AS createdb
     FROM pg_roles WHERE rolname = current_user`,
  );
  const [shape] = await admin.query<{ owner: string; encoding: string; collate: string; ctype: string; member: boolean }>(
    `SELECT pg_get_userbyid(datdba) AS owner, pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype,
            pg_has_role(current_user, datdba, 'MEMBER') AS member
     FROM pg_database WHERE datname = $1`,
    [database],
  );
  if (!role) throw new SwitchyardError('E_CONNECTION_FAILED', 'The server did not describe the current role.');
  return {
    version: Number(role.version),
    user: role.user,
    superuser: role.superuser,
    createdb: role.createdb,
    shape: shape ? { owner: shape.owner, encoding: shape.encoding, collate: shape.collate, ctype: shape.ctype } : undefined,
    ownerMember: shape?.member ?? true,
  };
}

/** A database that is already gone (a reset stopped after its drop) comes back like template0, owned by us. */
async function fallbackShape(admin: Driver, user: string): Promise<DatabaseShape> {
  const [row] = await admin.query<{ encoding: string; collate: string; ctype: string }>(
    "SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype FROM pg_database WHERE datname = 'template0'",
  );
  return { owner: user, encoding: row?.encoding ?? 'UTF8', collate: row?.collate ?? 'C', ctype: row?.ctype ?? 'C' };
}

function sqlstate(error: unknown): string | undefined {
  return ((error as { detail?: { sqlstate?: string } }).detail ?? {}).sqlstate;
}

/** The `postgres` database, or template1 on servers without one (we never clone template1, so sitting in it is harmless). */
async function openMaintenance(connection: ConnectionTarget): Promise<Driver> {
  try {
    return await connect({ ...connection, database: 'postgres' });
  } catch (error) {
    if (!(error instanceof SwitchyardError) || error.code !== 'E_UNKNOWN_DATABASE') throw error;
    return connect({ ...connection, database: 'template1' });
  }
}

export async function openPostgresLifecycle(connection: ConnectionTarget): Promise<DatabaseLifecycle> {
  const database = connection.database;
  if (serverDatabases.has(database)) {
    throw new SwitchyardError('E_INVALID_INPUT', `"${database}" is one of the server's own databases: Switchyard does not reset or snapshot it.`);
  }
  const admin = await openMaintenance(connection);
  let facts: ServerFacts;
  let shape: DatabaseShape;
  try {
    facts = await readFacts(admin, database);
    shape = facts.shape ?? (await fallbackShape(admin, facts.user));
  } catch (error) {
    await admin.close();
    throw error;
  }
  const force = facts.version >= 130000;
  const fileCopy = facts.version >= 150000;
  const literal = (value: string) => admin.literal(value);

  const terminate = async () => (await admin.query(terminateSessionsSql, [database])).length;

  /** CREATE DATABASE … TEMPLATE fails while anyone is connected to the template: end them and retry. */
  const cloneFrom = async (name: string, template: string, owner: string, clearTemplate: boolean): Promise<number> => {
    let ended = 0;
    for (let attempt = 1; ; attempt += 1) {
      if (clearTemplate) ended += (await admin.query(terminateSessionsSql, [template])).length;
      try {
        await admin.query(cloneDatabaseSql(name, template, owner, fileCopy));
        return ended;
      } catch (error) {
        if (sqlstate(error) !== '55006' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  };

  const withTarget = async <T>(work: (driver: Driver) => Promise<T>): Promise<T> => {
    const driver = await connect(connection);
    try {
      return await work(driver);
    } finally {
      await driver.close();
    }
  };

  const userSchemas = () =>
    withTarget((driver) =>
      driver.query<{ name: string; member: boolean }>(
        `SELECT nspname AS name, pg_has_role(current_user, nspowner, 'MEMBER') AS member FROM pg_namespace
         WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname`,
      ),
    );

  const wipeStatements = async () => {
    const schemas = await userSchemas();
    return [...schemas.map((s) => dropSchemaSql(s.name)), createSchemaSql('public')];
  };

  const lifecycle: DatabaseLifecycle = {
    databaseName: database,
    async exists() {
      return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).length > 0;
    },
    async sessions(): Promise<ResetSession[]> {
      const rows = await admin.query<{ pid: number; user: string | null; application: string | null; client: string | null; since: Date | null }>(
        `SELECT pid, usename AS user, application_name AS application, client_addr::text AS client, backend_start AS since
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() ORDER BY backend_start`,
        [database],
      );
      return rows.map((r) => ({ pid: r.pid, user: r.user, application: r.application || null, clientAddress: r.client, since: r.since ? new Date(r.since).toISOString() : null }));
    },
    async privileges(mode: ResetMode): Promise<PrivilegeCheck> {
      if (facts.superuser) return { ok: true, explanation: `${facts.user} is a superuser.` };
      if (mode === 'wipe') {
        const notOurs = (await userSchemas()).filter((s) => !s.member).map((s) => s.name);
        return notOurs.length === 0
          ? { ok: true, explanation: `${facts.user} owns every schema of ${database}: it can drop and create them.` }
          : { ok: false, explanation: `${facts.user} does not own the schema(s) ${notOurs.join(', ')}: only their owner (or a superuser) can drop them. Ask for ownership, or reset with a role that has it.` };
      }
      if (!facts.ownerMember) {
        return { ok: false, explanation: `Only the owner of ${database} (${shape.owner}) or a superuser can drop it, and ${facts.user} is neither. Use mode "wipe" if ${facts.user} owns the schemas, or a role that owns the database.` };
      }
      if (!facts.createdb) {
        return { ok: false, explanation: `${facts.user} lacks CREATEDB, so it could drop ${database} but not create it again. Grant it (ALTER ROLE … CREATEDB), or use mode "wipe".` };
      }
      return { ok: true, explanation: `${facts.user} owns ${database} and has CREATEDB: it can drop and create it.` };
    },
    snapshotPrivileges(): PrivilegeCheck {
      if (facts.superuser || (facts.createdb && facts.ownerMember)) return { ok: true, explanation: `${facts.user} can copy ${database} into a snapshot.` };
      return {
        ok: false,
        explanation: `A snapshot is a copy made with CREATE DATABASE … TEMPLATE ${database}, which needs CREATEDB and ownership of ${database}; ${facts.user} ${facts.createdb ? `does not own it` : 'lacks CREATEDB'}. Skip the snapshot (acknowledged), or use a role that has both.`,
      };
    },
    terminateStatements: () => [terminateSessionsShown(database, literal)],
    dropStatements: () => [dropDatabaseSql(database, force)],
    createStatements: () => [createDatabaseSql(database, shape, literal)],
    wipeStatements,
    restoreStatements: (location) => [cloneDatabaseSql(database, location, shape.owner, fileCopy)],
    snapshotStatements: (location) => [terminateSessionsShown(database, literal), cloneDatabaseSql(location, database, facts.user, fileCopy)],
    terminate,
    async drop() {
      await admin.query(dropDatabaseSql(database, force));
    },
    async create() {
      await admin.query(createDatabaseSql(database, shape, literal));
    },
    async wipe() {
      const statements = await wipeStatements();
      // One transaction: a wipe that fails half-way leaves every schema as it was.
      await withTarget((driver) => driver.execScript(['BEGIN', ...statements, 'COMMIT'].join(';\n')));
    },
    async createFrom(location) {
      await cloneFrom(database, location, shape.owner, false);
    },
    async restore(location) {
      // WITH (FORCE) ends the sessions itself; older servers need them ended first.
      if (!force) await terminate();
      await admin.query(dropDatabaseSql(database, force));
      await cloneFrom(database, location, shape.owner, false);
    },
    async snapshot(snapshotId) {
      const location = lifecycle.snapshotLocation(snapshotId);
      const sessionsEnded = await cloneFrom(location, database, facts.user, true);
      const [size] = await admin.query<{ bytes: string }>('SELECT pg_database_size($1::text) AS bytes', [location]);
      return { location, sizeBytes: Number(size?.bytes ?? 0), sessionsEnded };
    },
    snapshotLocation: (snapshotId) => `switchyard_snapshot_${snapshotId.replace(/-/g, '').slice(0, 24)}`,
    async deleteSnapshot(location) {
      await admin.query(dropDatabaseSql(location, force));
    },
    close: () => admin.close(),
  };
  return lifecycle;
}
