// A project where two files give one version. In a format whose tool refuses such a folder whatever it is
// asked to do (golang-migrate, goose, Flyway), the run is refused before its first statement, as the tool
// refuses it; in the others the first file runs, and the preview warns that the second does not, rather
// than leaving only the graph to say so.
import type { PreflightFinding } from '../../src-shared/model/run';
import type { SqlFormat } from '../formats/format';
import type { LoadedProject } from '../migrations/project';

export function duplicateFindings(project: Pick<LoadedProject, 'anomalies'> & { format: SqlFormat }): PreflightFinding[] {
  const duplicates = project.anomalies.filter((a) => a.kind === 'duplicateRevision');
  if (duplicates.length === 0) return [];
  const refuses = project.format.refusesDuplicates;
  if (!refuses) return duplicates.map((a) => ({ severity: 'warning', message: a.message, ...(a.revisions[0] ? { revision: a.revisions[0] } : {}) }));
  const files = duplicates.map((a) => `${a.file ?? '?'} (version ${a.revisions.join(', ')})`);
  return [
    {
      severity: 'error',
      message: `${files.join(', ')} ${files.length === 1 ? 'gives a version' : 'give versions'} another file gives too: ${refuses} Rename one of each pair.`,
    },
  ];
}
