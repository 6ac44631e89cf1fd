// `switchyard reset` and `switchyard snapshot` from a terminal: the plan without --confirm, the
// reset with it, and the undo through the snapshot it took.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { postgresTarget, rows, shopProject } from '../reset/resetSupport';

const server = inject('postgres');
const bin = resolve('bin/switchyard.mjs');

describe('switchyard reset / snapshot', () => {
  it('prints the impact and statements without --confirm, resets with it, and restores the snapshot it took', async () => {
    const database = await scratchDatabase(server, 'cli_reset');
    const project = shopProject();
    await runTarget(postgresTarget(server, database, project), { action: 'upgrade', target: 'heads' }, { actor: 'setup' });
    await rows(server, database, "INSERT INTO customers VALUES (1, 'Ada')");
    const home = tempDir();
    const cli = (args: string[]) => {
      const result = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'cli reset test', PGPASSWORD: server.password }, encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];

    const plan = cli(['reset', ...common, '--mode', 'recreate', '--to', 'heads']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    expect(plan.stdout).toContain('apply cust01 — customers');
    expect(plan.stdout).toContain('Nothing was changed');
    const wrong = cli(['reset', ...common, '--mode', 'recreate', '--confirm', 'someone_else']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('does not match');
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);

    const run = cli(['reset', ...common, '--mode', 'recreate', '--to', 'heads', '--confirm', database, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { ok: boolean; snapshot: { id: string } };
    expect(result.ok).toBe(true);
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([]);

    const list = JSON.parse(cli(['snapshot', 'list', ...common, '--json']).stdout) as Array<{ id: string; heads: string[] }>;
    expect(list).toEqual([expect.objectContaining({ id: result.snapshot.id, heads: ['ordr02'] })]);
    expect(cli(['snapshot', 'restore', result.snapshot.id.slice(0, 8), ...common]).stdout).toContain('Restored');
    expect(await rows(server, database, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    expect(cli(['snapshot', 'delete', result.snapshot.id, ...common]).code).toBe(0);
    expect(JSON.parse(cli(['snapshot', 'list', ...common, '--json']).stdout)).toEqual([]);
  });
});
