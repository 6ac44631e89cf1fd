// A run's hold on one database: the run lock, then steps, each with its bookkeeping, all or nothing.
// Each engine opens its own (src-main/engines/*/…RunSession.ts); the format says what to record.
import type { StepRecord } from '../formats/format';
import type { PreparedStep } from './preparedStep';

/** The step's bookkeeping, given the duration as SQL (measured by the client, or an expression the server evaluates). */
export type StepRecorder = (durationSql: string) => StepRecord;

export interface RunSession {
  /** Runs one step (its body, then its verify script) and writes its bookkeeping atomically where the body allows; returns its duration in ms. */
  run(step: PreparedStep, record: StepRecorder): Promise<number>;
  /** Releases the run lock. */
  close(): Promise<void>;
}

export interface RunSessionOptions {
  /** Creates the format's bookkeeping tables when missing, under the lock; absent when the tool keeps its own (Alembic). */
  prepareSql?: string;
  /** False: the run enforces no foreign keys, as the format's tool migrates (SQLite's PRAGMA foreign_keys). */
  foreignKeys?: boolean;
}
