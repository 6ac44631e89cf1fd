// `switchyard local`: a PostgreSQL server Switchyard runs itself, as a consultant uses it offline:
// created with a profile of its name, still running after the command ends, migrated like any server,
// stopped, started again with its data, and removed with its profile and data.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { Cli, output } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

interface LocalServerJson {
  name: string;
  port: number;
  running: boolean;
  folder: string;
}

async function json<T>(cli: Cli, args: string[]): Promise<T> {
  const run = await cli.run([...args, '--json']);
  if (run.code !== 0) throw new Error(output(run));
  return JSON.parse(run.stdout) as T;
}

describe('switchyard local', () => {
  it('creates a server with a profile of its name, which runs, stops, starts with its data, and is removed whole', async () => {
    const home = tempDir();
    const cli = await cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'local server passphrase' });
    const name = "Client's demo";
    // However the test ends, the server it made does not keep running.
    onTestFinished(() => cli.run(['local', 'remove', name, '--yes']).then(() => undefined));
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [{ id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id integer PRIMARY KEY);' }]);

    const created = await json<LocalServerJson>(cli, ['local', 'create', name]);
    expect(created).toMatchObject({ name, running: true });
    expect(created.folder.startsWith(join(home, 'local-servers'))).toBe(true);
    const again = await cli.run(['local', 'create', name]);
    expect(again.code).toBe(1);
    expect(output(again)).toContain(`A local server named "${name}" exists already`);
    const [profile] = await json<Array<{ name: string; host: string; port: number; environment: string; hasPassword: boolean }>>(cli, ['profiles', 'list']);
    expect(profile).toMatchObject({ name, host: '127.0.0.1', port: created.port, environment: 'dev', hasPassword: true });
    // The command that created it has ended; the server runs on, and takes a migration like any server.
    expect((await cli.run(['upgrade', '--to', 'heads', '--profile', name, '--project', project])).code).toBe(0);

    expect(await json<LocalServerJson>(cli, ['local', 'stop', name])).toMatchObject({ running: false });
    const refused = await cli.run(['status', '--profile', name, '--project', project]);
    expect(refused.code).toBe(1);
    expect(output(refused)).toContain('E_CONNECTION_REFUSED');

    expect(await json<LocalServerJson>(cli, ['local', 'start', name])).toMatchObject({ running: true, port: created.port });
    const status = await json<{ applied: string[] }>(cli, ['status', '--profile', name, '--project', project]);
    expect(status.applied).toEqual(['cust01']);
    expect(await json<LocalServerJson[]>(cli, ['local', 'list'])).toEqual([{ ...created, running: true, dataBytes: expect.any(Number) }]);
    expect((await cli.run(['local', 'list'])).stdout).toMatch(new RegExp(`running\\s+${created.port}\\s+\\d+(\\.\\d)? MB`));

    expect((await cli.run(['local', 'remove', name, '--yes'])).code).toBe(0);
    expect(existsSync(created.folder)).toBe(false);
    expect(await json<unknown[]>(cli, ['profiles', 'list'])).toEqual([]);
    expect(await json<unknown[]>(cli, ['local', 'list'])).toEqual([]);
  });

  it('refuses a name nobody made, and a command without a name', async () => {
    const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'local server passphrase' });
    const missing = await cli.run(['local', 'start', 'nowhere']);
    expect(missing.code).toBe(1);
    expect(output(missing)).toContain('No local server named "nowhere"');
    const usage = await cli.run(['local', 'create']);
    expect(usage.code).toBe(2);
  });
});
