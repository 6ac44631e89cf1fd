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
}

const actor = 'switchyard (expected schema)';

/** Upgrades a scratch database to each of `heads` in turn (one run each, as the runner plans it), then reads its schema. */
export async function replayedSchema(source: ReplaySource, heads: readonly string[], place: ScratchPlace): Promise<ReplayedSchema> {
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
    for (const to of heads) {
      try {
        await runTarget(target, { action: 'upgrade', to }, { actor, confirmProduction: true });
      } catch (error) {
        throw replayFailure(error, scratch.where, source.name);
      }
    }
    // A replay of nothing still opens the scratch database, so an empty schema reads as the engine gives it.
    const schema = await withDriver(target, (driver) => engineFor(source.engine).schema.read(driver), true);
    return { schema, replayedIn: scratch.where };
  } finally {
    await scratch.drop();
  }
}
