// `switchyard audit`: the audit log from a terminal, and whether its hash chain is intact.
import { SwitchyardError } from '../../../src-shared/errors';
import { auditActionWords } from '../../../src-shared/format/auditActions';
import { formatMoment } from '../../../src-shared/format/moment';
import type { Services } from '../../services';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';

const usage = `Usage: switchyard audit [--profile NAME|ID] [--limit N] [--json]

The audit log, newest first (profile changes, runs, stamps, failures, resets), and a check that its
hash chain is intact (exit 1 when it is not: the log was edited outside Switchyard).

  --profile NAME|ID   only the entries about one connection profile, found by its id: a renamed
                      profile keeps the history made under its old name, and a removed one's is
                      found by the id its entries kept (\`switchyard profiles list --json\` shows ids)`;

/**
 * The id whose entries --profile asks for: a saved profile's, by name or id; otherwise a removed
 * profile's id, when entries about it remain. Anything else is refused rather than shown as an empty log.
 */
async function profileIdOf(services: Services, nameOrId: string): Promise<string> {
  try {
    return services.profiles.named(nameOrId).id;
  } catch (error) {
    if (!(error instanceof SwitchyardError && error.code === 'E_NOT_FOUND')) throw error;
  }
  if ((await call(services, 'audit.list', { limit: 1, profileId: nameOrId })).length > 0) return nameOrId;
  throw new SwitchyardError('E_NOT_FOUND', `No connection profile named "${nameOrId}", and no audit entry about a profile with that id.`);
}

async function run(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { options: { profile: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } } }, usage);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number');
  const services = await openServices();
  try {
    const profileId = values.profile === undefined ? undefined : await profileIdOf(services, values.profile);
    const entries = await call(services, 'audit.list', profileId === undefined ? { limit } : { limit, profileId });
    const verification = await call(services, 'audit.verify', {});
    if (values.json) printJson({ verification, entries });
    else {
      printTable(
        ['WHEN', 'WHO', 'WHAT', 'ON'],
        entries.map((e) => [formatMoment(e.at), e.actor, auditActionWords(e.action, e.detail), e.target]),
      );
      say(
        verification.ok
          ? `\nchain intact: ${verification.entries} entries\n`
          : `\nCHAIN BROKEN at entry ${verification.brokenAt}: the log was edited outside Switchyard\n`,
      );
    }
    return verification.ok ? 0 : 1;
  } finally {
    services.close();
  }
}

export const auditCommand: Command = { name: 'audit', summary: 'the audit log, and whether its hash chain is intact', usage, run };
