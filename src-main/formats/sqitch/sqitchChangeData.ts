// What the sqitch reader keeps on each revision (RevisionFile.formatData) for the registry rows.
import { SwitchyardError } from '../../../src-shared/errors';
import type { RevisionFile } from '../../migrations/readers/projectFiles';

export type SqitchChangeData = {
  project: string;
  uri: string | null;
  changeId: string;
  /** The change planned just before this one: the registry's last change of the project when this one deploys. */
  previous: { changeId: string; revision: string } | null;
  change: string;
  note: string;
  plannedAt: string;
  plannerName: string;
  plannerEmail: string;
  /** SHA-1 of the deploy script's bytes (changes.script_hash); null when the script is missing. */
  scriptHash: string | null;
  /** `changeId`: the planned change it resolves to; null for another project's change (resolved in the registry). */
  requires: Array<{ text: string; changeId: string | null; project: string | null; change: string | null; tag: string | null }>;
  conflicts: Array<{ text: string; project: string; change: string | null }>;
  tags: Array<{ tagId: string; tag: string; note: string; plannedAt: string; plannerName: string; plannerEmail: string }>;
  /** Why sqitch would refuse to deploy this change whatever the database holds (a missing deploy script); null when it would not. */
  undeployable: string | null;
};

export function sqitchChangeData(file: RevisionFile): SqitchChangeData {
  const data = file.formatData;
  if (!data || typeof data.changeId !== 'string') {
    throw new SwitchyardError('E_INTERNAL', `Revision ${file.revision.id} was not read as a sqitch change.`);
  }
  return data as SqitchChangeData;
}
