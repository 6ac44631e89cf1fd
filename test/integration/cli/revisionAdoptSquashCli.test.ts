// `switchyard revision adopt` and `revision squash` through the real CLI on SQLite files: the
// evidence printed, the stamp made with --write (and refused with the difference when a column
// differs); a squash shown with its diff and proof, written, its printed stamp command run as printed.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SquashPlan } from '../../../src-shared/model/squash';
import { loadProject } from '../../../src-main/migrations/project';
import { runTarget } from '../../../src-main/runner/runnerService';
import { plainAlembicEnv, writeFiles } from '../../support/alembicFolders';
import { Cli, output, printedCommand } from '../../support/cliProcess';
import { sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { execSqlite, sqliteRows } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const setup = { actor: 'tester' };
const documents = 'CREATE TABLE documents (id integer PRIMARY KEY, title text NOT NULL);';

describe('switchyard revision adopt', () => {
  it('shows the objects compared, stamps with --write when they are the same, and refuses with the difference when a column differs', async () => {
    const dir = join(tempDir(), 'migrations');
    writeNativeProject(dir, [
      { id: 'core01', parents: [], message: 'users', up: 'CREATE TABLE users (id integer PRIMARY KEY);' },
      { id: 'docs02', parents: ['core01'], message: 'documents', up: documents },
    ]);
    const cli = new Cli({ SWITCHYARD_HOME: tempDir() });
    const database = async (tableSql: string) => {
      const path = join(tempDir(), 'app.sqlite');
      await runTarget(sqliteTarget(path, dir), { action: 'upgrade', to: 'core01' }, setup);
      execSqlite(path, tableSql);
      return ['--url', `sqlite://${path}`, '--project', dir];
    };

    const same = await database(documents);
    const shown = await cli.run(['revision', 'adopt', 'docs02', ...same]);
    expect(shown.code, output(shown)).toBe(0);
    expect(shown.stdout).toContain('Objects compared: 4');
    expect(shown.stdout).toContain('= table "main"."documents" — docs02 creates it; the database: same');
    expect(shown.stdout).toContain('run again with --write to stamp it instead of running it');
    const stamped = await cli.run(['revision', 'adopt', 'docs02', ...same, '--write']);
    expect(stamped.code, output(stamped)).toBe(0);
    expect(stamped.stdout).toContain('Stamped: 1 revision recorded as applied, no SQL ran; now at docs02.');

    const differs = await database(documents.replace('title text NOT NULL', 'title text'));
    const refused = await cli.run(['revision', 'adopt', 'docs02', ...differs, '--write']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('≠ column "main"."documents"."title" — docs02 creates it; the database: differs');
    expect(refused.stdout).toContain('column "main"."documents"."title": nullable true → false');
    expect(refused.stderr).toContain('E_ADOPTION_DIFFERS');
    const still = sqliteRows(differs[1]?.slice('sqlite://'.length) ?? '', 'SELECT revision FROM switchyard_migrations');
    expect(still).toEqual([{ revision: 'core01' }]);

    expect((await cli.run(['revision', 'adopt', ...same])).code).toBe(2);
  });
});

/** An Alembic revision creating `documents` as both of the seeds' branches did (000_*), or an empty merge. */
function alembicRevision(id: string, parents: readonly string[], body: string): string {
  const down = parents.length === 0 ? 'None' : parents.length === 1 ? `"${parents[0]}"` : `(${parents.map((p) => `"${p}"`).join(', ')})`;
  return `from alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${down}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    ${body}\n\n\ndef downgrade():\n    pass\n`;
}

const createDocuments = 'op.create_table("documents", sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(200), nullable=False))';

describe('switchyard revision adopt on the seeds’ duplicate table (Alembic)', () => {
  it('stamps the second branch’s documents revision on a database the first branch made it on; real Alembic then upgrades to the single head without an error', async () => {
    const dir = tempDir('switchyard-alembic-');
    const path = join(tempDir(), 'app.sqlite');
    writeFiles(dir, {
      'alembic.ini': `[alembic]\nscript_location = alembic\nsqlalchemy.url = sqlite:///${path}\n\n[loggers]\nkeys = root\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %(levelname)s %(message)s\n`,
      'alembic/env.py': plainAlembicEnv,
      'alembic/versions/d01fd5049733.py': alembicRevision('d01fd5049733', [], createDocuments),
      'alembic/versions/000_core_tables.py': alembicRevision('000_core_tables', [], createDocuments),
      'alembic/versions/merge_2026_01_16.py': alembicRevision('merge_2026_01_16', ['d01fd5049733', '000_core_tables'], 'pass'),
    });
    const alembic = (...args: string[]) => execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', 'alembic.ini', ...args], { cwd: dir, encoding: 'utf8' });
    alembic('upgrade', 'd01fd5049733');
    const cli = new Cli({ SWITCHYARD_HOME: tempDir() });
    const target = ['--url', `sqlite://${path}`, '--project', dir];

    const adopted = await cli.run(['revision', 'adopt', '000_core_tables', ...target, '--write']);
    expect(adopted.code, output(adopted)).toBe(0);
    expect(adopted.stdout).toContain('= table "main"."documents" — 000_core_tables creates it; the database: same');
    expect(adopted.stdout).toContain('Stamped: 1 revision recorded as applied, no SQL ran');

    alembic('upgrade', 'head');
    expect(alembic('current').trim()).toBe('merge_2026_01_16 (head) (mergepoint)');
  });
});

describe('switchyard revision squash', () => {
  it('prints the diff and the proof, writes with --write, and its printed stamp command records the squashed revision', async () => {
    const dir = join(tempDir(), 'migrations');
    writeNativeProject(dir, [
      { id: 'r01', parents: [], message: 'a', up: 'CREATE TABLE a (id integer PRIMARY KEY);', down: 'DROP TABLE a;' },
      { id: 'r02', parents: ['r01'], message: 'note', up: 'ALTER TABLE a ADD COLUMN note text;', down: 'ALTER TABLE a DROP COLUMN note;' },
      { id: 'r03', parents: ['r02'], message: 'b', up: 'CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id));', down: 'DROP TABLE b;' },
      { id: 'r04', parents: ['r03'], message: 'c', up: 'CREATE TABLE c (id integer PRIMARY KEY);', down: 'DROP TABLE c;' },
    ]);
    const path = join(tempDir(), 'app.sqlite');
    await runTarget(sqliteTarget(path, dir), { action: 'upgrade', to: 'r03' }, setup);
    const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'squash cli test passphrase' });
    const added = await cli.run(['profiles', 'add', '--name', 'app file', '--engine', 'sqlite', '--sqlite-path', path, '--project', dir]);
    expect(added.code, output(added)).toBe(0);

    const shown = await cli.run(['revision', 'squash', 'r02', 'r03', '-m', 'Notes and b', '--project', dir, '--json']);
    expect(shown.code, output(shown)).toBe(0);
    const plan = JSON.parse(shown.stdout) as SquashPlan & { written: boolean };
    expect(plan).toMatchObject({ written: false, engine: 'sqlite', stamps: ['app file'], proof: { proven: true } });
    expect(readdirSync(dir).sort()).toEqual(['001_r01.sql', '002_r02.sql', '003_r03.sql', '004_r04.sql']);

    // Given the repository's root, the squash works in the migrations folder it holds, and finds the profile bound to that.
    const written = await cli.run(['revision', 'squash', 'r02', 'r03', '-m', 'Notes and b', '--project', dirname(dir), '--write']);
    expect(written.code, output(written)).toBe(0);
    expect(written.stdout).toMatch(/2 revisions \(r02\.\.r03\) squashed into [0-9a-f]{12}/);
    expect(written.stdout).toContain('Upgraded to every head: original');
    expect(written.stdout).toContain('identical (diff empty)');
    expect(written.stdout).toContain('app file (dev): past the run');
    const squashed = loadProject(dir);
    const id = squashed.graph.topological[1] as string;
    expect(squashed.graph.topological).toEqual(['r01', id, 'r04']);
    // What --write wrote is the revision the preview showed.
    expect(id).toBe(plan.revision.id);
    expect(readdirSync(join(dir, 'archive', id)).sort()).toEqual(['002_r02.sql', '003_r03.sql']);
    expect(readdirSync(join(dir, 'archive'))).toContain(`squash-${id}.md`);

    const stamp = printedCommand(written.stdout, 'stamp');
    expect(stamp).toBe(`switchyard stamp --profile 'app file' --to ${id}`);
    const ran = await cli.runPrinted(stamp as string);
    expect(ran.code, output(ran)).toBe(0);
    expect(sqliteRows(path, `SELECT revision FROM switchyard_migrations WHERE revision = '${id}'`)).toHaveLength(1);

    expect((await cli.run(['revision', 'squash', 'r01', 'r04', '--project', dir])).code).toBe(2);
  });
});
