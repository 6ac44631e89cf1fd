// `switchyard revision new|merge|reparent|undo` through the real CLI: the seeds' eleven-head tree with
// its stray root repaired and read back by real Alembic; a native project with a bound SQLite database.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthoringPreview } from '../../../src-shared/model/authoring';
import type { WriteResult } from '../../../src-shared/model/writePlan';
import { loadProject } from '../../../src-main/migrations/project';
import { plainAlembicEnv, writeFiles } from '../../support/alembicFolders';
import { Cli, printedCommand, type CliRun } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { strayRoot, writeSeedTree } from '../../support/seedTree';
import { committedWorkTree, git } from '../../support/gitWorkTree';
import { tempDir } from '../../support/tempDir';

const python = '/usr/bin/python3';
const strayFile = `alembic/versions/${strayRoot}.py`;

function ok(run: CliRun): CliRun {
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

function alembic(dir: string, ...args: string[]): string {
  return execFileSync(python, ['-m', 'alembic', '-c', 'alembic.ini', ...args], { cwd: dir, encoding: 'utf8' });
}

/** What Alembic says when it refuses the command (its FAILED line goes to stdout). */
function alembicRefusal(dir: string, ...args: string[]): string {
  try {
    alembic(dir, ...args);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: unknown; stderr?: unknown };
    return `${String(stdout)}${String(stderr)}`;
  }
  throw new Error(`alembic ${args.join(' ')} succeeded`);
}

/** The template rendered by real Mako with the fields Alembic's generate_revision passes. */
function makoRendered(dir: string, id: string, parents: readonly string[], createDate: string, message: string): string {
  const script = [
    'import sys, json',
    'from mako.template import Template',
    'from alembic.util import format_as_comma',
    'a = json.loads(sys.argv[2])',
    'down = tuple(a["parents"]) if len(a["parents"]) > 1 else a["parents"][0]',
    'sys.stdout.write(Template(filename=sys.argv[1]).render_unicode(up_revision=a["id"], down_revision=down, branch_labels=None, depends_on=None, create_date=a["date"], comma=format_as_comma, message=a["message"]))',
  ].join('\n');
  return execFileSync(python, ['-c', script, join(dir, 'alembic/script.py.mako'), JSON.stringify({ id, parents, date: createDate, message })], {
    encoding: 'utf8',
  });
}

