// The Alembic runner from a terminal, with the real Alembic: a Flask-Migrate folder, relative targets
// (`--to -1`) for stamp and downgrade, and dry runs whose `alembic … --sql` fails.
import { describe, expect, inject, it } from 'vitest';
import { Cli, output } from '../../support/cliProcess';
import { plainAlembicEnv, writeFiles } from '../../support/alembicFolders';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

// Flask-Migrate's alembic.ini: no script_location (`flask db` sets it to this folder), logging sections.
const flaskMigrateIni = `# A generic, single database configuration.

[alembic]
# template used to generate migration files
# file_template = %%(rev)s_%%(slug)s

[loggers]
keys = root,alembic
[handlers]
keys = console
[formatters]
keys = generic
[logger_root]
level = WARN
handlers = console
qualname =
[logger_alembic]
level = INFO
handlers =
qualname = alembic
[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic
[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
`;

// The head of Flask-Migrate's own env.py template: the database comes from the Flask app.
const flaskEnv = `import logging
from logging.config import fileConfig

from flask import current_app

from alembic import context

config = context.config
config.set_main_option('sqlalchemy.url', str(current_app.extensions['migrate'].db.engine.url))
`;

function revision(
  id: string,
  parent: string | null,
  table: string,
  upgradeBody = `op.create_table("${table}", sa.Column("id", sa.Integer, primary_key=True))`,
): string {
  return `"""${table}\n\nRevision ID: ${id}\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = "${id}"\ndown_revision = ${parent ? `"${parent}"` : 'None'}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    ${upgradeBody}\n\n\ndef downgrade():\n    op.drop_table("${table}")\n`;
}

function flaskMigrateFolder(env: string, revisions: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, { 'alembic.ini': flaskMigrateIni, 'env.py': env, 'script.py.mako': '', ...revisions });
  return dir;
}

async function setUp(env: string, revisions: Record<string, string>) {
  const database = await scratchDatabase(server, 'alembic_cli');
  const project = flaskMigrateFolder(env, revisions);
  const cli = new Cli({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '', PGPASSWORD: server.password });
  const common = ['--url', `postgres://${server.user}@${server.host}:${server.port}/${database}`, '--project', project];
  const versions = async () =>
    ((await adminQuery(server, 'SELECT version_num FROM alembic_version ORDER BY 1', database)).rows as Array<{ version_num: string }>).map(
      (r) => r.version_num,
    );
  return { cli, common, versions, database };
}

const threeTables = {
  'versions/a1_accounts.py': revision('a1', null, 'accounts'),
  'versions/b2_billing.py': revision('b2', 'a1', 'billing'),
  'versions/c3_crm.py': revision('c3', 'b2', 'crm'),
};

