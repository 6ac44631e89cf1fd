// A run's hold on one database: the run lock, then steps, each with its bookkeeping, all or nothing.
// Each engine opens its own (src-main/engines/*/…RunSession.ts).
import type { PreparedStep } from './preparedStep';

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
