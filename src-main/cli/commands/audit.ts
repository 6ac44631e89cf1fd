// `switchyard audit`: the audit log from a terminal, and whether its hash chain is intact.
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';

const usage = `Usage: switchyard audit [--limit N] [--json]

The audit log, newest first (profile changes, runs, stamps, failures, resets), and a check that its
hash chain is intact (exit 1 when it is not: the log was edited outside Switchyard).`;

async function run(args: string[]): Promise<number> {
  const { values } = parseFlags(args, { options: { limit: { type: 'string' }, json: { type: 'boolean' } } }, usage);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number');
  const services = await openServices();
  try {
    const entries = await call(services, 'audit.list', { limit });
    const verification = await call(services, 'audit.verify', {});
    if (values.json) printJson({ verification, entries });
    else {
      printTable(
        ['WHEN', 'WHO', 'WHAT', 'ON'],
        entries.map((e) => [e.at, e.actor, e.action, e.target]),
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
