// The schema diff between any two of a connection, a snapshot and the expected schema of a project:
// each side read into a schema model, diffed, and the SQL that turns the first into the second
// written (never run). The CLI's `switchyard diff`, the API and the Compare screen all come here.
import { SwitchyardError } from '../../src-shared/errors';
import { formatMoment } from '../../src-shared/format/moment';
import type { ExpectedSchema } from '../../src-shared/model/expectedSchema';
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { Snapshot } from '../../src-shared/model/reset';
import type { SchemaModel } from '../../src-shared/model/schema';
import type { Confirmation } from '../../src-shared/model/confirmation';
import type { ComparedSide, ComparisonSetApart, SchemaComparison, SchemaSide } from '../../src-shared/model/schemaComparison';
import { setApart } from '../../src-shared/schema/drift';
import { diffSchemas, type SchemaDiff, type SchemaDiffOptions } from '../../src-shared/schema/schemaDiff';
import { engineFor } from '../engines/engineFor';
import { databaseKeyOf } from '../reset/databaseKey';
import type { StoreSession } from '../session/storeSession';
import type { MigrationTarget } from '../targets/migrationTarget';
import type { TargetResolver } from '../targets/targetResolver';
import { requireConfirmation } from '../targets/requireConfirmation';
import { withDriver } from '../targets/withDriver';
import type { ExpectedSchemaService } from './expectedSchemaService';

interface ReadSide {
  side: ComparedSide;
  schema: SchemaModel;
}

function fromExpected(name: string, { schema, ...expected }: ExpectedSchema): ReadSide {
  return { side: { name, engine: schema.engine, readFrom: expected.replayedIn, expected, ...versionOf(schema) }, schema };
}

function versionOf(schema: SchemaModel): Pick<ComparedSide, 'serverVersion'> {
  return schema.serverVersion === undefined ? {} : { serverVersion: schema.serverVersion };
}

export class SchemaComparisonService {
  constructor(
    private readonly targets: TargetResolver,
    private readonly session: StoreSession,
    private readonly expected: ExpectedSchemaService,
  ) {}

