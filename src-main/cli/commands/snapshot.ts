// `switchyard snapshot create|list|restore|delete`: named snapshots of a connection from a terminal.
import { parseArgs } from 'node:util';
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import { SwitchyardError } from '../../../src-shared/errors';
import { actorName } from '../../services';
import type { Command } from '../command';
import { printJson, printTable, UsageError } from '../output';
import { targetOptions, targetUsage } from '../targetFlags';
import { findSnapshot, resolveSnapshotScope } from './resetTarget';

const usage = `Usage: switchyard snapshot create [--name NAME] | list | restore ID|NAME | delete ID|NAME
         (--profile NAME | --url URL) [--yes-production] [--json]

  create    copy the database as it is now (PostgreSQL: a template database, its sessions ended first;
            SQLite: an online backup into the app's data folder)
  list      name, size, created at, and the revisions it was taken at
  restore   replace the database with the snapshot (its sessions ended first)
  delete    remove the snapshot

${targetUsage}`;

const options = { ...targetOptions, name: { type: 'string' }, 'yes-production': { type: 'boolean' }, json: { type: 'boolean' } } as const;
const actions = ['create', 'list', 'restore', 'delete'];

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'create, list, restore and delete named snapshots of a database',
  usage,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options, strict: true, allowPositionals: true });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}\n\n${usage}`);
    }
    const { values, positionals } = parsed;
    const [action, which] = positionals;
    if (!action || !actions.includes(action)) throw new UsageError(`Say what to do: create, list, restore or delete.\n\n${usage}`);
    if ((action === 'restore' || action === 'delete') && !which) throw new UsageError(`snapshot ${action} needs the snapshot's id or name.`);
    const json = Boolean(values.json);
    const { scope, services } = await resolveSnapshotScope(values);
    const actor = actorName('cli');
    try {
      if (action === 'list') {
        const list = services.snapshots.list(scope.key);
        if (json) printJson(list);
        else printTable(['id', 'name', 'size', 'created at', 'at revisions'], list.map((s) => [s.id.slice(0, 8), s.name, formatBytes(s.sizeBytes), s.createdAt, s.heads.join(', ') || '—']));
        return 0;
      }
      if (action === 'create') {
        const snapshot = await services.snapshots.create(scope, values.name ?? '', actor);
        if (json) printJson(snapshot);
        else process.stdout.write(`Snapshot "${snapshot.name}" (${snapshot.id}) taken: ${formatBytes(snapshot.sizeBytes)}${snapshot.sessionsEnded ? `; ${snapshot.sessionsEnded} session(s) on the database were ended first` : ''}.\n`);
        return 0;
      }
      const snapshot = findSnapshot(services, scope, which as string);
      if (!snapshot) throw new SwitchyardError('E_NOT_FOUND', `No snapshot "${which}" for ${scope.target.name}.`);
      if (action === 'restore') {
        const restored = await services.snapshots.restore(scope, snapshot.id, actor, Boolean(values['yes-production']));
        if (json) printJson(restored);
        else process.stdout.write(`Restored "${snapshot.name}" in ${restored.durationMs} ms.\n`);
        return 0;
      }
      await services.snapshots.remove(scope, snapshot.id, actor);
      if (json) printJson({ deleted: snapshot.id });
      else process.stdout.write(`Deleted snapshot "${snapshot.name}".\n`);
      return 0;
    } finally {
      services.close();
    }
  },
};
