// pop, diesel and Prisma record each version they apply and, on their next run, apply every version
// not recorded, older ones included. Switchyard reads their folders as a chain, in which a recorded
// version implies those before it: such a gap would read as applied. It is refused with the tool's way out.
import { SwitchyardError } from '../../src-shared/errors';
import type { AppliedRecord } from '../../src-shared/model/status';
import type { ProjectFiles } from '../migrations/readers/projectFiles';
import { unrecordedBefore } from '../migrations/readers/versionChain';

export interface ToolRun {
  /** The tool as its users name it. */
  tool: string;
  /** The command that applies what is pending. */
  command: string;
}

export function refuseUnrecordedGap(project: ProjectFiles, records: readonly AppliedRecord[], { tool, command }: ToolRun): void {
  const gap = unrecordedBefore(project, new Set(records.map((r) => r.revision)));
  if (!gap) return;
  const them = gap.missing.join(', ');
  const one = gap.missing.length === 1;
  throw new SwitchyardError(
    'E_BOOKKEEPING_REFUSES',
    `${tool} records ${gap.later} but not ${them}, which come${one ? 's' : ''} before it: ${tool} applies ${one ? 'it' : 'them'} on its next \`${command}\`, while Switchyard reads the folder as a chain in which ${gap.later} follows ${them}. Apply ${them} with \`${command}\` (or rename ${one ? 'it' : 'them'} to come after ${gap.later}); then Switchyard agrees.`,
    { missing: gap.missing, later: gap.later },
  );
}
