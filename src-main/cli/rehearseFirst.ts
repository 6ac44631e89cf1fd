// The CLI's rehearsal before a run on a staging or production connection, as the app's run dialog
// does it: said before it starts, its report printed, skipped only with --no-rehearse (and then said).
import { formatMoment } from '../../src-shared/format/moment';
import type { Rehearsal } from '../../src-shared/model/rehearsal';
import type { RunRequest } from '../../src-shared/model/run';
import type { TargetRef } from '../../src-shared/model/targetRef';
import { actorName, type Services } from '../services';
import type { MigrationTarget } from '../targets/migrationTarget';
import { followOperation } from './followOperation';
import { say, warn } from './output';
import { rehearsalReport } from './rehearsalReport';

const rehearsedEnvironments = { staging: 'staging', prod: 'production' } as const;

/**
 * Undefined when no rehearsal comes first (another environment, a stamp, --no-rehearse); else the
 * rehearsal the run goes on from: one of this plan on this schema that succeeded before, or a new one,
 * whose failure the caller reports (nothing runs then).
 */
export async function rehearseFirst(
  services: Services,
  ref: TargetRef,
  target: MigrationTarget,
  request: RunRequest,
  { json, skip }: { json: boolean; skip: boolean },
): Promise<Rehearsal | undefined> {
  const environment = target.environment === 'staging' || target.environment === 'prod' ? rehearsedEnvironments[target.environment] : undefined;
  if (request.action === 'stamp' || environment === undefined) return undefined;
  // In --json the lines go to stderr: stdout holds one JSON document.
  const note = (line: string) => (json ? warn : say)(`${line}\n`);
  if (skip) {
    note(`Not rehearsed: --no-rehearse given (${target.name} is a ${environment} connection, which rehearses on a clone first by default).`);
    return undefined;
  }
  const standing = await services.rehearsals.standing(ref, request);
  if (standing.state === 'rehearsed' && standing.rehearsal) {
    note(`Rehearsed ✓ ${formatMoment(standing.rehearsal.at)}: this plan succeeded on the schema ${target.name} has now, so it is not rehearsed again.`);
    return standing.rehearsal;
  }
  note(`Rehearsing on a clone first (${target.name} is a ${environment} connection; --no-rehearse skips it)…`);
  const rehearsal = await followOperation(services, 'runner.rehearse', services.rehearsals.rehearse(ref, request, actorName('cli')), {
    json,
    stopping: 'stopping the rehearsal after the current revision; the clone is dropped and nothing runs on the database',
  });
  if (!json) say(rehearsalReport(rehearsal));
  return rehearsal;
}
