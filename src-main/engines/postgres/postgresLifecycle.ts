// PostgreSQL: a database is dropped and created from the maintenance database (one cannot drop the
// database one is connected to); snapshots are template databases cloned with FILE_COPY on 15+,
// that refuse connections. A restore clones beside the target and swaps by renaming.
import { createHash } from 'node:crypto';
import { SwitchyardError } from '../../../src-shared/errors';
import { nounFor } from '../../../src-shared/format/plural';
import type { DatabaseShapeRecord, PrivilegeCheck, ResetMode, ResetSession } from '../../../src-shared/model/reset';
import type { ConnectionTarget, Driver } from '../../drivers/driver';
import type { DatabaseLifecycle, RecreatedShape } from '../../reset/lifecycle';
import { connectPostgres, ownApplicationName } from './postgresDriver';
import {
  cloneDatabaseSql,
  createDatabaseSql,
  createSchemaSql,
  dropDatabaseSql,
  dropSchemaSql,
  otherSessionsOn,
  refuseConnectionsSql,
  renameDatabaseSql,
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

/** The names a restore of `database` works under: fixed per database, so a killed restore's leftovers are found again. */
function restoreNames(database: string): { copy: string; replaced: string } {
  const tag = createHash('sha256').update(database).digest('hex').slice(0, 24);
  return { copy: `switchyard_restoring_${tag}`, replaced: `switchyard_replaced_${tag}` };
}

const causeOf = (error: unknown) => (error as Error).message;

function createTitle(recreated: RecreatedShape): string {
  if (recreated === undefined) return 'Create it again (same owner, encoding, collation)';
  if (recreated === 'unknown')
    return "Create it (the database is missing and no snapshot records its owner: it will be owned by you, with template0's encoding and collation)";
  return `Create it (owner ${recreated.shape.owner}, ${recreated.shape.encoding}, ${recreated.shape.collate}, as recorded with the snapshot "${recreated.from.name}")`;
}

/** The `postgres` database, or template1 on servers without one (we never clone template1, so sitting in it is harmless). */
export async function openMaintenance(connection: ConnectionTarget): Promise<Driver> {
  try {
    return await connectPostgres({ ...connection, database: 'postgres' });
  } catch (error) {
    if (!(error instanceof SwitchyardError) || error.code !== 'E_UNKNOWN_DATABASE') throw error;
    return connectPostgres({ ...connection, database: 'template1' });
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
  const databaseExists = async (name: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
  const names = restoreNames(database);
  /** Who owns a restored or recreated database: what was recorded, else what is there now, else (said in the plan) us. */
  const ownerFor = (recorded: DatabaseShapeRecord | undefined) => recorded?.owner ?? shape.owner;

  /** Ends the sessions on a database, if it has any: no statement that could be killed half-way when there is nothing to do. */
  const endSessionsOn = async (name: string): Promise<number> => {
    const [connected] = await admin.query<{ count: string }>(`SELECT count(*) AS count ${otherSessionsOn}`, [name]);
    return Number(connected?.count ?? 0) > 0 ? (await admin.query(terminateSessionsSql, [name])).length : 0;
  };

  /** A database in use cannot be cloned from or renamed (55006): end its sessions and retry, a few times. Returns how many were ended. */
  const whileInUse = async (inUse: string, work: () => Promise<void>): Promise<number> => {
    let ended = 0;
    for (let attempt = 1; ; attempt += 1) {
      ended += await endSessionsOn(inUse);
      try {
        await work();
        return ended;
      } catch (error) {
        if (sqlstate(error) !== '55006' || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  };

  /** Returns how many sessions on the template were ended so it could be copied. */
  const cloneFrom = (name: string, template: string, owner: string): Promise<number> =>
    whileInUse(template, () => admin.query(cloneDatabaseSql(name, template, owner, fileCopy)).then(() => undefined));

  /**
   * Puts `copy` in place of the database, which is renamed to `aside`: both renames in one statement
   * string, so one implicit transaction — at no moment is there no database by that name.
   */
  const swapIn = (copy: string, aside: string): Promise<number> =>
    whileInUse(database, () => admin.query(`${renameDatabaseSql(database, aside)};\n${renameDatabaseSql(copy, database)}`).then(() => undefined));

  /** Older snapshots accepted connections; any still open are ended (they are our copies), and none may come back. */
  const closeSnapshot = async (location: string): Promise<void> => {
    const [open] = await admin.query<{ open: boolean }>('SELECT datallowconn AS open FROM pg_database WHERE datname = $1', [location]);
    if (!open?.open) return;
    try {
      await admin.query(refuseConnectionsSql(location));
    } catch (error) {
      // Not ours to alter (a snapshot made by another role): its sessions are still ended before each clone.
      if (sqlstate(error) !== '42501') throw error;
    }
  };

  const sizeOf = async (name: string) => Number((await admin.query<{ bytes: string }>('SELECT pg_database_size($1::text) AS bytes', [name]))[0]?.bytes ?? 0);

  const withTarget = async <T>(work: (driver: Driver) => Promise<T>): Promise<T> => {
    const driver = await connectPostgres(connection);
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
    exists: () => databaseExists(database),
    async sessions(): Promise<ResetSession[]> {
      const rows = await admin.query<{ pid: number; user: string | null; application: string | null; client: string | null; since: Date | null }>(
        `SELECT pid, usename AS user, application_name AS application, client_addr::text AS client, backend_start AS since
         ${otherSessionsOn} AND application_name IS DISTINCT FROM $2 ORDER BY backend_start`,
        // This process's own reads come and go with the screens; ending them is the reset's business, not the user's.
        [database, ownApplicationName],
      );
      return rows.map((r) => ({
        pid: r.pid,
        user: r.user,
        application: r.application || null,
        clientAddress: r.client,
        since: r.since ? new Date(r.since).toISOString() : null,
      }));
    },
    async privileges(mode: ResetMode): Promise<PrivilegeCheck> {
      if (facts.superuser) return { ok: true, explanation: `${facts.user} is a superuser.` };
      if (mode === 'wipe') {
        const notOurs = (await userSchemas()).filter((s) => !s.member).map((s) => s.name);
        return notOurs.length === 0
          ? { ok: true, explanation: `${facts.user} owns every schema of ${database}: it can drop and create them.` }
          : {
              ok: false,
              explanation: `${facts.user} does not own the ${nounFor(notOurs.length, 'schema')} ${notOurs.join(', ')}: only their owner (or a superuser) can drop them. Ask for ownership, or reset with a role that has it.`,
            };
      }
      if (!facts.ownerMember) {
        return {
          ok: false,
          explanation: `Only the owner of ${database} (${shape.owner}) or a superuser can drop it, and ${facts.user} is neither. Use mode "wipe" if ${facts.user} owns the schemas, or a role that owns the database.`,
        };
      }
      if (!facts.createdb) {
        return {
          ok: false,
          explanation: `${facts.user} lacks CREATEDB, so it could drop ${database} but not create it again. Grant it (ALTER ROLE … CREATEDB), or use mode "wipe".`,
        };
      }
      return { ok: true, explanation: `${facts.user} owns ${database} and has CREATEDB: it can drop and create it.` };
    },
    snapshotPlace: `a new database beside ${database} on the same server, named switchyard_snapshot_…`,
    snapshotPrivileges(): PrivilegeCheck {
      if (facts.superuser || (facts.createdb && facts.ownerMember)) return { ok: true, explanation: `${facts.user} can copy ${database} into a snapshot.` };
      return {
        ok: false,
        explanation: `A snapshot is a copy made with CREATE DATABASE … TEMPLATE ${database}, which needs CREATEDB and ownership of ${database}; ${facts.user} ${facts.createdb ? `does not own it` : 'lacks CREATEDB'}. Skip the snapshot (acknowledged), or use a role that has both.`,
      };
    },
    recordedShape: () => facts.shape,
    dropTitle: 'Drop the database',
    wipeTitle: 'Drop every schema and create public again',
    createTitle,
    terminateStatements: () => [terminateSessionsShown(database, literal)],
    dropStatements: () => [dropDatabaseSql(database, force)],
    createStatements: (recorded) => [createDatabaseSql(database, recorded ?? shape, literal)],
    wipeStatements,
    // Shown without the clean-ups that run only when needed (a stopped restore's copy, an older snapshot's sessions).
    restoreStatements: (location, recorded) => [
      cloneDatabaseSql(names.copy, location, ownerFor(recorded), fileCopy),
      ...(facts.shape
        ? [
            terminateSessionsShown(database, literal),
            `${renameDatabaseSql(database, names.replaced)}; ${renameDatabaseSql(names.copy, database)}`,
            dropDatabaseSql(names.replaced, force),
          ]
        : [renameDatabaseSql(names.copy, database)]),
    ],
    snapshotStatements: (location) => [
      terminateSessionsShown(database, literal),
      cloneDatabaseSql(location, database, facts.user, fileCopy),
      refuseConnectionsSql(location),
    ],
    terminate,
    async drop() {
      await admin.query(dropDatabaseSql(database, force));
    },
    async create(recorded) {
      await admin.query(createDatabaseSql(database, recorded ?? shape, literal));
    },
    async wipe() {
      const statements = await wipeStatements();
      // One transaction: a wipe that fails half-way leaves every schema as it was.
      await withTarget((driver) => driver.execScript(['BEGIN', ...statements, 'COMMIT'].join(';\n')));
    },
    async restore(location, recorded) {
      const existed = await databaseExists(database);
      if (await databaseExists(names.replaced)) {
        // The swap is one transaction, so a set-aside copy means an earlier restore swapped in whole and
        // was stopped before dropping what it replaced, as that restore was asked to.
        if (!existed) {
          throw new SwitchyardError(
            'E_RESTORE_FAILED',
            `${database} does not exist, and a previous copy of it is kept as "${names.replaced}": rename that back (ALTER DATABASE "${names.replaced}" RENAME TO …) or drop it, then restore again. Nothing was changed.`,
          );
        }
        await admin.query(dropDatabaseSql(names.replaced, force));
      }
      const unchanged = (error: unknown) =>
        new SwitchyardError(
          'E_RESTORE_FAILED',
          `The restore failed before replacing anything: ${causeOf(error)}. ${database} is unchanged${existed ? '' : ' (it still does not exist)'}.`,
        );
      try {
        // A copy left by a killed restore is only ever our own half-made clone.
        if (await databaseExists(names.copy)) await admin.query(dropDatabaseSql(names.copy, force));
        await closeSnapshot(location);
        await cloneFrom(names.copy, location, ownerFor(recorded));
        if (existed) await swapIn(names.copy, names.replaced);
        else await admin.query(renameDatabaseSql(names.copy, database));
      } catch (error) {
        await admin.query(dropDatabaseSql(names.copy, force)).catch(() => undefined);
        throw unchanged(error);
      }
      if (existed) await admin.query(dropDatabaseSql(names.replaced, force));
    },
    async replacedCopy() {
      return (await databaseExists(names.replaced)) ? names.replaced : undefined;
    },
    async snapshot(snapshotId) {
      const location = lifecycle.snapshotLocation(snapshotId);
      const sessionsEnded = await cloneFrom(location, database, facts.user);
      await closeSnapshot(location);
      return { location, sizeBytes: await sizeOf(location), sessionsEnded };
    },
    async settleSnapshot(location) {
      // CREATE DATABASE commits whole or not at all: a database by that name is a complete copy. A
      // killed client's CREATE can still be running on the server, and would commit after we looked.
      if (!(await databaseExists(location))) {
        const running = await admin.query(
          "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query ILIKE 'CREATE DATABASE%' AND strpos(query, $1) > 0",
          [location],
        );
        return running.length > 0 ? 'in progress' : undefined;
      }
      await closeSnapshot(location);
      return sizeOf(location);
    },
    snapshotLocation: (snapshotId) => `switchyard_snapshot_${snapshotId.replace(/-/g, '').slice(0, 24)}`,
    async deleteSnapshot(location) {
      await admin.query(dropDatabaseSql(location, force));
    },
    close: () => admin.close(),
  };
  return lifecycle;
}
