import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/model/audit';
import type { CliRun } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { tempDir } from '../../support/tempDir';

function entriesOf(run: CliRun): Pick<AuditEntry, 'action' | 'target'>[] {
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { entries: AuditEntry[] }).entries.map(({ action, target }) => ({ action, target }));
}

describe('switchyard audit --profile', () => {
  it('shows the history of one profile by its id: kept across a rename and after the profile is removed', async () => {
    const home = tempDir();
    const cli = await cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'audit passphrase' });
    for (const name of ['orders', 'billing'])
      expect((await cli.run(['profiles', 'add', '--name', name, '--engine', 'sqlite', '--sqlite-path', join(home, `${name}.db`)])).code).toBe(0);
    expect((await cli.run(['profiles', 'edit', 'orders', '--name', 'orders (renamed)'])).code).toBe(0);
    expect((await cli.run(['profiles', 'edit', 'billing', '--notes', 'monthly'])).code).toBe(0);
    const profiles = JSON.parse((await cli.run(['profiles', 'list', '--json'])).stdout) as { id: string; name: string }[];
    const renamed = profiles.find((profile) => profile.name === 'orders (renamed)');
    const history = [
      { action: 'profile.update', target: 'orders (renamed)' },
      { action: 'profile.create', target: 'orders' },
    ];

    expect(entriesOf(await cli.run(['audit', '--profile', 'orders (renamed)', '--json']))).toEqual(history);
    expect(entriesOf(await cli.run(['audit', '--profile', renamed?.id ?? '', '--json']))).toEqual(history);

    expect((await cli.run(['profiles', 'remove', 'orders (renamed)', '--yes'])).code).toBe(0);
    const removed = await cli.run(['audit', '--profile', renamed?.id ?? '']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/Connection deleted\s+orders \(renamed\)[\s\S]*Connection changed[\s\S]*Connection created\s+orders\n/);
    expect(removed.stdout).not.toContain('profile.');
    expect(removed.stdout).not.toContain('billing');
  });

  it('says when in one human format with the zone, as the app does, not as a raw ISO string', async () => {
    const home = tempDir();
    const cli = await cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'audit passphrase', TZ: 'Europe/Berlin' });
    expect((await cli.run(['profiles', 'add', '--name', 'orders', '--engine', 'sqlite', '--sqlite-path', join(home, 'orders.db')])).code).toBe(0);
    const log = await cli.run(['audit']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} (CET|CEST)\s.*Connection created\s+orders$/m);
    expect(log.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses a profile it knows nothing about instead of printing an empty log', async () => {
    const cli = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'audit passphrase' });
    const unknown = await cli.run(['audit', '--profile', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('[E_NOT_FOUND]');
    expect(unknown.stderr).toContain('No connection profile named "nobody"');
  });
});
