// A command pays at start-up only for the packages its work needs: `switchyard graph` on 5,000
// revisions has a budget of a sixth of `alembic heads`, and the SQL parser alone costs a tenth of it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Cli } from '../../support/cliProcess';
import { fixtures } from '../../support/revisions';

const dir = mkdtempSync(join(tmpdir(), 'switchyard-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const heavy = ['pg', 'better-sqlite3-multiple-ciphers', 'libpg-query', 'zod'];

async function packagesLoadedBy(args: string[]): Promise<string[]> {
  const file = join(dir, `${args[0]}-${args.length}.json`);
  const cli = new Cli({
    NODE_OPTIONS: `--import=${pathToFileURL(resolve('test/support/loadedPackages.mjs')).href}`,
    SWITCHYARD_TEST_PACKAGES_FILE: file,
    SWITCHYARD_HOME: join(dir, 'home'),
    SWITCHYARD_PASSPHRASE: 'startup packages passphrase',
  });
  const run = await cli.run(args);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(readFileSync(file, 'utf8')) as string[];
}

describe('packages loaded at start-up', () => {
  it('graph and plan of an Alembic project without SQL strings load no driver, no SQL parser and no schemas', async () => {
    const graph = await packagesLoadedBy(['graph', '--project', `${fixtures}alembic-styles`, '--json']);
    expect(graph.filter((p) => heavy.includes(p))).toEqual([]);
    const plan = await packagesLoadedBy(['plan', '--project', `${fixtures}alembic-styles`, '--to', 'heads']);
    expect(plan.filter((p) => heavy.includes(p))).toEqual([]);
  });

  it('the SQL parser comes in when a project has SQL to read, the store and the schemas when a command opens it', async () => {
    expect(await packagesLoadedBy(['graph', '--project', `${fixtures}native-branchy`, '--json'])).toContain('libpg-query');
    expect(await packagesLoadedBy(['audit'])).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'zod']));
  });
});
