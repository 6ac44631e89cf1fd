// Squash on an Alembic project with real Alembic on PostgreSQL, as the seeds' teams consolidated 38
// revisions by hand: a linear run of revisions written with op.create_table, add_column, create_index,
// alter_column and drop_table becomes one revision rendered from the project's script.py.mako whose
// upgrade()/downgrade() execute the net schema change; proved by replaying the squashed project and the
// original with alembic, up to the head and down to the run's parent (schemas equal). Afterwards real
// Alembic reads one history through the squashed revision, upgrades a fresh database to the head and
// downgrades it to base.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ProfileInput } from '../../../src-shared/model/profile';
import { loadProject } from '../../../src-main/migrations/project';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { plainAlembicEnv, writeFiles } from '../../support/alembicFolders';
import { postgresTarget } from '../../support/migrationTargets';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { alembicGenericTemplate } from '../../support/seedTree';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

/** r01 (before the run), r02..r09 (the run: tables made, changed and one dropped), r10 after it. */
const steps: Array<[string, string, string]> = [
  ['r01', 'accounts', 'op.create_table("accounts", sa.Column("id", sa.Integer, primary_key=True))|op.drop_table("accounts")'],
  [
    'r02',
    'tenants',
    'op.create_table("tenants", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(40), nullable=False))|op.drop_table("tenants")',
  ],
  ['r03', 'tenant id', 'op.add_column("accounts", sa.Column("tenant_id", sa.Integer, sa.ForeignKey("tenants.id")))|op.drop_column("accounts", "tenant_id")'],
  [
    'r04',
    'documents',
    'op.create_table("documents", sa.Column("id", sa.Integer, primary_key=True), sa.Column("title", sa.String(80)))|op.drop_table("documents")',
  ],
  ['r05', 'documents index', 'op.create_index("documents_title", "documents", ["title"])|op.drop_index("documents_title", table_name="documents")'],
  ['r06', 'scratch', 'op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))|op.drop_table("scratch")'],
  ['r07', 'longer titles', 'op.alter_column("documents", "title", type_=sa.Text())|op.alter_column("documents", "title", type_=sa.String(80))'],
  ['r08', 'drop scratch', 'op.drop_table("scratch")|op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))'],
  ['r09', 'tenant note', 'op.add_column("tenants", sa.Column("note", sa.String(20), server_default="x"))|op.drop_column("tenants", "note")'],
  ['r10', 'audit', 'op.create_table("audit", sa.Column("id", sa.Integer, primary_key=True))|op.drop_table("audit")'],
];

function revisionFile(id: string, parent: string | null, message: string, ops: string): string {
  const [up, down] = ops.split('|');
  return `"""${message}\n\nRevision ID: ${id}\nRevises: ${parent ?? ''}\nCreate Date: 2026-01-13 09:00:00.000000\n\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\nrevision = '${id}'\ndown_revision = ${parent === null ? 'None' : `'${parent}'`}\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    ${up}\n\n\ndef downgrade():\n    ${down}\n`;
}

function writeProject(dir: string): void {
  const files: Record<string, string> = {
    'alembic.ini':
      '[alembic]\nscript_location = alembic\nsqlalchemy.url = sqlite://\n\n[loggers]\nkeys = root\n\n[handlers]\nkeys = console\n\n[formatters]\nkeys = generic\n\n[logger_root]\nlevel = WARN\nhandlers = console\n\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n\n[formatter_generic]\nformat = %(levelname)s %(message)s\n',
    'alembic/env.py': plainAlembicEnv,
    'alembic/script.py.mako': readFileSync(alembicGenericTemplate, 'utf8'),
  };
  steps.forEach(([id, message, ops], i) => {
    files[`alembic/versions/${id}.py`] = revisionFile(id, i === 0 ? null : (steps[i - 1]?.[0] as string), message, ops);
  });
  writeFiles(dir, files);
}

