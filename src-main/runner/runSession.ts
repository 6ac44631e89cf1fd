// A run's hold on one database: the run lock, then steps, each with its bookkeeping, all or nothing.
import type { Driver } from '../drivers/driver';
import type { PreparedStep } from './preparedStep';
import { openPostgresRunSession } from './postgresRunSession';
import { openSqliteRunSession } from './sqliteRunSession';

export interface RunSession {
  /** Runs one step and writes its bookkeeping atomically; returns its duration in ms. */
  run(step: PreparedStep, appliedBy: string): Promise<number>;
  /** Releases the run lock. */
  close(): Promise<void>;
}

export interface RunSessionOptions {
  /** Create switchyard_migrations (native projects); Alembic keeps its own table. */
  bookkeeping: boolean;
}

export function openRunSession(driver: Driver, target: { name: string; sqlitePath: string }, lockTimeoutMs: number, options: RunSessionOptions = { bookkeeping: true }): Promise<RunSession> {
  return driver.engine === 'postgres'
    ? openPostgresRunSession(driver, target.name, lockTimeoutMs, options.bookkeeping)
    : openSqliteRunSession(driver, target.sqlitePath, lockTimeoutMs, options.bookkeeping);
}
