// `switchyard rollout`: one target over every database of a group or of a project's environment, a
// few at a time; `--resume ID|last` finishes one that stopped or was cut off; `list` and `show`.
import { SwitchyardError } from '../../../src-shared/errors';
import { rehearsalOutcomeSentence } from '../../../src-shared/model/rehearsalOutcome';
import { rolloutItemSentence, rolloutRequestSchema, type Rollout } from '../../../src-shared/model/rollout';
import { rolloutCountsSentence, rolloutHasRehearsals, rolloutHasRoles } from '../../../src-shared/model/rolloutExport';
import type { Command } from '../command';
import { checkedInput } from '../checkedInput';
import { commandLine } from '../commandHint';
import { followOperation } from '../followOperation';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import type { Services } from '../../services';

const usage = `Usage: switchyard rollout --project NAME (--group G | --env E) --to TARGET [--role ROLE] [--concurrency N] [--continue-on-error]
                          [--rehearse-each | --no-rehearse] [--yes-production] [--json]
       switchyard rollout --resume ID|last [--yes-production] [--json]
       switchyard rollout list [--json]
       switchyard rollout show ID|last [--json | --markdown | --csv]

  Runs an upgrade to TARGET (heads, a revision, label@head…) on every connection of the group G, or of
  the environment E of the project NAME, N at a time (default 4); each database's run is a normal run,
  locked and audited as one. Without --continue-on-error no new database starts after the first
  failure, and those running stop after their current revision.
  On a project with bindings each database runs only its own branch's part of TARGET (heads: its own
  heads), role after role in the bindings' order: the next role's databases start when every one of
  the role before is done (else they are skipped and said, unless --continue-on-error).
  Before any database runs, the first staging or production database of each role (without bindings,
  of the fleet) rehearses its part of TARGET on a clone of itself (the canary: the others take the same
  files); a rehearsal of the same plan on the same schema is reused, and said. A failed rehearsal runs
  nothing on any database (its row says where the plan failed on the clone); dev and test connections
  are not rehearsed. Each row and the journal say each database's rehearsal.
  --rehearse-each  every staging and production database rehearses on its own clone first, in turn
  --no-rehearse    no rehearsal (said on each row, in the output and in the audit log)
  --role ROLE    with bindings: the database the group's members are (required with --group), or
                 the one role of the environment to run
  --resume       run every database of the rollout that is not done, each planned again from what it
                 has applied (a rollout cut off by a closed laptop or a killed process resumes here)
  --yes-production   required when the rollout reaches a production connection
  Exit 0 when every database is done, 1 when any is not.`;

function printRollout(rollout: Rollout): void {
  const roles = rolloutHasRoles(rollout);
  // A rehearsal column once any database is one the rollout rehearses (none on dev connections).
  const rehearsals = rolloutHasRehearsals(rollout);
  printTable(
    // The rehearsal last: the columns before it keep their places.
    ['#', 'DATABASE', ...(roles ? ['ROLE'] : []), 'STATE', 'APPLIED', 'WHAT HAPPENED', ...(rehearsals ? ['REHEARSAL'] : [])],
    rollout.items.map((item) => [
      String(item.position + 1),
      item.name,
      ...(roles ? [item.role ?? ''] : []),
      item.state,
      String(item.applied.length),
      rolloutItemSentence(item),
      ...(rehearsals ? [item.rehearsal ? rehearsalOutcomeSentence(item.rehearsal) : ''] : []),
    ]),
  );
}

function printOutcome(rollout: Rollout): void {
  printRollout(rollout);
  say(`Rollout ${rollout.id} to ${rollout.request.to} on the ${rollout.scope}: ${rollout.state}, ${rolloutCountsSentence(rollout)}.\n`);
  if (rollout.state !== 'done') say(`To finish it: ${commandLine(['rollout', '--resume', rollout.id])}\n`);
}

async function follow(services: Services, method: 'rollouts.start' | 'rollouts.resume', started: { opId: string }, json: boolean): Promise<number> {
  const rollout = await followOperation(services, method, started, {
    json,
    stopping: 'cancelling the rollout: no new database starts, those running stop after their current revision',
  });
  if (json) printJson(rollout);
  else printOutcome(rollout);
  return rollout.state === 'done' ? 0 : 1;
}

/** The production refusal names the CLI's way to confirm. */
async function confirmed<T>(start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof SwitchyardError && error.code === 'E_CONFIRMATION_REQUIRED') {
      throw new SwitchyardError(error.code, `${error.message} From the CLI: add --yes-production.`, error.detail);
    }
    throw error;
  }
}

