// PostgreSQL scratch databases: on the target's own server when its role may create databases (same
// version, same extensions at hand), otherwise on Switchyard's embedded PostgreSQL. Named
// switchyard_scratch_<moment>_<pid>_<random>, so one is recognisably Switchyard's wherever it is seen.
import { randomBytes } from 'node:crypto';
import { SwitchyardError } from '../../../src-shared/errors';
import type { ConnectionTarget, Driver } from '../../drivers/driver';
import { quoteIdentifier } from '../../drivers/identifier';
import type { EmbeddedServerAddress, ScratchDatabase, ScratchPlace } from '../../scratch/scratchDatabase';
import { connectPostgres } from './postgresDriver';
import { dropDatabaseSql } from './resetStatements';

export const scratchPrefix = 'switchyard_scratch_';

export function scratchName(): string {
  const moment = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return `${scratchPrefix}${moment}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export const serverOf = (connection: ConnectionTarget) => `${connection.host}:${connection.port}`;

export interface ServerFacts {
  version: number;
  /** Why a scratch database cannot be made here; undefined when it can. */
  refusal: string | undefined;
}

export async function factsOf(driver: Driver, connection: ConnectionTarget): Promise<ServerFacts> {
  const [row] = await driver.query<{ version: number; user: string; may_create: boolean; read_only: string }>(
    `SELECT current_setting('server_version_num')::int AS version, current_user AS user,
            (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS may_create,
            current_setting('default_transaction_read_only') AS read_only`,
  );
  const version = Number(row?.version ?? 0);
  // A connection marked read-only promises that Switchyard writes nothing on that server, a scratch database included.
  if (row?.read_only === 'on') return { version, refusal: `the connection to ${serverOf(connection)} is read-only` };
  if (row?.may_create !== true)
    return { version, refusal: `${row?.user ?? connection.user} may not create databases on ${serverOf(connection)} (no CREATEDB)` };
  return { version, refusal: undefined };
}

const insufficientPrivilege = (error: unknown) => error instanceof SwitchyardError && (error.detail as { sqlstate?: string } | undefined)?.sqlstate === '42501';

/** Creates the scratch database through `admin` (connected to `server`); dropped through a new connection, as admin may be gone by then. */
async function createOn(admin: Driver, server: ConnectionTarget, version: number, where: string): Promise<ScratchDatabase> {
  const name = scratchName();
  // template0: nothing a site added to template1 is taken for something the migrations made.
  await admin.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE template0`);
  let dropped = false;
  return {
    connection: { ...server, database: name, readOnly: false },
    where,
    async drop() {
      if (dropped) return;
      const dropper = await connectPostgres(server);
      try {
        // WITH (FORCE) (13+) also ends a session a replay left behind (an Alembic child still closing).
        await dropper.query(dropDatabaseSql(name, version >= 130000));
        dropped = true;
      } finally {
        await dropper.close();
      }
    },
  };
}

function embeddedConnection(server: EmbeddedServerAddress): ConnectionTarget {
  return { engine: 'postgres', ...server, database: 'postgres', sslMode: 'disable', sslCaFile: '', sqlitePath: '', readOnly: false };
}

async function onEmbeddedServer(place: ScratchPlace, why: string): Promise<ScratchDatabase> {
  const connection = embeddedConnection(await place.embeddedServer());
  const admin = await connectPostgres(connection);
  try {
    const { version } = await factsOf(admin, connection);
    return await createOn(
      admin,
      connection,
      version,
      `Switchyard's embedded PostgreSQL ${Math.floor(version / 10000)} on ${serverOf(connection)}, because ${why}`,
    );
  } finally {
    await admin.close();
  }
}

/** `near`: the target, whose server is tried first; without one (a project alone) the embedded server is used. */
export async function openPostgresScratch(near: ConnectionTarget | undefined, place: ScratchPlace): Promise<ScratchDatabase> {
  if (!near) return onEmbeddedServer(place, 'no database server was given');
  const admin = await connectPostgres(near);
  let why: string;
  try {
    const facts = await factsOf(admin, near);
    if (facts.refusal === undefined) {
      try {
        return await createOn(admin, { ...near, readOnly: false }, facts.version, `a temporary database on ${serverOf(near)}`);
      } catch (error) {
        if (!insufficientPrivilege(error)) throw error;
        why = `${near.user} may not create databases on ${serverOf(near)} (${(error as Error).message})`;
      }
    } else {
      why = facts.refusal;
    }
    why += `, which runs PostgreSQL ${Math.floor(facts.version / 10000)}`;
  } finally {
    await admin.close();
  }
  return onEmbeddedServer(place, why);
}
