// PostgreSQL through pg: TLS modes, timeouts, and read-only enforced by the server on the session.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type pg from 'pg';
import { SwitchyardError } from '../../../src-shared/errors';
import { SqlExecutionError, type ConnectionTarget, type Driver, type Row } from '../../drivers/driver';
import { routeTo } from '../../drivers/ssh/throughTunnel';
import { translateConnectError } from './connectErrors';

const defaultTimeoutMs = 10_000;

/**
 * The application name of this process's own sessions: 'switchyard' and a tag of this process, so the
 * reset wizard can leave its own reads (the problems summary, a drift read) out of the sessions it shows a
 * user to end, while another Switchyard (a colleague's, the CLI) still counts.
 */
export const ownApplicationName = `switchyard ${process.pid}-${randomBytes(3).toString('hex')}`;

function sslOptions(target: ConnectionTarget): false | ConnectionOptions {
  if (target.sslMode === 'disable') return false;
  let ca: string | undefined;
  if (target.sslCaFile) {
    try {
      ca = readFileSync(target.sslCaFile, 'utf8');
    } catch {
      throw new SwitchyardError('E_FILE_NOT_FOUND', `The CA file ${target.sslCaFile} cannot be read.`);
    }
  }
  switch (target.sslMode) {
    case 'require':
      // libpq semantics: encrypted, but the certificate is not checked.
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { ca, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ca, rejectUnauthorized: true, servername: target.host };
  }
}

export function clientConfig(target: ConnectionTarget): pg.ClientConfig {
  const timeout = target.timeoutMs ?? defaultTimeoutMs;
  return {
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.user,
    password: target.password ?? '',
    ssl: sslOptions(target),
    connectionTimeoutMillis: timeout,
    application_name: ownApplicationName,
    // Enforced by the server, not by us: every transaction of this session is read-only.
    options: target.readOnly ? '-c default_transaction_read_only=on' : undefined,
  };
}

// pg is loaded on the first connection: commands that never connect (graph, plan, --help) would
// otherwise spend a good part of their start-up evaluating it.
let driverModule: Promise<typeof pg> | undefined;

/** A session that can open another to the same database, as the same user, the same way (a large schema read shares its snapshot with them). */
export interface PostgresDriver extends Driver {
  openAnother(): Promise<Driver>;
}

export function canOpenAnother(driver: Driver): driver is PostgresDriver {
  return typeof (driver as Partial<PostgresDriver>).openAnother === 'function';
}

export async function connectPostgres(target: ConnectionTarget): Promise<PostgresDriver> {
  const { Client } = await (driverModule ??= import('pg').then((loaded) => loaded.default));
  // Through an SSH route, pg talks to the tunnel's local end; TLS still checks the database's own name.
  const route = await routeTo(target);
  let client: pg.Client;
  try {
    client = new Client({ ...clientConfig(target), host: route.host, port: route.port });
  } catch (error) {
    route.lease?.release();
    throw translateConnectError(error, target);
  }
  // A dropped connection must surface on the next query, not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    route.lease?.release();
    throw translateConnectError(error, target);
  }

  const query = async <T extends Row>(sql: string, params: unknown[] = []): Promise<T[]> => {
    try {
      return (await client.query<T>(sql, params)).rows;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code === '25006') throw new SwitchyardError('E_READ_ONLY', 'This connection is read-only: the statement would write.');
      throw new SwitchyardError('E_CONNECTION_FAILED', message ?? 'Query failed', { sqlstate: code });
    }
  };

  return {
    engine: 'postgres',
    query,
    async execScript(sql) {
      try {
        await client.query(sql);
      } catch (error) {
        const { code, message, position } = error as { code?: string; message?: string; position?: string };
        // Class 57 (operator intervention: shutdown, terminated) and socket errors lose the session.
        const lost = code === undefined || code.startsWith('57') || code.startsWith('08');
        throw new SqlExecutionError(message ?? 'statement failed', code, position ? Number(position) - 1 : undefined, lost);
      }
    },
    literal: (value) => client.escapeLiteral(value),
    openAnother: () => connectPostgres(target),
    async describe() {
      const started = performance.now();
      await query('SELECT 1');
      const latencyMs = performance.now() - started;
      const [row] = await query<{ version: string; current_user: string; can_create: boolean; read_only: string }>(
        `SELECT current_setting('server_version') AS version, current_user,
                (SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user) AS can_create,
                current_setting('default_transaction_read_only') AS read_only`,
      );
      return {
        serverVersion: `PostgreSQL ${row?.version ?? 'unknown'}`,
        latencyMs: Math.round(latencyMs * 100) / 100,
        currentUser: row?.current_user ?? target.user,
        canCreateDatabase: row?.can_create === true,
        readOnly: row?.read_only === 'on',
      };
    },
    async close() {
      await client.end().catch(() => undefined);
      route.lease?.release();
    },
  };
}
