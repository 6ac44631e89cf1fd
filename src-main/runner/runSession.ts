// A run's hold on one database: the run lock, then steps, each with its bookkeeping, all or nothing.
// Each engine opens its own (src-main/engines/*/…RunSession.ts); the format says what to record.
import type { StepRecord } from '../formats/format';
import type { SqlBody } from '../migrations/readers/projectFiles';
import { lineAndColumn, type SqlStatement } from '../migrations/sqlStatements';
import type { PreparedStep } from './preparedStep';

/** The step's bookkeeping, given the duration as SQL (measured by the client, or an expression the server evaluates). */
export type StepRecorder = (durationSql: string) => StepRecord;

export interface RunSession {
  /** Runs one step (its body, then its verify script) and writes its bookkeeping atomically where the body allows; returns its duration in ms. */
  run(step: PreparedStep, record: StepRecorder): Promise<number>;
  /** Releases the run lock. */
  close(): Promise<void>;
}

/** A statement of a revision about to run, where its file has it: what a rehearsal's lock watch attributes a lock to. */
export interface RunStatement {
  file: string;
  line: number;
  /** Its first line, shortened: enough to recognise it. */
  text: string;
}

export interface RunSessionOptions {
  /** Creates the format's bookkeeping tables when missing, under the lock; absent when the tool keeps its own (Alembic). */
  prepareSql?: string;
  /** False: the run enforces no foreign keys, as the format's tool migrates (SQLite's PRAGMA foreign_keys). */
  foreignKeys?: boolean;
  /**
   * Told (and awaited) before each statement of a body, and with none after its last, which then goes to
   * the server statement by statement inside its transaction instead of as one script (a rehearsal, to
   * say which statement took each lock).
   * Engines without a lock watch (SQLite locks the whole file) may ignore it.
   */
  onStatement?: (step: PreparedStep, statement: RunStatement | undefined) => void | Promise<void>;
}

/** Where `statement` of `part` (the step's body or verify script) is, and its first line. */
export function runStatement(step: PreparedStep, part: SqlBody, statement: SqlStatement): RunStatement {
  const text = statement.sql.trimStart();
  const start = statement.offset + statement.sql.length - text.length;
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  return {
    file: part.file ?? step.file,
    line: part.line + lineAndColumn(part.sql, start).line - 1,
    text: firstLine.length > 80 || text.includes('\n') ? `${firstLine.slice(0, 80).trimEnd()} …` : firstLine,
  };
}
