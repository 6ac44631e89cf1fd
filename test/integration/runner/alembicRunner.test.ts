// Alembic interop: Switchyard reads what real Alembic wrote, and runs real Alembic so that
// `alembic current` agrees with what Switchyard reports.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { alembicInvocation, sqlalchemyUrl } from '../../../src-main/runner/alembicCommand';
import type { MigrationTarget } from '../../../src-main/runner/migrationTarget';
import { previewTarget, runTarget, targetStatus } from '../../../src-main/runner/runnerService';
import { scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

const onlineEnv = `from logging.config import fileConfig
from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
fileConfig(config.config_file_name)
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
`;

function revision(id: string, parents: string[], table: string, labels: string[] = []): string {
  return [
    `"""${table}`,
    '',
    `Revision ID: ${id}`,
    '"""',
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    `revision = "${id}"`,
    `down_revision = ${parents.length === 0 ? 'None' : parents.length === 1 ? `"${parents[0]}"` : `(${parents.map((p) => `"${p}"`).join(', ')})`}`,
    `branch_labels = ${labels.length ? `("${labels.join('", "')}",)` : 'None'}`,
    'depends_on = None',
    '',
    'def upgrade():',
    `    op.create_table("${table}", sa.Column("id", sa.Integer, primary_key=True))`,
    '',
    'def downgrade():',
    `    op.drop_table("${table}")`,
    '',
  ].join('\n');
}

function writeProject(dir: string, url: string): void {
  mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
  // Only the "real Alembic" calls below read this URL; Switchyard passes its own through the environment.
  const logging = '[loggers]\nkeys = root,alembic\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[logger_alembic]\nlevel = INFO\nhandlers =\nqualname = alembic\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n';
  writeFileSync(join(dir, 'alembic.ini'), `[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = ${url.replace(/%/g, '%%')}\n\n${logging}`);
  writeFileSync(join(dir, 'migrations', 'env.py'), onlineEnv);
  const files: Array<[string, string]> = [
    ['a1', revision('a1', [], 'accounts')],
    ['b2', revision('b2', ['a1'], 'billing')],
    ['c3', revision('c3', ['a1'], 'crm', ['crm'])],
    ['d4', revision('d4', ['c3'], 'deals')],
  ];
  for (const [id, text] of files) writeFileSync(join(dir, 'migrations', 'versions', `${id}.py`), text);
}

function alembicCurrent(dir: string): string[] {
  const out = execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', join(dir, 'alembic.ini'), 'current'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\n').map((l) => l.split(' ')[0] ?? '').filter(Boolean).sort();
}

describe('Alembic projects', () => {
  it('reads the status real Alembic left, and runs Alembic so that alembic current agrees', async () => {
    const database = await scratchDatabase(server, 'alembic');
    const dir = tempDir();
    const connection = { engine: 'postgres' as const, host: server.host, port: server.port, user: server.user, password: server.password, database, sslMode: 'disable' as const, sslCaFile: '', sqlitePath: '', readOnly: false };
    writeProject(dir, sqlalchemyUrl(connection));
    execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', join(dir, 'alembic.ini'), 'upgrade', 'b2'], { stdio: 'pipe' });
    const target: MigrationTarget = { name: database, environment: 'dev', connection, projectDir: dir, projectFormat: 'auto', alembicCommand: '' };

    const before = await targetStatus(target);
    expect(before.format).toBe('alembic');
    expect(before.heads).toEqual(alembicCurrent(dir));
    expect(before.applied).toEqual(['a1', 'b2']);
    expect(before.pending).toEqual(['c3', 'd4']);

    const preview = await previewTarget(target, { action: 'upgrade', target: 'crm@head' }, 'tester');
    expect(preview.steps.map((s) => s.revision)).toEqual(['c3', 'd4']);
    expect(preview.sql).toContain('CREATE TABLE crm');

    const logs: string[] = [];
    const result = await runTarget(target, { action: 'upgrade', target: 'heads' }, {
      actor: 'tester',
      operation: { opId: 't', signal: new AbortController().signal, progress: () => undefined, checkpoint: () => undefined, log: (_l, line) => logs.push(line) },
    });
    expect(result.steps.map((s) => s.revision)).toEqual(['c3', 'd4']);
    expect(result.status.heads.sort()).toEqual(alembicCurrent(dir));
    expect(alembicCurrent(dir)).toEqual(['b2', 'd4']);
    // Alembic's own output streamed through as progress.
    expect(logs.join('\n')).toContain('Running upgrade c3 -> d4');

    const down = await runTarget(target, { action: 'downgrade', target: 'a1' }, { actor: 'tester' });
    expect(down.status.heads).toEqual(alembicCurrent(dir));
    expect(alembicCurrent(dir)).toEqual(['a1']);
  });

  it('reports Alembic failures faithfully, with its exit code and message', async () => {
    const database = await scratchDatabase(server, 'alembic');
    const dir = tempDir();
    const connection = { engine: 'postgres' as const, host: server.host, port: server.port, user: server.user, password: server.password, database, sslMode: 'disable' as const, sslCaFile: '', sqlitePath: '', readOnly: false };
    writeProject(dir, sqlalchemyUrl(connection));
    writeFileSync(join(dir, 'migrations', 'versions', 'b2.py'), revision('b2', ['a1'], 'billing').replace('op.create_table("billing"', 'op.execute("SELECT * FROM no_such_table")\n    op.create_table("billing"'));
    const target: MigrationTarget = { name: database, environment: 'dev', connection, projectDir: dir, projectFormat: 'alembic', alembicCommand: '' };
    const error = await runTarget(target, { action: 'upgrade', target: 'b2' }, { actor: 'tester' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_ALEMBIC_FAILED', detail: { exitCode: 1 }, message: expect.stringContaining('no_such_table') });
    // This env.py runs the whole upgrade in one transaction, as Alembic's template does: nothing stays.
    expect(alembicCurrent(dir)).toEqual([]);
    expect((await targetStatus(target)).applied).toEqual([]);
  });

  it('never puts the connection URL (or its password) on the command line', () => {
    const invocation = alembicInvocation('', ['-c', '/p/alembic.ini', 'upgrade', 'heads']);
    expect(invocation.bootstrapped).toBe(true);
    expect(invocation.args.join(' ')).not.toMatch(/postgres|password|sqlite:/);
    expect(invocation.args.slice(-4)).toEqual(['-c', '/p/alembic.ini', 'upgrade', 'heads']);
  });
});
