// `switchyard local create|start|stop|remove|list NAME`: PostgreSQL servers Switchyard runs itself,
// each with a connection profile of the same name.
import { formatBytes } from '../../../src-shared/model/inventoryExport';
import type { LocalServer } from '../../../src-shared/model/localServer';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { followOperation } from '../followOperation';
import { call, openServices } from '../openServices';
import { printJson, printTable, say, warn, UsageError } from '../output';
import { promptLine } from '../prompt';

const usage = `Usage: switchyard local create|start|stop NAME [--json]
       switchyard local remove NAME [--yes] [--json]
       switchyard local list [--json]

  create   a new PostgreSQL server on 127.0.0.1 (a free port), its data in Switchyard's data folder,
           started, and a connection profile NAME (environment dev) that reaches it
  start    start it again on its port; it keeps running after this command ends
  stop     stop it (a fast shutdown: sessions end, committed data stays)
  remove   stop it, remove its profile and snapshots and delete its data (asks for its name typed;
           --yes for a script that cannot type)
  list     the local servers, whether each is running, its port, its data's size and where it is`;

const actions = ['create', 'start', 'stop', 'remove', 'list'];

function describe(server: LocalServer): string {
  return `${server.name}: ${server.running ? `running on 127.0.0.1:${server.port}` : `stopped (port ${server.port})`}, data in ${server.folder}`;
}

export const localCommand: Command = {
  name: 'local',
  summary: 'create, start, stop and remove PostgreSQL servers Switchyard runs itself (each a profile)',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { options: { json: { type: 'boolean' }, yes: { type: 'boolean' } }, allowPositionals: true }, usage);
    const [action, name] = positionals;
    if (!action || !actions.includes(action)) throw new UsageError(`Say what to do: create, start, stop, remove or list.\n\n${usage}`);
    if (action !== 'list' && !name) throw new UsageError(`local ${action} needs the server's name.`);
    const services = await openServices();
    try {
      if (action === 'list') {
        const servers = await call(services, 'localServers.list', {});
        if (values.json) printJson(servers);
        else
          printTable(
            ['NAME', 'STATE', 'PORT', 'SIZE', 'DATA'],
            servers.map((s) => [s.name, s.running ? 'running' : 'stopped', String(s.port), formatBytes(s.dataBytes), s.folder]),
          );
        return 0;
      }
      const server = name as string;
      if (action === 'remove') {
        if (!values.yes) {
          if (!process.stdin.isTTY) throw new UsageError(`Refusing to remove the local server "${server}" without --yes (stdin is not a terminal to confirm).`);
          const answer = await promptLine(`Remove the local server "${server}" and delete its data? Type its name to confirm: `);
          if (answer.trim() !== server) {
            warn('Not removed.\n');
            return 1;
          }
        }
        // The name typed at the prompt, or --yes for a script that cannot type.
        await call(services, 'localServers.remove', { name: server, confirmation: { typedName: server } });
        if (values.json) printJson({ removed: server });
        else say(`${server}: stopped, its profile removed and its data deleted.\n`);
        return 0;
      }
      const json = Boolean(values.json);
      const result =
        action === 'stop'
          ? await call(services, 'localServers.stop', { name: server })
          : action === 'create'
            ? await followOperation(services, 'localServers.create', await call(services, 'localServers.create', { name: server }), {
                json,
                stopping: 'creating',
              })
            : await followOperation(services, 'localServers.start', await call(services, 'localServers.start', { name: server }), {
                json,
                stopping: 'starting',
              });
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
