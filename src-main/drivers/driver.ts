// The one interface the rest of the code sees for a target database, whatever its engine.
import type { ConnectionTestResult } from '../../src-shared/model/connectionTest';
import type { Engine, SslMode } from '../../src-shared/model/profile';

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
}

export type Row = Record<string, unknown>;

export interface Driver {
  readonly engine: Engine;
  /** Server version, latency, who we are and what we may do. */
  describe(): Promise<ConnectionTestResult>;
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}
