// `switchyard recipes` and `switchyard reset --recipe` as a DBA and support staff run them, on real
// SQLite databases: a recipe saved for a project environment, its plan shown with the command that
// runs it, that command run as printed (rows back to the recipe's), and every alteration refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResetRecipe } from '../../../src-shared/model/resetRecipe';
import { output, printedCommand } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { execSqlite, sqliteRows } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

async function shopWithConnections() {
  const dir = join(tempDir(), 'shop', 'migrations');
  writeNativeProject(dir, [
    { id: 'a1', parents: [], message: 'customers', up: 'CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);' },
    { id: 'a2', parents: ['a1'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
  ]);
  const cli = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'recipes command test passphrase' });
  const files = tempDir();
  const demo = join(files, 'demo.db');
  const other = join(files, 'other.db');
  for (const [name, env, path] of [
    ['Demo', 'staging', demo],
    ['Other', 'dev', other],
  ] as const) {
    const added = await cli.run(['profiles', 'add', '--name', name, '--env', env, '--engine', 'sqlite', '--sqlite-path', path, '--project', dir]);
    expect(added.code, output(added)).toBe(0);
  }
  const project = await cli.run(['projects', 'add', 'shop', dir]);
  expect(project.code, output(project)).toBe(0);
  for (const path of [demo, other]) execSqlite(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada');");
  const seed = join(files, 'q3.sql');
  writeFileSync(seed, "INSERT INTO customers VALUES (7, 'Q3 customer');\n");
  return { cli, demo, other, seed };
}

describe('switchyard recipes / reset --recipe', () => {
  it('saves a recipe, shows its plan with the command that runs it, and that command resets the database to the recipe’s rows', async () => {
    const { cli, demo, seed } = await shopWithConnections();
    const saved = await cli.run(['recipes', 'save', 'Q3 demo', '--project', 'shop', '--env', 'staging', '--mode', 'recreate', '--to', 'heads', '--seed', seed]);
    expect(saved.code, output(saved)).toBe(0);
    expect(saved.stdout).toContain('runs on: the connections of staging of shop');
    expect(saved.stdout).toContain('does:    recreate, migrate to heads, seed q3.sql, snapshot first (nobody may skip it)');

    const listed = await cli.run(['recipes', 'list', '--profile', 'Demo', '--json']);
    expect((JSON.parse(listed.stdout) as ResetRecipe[]).map((r) => r.name)).toEqual(['Q3 demo']);
    expect(JSON.parse((await cli.run(['recipes', 'list', '--profile', 'Other', '--json'])).stdout)).toEqual([]);

    const plan = await cli.run(['reset', '--recipe', 'Q3 demo', '--profile', 'Demo']);
    expect(plan.code, output(plan)).toBe(0);
    expect(plan.stdout).toContain('Nothing was changed.');
    expect(sqliteRows(demo, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    const printed = printedCommand(plan.stdout, 'reset');
    expect(printed).toBe("switchyard reset --recipe 'Q3 demo' --profile Demo --confirm demo.db");

    const run = await cli.runPrinted(printed ?? '');
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain('Reset done');
    expect(sqliteRows(demo, 'SELECT id, name FROM customers')).toEqual([{ id: 7, name: 'Q3 customer' }]);

    const audit = await cli.run(['audit', '--json']);
    expect(audit.stdout).toContain('"recipe.save"');
    expect(audit.stdout).toMatch(/"action": ?"reset.start"[^}]*"recipe"/s);
  });

  it('refuses what a recipe decides, a connection outside its scope and skipping its snapshot, changing nothing; removes it', async () => {
    const { cli, demo, other } = await shopWithConnections();
    expect((await cli.run(['recipes', 'save', 'Q3 demo', '--project', 'shop', '--env', 'staging', '--mode', 'recreate'])).code).toBe(0);

    const altered = await cli.run(['reset', '--recipe', 'Q3 demo', '--profile', 'Demo', '--mode', 'wipe', '--to', 'a1', '--confirm', 'demo.db']);
    expect(altered.code).toBe(2);
    expect(altered.stderr).toContain('The recipe "Q3 demo" decides the reset: --mode, --to cannot be given with --recipe. Nothing was changed.');

    const outside = await cli.run(['reset', '--recipe', 'Q3 demo', '--profile', 'Other', '--confirm', 'other.db']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('runs on the connections of staging of shop, and Other is not one of them. Nothing was changed.');
    expect(outside.stderr).toContain('E_OUT_OF_SCOPE');

    const skipped = await cli.run(['reset', '--recipe', 'Q3 demo', '--profile', 'Demo', '--no-snapshot', '--i-understand', '--confirm', 'demo.db']);
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toContain('says nobody may skip its snapshot');

    const bogus = await cli.run(['recipes', 'list', '--mode', 'wipe']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('--mode does not go with recipes list');

    expect(sqliteRows(demo, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);
    expect(sqliteRows(other, 'SELECT name FROM customers')).toEqual([{ name: 'Ada' }]);

    const removed = await cli.run(['recipes', 'remove', 'q3 demo']);
    expect(removed.code, output(removed)).toBe(0);
    expect((await cli.run(['recipes', 'list'])).stdout).toContain('No reset recipes yet');
  });
});
