// A PostgreSQL snapshot opened to be read: a snapshot is a template database that refuses connections
// (so it can never block its own restore), so its schema is read from a clone of it, a scratch
// database on the same server, dropped after. The snapshot itself is never altered.
import { SwitchyardError } from '../../../src-shared/errors';
import type { ConnectionTarget, Driver } from '../../drivers/driver';
import type { ScratchDatabase } from '../../scratch/scratchDatabase';
import { connectPostgres } from './postgresDriver';
import { scratchName } from './postgresScratch';
import { cloneDatabaseSql, dropDatabaseSql } from './resetStatements';

/** The snapshot's own database may be gone (that is when a snapshot matters most): the server's `postgres` database then. */
async function openOnServer(near: ConnectionTarget): Promise<Driver> {
  try {
    return await connectPostgres(near);
  } catch (error) {
    if (!(error instanceof SwitchyardError) || error.code !== 'E_UNKNOWN_DATABASE') throw error;
    return connectPostgres({ ...near, database: 'postgres' });
  }
}

const sqlstateOf = (error: unknown) => (error as { detail?: { sqlstate?: string } }).detail?.sqlstate;

export async function openPostgresSnapshotToRead(near: ConnectionTarget | undefined, location: string): Promise<ScratchDatabase> {
  if (!near) throw new SwitchyardError('E_NOT_FOUND', `No saved connection reaches the server that holds the snapshot ${location}: it cannot be read.`);
  const server = `${near.host}:${near.port}`;
  const admin = await openOnServer(near);
  const name = scratchName();
  let version: number;
  try {
    const [row] = await admin.query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version");
    version = Number(row?.version ?? 0);
    await admin.query(cloneDatabaseSql(name, location, near.user, version >= 150000));
  } catch (error) {
    if (sqlstateOf(error) === '42501')
      throw new SwitchyardError(
        'E_READ_ONLY',
        `The snapshot ${location} is read from a copy of it on ${server}, and ${near.user} may not create databases there: ${(error as Error).message}. Nothing was changed.`,
      );
    if (sqlstateOf(error) === '3D000') throw new SwitchyardError('E_NOT_FOUND', `The snapshot's database ${location} is no longer on ${server}.`);
    throw error;
  } finally {
    await admin.close();
  }
  let dropped = false;
  return {
    connection: { ...near, database: name, readOnly: true },
    where: `a copy of the snapshot ${location} on ${server}, dropped after`,
    async drop() {
      if (dropped) return;
      const dropper = await openOnServer(near);
      try {
        await dropper.query(dropDatabaseSql(name, version >= 130000));
        dropped = true;
      } finally {
        await dropper.close();
      }
    },
  };
}
