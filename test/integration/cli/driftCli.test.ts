// `switchyard drift` as a user runs it on a saved SQLite profile: exit 0 and "no drift" while the file
// is what the migrations made, exit 4 with each drifted object and its revision after a change by hand
// (and --json for scripts), exit 1 for a profile that does not exist, exit 2 without --profile.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriftReport } from '../../../src-shared/model/drift';
import { runTarget } from '../../../src-main/runner/runnerService';
import { output } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const shop = [
  { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL);' },
  { id: 'ord02', parents: ['cust01'], message: 'orders', up: 'CREATE TABLE orders (id integer PRIMARY KEY, total integer);' },
];

describe('switchyard drift', () => {
  it('exit 0 without drift, exit 4 with each drifted object and the revision that made it, exit 1 and 2 for a wrong call', async () => {
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    const path = join(tempDir(), 'shop.sqlite');
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    const run = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'drift command test passphrase' });
    const added = await run.run(['profiles', 'add', '--name', 'shop file', '--engine', 'sqlite', '--sqlite-path', path, '--project', project]);
    expect(added.code, output(added)).toBe(0);

    const none = await run.run(['drift', '--profile', 'shop file']);
    expect(none.code, output(none)).toBe(0);
    expect(none.stdout).toContain('no drift.');

    execSqlite(path, 'ALTER TABLE orders ADD COLUMN note text; CREATE INDEX customers_email ON customers (email);');
    const drifted = await run.run(['drift', '--profile', 'shop file']);
    expect(drifted.code, output(drifted)).toBe(4);
    expect(drifted.stdout).toContain('+ column "main"."orders"."note": in the database, not made by the migrations (on what ord02 made)');
    expect(drifted.stdout).toContain('+ index "main"."customers_email": in the database, not made by the migrations (on what cust01 made)');
    expect(drifted.stdout).toContain('drift: 2 objects.');
    expect(drifted.stdout).toContain('Revisions whose objects drifted: cust01, ord02');

    const json = await run.run(['drift', '--profile', 'shop file', '--json']);
    expect(json.code).toBe(4);
    const report = JSON.parse(json.stdout) as DriftReport;
    expect(report.objects.map((o) => [o.change, o.key, o.revision])).toEqual([
      ['unexpected', 'index:"main"."customers_email"', 'cust01'],
      ['unexpected', 'column:"main"."orders"."note"', 'ord02'],
    ]);
    expect(report.expected.fromCache).toBe(true);

    const unknown = await run.run(['drift', '--profile', 'no such profile']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no such profile');
    expect((await run.run(['drift'])).code).toBe(2);
  });
});
