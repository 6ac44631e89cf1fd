// A plan step with everything needed to run it: the SQL body, where it lives, its checksum.
import { SwitchyardError } from '../../src-shared/errors';
import type { Plan } from '../../src-shared/model/revision';
import type { ProjectFiles, RevisionFile, SqlBody } from '../migrations/readers/projectFiles';
import { upChecksum } from './checksum';

export interface PreparedStep {
  revision: string;
  direction: 'up' | 'down';
  file: string;
  message: string;
  /** What runs; null for a revision with nothing to run in that direction (bookkeeping only). */
  body: SqlBody | null;
  /** Checked after an upgrade's body, before it is recorded (sqitch's verify); its failure fails the step. */
  verify: SqlBody | null;
  /** Switchyard's checksum of the up body (switchyard_migrations). */
  checksum: string;
  /** The revision's parents: what a single-row bookkeeping (golang-migrate) records after a downgrade. */
  parents: string[];
  /** The revision as read, for the format's bookkeeping (Flyway's script name, sqitch's change id…). */
  source: RevisionFile;
}

export function prepareSteps(project: ProjectFiles, plan: Plan, options: { stamp: boolean }): PreparedStep[] {
  const files = new Map(project.files.map((f) => [f.revision.id, f]));
  return plan.steps.map((step) => {
    const file = files.get(step.revision);
    if (!file) throw new SwitchyardError('E_UNKNOWN_REVISION', `Revision ${step.revision} has no file in ${project.project}.`);
    const body = step.direction === 'up' ? file.up : file.down;
    // Only a change with no way back is refused: a merge or an empty revision has nothing to undo.
    const changesSomething = (file.up?.sql.trim() ?? '') !== '';
    if (!options.stamp && step.direction === 'down' && body === null && changesSomething) {
      throw new SwitchyardError(
        'E_NO_DOWNGRADE',
        file.noDowngrade ??
          `Revision ${step.revision} (${file.revision.file}) has no "-- migrate:down" section, so it cannot be reverted. Stamp it down instead if the change was undone by hand.`,
        { revision: step.revision, file: file.revision.file },
      );
    }
    return {
      revision: step.revision,
      direction: step.direction,
      file: file.revision.file,
      message: file.revision.message,
      body: options.stamp ? null : body,
      verify: options.stamp || step.direction === 'down' ? null : (file.verify ?? null),
      checksum: upChecksum(file),
      parents: file.revision.parents,
      source: file,
    };
  });
}