/** Real Alembic's reading of the project's files (history and heads need no database). */
function alembic(dir: string, ...args: string[]): string {
  return execFileSync('/usr/bin/python3', ['-m', 'alembic', '-c', join(dir, 'alembic.ini'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function tablesOf(database: string): Promise<string[]> {
  const { rows } = await adminQuery(server, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", database);
  return rows.map((r: { table_name: string }) => r.table_name);
}

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider('squash alembic passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

describe('squash on an Alembic project', () => {
  it('squashes r02..r09 into one Alembic revision executing the net change, proved with real alembic up and down, and Alembic runs the result', async () => {
    const dir = tempDir();
    writeProject(dir);
    const database = await scratchDatabase(server, 'squash_alembic');
    await runTarget(postgresTarget(server, database, dir, { projectFormat: 'auto' }), { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    const services = await unlocked();
    const { host, port, user, password } = server;
    const profile: ProfileInput = { name: 'alembic pg', environment: 'dev', engine: 'postgres', host, port, user, password, database, projectDir: dir };
    const created = await services.dispatch('profiles.create', { profile }, { actor: 'tester' });
    expect(created.ok).toBe(true);

    const plan = await services.squashes.write({ projectDir: dir, first: 'r02', last: 'r09', message: 'Consolidated tenants and documents' }, 'tester');

    expect(plan.run.revisions).toEqual(['r02', 'r03', 'r04', 'r05', 'r06', 'r07', 'r08', 'r09']);
    expect(plan.proof.proven).toBe(true);
    expect(plan.proof.up.diff.equal && plan.proof.down.diff.equal).toBe(true);
    expect(plan.proof.downNote).toBeUndefined();
    expect(plan.standings).toEqual([expect.objectContaining({ connection: 'alembic pg', standing: 'past the run', appliedAfter: ['r10'] })]);
    const id = plan.revision.id;
    expect(plan.revision.file).toMatch(new RegExp(`^alembic/versions/${id}_consolidated_tenants_and_documents\\.py$`));

    // Rendered from the project's template, its bodies the net change through op.execute.
    const squashed = readFileSync(join(dir, plan.revision.file), 'utf8');
    expect(squashed).toContain(`revision = '${id}'\ndown_revision = 'r01'\n`);
    expect(squashed).toContain('def upgrade() -> None:\n    # Squashed by Switchyard from 8 revisions (r02..r09)');
    expect(squashed).toMatch(/op\.execute\('CREATE TABLE "public"\."tenants"/);
    expect(squashed).not.toContain('scratch');
    expect(squashed).toContain(`    # DESTRUCTIVE: destroys table "public"."documents" and its rows\n    op.execute('DROP TABLE "public"."documents"')\n`);
    expect(readFileSync(join(dir, 'alembic/versions/r10.py'), 'utf8')).toContain(`down_revision = '${id}'\n`);
    for (const rev of plan.run.revisions) expect(readFileSync(join(dir, `archive/${id}/alembic/versions/${rev}.py`), 'utf8')).toContain(`revision = '${rev}'`);

    // Real Alembic reads one straight history through the squashed revision.
    const history = alembic(dir, 'history');
    expect(history.split('\n').filter(Boolean)).toEqual([
      `${id} -> r10 (head), audit`,
      `r01 -> ${id}, Consolidated tenants and documents`,
      '<base> -> r01, accounts',
    ]);
    expect(alembic(dir, 'heads').trim()).toBe('r10 (head)');
    // Switchyard reads the same, the archive beside alembic.ini not reported as files the format would not run.
    const reread = loadProject(dir);
    expect(reread.graph.topological).toEqual(['r01', id, 'r10']);
    expect(reread.anomalies).toEqual([]);

    // And runs it: a fresh database upgraded to the head and back to base through Switchyard's runner (real alembic).
    const fresh = await scratchDatabase(server, 'squash_alembic_fresh');
    const target = postgresTarget(server, fresh, dir, { projectFormat: 'auto' });
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(await tablesOf(fresh)).toEqual(['accounts', 'alembic_version', 'audit', 'documents', 'tenants']);
    await runTarget(target, { action: 'downgrade', to: 'base' }, { actor: 'tester' });
    expect(await tablesOf(fresh)).toEqual(['alembic_version']);
  }, 180_000);
});
