// `switchyard snapshot create|list|restore|delete`: named snapshots of a database from a terminal.
import { countOf } from '../../../src-shared/format/plural';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { formatMoment } from '../../../src-shared/format/moment';
import { SwitchyardError } from '../../../src-shared/errors';
import { actorName } from '../../services';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { commandLine, targetWords } from '../commandHint';
import { printJson, printTable, say, UsageError } from '../output';
import { targetOptions, targetUsage } from '../targetFlags';
import { findSnapshot, reportCondition, resolveSnapshotScope } from './resetTarget';

const usage = `Usage: switchyard snapshot create [--name NAME] | list | restore ID|NAME | delete ID|NAME
         (--profile NAME | --url URL) [--end-sessions] [--confirm CONNECTION] [--yes-production] [--json]

  create    copy the database as it is now (PostgreSQL: a template database that refuses connections;
            SQLite: an online backup into the app's data folder)
  list      name, size, created at, and the revisions it was taken at; unfinished ones too
  restore   replace the database with the snapshot: the copy is made beside it, then swapped in
  delete    remove the snapshot

  --end-sessions    end the sessions connected to the database (without it, a database with sessions is
                    refused and they are listed)
  --confirm NAME    on production: the connection's name (create, restore and delete)
  --yes-production  on production: acknowledge the restore

${targetUsage}`;

const options = {
  ...targetOptions,
  name: { type: 'string' },
  'end-sessions': { type: 'boolean' },
  confirm: { type: 'string' },
  'yes-production': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;
const actions = ['create', 'list', 'restore', 'delete'];

/** A refusal that a flag answers gets the exact command to run with it. */
function withWayOut(error: unknown, args: readonly string[], targetName: string): unknown {
  if (!(error instanceof SwitchyardError)) return error;
  if (error.code === 'E_SESSIONS_CONNECTED') {
    return new SwitchyardError(error.code, `${error.message}\nTo end them: ${commandLine([...args, '--end-sessions'])}`, error.detail);
  }
  if (error.code === 'E_CONFIRMATION_REQUIRED' && !args.includes('--confirm')) {
    const production = args[1] === 'restore' && !args.includes('--yes-production') ? ['--yes-production'] : [];
    return new SwitchyardError(error.code, `${error.message}\nTo go on: ${commandLine([...args, '--confirm', targetName, ...production])}`, error.detail);
  }
  return error;
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'create, list, restore and delete named snapshots of a database',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { options, allowPositionals: true }, usage);
    const [action, which] = positionals;
    if (!action || !actions.includes(action)) throw new UsageError(`Say what to do: create, list, restore or delete.\n\n${usage}`);
    if ((action === 'restore' || action === 'delete') && !which) throw new UsageError(`snapshot ${action} needs the snapshot's id or name.`);
    const json = Boolean(values.json);
    const { ref, scope, services } = await resolveSnapshotScope(values);
    const actor = actorName('cli');
    const confirmation = { typedName: values.confirm, ...(values['yes-production'] ? { environmentAcknowledged: 'production' } : {}) };
    const consent = { endSessions: Boolean(values['end-sessions']), ...confirmation };
    try {
      await reportCondition(services, ref, scope.target, values);
      if (action === 'list') {
        const list = services.reset.listSnapshots(ref);
        if (json) printJson(list);
        else
          printTable(
            ['id', 'name', 'state', 'size', 'created at', 'at revisions'],
            list.map((s) => [s.id.slice(0, 8), s.name, s.state, formatBytes(s.sizeBytes), formatMoment(s.createdAt), s.heads.join(', ') || '—']),
          );
        return 0;
      }
      if (action === 'create') {
        const snapshot = await services.reset.createSnapshot(ref, values.name ?? '', actor, consent);
        if (json) printJson(snapshot);
        else
          say(
            `Snapshot "${snapshot.name}" (${snapshot.id}) taken: ${formatBytes(snapshot.sizeBytes)}${snapshot.sessionsEnded ? `; ${countOf(snapshot.sessionsEnded, 'session')} on the database ${snapshot.sessionsEnded === 1 ? 'was' : 'were'} ended first` : ''}.\n`,
          );
        return 0;
      }
      const snapshot = findSnapshot(services, scope, which as string);
      if (!snapshot)
        throw new SwitchyardError(
          'E_NOT_FOUND',
          `No snapshot "${which}" of ${scope.target.name}'s database: see ${commandLine(['snapshot', 'list', ...targetWords(values)])}`,
        );
      if (action === 'restore') {
        const restored = await services.reset.restoreSnapshot(ref, snapshot.id, actor, consent);
        if (json) printJson(restored);
        else say(`Restored "${snapshot.name}" in ${restored.durationMs} ms.\n`);
        return 0;
      }
      await services.reset.deleteSnapshot(ref, snapshot.id, actor, confirmation);
      if (json) printJson({ deleted: snapshot.id });
      else say(`Deleted snapshot "${snapshot.name}".\n`);
      return 0;
    } catch (error) {
      throw withWayOut(error, ['snapshot', ...args], scope.target.name);
    } finally {
      services.close();
    }
  },
};
