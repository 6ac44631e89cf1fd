// `switchyard <command>`: every capability of the app, scriptable, with --json output.
// Commands are loaded only when run, so `switchyard graph` does not pay for pg, SQLite or the host.
import type { Command } from './command';
import { reportError, say, warn } from './output';

interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

const commands: CommandEntry[] = [
  {
    name: 'profiles',
    summary: 'list, add, edit, remove and test saved connection profiles; import them from other tools, export them',
    load: async () => (await import('./commands/profiles')).profilesCommand,
  },
  {
    name: 'projects',
    summary: 'migration projects: their environments in promotion order, their connections and database bindings',
    load: async () => (await import('./commands/projects')).projectsCommand,
  },
  {
    name: 'groups',
    summary: 'groups of connections that take the same migrations (a database per tenant or client)',
    load: async () => (await import('./commands/groups')).groupsCommand,
  },
  {
    name: 'status',
    summary: 'what is applied, pending, unknown and changed on a database',
    load: async () => (await import('./commands/runnerCommands')).statusCommand,
  },
  { name: 'upgrade', summary: 'apply migrations up to a target', load: async () => (await import('./commands/runnerCommands')).upgradeCommand },
  { name: 'downgrade', summary: 'revert migrations down to a target', load: async () => (await import('./commands/runnerCommands')).downgradeCommand },
  {
    name: 'stamp',
    summary: 'record (or with --down, un-record) migrations without running them',
    load: async () => (await import('./commands/runnerCommands')).stampCommand,
  },
  {
    name: 'adopt',
    summary: "record another tool's applied migrations in the project format's bookkeeping",
    load: async () => (await import('./commands/adopt')).adoptCommand,
  },
  {
    name: 'inventory',
    summary: 'tables per schema with rows and sizes, against what the migrations expect',
    load: async () => (await import('./commands/inventory')).inventoryCommand,
  },
  {
    name: 'reset',
    summary: 'drop and recreate (or wipe, or restore) a database, then migrate and seed it; a snapshot first',
    load: async () => (await import('./commands/reset')).resetCommand,
  },
  {
    name: 'recipes',
    summary: 'reset recipes: a named reset for a project environment or a group, which support staff run',
    load: async () => (await import('./commands/recipes')).recipesCommand,
  },
  {
    name: 'snapshot',
    summary: 'create, list, restore and delete named snapshots of a database',
    load: async () => (await import('./commands/snapshot')).snapshotCommand,
  },
  {
    name: 'diff',
    summary: 'the schema diff of two databases, snapshots or projects, and the SQL that makes one like the other',
    load: async () => (await import('./commands/diff')).diffCommand,
  },
  {
    name: 'drift',
    summary: 'is the database what its migrations say it should be: each drifted object with its revision',
    load: async () => (await import('./commands/drift')).driftCommand,
  },
  {
    name: 'graph',
    summary: 'show a migration project as a graph: revisions, heads, bases, anomalies',
    load: async () => (await import('./commands/graph')).graphCommand,
  },
  {
    name: 'plan',
    summary: 'preview the ordered upgrade or downgrade steps to a target, without a database',
    load: async () => (await import('./commands/plan')).planCommand,
  },
  {
    name: 'revision',
    summary: 'repair a migration tree: a new revision, a merge of heads, a re-parent — shown as a diff first, undoable',
    load: async () => (await import('./commands/revision')).revisionCommand,
  },
  {
    name: 'local',
    summary: 'create, start, stop and remove PostgreSQL servers Switchyard runs itself (each a profile)',
    load: async () => (await import('./commands/local')).localCommand,
  },
  {
    name: 'rollout',
    summary: "run one target over every database of a group or a project's environment; resume one cut off",
    load: async () => (await import('./commands/rollout')).rolloutCommand,
  },
  {
    name: 'matrix',
    summary: 'every environment of a project, revision by revision, and what each lacks of the one before it',
    load: async () => (await import('./commands/matrix')).matrixCommand,
  },
  {
    name: 'promote',
    summary: 'promote one environment of a project to the next, through gates (each shown and recorded)',
    load: async () => (await import('./commands/promote')).promoteCommand,
  },
  { name: 'audit', summary: 'the audit log, and whether its hash chain is intact', load: async () => (await import('./commands/audit')).auditCommand },
  {
    name: 'store',
    summary: "the store's keys: change the passphrase, back up and restore, lock every running Switchyard",
    load: async () => (await import('./commands/store')).storeCommand,
  },
  { name: 'serve', summary: 'serve the app to a browser on 127.0.0.1 (token-protected)', load: async () => (await import('./commands/serve')).serveCommand },
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Switchyard — a cockpit for database migrations.',
    '',
    'Usage: switchyard <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `switchyard <command> --help` for a command's options.",
    'The store lives in SWITCHYARD_HOME (default: the platform app-data folder); its passphrase comes',
    'from SWITCHYARD_PASSPHRASE or a prompt.',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    say(help());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    warn(`switchyard: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    say(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    return reportError(error, rest.includes('--json'), name);
  }
}