describe('switchyard on an Alembic project, with the real Alembic', () => {
  it('runs a Flask-Migrate folder (alembic.ini without script_location) whose env.py needs no Flask app', async () => {
    const { cli, common, versions } = await setUp(plainAlembicEnv, threeTables);
    const dry = await cli.run(['upgrade', ...common, '--dry-run']);
    expect(dry.code, output(dry)).toBe(0);
    expect(dry.stdout).toContain('CREATE TABLE billing');
    const up = await cli.run(['upgrade', ...common]);
    expect(up.code, output(up)).toBe(0);
    expect(up.stdout).toContain('Ran 3 revisions in');
    // The check after the run replays the project through the real Alembic into a scratch database.
    expect(up.stdout).toContain('Schema checked: what the migrations make at c3');
    expect(await versions()).toEqual(['c3']);
  });

  it('takes --to -1 with a space, and stamps --down to the revision it resolved, after a dry run, as Alembic records it', async () => {
    const { cli, common, versions } = await setUp(plainAlembicEnv, threeTables);
    // What this test is about is addressing and stamping: the schema check after a run has tests of its own.
    expect((await cli.run(['upgrade', ...common, '--no-schema-check'])).code).toBe(0);

    const down = await cli.run(['downgrade', ...common, '--to', '-1', '--no-schema-check']);
    expect(down.code, output(down)).toBe(0);
    expect(down.stdout).toContain('Ran 1 revision in');
    expect(await versions()).toEqual(['b2']);

    const dry = await cli.run(['stamp', ...common, '--to=-1', '--down', '--dry-run']);
    expect(dry.code, output(dry)).toBe(0);
    expect(dry.stdout).toContain('-- stamp only records revisions: alembic stamp --purge a1');
    const stamp = await cli.run(['stamp', ...common, '--to=-1', '--down']);
    expect(stamp.code, output(stamp)).toBe(0);
    expect(stamp.stdout).toContain('Stamped down: the records of 1 revision removed. No SQL ran: their tables stay; now at a1.');
    expect(await versions()).toEqual(['a1']);

    const toBase = await cli.run(['stamp', ...common, '--to', '-1', '--down']);
    expect(toBase.code, output(toBase)).toBe(0);
    expect(await versions()).toEqual([]);
    const upOne = await cli.run(['stamp', ...common, '--to', '+2']);
    expect(upOne.code, output(upOne)).toBe(0);
    expect(await versions()).toEqual(['b2']);
  });

  it('never purges a version row no file defines when it stamps: Alembic refuses, and the row stays', async () => {
    const { cli, common, versions, database } = await setUp(plainAlembicEnv, threeTables);
    expect((await cli.run(['upgrade', ...common, '--to', 'a1', '--no-schema-check'])).code).toBe(0);
    await adminQuery(server, "INSERT INTO alembic_version VALUES ('ffff9999')", database);
    const stamp = await cli.run(['stamp', ...common, '--to', 'b2']);
    expect(stamp.code, output(stamp)).toBe(1);
    expect(stamp.stderr).toContain('[E_ALEMBIC_FAILED]');
    expect(stamp.stderr).toContain("Can't locate revision identified by 'ffff9999'");
    expect(await versions()).toEqual(['a1', 'ffff9999']);
  });

  it('fails a dry run whose `alembic … --sql` fails, with what Alembic said', async () => {
    const { cli, common } = await setUp(plainAlembicEnv, {
      'versions/a1_accounts.py': revision('a1', null, 'accounts', 'raise RuntimeError("accounts cannot be rendered offline")'),
    });
    const dry = await cli.run(['upgrade', ...common, '--dry-run']);
    expect(dry.code, output(dry)).toBe(1);
    expect(dry.stderr).toContain('alembic upgrade base:heads --sql exited with 1');
    expect(dry.stderr).toContain('RuntimeError: accounts cannot be rendered offline');
  });

  it("refuses Flask-Migrate's own env.py, saying Python cannot import flask and what to do, before any revision runs", async () => {
    const { cli, common, database } = await setUp(flaskEnv, threeTables);
    const dry = await cli.run(['upgrade', ...common, '--dry-run']);
    expect(dry.code, output(dry)).toBe(1);
    expect(dry.stderr).toContain("env.py:4 imports flask, which /usr/bin/python3 cannot import (No module named 'flask')");

    const up = await cli.run(['upgrade', ...common]);
    expect(up.code, output(up)).toBe(1);
    expect(up.stderr).toContain('[E_ALEMBIC_FAILED]');
    expect(up.stderr).toContain(
      "env.py:4 imports flask, which /usr/bin/python3 cannot import (No module named 'flask'), so Alembic stopped before running any revision",
    );
    expect(up.stderr).toContain('.venv/bin/alembic');
    expect((await adminQuery(server, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'accounts'", database)).rows[0].n).toBe(0);
  });

  it('runs a project whose script_location is package:path, and refuses one whose package cannot be found instead of showing no revisions', async () => {
    const { cli, common, versions } = await setUp(plainAlembicEnv, {});
    const project = common[common.length - 1] as string;
    writeFiles(project, {
      'alembic.ini': `[alembic]\nscript_location = billing_service.db:migrations\n\n${flaskMigrateIni.slice(flaskMigrateIni.indexOf('[loggers]'))}`,
      'billing_service/__init__.py': '',
      'billing_service/db/__init__.py': '',
      'billing_service/db/migrations/env.py': plainAlembicEnv,
      'billing_service/db/migrations/versions/a1_accounts.py': revision('a1', null, 'accounts'),
    });
    const up = await cli.run(['upgrade', ...common]);
    expect(up.code, output(up)).toBe(0);
    expect(up.stdout).toContain('Schema checked: what the migrations make at a1');
    expect(await versions()).toEqual(['a1']);

    writeFiles(project, { 'alembic.ini': '[alembic]\n# moved\nscript_location = billing_srvice.db:migrations\n' });
    const graph = await cli.run(['graph', '--project', project]);
    expect(graph.code, output(graph)).toBe(1);
    expect(graph.stderr).toContain('[E_INVALID_PROJECT]');
    expect(graph.stderr).toContain('alembic.ini:3: script_location = billing_srvice.db:migrations: package "billing_srvice.db" not found in');
    expect(graph.stderr).toContain("No module named 'billing_srvice'");
    expect(graph.stdout).toBe('');
  });
});
