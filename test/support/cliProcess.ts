// The switchyard CLI as a real child process, as a user runs it: plain runs, runs SIGKILLed at a
// chosen statement (held by the fault proxy) or at a chosen moment, and the commands it prints,
// run exactly as printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { bundleCli } from './cliBundle';
import type { FaultProxy, HeldStatement, HoldMode, StatementMatch } from './faultProxy';

let bundled: Promise<string> | undefined;

/**
 * The CLI bundled from the sources as they are now, the way `npm install` bundles it; what
 * bin/switchyard.mjs runs when its own bundle is fresh. The integration run's global setup bundles it
 * once for all its files (`cliBundle`); elsewhere, once per test process. Tests that start the CLI a
 * hundred times would otherwise compile the TypeScript sources a hundred times.
 */
function cliEntry(): Promise<string> {
  bundled ??= (async () => {
    const shared = providedBundle();
    if (shared) return shared;
    // Inside node_modules, so the bundle's packages resolve as dist/cli's do.
    const dir = resolve('node_modules/.cache/switchyard-test-cli', String(process.pid));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return bundleCli(dir);
  })();
  return bundled;
}

/** The bundle the integration run's global setup made, if this process runs under it. */
function providedBundle(): string | undefined {
  try {
    return inject('cliBundle');
  } catch {
    // Not inside a Vitest worker (a script importing this file).
    return undefined;
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface KilledRun {
  held: HeldStatement;
  run: CliRun;
}

function finished(child: ChildProcess): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function describeRun(args: readonly string[], run: CliRun): string {
  return `switchyard ${args.join(' ')} exited ${run.code ?? run.signal}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}

/** The first `switchyard …` command in the output whose words start with `starting` (e.g. "snapshot restore"). */
export function printedCommand(output: string, starting: string): string | undefined {
  for (const line of output.split('\n')) {
    const at = line.indexOf(`switchyard ${starting}`);
    if (at < 0) continue;
    // A command set in backticks ends at the closing one; otherwise at the end of the line, less a sentence's full stop.
    const rest = line.slice(at);
    const quoted = line[at - 1] === '`' ? rest.slice(0, rest.indexOf('`') < 0 ? undefined : rest.indexOf('`')) : rest.replace(/\.\s*$/, '');
    return quoted.trim();
  }
  return undefined;
}

export class Cli {
  constructor(private readonly env: Record<string, string>) {}

  private spawn(program: string, args: readonly string[], stdin?: string): ChildProcess {
    const child = spawn(program, args, { env: { ...process.env, ...this.env }, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (stdin !== undefined) child.stdin?.end(stdin);
    // A test that fails or times out mid-run must not leave its CLI working on behind the next test.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    return child;
  }

  private async start(args: readonly string[], stdin?: string): Promise<ChildProcess> {
    return this.spawn(process.execPath, [await cliEntry(), ...args], stdin);
  }

  /** `stdin`: what the command reads from its standard input (e.g. a secret for --password-stdin); none: closed. */
  async run(args: readonly string[], stdin?: string): Promise<CliRun> {
    return finished(await this.start(args, stdin));
  }

  /** Runs a `switchyard …` line the CLI printed through a real shell, as a user pasting it would. */
  async runPrinted(line: string): Promise<CliRun> {
    const entry = await cliEntry();
    const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
    const script = `switchyard() { exec ${shellQuote(process.execPath)} ${shellQuote(entry)} "$@"; }\n${line}\n`;
    return finished(this.spawn('/bin/sh', ['-c', script]));
  }

  /** Runs the command and SIGKILLs it once the proxy holds a statement matching `match`. */
  async killAt(proxy: FaultProxy, match: StatementMatch, mode: HoldMode, args: readonly string[]): Promise<KilledRun> {
    const { held, run } = await this.killAtIfReached(proxy, match, mode, args);
    if (!held) throw new Error(`The CLI never reached the statement to kill it at.\n${describeRun(args, run)}`);
    return { held, run };
  }

  /** As killAt, but a command that finishes without reaching the statement is an answer too (no `held`). */
  async killAtIfReached(
    proxy: FaultProxy,
    match: StatementMatch,
    mode: HoldMode,
    args: readonly string[],
  ): Promise<{ held: HeldStatement | undefined; run: CliRun }> {
    // Armed before the CLI starts, so not even its first statement can slip past.
    await cliEntry();
    const held = proxy.holdAt(match, mode);
    const child = await this.start(args);
    const exit = finished(child);
    const first = await Promise.race([held, exit.then((run) => ({ run }))]);
    if ('run' in first) {
      proxy.disarm();
      return { held: undefined, run: first.run };
    }
    child.kill('SIGKILL');
    return { held: first, run: await exit };
  }

  /** Runs the command and SIGKILLs it once `moment` resolves (the test saw it reach that point). */
  async killWhen(moment: Promise<unknown>, args: readonly string[]): Promise<CliRun> {
    const child = await this.start(args);
    const exit = finished(child);
    const first = await Promise.race([moment.then(() => undefined), exit]);
    if (first) throw new Error(`The CLI finished before the moment to kill it.\n${describeRun(args, first)}`);
    child.kill('SIGKILL');
    return exit;
  }
}

export function output(run: CliRun): string {
  return `${run.stdout}\n${run.stderr}`;
}