  async compare(from: SchemaSide, to: SchemaSide, options: SchemaDiffOptions = {}): Promise<SchemaComparison> {
    const fromEngine = this.engineOf(from);
    const toEngine = this.engineOf(to);
    if (fromEngine && toEngine && fromEngine !== toEngine)
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `A ${fromEngine} schema and a ${toEngine} schema cannot be compared: every object would differ in how it is written. Compare two ${fromEngine} or two ${toEngine} sides.`,
      );
    // A project alone replays on the other side's engine, so the two models are comparable.
    const engine = fromEngine ?? toEngine ?? 'postgres';
    // One after the other: a first replay may start the embedded server the second one reuses.
    const a = await this.read(from, engine);
    const b = await this.read(to, engine);
    const apart = this.setApart(from, to, a, b, diffSchemas(a.schema, b.schema, options));
    // Written from the diff without another application's objects: the SQL never touches them.
    const sql = engineFor(a.schema.engine).schema.sqlToMatch(a.schema, b.schema, apart.diff);
    return { from: a.side, to: b.side, diff: apart.diff, sql, ...(apart.otherApplication ? { otherApplication: apart.otherApplication } : {}) };
  }

  /**
   * Another application's objects set apart by the exclusion rules of the side to change's connection
   * (else the other side's), as drift sets them apart; "not made by the migrations" needs one side to
   * be what migrations make, and says so when neither is.
   */
  private setApart(from: SchemaSide, to: SchemaSide, a: ReadSide, b: ReadSide, diff: SchemaDiff): { diff: SchemaDiff; otherApplication?: ComparisonSetApart } {
    const owner = this.rulesOwner(from) ?? this.rulesOwner(to);
    if (!owner) return { diff };
    const rules = this.session.store.exclusions.get(owner.profileId);
    const migrations = [a, b].find((read) => read.side.expected !== undefined);
    const made = migrations ? new Set(migrations.schema.objects.map((o) => o.key)) : undefined;
    const found = setApart(diff, rules, made);
    const notApplied =
      rules.notFromMigrations && !made
        ? ['“everything the migrations did not make”: neither side is what migrations make, so nothing says what they made']
        : [];
    return { diff: found.diff, otherApplication: { connection: owner.name, profileId: owner.profileId, rules, objects: found.otherApplication, notApplied } };
  }

  /** The saved connection a side belongs to: itself, what its migrations make, or the one its snapshot was taken of. */
  private rulesOwner(side: SchemaSide): { profileId: string; name: string } | undefined {
    switch (side.kind) {
      case 'connection':
      case 'expected':
        return 'profileId' in side.target ? { profileId: side.target.profileId, name: this.targets.resolve(side.target).target.name } : undefined;
      case 'snapshot': {
        const { profileId } = this.snapshot(side.snapshotId);
        const profile = this.session.store.profiles.list().find((p) => p.id === profileId);
        return profile ? { profileId, name: this.targets.resolve({ profileId }).target.name } : undefined;
      }
      case 'project':
        return undefined;
    }
  }

  /**
   * Runs the SQL that makes the database `from` like `to`, as the user reviewed it: the comparison is
   * made again, and statements other than `reviewed` (the schema changed since) are refused, as is a
   * read-only connection or a production one without its name typed. Returns the comparison after.
   */
  async apply(
    from: SchemaSide,
    to: SchemaSide,
    options: SchemaDiffOptions,
    reviewed: readonly string[],
    confirmation: Confirmation,
    actor: string,
  ): Promise<SchemaComparison> {
    if (from.kind !== 'connection')
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        'Only a database can be changed: the side to change must be a connection, not a snapshot or what migrations make.',
      );
    const { target } = this.targets.resolve(from.target);
    if (target.connection.readOnly) throw new SwitchyardError('E_READ_ONLY', `${target.name} is a read-only connection: Switchyard will not change it.`);
    requireConfirmation({ connection: target.name, environment: target.environment, what: 'change its schema' }, confirmation);
    const before = await this.compare(from, to, options);
    const statements = before.sql.statements.map((s) => s.sql);
    if (statements.length !== reviewed.length || statements.some((sql, i) => sql !== reviewed[i]))
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `The SQL to make ${target.name} like ${before.to.name} is no longer what was reviewed: one of the schemas changed since. Compare again and review it. Nothing was changed.`,
      );
    const script = statements.join(';\n');
    const { audit } = this.session.store;
    const detail = {
      like: before.to.name,
      statements: statements.length,
      destroys: before.sql.statements.flatMap((s) => (s.destroys === null ? [] : [s.destroys])),
    };
    try {
      // Statements that hold their own transaction (SQLite's rebuild) run as they are; the others in one.
      await withDriver(target, (driver) => driver.execScript(before.sql.ownTransaction ? script : `BEGIN;\n${script};\nCOMMIT`));
    } catch (error) {
      const message = (error as Error).message;
      audit.append({ actor, action: 'schema.apply', target: target.name, detail: { ...detail, ok: false, error: message } });
      if (error instanceof SwitchyardError) throw error;
      throw new SwitchyardError(
        'E_MIGRATION_FAILED',
        `The SQL failed on ${target.name}: ${message}. Its transaction was rolled back: the schema is as it was.`,
      );
    }
    audit.append({ actor, action: 'schema.apply', target: target.name, detail: { ...detail, ok: true } });
    return this.compare(from, to, options);
  }

  /** The engine a side is fixed to; a project alone has none of its own unless told. */
  private engineOf(side: SchemaSide): EngineKind | undefined {
    switch (side.kind) {
      case 'connection':
      case 'expected':
        return this.targets.resolve(side.target).target.connection.engine;
      case 'snapshot':
        return this.snapshot(side.snapshotId).engine;
      case 'project':
        return side.engine;
    }
  }

  private async read(side: SchemaSide, engine: EngineKind): Promise<ReadSide> {
    switch (side.kind) {
      case 'connection': {
        const { target } = this.targets.resolve(side.target);
        const schema = await withDriver(target, (driver) => engineFor(target.connection.engine).schema.read(driver));
        return {
          side: { name: target.name, engine: schema.engine, readFrom: engineFor(schema.engine).location(target.connection), ...versionOf(schema) },
          schema,
        };
      }
      case 'snapshot':
        return this.readSnapshot(this.snapshot(side.snapshotId));
      case 'expected': {
        const { target } = this.targets.resolve(side.target);
        return fromExpected(`what ${target.name}'s migrations make`, await this.expected.ofTarget(side.target, side.revisions));
      }
      case 'project': {
        const alone = {
          projectDir: side.project,
          engine: side.engine ?? engine,
          ...(side.format ? { projectFormat: side.format } : {}),
          ...(side.alembic ? { alembicCommand: side.alembic } : {}),
        };
        return fromExpected(`what the migrations in ${side.project} make`, await this.expected.ofProject(alone, side.revisions));
      }
    }
  }

  /** By its whole id or the start of it, as `snapshot list` prints it; only a finished copy can be read. */
  private snapshot(idOrStart: string): Snapshot {
    const found = this.session.store.snapshots.startingWith(idOrStart);
    const snapshot = found.length === 1 ? found[0] : found.find((s) => s.id === idOrStart);
    if (!snapshot) {
      if (found.length > 1)
        throw new SwitchyardError('E_INVALID_INPUT', `${found.length} snapshots have an id starting with ${idOrStart}: give more of it.`, {
          ids: found.map((s) => s.id),
        });
      throw new SwitchyardError('E_NOT_FOUND', `No snapshot has the id ${idOrStart}.`);
    }
    if (snapshot.state !== 'ready') throw new SwitchyardError('E_INVALID_INPUT', `The snapshot "${snapshot.name}" was never finished: it cannot be read.`);
    return snapshot;
  }

  /** A saved connection to the snapshot's database: the one that took it, else any other that reaches it. */
  private reaching(snapshot: Snapshot): MigrationTarget | undefined {
    const profiles = this.session.store.profiles.list();
    const ordered = [...profiles.filter((p) => p.id === snapshot.profileId), ...profiles.filter((p) => p.id !== snapshot.profileId)];
    for (const profile of ordered) {
      const { target } = this.targets.resolve({ profileId: profile.id });
      if (target.connection.engine === snapshot.engine && databaseKeyOf(target.connection) === snapshot.databaseKey) return target;
    }
    return undefined;
  }

  private async readSnapshot(snapshot: Snapshot): Promise<ReadSide> {
    const owner = this.reaching(snapshot);
    const engine = engineFor(snapshot.engine);
    const copy = await engine.openSnapshotToRead(owner?.connection, snapshot.location);
    try {
      const driver = await engine.connectToRead(copy.connection);
      let schema: SchemaModel;
      try {
        schema = await engine.schema.read(driver);
      } finally {
        await driver.close();
      }
      const of = owner ? ` of ${owner.name}` : '';
      return {
        side: {
          name: `snapshot "${snapshot.name}"${of}, taken ${formatMoment(snapshot.createdAt)}`,
          engine: snapshot.engine,
          readFrom: copy.where,
          ...versionOf(schema),
        },
        schema,
      };
    } finally {
      await copy.drop();
    }
  }
}