describe('switchyard revision on the seeds’ tree (Alembic)', () => {
  it('re-parents the stray root and merges the eleven heads; real Alembic then reads one head; undo takes back the last write', async () => {
    const dir = tempDir('switchyard-seed-');
    writeSeedTree(dir);
    const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '' });
    expect(alembic(dir, 'heads').trim().split('\n')).toHaveLength(11);
    const original = readFileSync(join(dir, strayFile));

    const shown = ok(await cli.run(['revision', 'reparent', strayRoot, '--parent', 'add_business_logic_001', '--project', dir]));
    expect(shown.stdout).toContain('-down_revision = None\n+down_revision = "add_business_logic_001"\n');
    expect(shown.stdout).toContain('roots: 8 → 7');
    expect(shown.stdout).toContain('Nothing was written');
    expect(readFileSync(join(dir, strayFile))).toEqual(original);

    ok(await cli.run(['revision', 'reparent', strayRoot, '--parent', 'add_business_logic_001', '--project', dir, '--write']));
    // The one line changed; the file keeps its BOM, its CRLF line ends and its double quotes.
    expect(readFileSync(join(dir, strayFile))).toEqual(
      Buffer.from(original.toString('utf8').replace('down_revision = None', 'down_revision = "add_business_logic_001"')),
    );

    const merged = JSON.parse(ok(await cli.run(['revision', 'merge', '--all', '-m', 'merge all heads', '--project', dir, '--write', '--json'])).stdout) as {
      preview: AuthoringPreview;
      written: WriteResult;
    };
    expect(merged.preview.graph.headsBefore).toHaveLength(11);
    expect(merged.preview.graph.headsAfter).toEqual([merged.preview.revision.id]);
    const mergeFile = merged.written.written[0]?.path as string;
    expect(mergeFile).toBe(`alembic/versions/${merged.preview.revision.id}_merge_all_heads.py`);

    expect(alembic(dir, 'heads').trim()).toBe(`${merged.preview.revision.id} (head)`);
    const history = alembic(dir, 'history');
    expect(history).toContain(`-> ${merged.preview.revision.id} (head) (mergepoint), merge all heads`);
    expect(history).toContain(`add_business_logic_001 -> ${strayRoot}`);

    // Byte for byte what Alembic's own Mako makes of the project's template with the same fields.
    const text = readFileSync(join(dir, mergeFile), 'utf8');
    const createDate = /^Create Date: (.*)$/m.exec(text)?.[1] as string;
    expect(text).toBe(makoRendered(dir, merged.preview.revision.id, merged.preview.revision.parents, createDate, 'merge all heads'));

    const undone = ok(await cli.run(['revision', 'undo', '--project', dir]));
    expect(undone.stdout).toContain(`deleted ${mergeFile}`);
    expect(readdirSync(join(dir, 'alembic/versions'))).not.toContain(mergeFile.split('/').pop());
    expect(alembic(dir, 'heads').trim().split('\n')).toHaveLength(11);
    // Only the last write is kept: the re-parent before it stays.
    const again = await cli.run(['revision', 'undo', '--project', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_NOTHING_TO_UNDO');
    expect(readFileSync(join(dir, strayFile), 'utf8')).toContain('down_revision = "add_business_logic_001"');
  });

  it('refuses to overwrite a file with uncommitted git changes unless --force, and never commits', async () => {
    const dir = tempDir('switchyard-seed-git-');
    writeSeedTree(dir);
    committedWorkTree(dir, 'the tree as the team had it');
    const edited = `${readFileSync(join(dir, strayFile), 'utf8')}# being edited\r\n`;
    writeFileSync(join(dir, strayFile), edited);
    const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '' });
    const args = ['revision', 'reparent', strayRoot, '--parent', 'add_business_logic_001', '--project', dir, '--write'];

    const shown = ok(await cli.run(args.slice(0, -1)));
    expect(shown.stdout).toContain(`git: uncommitted in the project: ${strayFile}`);
    const refused = await cli.run(args);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('E_UNCOMMITTED_CHANGES');
    expect(readFileSync(join(dir, strayFile), 'utf8')).toBe(edited);

    ok(await cli.run([...args, '--force']));
    expect(readFileSync(join(dir, strayFile), 'utf8')).toContain('down_revision = "add_business_logic_001"');
    expect(git(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
  });

  it('renders a new revision from the project’s template on a branch head, with its label', async () => {
    const dir = tempDir('switchyard-seed-new-');
    writeSeedTree(dir);
    const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '' });
    const run = JSON.parse(
      ok(
        await cli.run([
          'revision',
          'new',
          '--parent',
          'text_to_sql_001',
          '-m',
          'Add query templates',
          '--label',
          'text_to_sql',
          '--project',
          dir,
          '--write',
          '--json',
        ]),
      ).stdout,
    ) as { preview: AuthoringPreview };
    const { id } = run.preview.revision;
    expect(alembic(dir, 'heads')).toContain(`${id} (text_to_sql) (head)`);
    expect(alembic(dir, 'show', 'text_to_sql@head')).toContain(`Parent: text_to_sql_001`);
    expect(readFileSync(join(dir, `alembic/versions/${id}_add_query_templates.py`), 'utf8')).toContain("branch_labels = ('text_to_sql',)");
  });

  it('says which flag a request lacks, as a usage error, and writes nothing', async () => {
    const dir = tempDir('switchyard-seed-bad-');
    writeSeedTree(dir);
    const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '' });
    const noMessage = await cli.run(['revision', 'merge', '--all', '--project', dir]);
    expect(noMessage.code).toBe(2);
    expect(noMessage.stderr).toContain('needs -m MSG');
    expect(alembic(dir, 'heads').trim().split('\n')).toHaveLength(11);
  });
});

