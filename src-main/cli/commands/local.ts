// `switchyard local create|start|stop|remove|list NAME`: PostgreSQL servers Switchyard runs itself,
// each with a connection profile of the same name.
import { actorName } from '../../services';
import type { LocalServer } from '../../localServers/localServerService';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { openServices } from '../openServices';
import { printJson, printTable, say, UsageError } from '../output';

const usage = `Usage: switchyard local create|start|stop|remove NAME [--json]
       switchyard local list [--json]

  create   a new PostgreSQL server on 127.0.0.1 (a free port), its data in Switchyard's data folder,
           started, and a connection profile NAME (environment dev) that reaches it
  start    start it again on its port; it keeps running after this command ends
  stop     stop it (a fast shutdown: sessions end, committed data stays)
  remove   stop it, remove its profile and delete its data
  list     the local servers, whether each is running, and where its data is`;

const actions = ['create', 'start', 'stop', 'remove', 'list'];

function describe(server: LocalServer): string {
  return `${server.name}: ${server.running ? `running on 127.0.0.1:${server.port}` : `stopped (port ${server.port})`}, data in ${server.folder}`;
}

export const localCommand: Command = {
  name: 'local',
  summary: 'create, start, stop and remove PostgreSQL servers Switchyard runs itself (each a profile)',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { options: { json: { type: 'boolean' } }, allowPositionals: true }, usage);
    const [action, name] = positionals;
    if (!action || !actions.includes(action)) throw new UsageError(`Say what to do: create, start, stop, remove or list.\n\n${usage}`);
    if (action !== 'list' && !name) throw new UsageError(`local ${action} needs the server's name.`);
    const services = await openServices();
    const { localServers } = services;
    const actor = actorName('cli');
    try {
      if (action === 'list') {
        const servers = localServers.list();
        if (values.json) printJson(servers);
        else
          printTable(
            ['NAME', 'STATE', 'PORT', 'DATA'],
            servers.map((s) => [s.name, s.running ? 'running' : 'stopped', String(s.port), s.folder]),
          );
        return 0;
      }
      const server = name as string;
      if (action === 'remove') {
        await localServers.remove(server, actor);
        if (values.json) printJson({ removed: server });
        else say(`${server}: stopped, its profile removed and its data deleted.\n`);
        return 0;
      }
      const result =
        action === 'create'
          ? await localServers.create(server, actor)
          : action === 'start'
            ? await localServers.start(server)
            : await localServers.stop(server);
      if (values.json) printJson(result);
      else
        say(
          `${describe(result)}${action === 'create' ? `\nConnection profile "${result.name}" reaches it: switchyard status --profile ${JSON.stringify(result.name)} --project DIR` : ''}\n`,
        );
      return 0;
    } finally {
      services.close();
    }
  },
};
