// The seam between Switchyard and a database engine. Everything that differs between PostgreSQL and
// SQLite — connecting, the run lock, the catalog, counting, permissions, the version table's SQL, the
// reset lifecycle and snapshots — is a member of Engine, implemented once per folder beside this file
// and chosen once by engineFor. Types only: implementations import this, never the other way round.
import type { TableSize } from '../../src-shared/model/inventory';
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { PreflightFinding } from '../../src-shared/model/run';
import type { SchemaModel, SchemaReadOptions } from '../../src-shared/model/schema';
import type { SchemaDiff } from '../../src-shared/schema/schemaDiff';
import type { SchemaSql } from '../../src-shared/schema/schemaSql';
import type { ConnectionTarget, Driver } from '../drivers/driver';
import type { CatalogRelation } from '../inventory/catalogRelation';
import type { RefusedInTransaction } from '../migrations/transactionRules';
import type { VersionTableSql } from './versionTableSql';
import type { DatabaseLifecycle } from '../reset/lifecycle';
import type { RunSession, RunSessionOptions } from '../runner/runSession';
import type { ScratchDatabase, ScratchPlace } from '../scratch/scratchDatabase';
import type { CloneDatabase, LockWatch } from '../scratch/cloneDatabase';

/** Where a connection goes: the fields a profile and a connection target share. */
export type Destination = Pick<ConnectionTarget, 'host' | 'port' | 'database' | 'user' | 'sslMode' | 'sslCaFile' | 'sqlitePath'>;

export interface ConnectOptions {
  /** Create the database when it is missing (a SQLite file for the demo or a first run); otherwise missing is an error. */
  create?: boolean;
}

/** A relation addressed in the catalog. */
export interface TableName {
  schema: string;
  name: string;
}

export interface Catalog {
  relations: CatalogRelation[];
  /** True when the sizes are exact already (SQLite with dbstat). */
  sizesExact: boolean;
}

/** What a database holds, read from the engine's own catalog. The schema diff extends it (columns, constraints, indexes). */
export interface EngineCatalog {
  /** The first screen: relations with estimated (or, where cheap, exact) rows and sizes. */
  read(driver: Driver): Promise<Catalog>;
  /** Sizes that open every file: the slow half of the catalog, read after the first screen. */
  exactSizes(driver: Driver): Promise<TableSize[]>;
  /** What "count all" counts: stored relations, not views (a view's count runs its query). */
  countableTables(driver: Driver): Promise<TableName[]>;
  /** Table and view names as the static analysis spells them (`public.x` is `x`, other schemas keep a prefix). */
  existingTableNames(driver: Driver): Promise<Set<string>>;
  /** Where an unqualified CREATE TABLE lands; the static analysis spells tables there without a schema. */
  readonly defaultSchema: string;
  /** A table name as the static analysis spells it, addressed in this catalog. */
  address(table: string): TableName;
  tableExists(driver: Driver, table: string): Promise<boolean>;
  /** One exact count; `timeoutMs` bounds it where the engine can stop a statement. */
  countRows(driver: Driver, table: TableName, timeoutMs: number): Promise<number>;
  /** The rows `read` returns are exact counts already: an impact needs no counting. */
  readonly rowsExact: boolean;
}

/** The full schema model (src-shared/model/schema.ts): every object with its attributes and dependencies, in a fixed number of queries. */
export interface EngineSchema {
  /** Reads in a transaction of its own: the driver must not be inside one. */
  read(driver: Driver, options?: SchemaReadOptions): Promise<SchemaModel>;
  /**
   * The SQL that makes `from` like `to`: the statements carrying out `diff` (`diffSchemas(from, to)`),
   * in an order the engine accepts, each saying what it destroys. Only written, never run here.
   */
  sqlToMatch(from: SchemaModel, to: SchemaModel, diff: SchemaDiff): SchemaSql;
}

export interface Engine {
  readonly kind: EngineKind;
  connect(target: ConnectionTarget, options?: ConnectOptions): Promise<Driver>;
  /** Reads never create: a database not created yet reads as the empty database it will be, where the engine can say so. */
  connectToRead(target: ConnectionTarget): Promise<Driver>;
  /** Which database this is, whichever profile reaches it: snapshots are kept under this key. */
  databaseKey(connection: Pick<ConnectionTarget, 'host' | 'port' | 'database' | 'sqlitePath'>): string;
  /** Where the database is, in the words a user recognises (user@host:port/db, or the file). */
  location(connection: Destination): string;
  /** A stored password may be sent to `asked`: the same database, reached the same way as where it was saved for. */
  sameDestination(saved: Destination, asked: Destination): boolean;
  /** Where a stored password is bound to, in words: the location and how it is reached. */
  destinationName(destination: Destination): string;
  /** The URL a Python child (Alembic's SQLAlchemy) connects with. */
  sqlalchemyUrl(target: ConnectionTarget): string;
  readonly catalog: EngineCatalog;
  readonly schema: EngineSchema;
  /** What the connected user may not do that a run needs (create objects, have a schema to create them in). */
  permissionFindings(driver: Driver): Promise<PreflightFinding[]>;
  readonly versionTable: VersionTableSql;
  /** Statements of `sql` this engine refuses inside a transaction (CREATE INDEX CONCURRENTLY, VACUUM…), found from the parse tree. */
  refusedInTransaction(driver: Driver, sql: string): Promise<RefusedInTransaction[]>;
  /** Takes the run lock (waiting up to `lockTimeoutMs`) and returns the session that runs steps under it. */
  openRunSession(
    driver: Driver,
    target: { name: string; connection: ConnectionTarget },
    lockTimeoutMs: number,
    options: RunSessionOptions,
  ): Promise<RunSession>;
  /** The database's lifecycle for resets and snapshots; `snapshotDir` is where file copies go. */
  openLifecycle(connection: ConnectionTarget, snapshotDir: string): Promise<DatabaseLifecycle>;
  /**
   * A throwaway database to replay migrations into, beside `near` where its server takes one, else in
   * `place` (Switchyard's embedded PostgreSQL, a scratch file). The caller drops it, also on failure.
   */
  openScratch(near: ConnectionTarget | undefined, place: ScratchPlace): Promise<ScratchDatabase>;
  /**
   * A copy of `source` to rehearse a run on, which only reads `source`: the engine's own copy where it
   * can make one, else its schema with a sample of rows (`whole`: tables copied whole, the bookkeeping).
   * The caller drops it, also on failure.
   */
  openClone(source: ConnectionTarget, place: ScratchPlace, whole: readonly TableName[]): Promise<CloneDatabase>;
  /** Watches the locks a run takes on `database`'s existing tables, from a connection of its own. */
  watchLocks(database: ConnectionTarget): Promise<LockWatch>;
  /**
   * A snapshot (`Snapshot.location`) opened to be read and never changed, `near` reaching its server:
   * the schema diff reads it like any connection, then drops what was made for it.
   */
  openSnapshotToRead(near: ConnectionTarget | undefined, location: string): Promise<ScratchDatabase>;
}
