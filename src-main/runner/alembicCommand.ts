// Runs the project's own Alembic. When the command is a Python script we start its interpreter with
// a small bootstrap (alembicBootstrap.ts) that gets the URL through a pipe and sets sqlalchemy.url,
// so env.py needs no change. The child sees a minimal environment: never a Switchyard secret.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, openSync, readSync, closeSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';
import type { ConnectionTarget } from '../drivers/driver';
import { routeTo } from '../drivers/ssh/throughTunnel';
import { engineFor } from '../engines/engineFor';
import { bootstrap, bootstrapExit, type BootstrapSettings } from './alembicBootstrap';

export function sqlalchemyUrl(target: ConnectionTarget): string {
  return engineFor(target.engine).sqlalchemyUrl(target);
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
    const first =
      buffer
        .subarray(0, readSync(fd, buffer, 0, 256, 0))
        .toString('utf8')
        .split('\n')[0] ?? '';
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
    throw new SwitchyardError(
      'E_FILE_NOT_FOUND',
      `The Alembic command "${words[0]}" was not found on PATH. Set the project's Alembic command (e.g. /usr/bin/alembic or .venv/bin/alembic).`,
    );
  }
  const [program, ...rest] = words as [string, ...string[]];
  return { program, args: [...rest, ...alembicArgs], bootstrapped: false };
}

export interface AlembicOutcome {
  /** The program started (the Python interpreter when bootstrapped): named when env.py cannot import a module. */
  program: string;
  code: number;
  stdout: string;
  stderr: string;
  /**
   * Why it stopped early: our bootstrap says so through its exit code ('lockHeld', 'stopRequested':
   * between revisions); a command line we could not bootstrap was 'interrupted' mid-revision.
   */
  stoppedBecause: 'lockHeld' | 'stopRequested' | 'interrupted' | null;
}

export interface AlembicRunOptions {
  /** How long the child waits for another Alembic run's lock on the same database. */
  lockTimeoutMs: number;
  /** Aborting asks the child to stop between revisions. */
  signal?: AbortSignal;
  /** The script folder, for an alembic.ini without script_location (Flask-Migrate's, whose `flask db` sets it the same way). */
  scriptLocation?: string;
}

// Enough to find Python, its packages and a temp folder, in the user's locale; nothing else of
// ours (SWITCHYARD_PASSPHRASE would let any env.py decrypt every stored password).
// SYSTEMROOT: Python on Windows cannot start without it.
const passedThrough = new Set(['PATH', 'HOME', 'LANG', 'TMPDIR', 'PYTHONPATH', 'SYSTEMROOT']);

function childEnvironment(invocation: AlembicInvocation, url: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PYTHONUNBUFFERED: '1' };
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && (passedThrough.has(name) || name.startsWith('LC_'))) env[name] = value;
  }
  // A command line we cannot bootstrap reads the URL the usual ways.
  if (!invocation.bootstrapped) Object.assign(env, { DATABASE_URL: url, SQLALCHEMY_URL: url });
  return env;
}

// A command line we cannot bootstrap (`poetry run alembic`) gets the same watch from a small shell:
// it keeps our pipe on fd 3 and ends its whole process group when the pipe closes. The command runs
// in the foreground, so a SIGINT reaches it.
const shellWatch = ['exec 3<&0', '(cat <&3 >/dev/null 2>&1; kill -TERM 0) >/dev/null 2>&1 &', 'exec 3<&-', '"$@" </dev/null'].join('\n');

/** What we start: the bootstrap as it is, anything else inside the shell watch (POSIX only). */
function watched(invocation: AlembicInvocation): { program: string; args: string[] } {
  if (invocation.bootstrapped || process.platform === 'win32') return invocation;
  return { program: '/bin/sh', args: ['-c', shellWatch, 'alembic', invocation.program, ...invocation.args] };
}

function stoppedBecause(invocation: AlembicInvocation, code: number, stopAsked: boolean): AlembicOutcome['stoppedBecause'] {
  if (!invocation.bootstrapped) return stopAsked && code !== 0 ? 'interrupted' : null;
  return code === bootstrapExit.lockHeld ? 'lockHeld' : code === bootstrapExit.stopped ? 'stopRequested' : null;
}

/**
 * Runs alembic in `iniDir`, streaming each output line to `onLine`. The child gets its own process
 * group (a Ctrl-C in the terminal reaches Switchyard only, which then asks the child to stop between
 * revisions) and dies with Switchyard: it watches the pipe Switchyard holds open.
 */
export async function runAlembicCommand(
  command: string,
  iniPath: string,
  alembicArgs: string[],
  target: ConnectionTarget,
  options: AlembicRunOptions,
  onLine: (stream: 'stdout' | 'stderr', line: string) => void,
): Promise<AlembicOutcome> {
  const invocation = alembicInvocation(command, ['-c', iniPath, ...alembicArgs]);
  if (options.scriptLocation !== undefined && !invocation.bootstrapped) {
    throw new SwitchyardError(
      'E_INVALID_PROJECT',
      `${iniPath} has no script_location (a Flask-Migrate folder): Switchyard sets it only when it starts Alembic's Python itself, and "${command}" is a command line it cannot. Set the Alembic command to an alembic script (e.g. .venv/bin/alembic), or add script_location = %(here)s to the [alembic] section.`,
    );
  }
  // Alembic's own connection goes through the profile's SSH tunnel too, held open while it runs.
  const route = await routeTo(target);
  const url = sqlalchemyUrl(route.lease ? { ...target, via: { host: route.host, port: route.port } } : target);
  return new Promise<AlembicOutcome>((resolve, reject) => {
    const started = watched(invocation);
    const child = spawn(started.program, started.args, {
      cwd: dirname(iniPath),
      env: childEnvironment(invocation, url),
      stdio: ['pipe', 'pipe', 'pipe'],
      // On Windows a detached child opens a console window of its own.
      detached: process.platform !== 'win32',
    });
    // The child may be gone before it reads what we write; that is reported through its exit.
    child.stdin.on('error', () => undefined);
    if (invocation.bootstrapped) {
      const settings: BootstrapSettings = {
        url,
        lockTimeoutMs: options.lockTimeoutMs,
        ...(options.scriptLocation !== undefined ? { scriptLocation: options.scriptLocation } : {}),
      };
      child.stdin.write(`${JSON.stringify(settings)}\n`);
    }
    const stop = () => {
      if (invocation.bootstrapped) child.stdin.write('stop\n');
      else if (child.pid !== undefined) {
        try {
          process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGINT');
        } catch {
          // Already gone: its exit tells the rest.
        }
      }
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener('abort', stop, { once: true });
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
    child.once('close', (exit) => {
      options.signal?.removeEventListener('abort', stop);
      child.stdin.end();
      const code = exit ?? 1;
      resolve({ program: invocation.program, code, ...collected, stoppedBecause: stoppedBecause(invocation, code, options.signal?.aborted ?? false) });
    });
  }).finally(() => route.lease?.release());
}
