import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/main';
import { captureTerminal } from '../../support/terminalCapture';

// Every command and subcommand; each must read its flags before it opens the store or a database.
const commands = [
  ['profiles', 'list'],
  ['profiles', 'add'],
  ['profiles', 'edit'],
  ['profiles', 'remove'],
  ['profiles', 'test'],
  ['status'],
  ['upgrade'],
  ['downgrade'],
  ['stamp'],
  ['inventory'],
  ['reset'],
  ['snapshot', 'create'],
  ['snapshot', 'list'],
  ['snapshot', 'restore'],
  ['snapshot', 'delete'],
  ['diff'],
  ['drift'],
  ['graph'],
  ['plan'],
  ['audit'],
  ['serve'],
];

let home = '';
const saved = { home: process.env.SWITCHYARD_HOME, passphrase: process.env.SWITCHYARD_PASSPHRASE };

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'switchyard-flags-'));
  process.env.SWITCHYARD_HOME = home;
  delete process.env.SWITCHYARD_PASSPHRASE;
});
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  if (saved.home === undefined) delete process.env.SWITCHYARD_HOME;
  else process.env.SWITCHYARD_HOME = saved.home;
  if (saved.passphrase !== undefined) process.env.SWITCHYARD_PASSPHRASE = saved.passphrase;
});
const terminal = captureTerminal();

describe('an unknown flag', () => {
  it.each(commands.map((words) => [words.join(' '), words] as const))(
    'is a usage error for `switchyard %s --bogus`, with the usage and no stack trace',
    async (_name, words) => {
      expect(await main([...words, '--bogus'])).toBe(2);
      expect(terminal.errors).toContain("Unknown option '--bogus'");
      expect(terminal.errors).toMatch(/Usage:\s+switchyard/);
      expect(terminal.errors).toContain('[E_USAGE]');
      expect(terminal.errors).not.toMatch(/Internal error|\n\s+at /);
      expect(terminal.output).toBe('');
    },
    // The first call of each command loads its module (openServices, ssh2…): seconds on a loaded machine.
    30_000,
  );

  it('is reported as JSON with --json, still exit 2', async () => {
    expect(await main(['status', '--json', '--bogus'])).toBe(2);
    expect(JSON.parse(terminal.output)).toEqual({ error: { code: 'E_USAGE', message: expect.stringContaining("Unknown option '--bogus'") } });
  });
});

describe('a value the API would refuse', () => {
  it("is a usage error naming the flag, checked by the API contract's schema before anything runs", async () => {
    const database = join(home, 'never-created.sqlite');
    expect(await main(['upgrade', '--url', `sqlite://${database}`, '--to', 'x'.repeat(201)])).toBe(2);
    expect(terminal.errors).toMatch(/--to: Too big/);
    expect(await main(['status', '--url', `sqlite://${database}`, '--env', 'production'])).toBe(2);
    expect(terminal.errors).toContain('--env: Invalid option');
    expect(existsSync(database)).toBe(false);
  });
});
