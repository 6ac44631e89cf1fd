// The seam between Switchyard and a migration tool's layout. A format detects its folders, reads
// them into revisions, and keeps the tool's own bookkeeping table in the tool's own layout, so the
// tool and Switchyard can take turns on one database and agree. One folder per format beside this
// file, chosen once by the registry (formatRegistry.ts). Types only.
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { AppliedRecord } from '../../src-shared/model/status';
import type { ProjectFormat } from '../../src-shared/model/revision';
import type { Driver } from '../drivers/driver';
import type { VersionTableSql } from '../engines/versionTableSql';
import type { ProjectFiles, RevisionFile, SqlBody } from '../migrations/readers/projectFiles';
import type { PreparedStep } from '../runner/preparedStep';

export interface ReadOptions {
  /** The engine the project is read for: a format with per-engine files (pop's dialects) takes that engine's. */
  engine: EngineKind;
}

/** What the database records as applied, in the order it was applied. */
export interface RecordedState {
  /** The bookkeeping table exists. */
  initialised: boolean;
  records: AppliedRecord[];
}

/** What a format reads from a database: its bookkeeping. */
export interface BookkeepingReader {
  /** The tables it keeps, as the static analysis spells them (`sqitch.changes`): the inventory shows them as bookkeeping. */
  readonly tables: readonly string[];
  /** The database carries this bookkeeping (for a database another tool migrated). */
  present(driver: Driver): Promise<boolean>;
  read(driver: Driver, project: ProjectFiles): Promise<RecordedState>;
}

/** The statements that record one step, in the tool's own layout. */
export interface StepRecord {
  /**
   * Committed before a body that runs outside a transaction, so a failure leaves the tool's own mark
   * (golang-migrate's dirty flag, Prisma's unfinished row); inside a transaction it runs with the rest.
   */
  before?: string;
  /**
   * `before` is committed on its own even when the body runs in a transaction: the tool records the start
   * in a statement of its own before it sends the script (Prisma's started row), so a body that fails
   * leaves that mark, unfinished, as the tool's run leaves it.
   */
  beforeOnItsOwn?: boolean;
  /** Records the step as done: in the step's transaction, or after a body that runs outside one. */
  after: string;
  /**
   * Run when the verify script fails after a body that ran outside a transaction: the tool's own way
   * back (sqitch runs the change's revert script), so the failed change is not left half-applied.
   */
  undoWhenVerifyFails?: SqlBody;
}

export interface RecordContext {
  appliedBy: string;
  /** The duration as SQL: a number the client measured, or an expression the server evaluates. */
  durationSql: string;
}

/** The bookkeeping of a format whose revisions Switchyard runs itself. */
export interface SqlBookkeeping extends BookkeepingReader {
  /** Creates the tables when missing, in the engine's dialect: run under the run lock before the first step, and shown by the dry run. */
  createSql(dialect: VersionTableSql): string;
  /** A state the tool itself refuses to run on (golang-migrate's dirty flag), said with the way out; null when none. */
  refusal(driver: Driver): Promise<string | null>;
  /**
   * Where the tool refuses a whole run before its first change (sqitch: a change conflicting with one
   * deployed, or reverting one a change that stays deployed requires), given the planned steps in
   * order: why, in the tool's words; null when it would run. Absent: the tool has no such rule.
   */
  refuseSteps?(driver: Driver, steps: readonly PreparedStep[]): Promise<string | null>;
  record(driver: Pick<Driver, 'literal' | 'engine'>, step: PreparedStep, context: RecordContext): StepRecord;
  /** The checksum the tool records for a revision (compared with the recorded one for `changed`); null when it keeps none. */
  checksum(file: RevisionFile): string | null;
}

interface FormatBase {
  readonly name: ProjectFormat;
  /** Why `dir` (whose listing is `names`) is a project of this format, in words graph --json shows; null when it is not. */
  detect(dir: string, names: readonly string[]): string | null;
  read(dir: string, names: readonly string[], options: ReadOptions): ProjectFiles;
}

/** A format whose SQL Switchyard runs, recording each step as the tool does. */
export interface SqlFormat extends FormatBase {
  readonly runner: 'sql';
  readonly bookkeeping: SqlBookkeeping;
  /**
   * How a revision says in this format that it runs outside a transaction (`-- migrate:up transaction:false`),
   * named when a statement PostgreSQL refuses in a transaction is found in one that does not say so;
   * null when the tool decides by itself (Flyway), in which case the reader has marked the body already.
   */
  readonly outsideTransaction: string | null;
  /**
   * Set when the tool refuses to run while an applied revision's file no longer matches its recorded
   * checksum (Flyway's validate on migrate): the way out, in the tool's words. Null: the tool runs anyway
   * and the status lists the revision as changed.
   */
  readonly refusesChanged?: string;
  /**
   * Set when the tool refuses a folder where two files give one version (golang-migrate's duplicate
   * migration file, goose's duplicate version, Flyway's "more than one migration with version"): in its
   * words. Every run of such a project is then refused before its first statement, as the tool refuses.
   */
  readonly refusesDuplicates?: string;
  /**
   * False when the tool migrates a SQLite database with foreign keys off (ory's popx), where Switchyard's
   * connection enforces them: enforced, the DROP TABLE of a table rebuilt under a temporary name deletes
   * the rows that refer to it through ON DELETE CASCADE, where the tool's run keeps them.
   */
  readonly sqliteForeignKeys?: boolean;
}

/** A format whose own tool runs the migrations (Alembic's Python files): Switchyard plans, the tool runs. */
export interface ToolFormat extends FormatBase {
  readonly runner: 'tool';
  readonly bookkeeping: BookkeepingReader;
}

export type MigrationFormat = SqlFormat | ToolFormat;
