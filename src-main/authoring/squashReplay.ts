// A project (native or Alembic) run up and down in one scratch database through the runner itself, its schema read
// after each step (without the bookkeeping): the material of a squash's SQL and of its proof.
import type { SwitchyardError } from '../../src-shared/errors';
import type { Engine as EngineKind } from '../../src-shared/model/profile';
import type { SchemaModel } from '../../src-shared/model/schema';
import type { RunAction } from '../../src-shared/model/run';
import type { ProjectFormat } from '../../src-shared/model/revision';
import type { ConnectionTarget } from '../drivers/driver';
import { engineFor } from '../engines/engineFor';
import { runTarget } from '../runner/runnerService';
import { replayFailure } from '../schema/expected/replayFailure';
import type { ScratchPlace } from '../scratch/scratchDatabase';
import type { MigrationTarget } from '../targets/migrationTarget';
import { withDriver } from '../targets/withDriver';
import { withoutBookkeeping } from './adoptBookkeeping';

/** How the project is run and which tables are its tool's bookkeeping (left out of the schemas compared). */
export interface ReplayedFormat {
  projectFormat: ProjectFormat;
  bookkeeping: readonly string[];
}

export interface ReplayStep {
  action: Exclude<RunAction, 'stamp'>;
  /** Any address the runner takes; `base` for nothing. */
  to: string;
}

const actor = 'switchyard (squash proof)';

export interface ReplayedSteps {
  /** The schema after each step that ran, in order. */
  schemas: SchemaModel[];
  replayedIn: string;
  /** The step that failed (E_REPLAY_FAILED, the revision's file:line in it); the steps after it did not run. */
  failure?: SwitchyardError;
}

/** Stops at the first step that fails, and says so in `failure`: the caller decides what a failed step costs. */
/** `near`: a database whose server may hold the scratch database (else Switchyard's embedded server, or a file). */
export async function replaySteps(
  projectDir: string,
  engine: EngineKind,
  place: ScratchPlace,
  near: ConnectionTarget | undefined,
  format: ReplayedFormat,
  steps: readonly ReplayStep[],
): Promise<ReplayedSteps> {
  const scratch = await engineFor(engine).openScratch(near, place);
  try {
    const target: MigrationTarget = {
      name: `the scratch database for ${projectDir}`,
      environment: 'dev',
      connection: scratch.connection,
      projectDir,
      projectFormat: format.projectFormat,
      alembicCommand: '',
    };
    const schemas: SchemaModel[] = [];
    for (const step of steps) {
      // Upgrading to base runs nothing: the schema is the empty database's.
      if (!(step.action === 'upgrade' && step.to === 'base')) {
        try {
          await runTarget(target, step, { actor, confirmProduction: true });
        } catch (error) {
          return { schemas, replayedIn: scratch.where, failure: replayFailure(error, scratch.where, projectDir) };
        }
      }
      const read = await withDriver(target, (driver) => engineFor(engine).schema.read(driver), true);
      schemas.push(withoutBookkeeping(read, engine, format.bookkeeping));
    }
    return { schemas, replayedIn: scratch.where };
  } finally {
    await scratch.drop();
  }
}
