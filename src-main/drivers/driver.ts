// The one interface the rest of the code sees for a target database, whatever its engine.
import type { ConnectionTestResult } from '../../src-shared/model/connectionTest';
import type { Engine, SslMode } from '../../src-shared/model/profile';
import type { SshHop } from '../../src-shared/model/sshRoute';

/** One SSH host on the way to the database, with its passphrase or password: in memory only. */
export type SshHopTarget = Omit<SshHop, 'hasSecret'> & { secret?: string };

/** Everything needed to reach a database; built from a profile plus its secret, never persisted. */
export interface ConnectionTarget {
  engine: Engine;
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  sslMode: SslMode;
  sslCaFile: string;
  sqlitePath: string;
  readOnly: boolean;
  /** Connect and statement timeout; a hung server must never hang the app. */
  timeoutMs?: number;
  /** The SSH hosts the connection goes through, outermost first (drivers/ssh/); absent or empty: direct. */
  ssh?: SshHopTarget[];
  /** Set on a copy only, for a child process: the local end of the SSH tunnel that reaches host:port. */
  via?: { host: string; port: number };
}

export type Row = Record<string, unknown>;

/** A statement the server rejected, with where in the script it failed when the server says. */
export class SqlExecutionError extends Error {
  constructor(
    message: string,
    readonly sqlstate: string | undefined,
    /** 0-based character offset into the script, when known. */
    readonly position: number | undefined,
    /** The connection itself failed (server gone, network): the outcome of the last commit is the server's to tell. */
    readonly connectionLost: boolean,
  ) {
    super(message);
    this.name = 'SqlExecutionError';
  }
}

export interface Driver {
  readonly engine: Engine;
  /** Server version, latency, who we are and what we may do. */
  describe(): Promise<ConnectionTestResult>;
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements (no parameters); failures throw SqlExecutionError. */
  execScript(sql: string): Promise<void>;
  /** A value as a SQL literal, for scripts that must go in one round trip. */
  literal(value: string): string;
  close(): Promise<void>;
}