describe('the stamp a re-parent offers, run as printed', () => {
  it('lets Alembic upgrade again a database that recorded both roots of the slip', async () => {
    const dir = tempDir('switchyard-stamp-');
    const revision = (id: string) =>
      `revision = '${id}'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n`;
    writeFiles(dir, {
      'alembic.ini': `[alembic]\nscript_location = alembic\nsqlalchemy.url = sqlite:///${join(dir, 'app.db')}\n\n[loggers]\nkeys = root\n\n[handlers]\nkeys = console\n\n[formatters]\nkeys = generic\n\n[logger_root]\nlevel = WARN\nhandlers = console\n\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n\n[formatter_generic]\nformat = %(message)s\n`,
      'alembic/env.py': plainAlembicEnv,
      'alembic/versions/business.py': revision('business'),
      'alembic/versions/tenant.py': revision('tenant'),
    });
    alembic(dir, 'upgrade', 'heads');
    const home = tempDir();
    const cli = await cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'revision passphrase' });
    ok(
      await cli.run([
        'profiles',
        'add',
        '--name',
        'tenant db',
        '--engine',
        'sqlite',
        '--sqlite-path',
        join(dir, 'app.db'),
        '--project',
        dir,
        '--format',
        'alembic',
      ]),
    );

    const written = ok(await cli.run(['revision', 'reparent', 'tenant', '--parent', 'business', '--project', dir, '--write']));
    expect(written.stdout).toContain('tenant db: Its bookkeeping records business, tenant; under the new shape what ran here is recorded as tenant.');
    // Alembic itself refuses the old bookkeeping under the new shape.
    expect(alembicRefusal(dir, 'upgrade', 'heads')).toContain('Requested revision tenant overlaps with other requested revisions business');
    const stamp = printedCommand(written.stdout, 'stamp');
    expect(stamp).toBe("switchyard stamp --profile 'tenant db' --to tenant");
    ok(await cli.runPrinted(stamp as string));
    alembic(dir, 'upgrade', 'heads');
    expect(alembic(dir, 'current').trim()).toBe('tenant (head)');
  });
});

describe('switchyard revision on a native project', () => {
  it('writes a new revision, a merge and a re-parent as native headers, with what a bound database will need', async () => {
    const home = tempDir();
    const dir = join(tempDir('switchyard-native-'), 'migrations');
    writeNativeProject(dir, [
      { id: 'core', parents: [], message: 'core tables', up: 'CREATE TABLE documents (id INTEGER PRIMARY KEY);' },
      { id: 'tenants', parents: [], message: 'tenant ids (the slip)', up: 'CREATE TABLE tenants (id INTEGER PRIMARY KEY);' },
      { id: 'billing', parents: ['core'], message: 'billing', up: 'CREATE TABLE billing (id INTEGER PRIMARY KEY);' },
    ]);
    const cli = await cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'revision passphrase' });
    ok(await cli.run(['profiles', 'add', '--name', 'dev', '--engine', 'sqlite', '--sqlite-path', join(home, 'dev.db'), '--project', dir]));
    ok(await cli.run(['upgrade', '--profile', 'dev', '--to', 'tenants']));

    const reparent = ok(await cli.run(['revision', 'reparent', 'tenants', '--parent', 'billing', '--project', dir, '--write']));
    expect(reparent.stdout).toMatch(/dev: Under the new shape, what ran here needs billing, core first, which never ran here/);
    expect(readFileSync(join(dir, '002_tenants.sql'), 'utf8')).toMatch(/^-- revision: tenants\n-- parents: billing\n/);

    const created = JSON.parse(
      ok(await cli.run(['revision', 'new', '--parent', 'core', '-m', 'audit log', '--label', 'audit', '--project', dir, '--write', '--json'])).stdout,
    ) as {
      preview: AuthoringPreview;
    };
    const { id } = created.preview.revision;
    expect(readFileSync(join(dir, `004_${id}.sql`), 'utf8')).toBe(
      `-- revision: ${id}\n-- parents: core\n-- branch: audit\n-- message: audit log\n\n-- migrate:up\n\n\n-- migrate:down\n\n`,
    );
    expect(created.preview.notes.join(' ')).toContain('core is not a head');

    ok(await cli.run(['revision', 'merge', 'tenants', id, '-m', 'one head again', '--project', dir, '--write']));
    const project = loadProject(dir);
    expect(project.graph.heads).toHaveLength(1);
    expect(project.graph.bases).toEqual(['core']);
    expect(project.anomalies).toEqual([]);
  });
});
