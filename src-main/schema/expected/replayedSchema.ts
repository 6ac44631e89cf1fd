// A project's migrations replayed into a scratch database through the runner itself (each format's
// run session, Alembic through alembic), then read with the schema model; the scratch database is
// dropped whatever happens.
import type { SchemaModel } from '../../../src-shared/model/schema';
import type { Engine as EngineKind, ProjectFormatChoice } from '../../../src-shared/model/profile';
import type { ConnectionTarget } from '../../drivers/driver';
import { engineFor } from '../../engines/engineFor';
import { runTarget } from '../../runner/runnerService';
import type { ScratchPlace } from '../../scratch/scratchDatabase';
import type { MigrationTarget } from '../../targets/migrationTarget';
import { withDriver } from '../../targets/withDriver';
import { replayFailure } from './replayFailure';

/** Whose expected schema: a project, the engine it runs on, and the database whose server may hold the scratch database. */
export interface ReplaySource {
  /** For messages: the target's name, or the project folder. */
  name: string;
  engine: EngineKind;
  near: ConnectionTarget | undefined;
  projectDir: string;
  projectFormat: ProjectFormatChoice;
  alembicCommand: string;
}

export interface ReplayedSchema {
  schema: SchemaModel;
  replayedIn: string;
  /** With `oneByOne`: which revision first made each object. */
  createdBy?: Record<string, string>;
}

const actor = 'switchyard (expected schema)';

/**
 * Upgrades a scratch database to each of `heads` in turn (one run each, as the runner plans it), then
 * reads its schema. `oneByOne`, the revisions to replay in their upgrade order, runs them one at a time
 * instead and reads the schema after each, so every object is known by the revision that first made it.
 */
export async function replayedSchema(
  source: ReplaySource,
  heads: readonly string[],
  place: ScratchPlace,
  oneByOne?: readonly string[],
): Promise<ReplayedSchema> {
  const scratch = await engineFor(source.engine).openScratch(source.near, place);
  try {
    const target: MigrationTarget = {
      name: `the scratch database for ${source.name}`,
      environment: 'dev',
      connection: scratch.connection,
      projectDir: source.projectDir,
      projectFormat: source.projectFormat,
      alembicCommand: source.alembicCommand,
    };
    // A replay of nothing still opens the scratch database, so an empty schema reads as the engine gives it.
    const read = () => withDriver(target, (driver) => engineFor(source.engine).schema.read(driver), true);
    const upgrade = async (to: string) => {
      try {
        await runTarget(target, { action: 'upgrade', to }, { actor, confirmProduction: true });
      } catch (error) {
        throw replayFailure(error, scratch.where, source.name);
      }
    };
    if (!oneByOne) {
      for (const to of heads) await upgrade(to);
      return { schema: await read(), replayedIn: scratch.where };
    }
    const createdBy: Record<string, string> = {};
    let schema = await read();
    // What the empty database already holds (the public schema) no revision made.
    const before = new Set(schema.objects.map((o) => o.key));
    for (const revision of oneByOne) {
      await upgrade(revision);
      schema = await read();
      for (const { key } of schema.objects) if (!before.has(key) && createdBy[key] === undefined) createdBy[key] = revision;
    }
    return { schema, replayedIn: scratch.where, createdBy };
  } finally {
    await scratch.drop();
  }
}
