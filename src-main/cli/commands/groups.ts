// `switchyard groups add|remove|list NAME [PROFILE…]`: connections that take the same migrations (a
// database per tenant or client), in the order a rollout goes through them. Thin over GroupService.
import type { Group } from '../../../src-shared/model/project';
import { actorName, type Services } from '../../services';
import type { Command } from '../command';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';
import { parseFlags } from '../parseFlags';
import { commandLine } from '../shellWords';

const usage = `Usage: switchyard groups add NAME [PROFILE…] [--json]
       switchyard groups remove NAME [PROFILE…] [--json]
       switchyard groups list [NAME] [--json]

  add      adds the connections to the group NAME, at its end (the group is made when new)
  remove   takes the connections out of the group; without PROFILE, forgets the group itself (its
           connections and databases stay)
  list     the groups and how many connections each has; with NAME, its connections in order`;

const actions = ['add', 'remove', 'list'];

function shown(group: Group, services: Services) {
  const { profiles } = services.session.store;
  return { ...group, profiles: group.profileIds.map((id) => profiles.get(id).name) };
}

function groupText(group: ReturnType<typeof shown>): string {
  if (group.profiles.length === 0) return `${group.name}: no connections (${commandLine(['groups', 'add', group.name, 'PROFILE'])})\n`;
  return `${group.name}, ${group.profiles.length} connection${group.profiles.length === 1 ? '' : 's'} in rollout order:\n${group.profiles.map((p) => `  ${p}\n`).join('')}`;
}

export const groupsCommand: Command = {
  name: 'groups',
  summary: 'groups of connections that take the same migrations (a database per tenant or client)',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { options: { json: { type: 'boolean' } }, allowPositionals: true }, usage);
    const [action, name, ...profileNames] = positionals;
    if (!action || !actions.includes(action)) throw new UsageError(`Say what to do: add, remove or list.\n\n${usage}`);
    if (action !== 'list' && !name) throw new UsageError(`groups ${action} needs the group's name.\n\n${usage}`);
    if (action === 'list' && profileNames.length > 0) throw new UsageError(`groups list takes at most the group's name.\n\n${usage}`);
    const services = await openServices();
    try {
      const actor = actorName('cli');
      const { groups } = services;
      const profileIds = profileNames.map((p) => services.profiles.named(p).id);
      if (action === 'list' && !name) {
        const all = (await call(services, 'groups.list', {})).map((g) => shown(g, services));
        if (values.json) printJson(all);
        else if (all.length === 0) say(`No groups yet: ${commandLine(['groups', 'add', 'NAME', 'PROFILE'])}\n`);
        else
          printTable(
            ['NAME', 'CONNECTIONS', 'FIRST'],
            all.map((g) => [g.name, String(g.profiles.length), g.profiles[0] ?? '-']),
          );
        return 0;
      }
      const group = name as string;
      if (action === 'list') {
        const found = shown(groups.get(group), services);
        if (values.json) printJson(found);
        else say(groupText(found));
        return 0;
      }
      if (action === 'remove' && profileIds.length === 0) {
        // Naming the group on the command line is the typed confirmation the service asks for.
        const removed = groups.remove(group, actor, { typedName: groups.get(group).name });
        if (values.json) printJson({ removed: removed.name });
        else say(`Group ${removed.name} removed (its connections and databases are untouched).\n`);
        return 0;
      }
      if (action === 'remove') {
        const after = shown(groups.removeMembers(group, profileIds, actor), services);
        if (values.json) printJson(after);
        else say(groupText(after));
        return 0;
      }
      const { group: after, created, alreadyIn } = groups.addMembers(group, profileIds, actor);
      const result = shown(after, services);
      const { profiles } = services.session.store;
      const notes = [
        ...(created ? [`Group ${after.name} made.`] : []),
        ...(alreadyIn.length > 0 ? [`Already in the group, left where they were: ${alreadyIn.map((id) => profiles.get(id).name).join(', ')}.`] : []),
      ];
      if (values.json) printJson({ ...result, created, alreadyIn });
      else say(`${groupText(result)}${notes.map((n) => `${n}\n`).join('')}`);
      return 0;
    } finally {
      services.close();
    }
  },
};
