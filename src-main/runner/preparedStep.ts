// A plan step with everything needed to run it: the SQL body, where it lives, its checksum.
import { SwitchyardError } from '../../src-shared/errors';
import type { Plan } from '../../src-shared/model/revision';
import type { LoadedProject } from '../migrations/project';
import type { SqlBody } from '../migrations/readers/projectFiles';
import { upChecksum } from './checksum';

export interface PreparedStep {
  revision: string;
  direction: 'up' | 'down';
  file: string;
  message: string;
  /** What runs; null for a revision with nothing to run in that direction (bookkeeping only). */
  body: SqlBody | null;
  checksum: string;
}

export function prepareSteps(project: LoadedProject, plan: Plan, options: { stamp: boolean }): PreparedStep[] {
  const files = new Map(project.files.files.map((f) => [f.revision.id, f]));
  return plan.steps.map((step) => {
    const file = files.get(step.revision);
    if (!file) throw new SwitchyardError('E_UNKNOWN_REVISION', `Revision ${step.revision} has no file in ${project.files.project}.`);
    const body = step.direction === 'up' ? file.up : file.down;
    // Only a change with no way back is refused: a merge or an empty revision has nothing to undo.
    const changesSomething = (file.up?.sql.trim() ?? '') !== '';
    if (!options.stamp && step.direction === 'down' && body === null && changesSomething) {
      throw new SwitchyardError(
        'E_NO_DOWNGRADE',
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
      checksum: upChecksum(file),
    };
  });
}