export const rolloutCommand: Command = {
  name: 'rollout',
  summary: "run one target over every database of a group or a project's environment; resume one cut off",
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(
      args,
      {
        options: {
          project: { type: 'string' },
          group: { type: 'string' },
          env: { type: 'string' },
          role: { type: 'string' },
          to: { type: 'string' },
          concurrency: { type: 'string' },
          'continue-on-error': { type: 'boolean' },
          'rehearse-each': { type: 'boolean' },
          'no-rehearse': { type: 'boolean' },
          resume: { type: 'string' },
          'yes-production': { type: 'boolean' },
          json: { type: 'boolean' },
          markdown: { type: 'boolean' },
          csv: { type: 'boolean' },
        },
        allowPositionals: true,
      },
      usage,
    );
    const json = Boolean(values.json);
    const [action, id, ...extra] = positionals;
    if (extra.length > 0 || (action !== undefined && action !== 'list' && action !== 'show')) {
      throw new UsageError(`Unexpected argument ${JSON.stringify(extra[0] ?? action)}.\n\n${usage}`);
    }
    const startFlags = ['project', 'group', 'env', 'role', 'to', 'concurrency', 'continue-on-error', 'rehearse-each', 'no-rehearse'] as const;
    const givenStartFlags = startFlags.filter((flag) => values[flag] !== undefined);
    if (action !== undefined || values.resume !== undefined) {
      if (givenStartFlags.length > 0)
        throw new UsageError(`--${givenStartFlags[0]} starts a new rollout; it does not go with ${action ?? '--resume'}.\n\n${usage}`);
    }
    if ((values.markdown || values.csv) && action !== 'show') throw new UsageError(`--markdown and --csv go with rollout show.\n\n${usage}`);
    if (action === 'show' && !id) throw new UsageError(`rollout show needs a rollout's id, or last.\n\n${usage}`);
    if (action === 'list' && id) throw new UsageError(`rollout list takes no argument.\n\n${usage}`);

    const confirmation = (typedName: string) => (values['yes-production'] ? { typedName } : {});
    let request: ReturnType<typeof rolloutRequestSchema.parse> | undefined;
    if (action === undefined && values.resume === undefined) {
      if (values.project === undefined) throw new UsageError(`rollout needs --project NAME (a stored project: switchyard projects list).\n\n${usage}`);
      if ((values.group === undefined) === (values.env === undefined)) throw new UsageError(`rollout needs either --group G or --env E, not both.\n\n${usage}`);
      if (values.to === undefined) throw new UsageError(`rollout needs --to TARGET (heads, a revision, label@head…).\n\n${usage}`);
      if (values.concurrency !== undefined && !/^\d+$/.test(values.concurrency)) throw new UsageError(`--concurrency takes a whole number.\n\n${usage}`);
      if (values['rehearse-each'] && values['no-rehearse']) throw new UsageError(`--rehearse-each and --no-rehearse do not go together.\n\n${usage}`);
      request = checkedInput(
        rolloutRequestSchema,
        {
          ...(values.project === undefined ? {} : { project: values.project }),
          ...(values.group === undefined ? {} : { group: values.group }),
          ...(values.env === undefined ? {} : { env: values.env }),
          ...(values.role === undefined ? {} : { role: values.role }),
          ...(values.to === undefined ? {} : { to: values.to }),
          ...(values.concurrency === undefined ? {} : { concurrency: Number(values.concurrency) }),
          continueOnError: Boolean(values['continue-on-error']),
          rehearsal: values['rehearse-each'] ? 'each' : values['no-rehearse'] ? 'skip' : 'canary',
        },
        { project: '--project', group: '--group', env: '--env', role: '--role', to: '--to', concurrency: '--concurrency' },
        usage,
      );
    }

    const services = await openServices();
    try {
      if (action === 'list') {
        const rollouts = await call(services, 'rollouts.list', {});
        if (json) printJson(rollouts);
        else if (rollouts.length === 0) say('No rollouts yet.\n');
        else
          printTable(
            ['ID', 'STARTED', 'STATE', 'TO', 'SCOPE', 'DATABASES'],
            rollouts.map((r) => [r.id.slice(0, 8), r.createdAt, r.state, r.request.to, r.scope, rolloutCountsSentence(r)]),
          );
        return 0;
      }
      if (action === 'show') {
        if (values.markdown || values.csv) {
          say((await call(services, 'rollouts.export', { id: id as string, format: values.csv ? 'csv' : 'markdown' })).text);
          return 0;
        }
        const rollout = await call(services, 'rollouts.get', { id: id as string });
        if (json) printJson(rollout);
        else printOutcome(rollout);
        return rollout.state === 'done' ? 0 : 1;
      }
      if (values.resume !== undefined) {
        const rollout = await call(services, 'rollouts.get', { id: values.resume });
        const started = await confirmed(() =>
          call(services, 'rollouts.resume', { id: rollout.id, confirmation: confirmation(rollout.request.group ?? rollout.request.env ?? '') }),
        );
        return await follow(services, 'rollouts.resume', started, json);
      }
      const valid = request as NonNullable<typeof request>;
      const started = await confirmed(() => call(services, 'rollouts.start', { request: valid, confirmation: confirmation(valid.group ?? valid.env ?? '') }));
      return await follow(services, 'rollouts.start', started, json);
    } finally {
      services.close();
    }
  },
};
