import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import { previewTarget, runTarget } from '../../../src-main/runner/runnerService';
import { postgresTarget } from '../../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

const history: RevisionSpec[] = [
  { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY);', down: 'DROP TABLE customers;' },
  {
    id: 'ordr02',
    parents: ['cust01'],
    message: 'orders and their archive',
    up: 'CREATE TABLE orders (id int PRIMARY KEY);\nCREATE TABLE reporting.order_archive (id int);',
    down: '-- the archive goes with the orders\nDROP TABLE reporting.order_archive;\nDROP TABLE IF EXISTS orders;',
  },
  {
    id: 'tidy03',
    parents: ['ordr02'],
    message: 'tidy',
    up: 'TRUNCATE customers;\nDELETE FROM orders WHERE id > 2;\nINSERT INTO orders VALUES (1);',
    down: 'SELECT 1;',
  },
];

async function database(): Promise<{ target: MigrationTarget; name: string }> {
  const name = await scratchDatabase(server, 'destruction');
  await adminQuery(server, 'CREATE SCHEMA reporting', name);
  const project = join(tempDir(), 'migrations');
  writeNativeProject(project, history);
  return { target: postgresTarget(server, name, project), name };
}

const actor = 'tester via test';

describe('what a plan destroys, on PostgreSQL', () => {
  it('a downgrade lists every table it drops with the rows it holds now, children first', async () => {
    const { target, name } = await database();
    await runTarget(target, { action: 'upgrade', to: 'ordr02' }, { actor });
    await adminQuery(
      server,
      'INSERT INTO customers SELECT generate_series(1, 500); INSERT INTO orders SELECT generate_series(1, 7); INSERT INTO reporting.order_archive VALUES (1), (2)',
      name,
    );

    const preview = await previewTarget(target, { action: 'downgrade', to: 'base' }, actor);

    expect(preview.destruction).toEqual([
      { table: 'reporting.order_archive', how: 'drop', revision: 'ordr02', direction: 'down', rows: 2 },
      { table: 'orders', how: 'drop', revision: 'ordr02', direction: 'down', rows: 7 },
      { table: 'customers', how: 'drop', revision: 'cust01', direction: 'down', rows: 500 },
    ]);
  });

  it('an upgrade that truncates or deletes lists those tables too; one that only creates lists nothing', async () => {
    const { target, name } = await database();
    const creating = await previewTarget(target, { action: 'upgrade', to: 'ordr02' }, actor);
    expect(creating.destruction).toEqual([]);

    await runTarget(target, { action: 'upgrade', to: 'ordr02' }, { actor });
    await adminQuery(server, 'INSERT INTO customers VALUES (1), (2), (3); INSERT INTO orders VALUES (1), (5)', name);
    const tidying = await previewTarget(target, { action: 'upgrade', to: 'heads' }, actor);
    expect(tidying.destruction).toEqual([
      { table: 'customers', how: 'truncate', revision: 'tidy03', direction: 'up', rows: 3 },
      { table: 'orders', how: 'delete', revision: 'tidy03', direction: 'up', rows: 2 },
    ]);
  });

  it('a stamp runs none of the SQL, so it destroys nothing', async () => {
    const { target } = await database();
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor });
    const stampDown = await previewTarget(target, { action: 'stamp', to: 'base', down: true }, actor);
    expect(stampDown.destruction).toEqual([]);
  });
});
