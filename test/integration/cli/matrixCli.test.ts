// `switchyard matrix` and `switchyard promote` as a user runs them, on real SQLite databases: the
// matrix as a table, as JSON and as the Markdown status report; a promotion to production refused
// with its failed gate named (exit 1, nothing run), then run with --yes-production; usage errors exit 2.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../../../src-shared/model/matrix';
import type { PromotionRecord } from '../../../src-shared/model/promotion';
import { output } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

describe('switchyard matrix and promote', () => {
  it('shows where each environment stands, and promotes staging to production only with the typed confirmation', async () => {
    const dir = join(tempDir(), 'migrations');
    writeNativeProject(dir, [
      { id: 'a1', parents: [], message: 'customers', up: 'CREATE TABLE customers (id INTEGER PRIMARY KEY);' },
      { id: 'a2', parents: ['a1'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
      { id: 'a3', parents: ['a2'], message: 'invoices', up: 'CREATE TABLE invoices (id INTEGER PRIMARY KEY);' },
    ]);
    const cli = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'matrix command test passphrase' });
    const files = tempDir();
    for (const env of ['staging', 'prod']) {
      const added = await cli.run([
        'profiles',
        'add',
        '--name',
        `shop ${env}`,
        '--env',
        env,
        '--engine',
        'sqlite',
        '--sqlite-path',
        join(files, `${env}.db`),
        '--project',
        dir,
      ]);
      expect(added.code, output(added)).toBe(0);
    }
    expect((await cli.run(['projects', 'add', 'shop', dir, '--format', 'native'])).code).toBe(0);
    expect((await cli.run(['upgrade', '--profile', 'shop staging', '--to', 'a3'])).code).toBe(0);
    expect((await cli.run(['upgrade', '--profile', 'shop prod', '--to', 'a1', '--yes-production'])).code).toBe(0);

    const table = await cli.run(['matrix', '--project', 'shop']);
    expect(table.code, output(table)).toBe(0);
    expect(table.stdout).toContain('staging/shop staging');
    expect(table.stdout).toContain('prod lacks 2 revisions of staging: a2, a3 (a plain upgrade)');

    const json = await cli.run(['matrix', '--project', 'shop', '--json']);
    const matrix = JSON.parse(json.stdout) as Matrix;
    expect(matrix.gaps).toEqual([{ from: 'staging', to: 'prod', toApply: ['a2', 'a3'], toRevert: [], kind: 'upgrade' }]);

    const markdown = await cli.run(['matrix', '--project', 'shop', '--markdown']);
    expect(markdown.stdout).toContain('# Migration status: shop');
    expect(markdown.stdout).toContain('```mermaid\ngitGraph');
    expect(markdown.stdout).toContain('- **Missing tables**: none');

    const refused = await cli.run(['promote', '--project', 'shop', '--from', 'staging', '--to', 'prod']);
    expect(refused.code, output(refused)).toBe(1);
    expect(refused.stdout).toContain("✗ Production: the connection's name typed");
    expect(refused.stderr).toContain('E_PROMOTION_REFUSED');
    expect(refused.stderr).toContain('add --yes-production');
    const still = JSON.parse((await cli.run(['matrix', '--project', 'shop', '--json'])).stdout) as Matrix;
    expect(still.gaps[0]?.toApply).toEqual(['a2', 'a3']);

    const promoted = await cli.run(['promote', '--project', 'shop', '--from', 'staging', '--to', 'prod', '--yes-production', '--json']);
    expect(promoted.code, output(promoted)).toBe(0);
    const record = JSON.parse(promoted.stdout) as PromotionRecord;
    expect(record).toMatchObject({ outcome: 'succeeded', plan: ['a2', 'a3'], targets: [{ profileName: 'shop prod', applied: ['a2', 'a3'] }] });

    const level = JSON.parse((await cli.run(['matrix', '--project', 'shop', '--json'])).stdout) as Matrix;
    expect(level.gaps[0]?.kind).toBe('level');
  });

  it('refuses unknown flags and half an approval as usage errors', async () => {
    const cli = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'matrix command test passphrase' });
    const bogus = await cli.run(['matrix', '--project', 'shop', '--bogus']);
    expect(bogus.code).toBe(2);
    const half = await cli.run(['promote', '--project', 'shop', '--from', 'staging', '--to', 'prod', '--approved-by', 'Carol']);
    expect(half.code).toBe(2);
    expect(half.stderr).toContain('--approved-by NAME with --approval-note TEXT');
  });
});
