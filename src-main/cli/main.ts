// `switchyard <command>`: every capability of the app, scriptable, with --json output.
import type { Command } from './command';
import { graphCommand } from './commands/graph';
import { planCommand } from './commands/plan';
import { profilesCommand } from './commands/profiles';
import { serveCommand } from './commands/serve';
import { reportError } from './output';

const commands: Command[] = [profilesCommand, serveCommand, graphCommand, planCommand];

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
    'Run `switchyard <command> --help` for a command\'s options.',
    'The store lives in SWITCHYARD_HOME (default: the platform app-data folder); its passphrase comes',
    'from SWITCHYARD_PASSPHRASE or a prompt.',
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`switchyard: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    return reportError(error, rest.includes('--json'));
  }
}
