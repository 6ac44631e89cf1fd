// `switchyard reset --to heads` on a project whose migrations are known to fail: refused at
// planning time, before anything is dropped.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const bin = resolve('bin/switchyard.mjs');
const seedTree = resolve('test/fixtures/migrations/seed-tree');

describe('reset --mode recreate --to heads on the seed tree', () => {
  it('is refused because two revisions create documents, and the database keeps its rows', async () => {
    const database = await scratchDatabase(server, 'reset_preflight');
    await adminQuery(server, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('keep me')", database);
    const env = { ...process.env, SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'reset preflight test', PGPASSWORD: server.password };
    const common = [
      'reset',
      '--url',
      `postgres://${server.user}@${server.host}:${server.port}/${database}`,
      '--project',
      seedTree,
      '--mode',
      'recreate',
      '--to',
      'heads',
    ];

    const plan = spawnSync(process.execPath, [bin, ...common], { env, encoding: 'utf8' });
    expect(plan.status).toBe(1);
    expect(plan.stdout).toMatch(
      /Refused: Migrating to heads would fail, so nothing is dropped: .*creates table documents, which is created earlier in the same upgrade/,
    );

    const run = spawnSync(process.execPath, [bin, ...common, '--confirm', database], { env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[E_PREFLIGHT]');
    expect((await adminQuery(server, 'SELECT body FROM notes', database)).rows).toEqual([{ body: 'keep me' }]);
  });
});
