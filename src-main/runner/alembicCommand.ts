// Runs the project's own Alembic. The connection URL (password included) reaches the child through
// its environment, never its argv: when the command is a Python script we start its interpreter
// with a small bootstrap that sets sqlalchemy.url from the environment, so env.py needs no change.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { ConnectionTarget } from '../drivers/driver';

const bootstrap = [
  'import os, sys',
  'from alembic.config import CommandLine, Config',
  'cli = CommandLine(prog="alembic")',
  'options = cli.parser.parse_args(sys.argv[1:])',
  'config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)',
  'url = os.environ.get("SWITCHYARD_DATABASE_URL")',
  // ConfigParser interpolates %; a password with % in it must survive.
  'if url: config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))',
  'cli.run_cmd(config, options)',
].join('\n');

export const urlVariable = 'SWITCHYARD_DATABASE_URL';

export function sqlalchemyUrl(target: ConnectionTarget): string {
  if (target.engine === 'sqlite') return `sqlite:///${target.sqlitePath}`;
  const auth = `${encodeURIComponent(target.user)}${target.password ? `:${encodeURIComponent(target.password)}` : ''}`;
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const query = target.sslMode === 'disable' ? '' : `?sslmode=${target.sslMode}${target.sslCaFile ? `&sslrootcert=${encodeURIComponent(target.sslCaFile)}` : ''}`;
  return `postgresql+psycopg2://${auth}@${host}:${target.port}/${encodeURIComponent(target.database)}${query}`;
}

function onPath(command: string): string | undefined {
  if (isAbsolute(command) || command.includes('/')) return existsSync(command) ? command : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

function shebang(path: string): string[] | undefined {
  const buffer = Buffer.alloc(256);
  const fd = openSync(path, 'r');
  try {
    const first = buffer.subarray(0, readSync(fd, buffer, 0, 256, 0)).toString('utf8').split('\n')[0] ?? '';
    return first.startsWith('#!') && /python/.test(first) ? first.slice(2).trim().split(/\s+/) : undefined;
  } finally {
    closeSync(fd);
  }
}

export interface AlembicInvocation {
  program: string;
  args: string[];
  /** True when the URL goes in through our bootstrap; false when env.py must read DATABASE_URL itself. */
  bootstrapped: boolean;
}

/** `command` is what the profile says (default alembic): a script on PATH, a path, or a command line. */
export function alembicInvocation(command: string, alembicArgs: string[]): AlembicInvocation {
  const words = (command.trim() || 'alembic').split(/\s+/);
  let script = words.length === 1 ? onPath(words[0] as string) : undefined;
  // Debian's python3-alembic ships the module but no alembic script: use the system interpreter.
  if (!script && !command.trim() && existsSync('/usr/bin/python3')) script = '/usr/bin/python3';
  const interpreter = script && /(^|\/)python[\d.]*$/.test(script) ? [script] : script ? shebang(script) : undefined;
  if (interpreter) {
    const [program, ...rest] = interpreter as [string, ...string[]];
    return { program, args: [...rest, '-c', bootstrap, ...alembicArgs], bootstrapped: true };
  }
  if (words.length === 1 && !script) {
    throw new SwitchyardError('E_FILE_NOT_FOUND', `The Alembic command "${words[0]}" was not found on PATH. Set the project's Alembic command (e.g. /usr/bin/alembic or .venv/bin/alembic).`);
  }
  const [program, ...rest] = words as [string, ...string[]];
  return { program, args: [...rest, ...alembicArgs], bootstrapped: false };
}

export interface AlembicOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs alembic in `iniDir`, streaming each output line to `onLine`. */
export function runAlembicCommand(
  command: string,
  iniPath: string,
  alembicArgs: string[],
  target: ConnectionTarget,
  onLine: (stream: 'stdout' | 'stderr', line: string) => void,
): Promise<AlembicOutcome> {
  const invocation = alembicInvocation(command, ['-c', iniPath, ...alembicArgs]);
  const url = sqlalchemyUrl(target);
  const env: NodeJS.ProcessEnv = { ...process.env, [urlVariable]: url, PYTHONUNBUFFERED: '1' };
  if (!invocation.bootstrapped) {
    env.DATABASE_URL = url;
    env.SQLALCHEMY_URL = url;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(invocation.program, invocation.args, { cwd: dirname(iniPath), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collected = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr'] as const) {
      let pending = '';
      child[stream].on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        collected[stream] += text;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) onLine(stream, line);
      });
      child[stream].on('end', () => pending && onLine(stream, pending));
    }
    child.once('error', (error) => reject(new SwitchyardError('E_ALEMBIC_FAILED', `Could not start ${invocation.program}: ${error.message}`)));
    child.once('close', (code) => resolve({ code: code ?? 1, ...collected }));
  });
}
