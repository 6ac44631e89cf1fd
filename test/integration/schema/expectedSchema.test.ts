// The expected schema: a project's migrations replayed into a scratch database through the runner
// (native and dbmate SQL through the run sessions, Alembic through alembic) and read with the schema
// model; the scratch database gone afterwards, failures told with file:line, answers cached until a
// file changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ExpectedSchema } from '../../../src-shared/model/expectedSchema';
import { scratchPrefix } from '../../../src-main/engines/postgres/postgresScratch';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeFiles, plainAlembicEnv } from '../../support/alembicFolders';
import { postgresTarget, sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase, type ServerAddress } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const setup = { actor: 'tester' };

function services(dataDir = tempDir()): Services {
  const built = createServices({ dataDir, onUnexpectedError: () => undefined });
  onTestFinished(() => built.close());
  return built;
}

const urlOf = (address: ServerAddress, database: string) =>
  `postgres://${address.user}:${encodeURIComponent(address.password)}@${address.host}:${address.port}/${database}`;

/** Tables and columns the model holds, as `table.column` (and `table` alone), the tool's bookkeeping table left out. */
function tablesAndColumns({ schema }: ExpectedSchema, bookkeeping: string): string[] {
  return schema.objects
    .filter((o) => o.kind === 'table' || o.kind === 'column')
    .map((o) => (o.kind === 'table' ? o.name : `${schema.objects.find((t) => t.key === o.parent)?.name}.${o.name}`))
    .filter((name) => name !== bookkeeping && !name.startsWith(`${bookkeeping}.`))
    .sort();
}

const hasTable = ({ schema }: ExpectedSchema, name: string) => schema.objects.some((o) => o.kind === 'table' && o.name === name);

async function scratchDatabasesOnServer(): Promise<string[]> {
  return (await adminQuery(server, `SELECT datname FROM pg_database WHERE datname LIKE '${scratchPrefix}%'`)).rows.map((r: { datname: string }) => r.datname);
}

const shop = [
  { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL);' },
  { id: 'ord02', parents: ['cust01'], message: 'orders', up: 'CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers);' },
  {
    id: 'inv03',
    parents: ['ord02'],
    message: 'invoices',
    up: 'CREATE TABLE invoices (id integer PRIMARY KEY);\nALTER TABLE orders ADD COLUMN invoice_id integer;',
  },
];

describe('expected schema', () => {
  it('replays a native project up to what the PostgreSQL target has applied, in a scratch database on its server that is dropped after', async () => {
    const database = await scratchDatabase(server, 'expected');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: 'ord02' }, setup);
    const before = await scratchDatabasesOnServer();

    const expected = await services().expectedSchema.ofTarget({ url: urlOf(server, database), project });
    expect(tablesAndColumns(expected, 'switchyard_migrations')).toEqual([
      'customers',
      'customers.email',
      'customers.id',
      'orders',
      'orders.customer_id',
      'orders.id',
    ]);
    expect(hasTable(expected, 'switchyard_migrations')).toBe(true);
    expect(expected).toMatchObject({
      revisions: ['ord02'],
      revisionsFrom: expect.stringContaining('has applied'),
      replayedIn: `a temporary database on ${server.host}:${server.port}`,
      fromCache: false,
      unknownApplied: [],
    });
    expect(await scratchDatabasesOnServer()).toEqual(before);

    const allHeads = await services().expectedSchema.ofTarget({ url: urlOf(server, database), project }, ['heads']);
    expect(tablesAndColumns(allHeads, 'switchyard_migrations')).toEqual(expect.arrayContaining(['invoices', 'orders.invoice_id']));
    expect(allHeads.revisions).toEqual(['inv03']);
  });

  it('replays an Alembic project through alembic itself', async () => {
    const database = await scratchDatabase(server, 'expected_alembic');
    const dir = tempDir();
    writeFiles(dir, {
      'alembic.ini': `[alembic]\nscript_location = %(here)s/migrations\n\n${alembicLogging}`,
      'migrations/env.py': plainAlembicEnv,
      'migrations/versions/a1.py': alembicRevision('a1', null, 'op.create_table("accounts", sa.Column("id", sa.Integer, primary_key=True))'),
      'migrations/versions/b2.py': alembicRevision('b2', 'a1', 'op.add_column("accounts", sa.Column("nickname", sa.String(40), nullable=True))'),
    });
    await runTarget(postgresTarget(server, database, dir, { projectFormat: 'auto' }), { action: 'upgrade', to: 'heads' }, setup);

    const expected = await services().expectedSchema.ofTarget({ url: urlOf(server, database), project: dir });
    expect(tablesAndColumns(expected, 'alembic_version')).toEqual(['accounts', 'accounts.id', 'accounts.nickname']);
    expect(hasTable(expected, 'alembic_version')).toBe(true);
    expect(expected.revisions).toEqual(['b2']);
  });

  it('replays a dbmate project on SQLite into a temporary file', async () => {
    const dir = join(tempDir(), 'db', 'migrations');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '20240101090000_accounts.sql'),
      '-- migrate:up\nCREATE TABLE accounts (id integer PRIMARY KEY, name text);\n\n-- migrate:down\nDROP TABLE accounts;\n',
    );
    writeFileSync(
      join(dir, '20240102090000_orders.sql'),
      '-- migrate:up\nCREATE TABLE orders (id integer PRIMARY KEY, total numeric);\n\n-- migrate:down\nDROP TABLE orders;\n',
    );
    const path = join(tempDir(), 'app.sqlite');
    await runTarget(sqliteTarget(path, dir, { projectFormat: 'dbmate' }), { action: 'upgrade', to: '20240101090000' }, setup);
    const dataDir = tempDir();

    const expected = await services(dataDir).expectedSchema.ofTarget({ url: `sqlite:${path}`, project: dir, format: 'dbmate' });
    expect(tablesAndColumns(expected, 'schema_migrations')).toEqual(['accounts', 'accounts.id', 'accounts.name']);
    expect(hasTable(expected, 'schema_migrations')).toBe(true);
    expect(expected.replayedIn).toContain(join(dataDir, 'scratch'));
    expect(expected.revisions).toEqual(['20240101090000']);
  });

  it("replays on Switchyard's embedded PostgreSQL when the target's role may not create databases", async () => {
    const role = `expected_nocreatedb_${process.pid}`;
    await adminQuery(server, `CREATE ROLE ${role} LOGIN NOCREATEDB PASSWORD 'expected-pw'`);
    const database = await scratchDatabase(server, 'expected_far');
    await adminQuery(server, `ALTER DATABASE "${database}" OWNER TO ${role}`);
    await adminQuery(server, `ALTER SCHEMA public OWNER TO ${role}`, database);
    onTestFinished(async () => {
      await adminQuery(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await adminQuery(server, `DROP ROLE IF EXISTS ${role}`);
    });
    const limited = { ...server, user: role, password: 'expected-pw' };
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    await runTarget(postgresTarget(limited, database, project), { action: 'upgrade', to: 'heads' }, setup);
    const before = await scratchDatabasesOnServer();

    const expected = await services().expectedSchema.ofTarget({ url: urlOf(limited, database), project });
    expect(expected.replayedIn).toMatch(new RegExp(`^Switchyard's embedded PostgreSQL 18 on 127\\.0\\.0\\.1:\\d+, because ${role} may not create databases`));
    expect(tablesAndColumns(expected, 'switchyard_migrations')).toEqual(expect.arrayContaining(['customers.email', 'invoices', 'orders.invoice_id']));
    expect(await scratchDatabasesOnServer()).toEqual(before);
  });

  it('answers schema.expected through the API for a saved SQLite profile, up to what it applied or to the revisions asked for', async () => {
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    const path = join(tempDir(), 'shop.sqlite');
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'cust01' }, setup);
    const api = services();
    await api.session.unlock(passphraseKeyProvider('expected schema passphrase', { N: 1024, r: 8, p: 1 }));
    const created = await api.dispatch(
      'profiles.create',
      { profile: { name: 'Shop', environment: 'dev', engine: 'sqlite', sqlitePath: path, projectDir: project } },
      setup,
    );
    if (!created.ok) throw new Error(created.error.message);
    const profileId = (created.value as { id: string }).id;

    const applied = await api.dispatch('schema.expected', { profileId }, setup);
    const asked = await api.dispatch('schema.expected', { profileId, revisions: ['ord02'] }, setup);
    if (!applied.ok || !asked.ok) throw new Error('schema.expected failed');
    expect(tablesAndColumns(applied.value as ExpectedSchema, 'switchyard_migrations')).toEqual(['customers', 'customers.email', 'customers.id']);
    expect(tablesAndColumns(asked.value as ExpectedSchema, 'switchyard_migrations')).toEqual([
      'customers',
      'customers.email',
      'customers.id',
      'orders',
      'orders.customer_id',
      'orders.id',
    ]);
    expect(await api.dispatch('schema.expected', { profileId, revisions: ['nope'] }, setup)).toMatchObject({
      ok: false,
      error: { code: 'E_UNKNOWN_REVISION' },
    });
  });

  it('tells a failing replay with its file and line, touches nothing on the target, and drops the scratch database', async () => {
    const database = await scratchDatabase(server, 'expected_fails');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      shop[0] as (typeof shop)[number],
      { id: 'bad02', parents: ['cust01'], message: 'typo', up: 'CREATE TABLE orders (id integer);\nCREATE TABLE refunds (id intger);' },
    ]);
    const before = await scratchDatabasesOnServer();

    const failure = services().expectedSchema.ofTarget({ url: urlOf(server, database), project }, ['heads']);
    await expect(failure).rejects.toMatchObject({
      code: 'E_REPLAY_FAILED',
      message: expect.stringMatching(/bad02 failed at .*002_bad02\.sql:6:\d+: type "intger" does not exist/),
      detail: { revision: 'bad02', line: 6, cause: 'E_MIGRATION_FAILED' },
    });
    expect(await scratchDatabasesOnServer()).toEqual(before);
    const tables = await adminQuery(server, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'", database);
    expect(tables.rows[0]).toEqual({ n: 0 });
  });

  it('answers a second look from the cache, in this process and the next, and replays again after a file changes', async () => {
    const database = await scratchDatabase(server, 'expected_cache');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: 'heads' }, setup);
    const dataDir = tempDir();
    const ref = { url: urlOf(server, database), project };

    const looking = services(dataDir);
    const first = await looking.expectedSchema.ofTarget(ref);
    const again = await looking.expectedSchema.ofTarget(ref);
    const nextProcess = await services(dataDir).expectedSchema.ofTarget(ref);
    expect(first.fromCache).toBe(false);
    expect(again).toEqual({ ...first, fromCache: true });
    expect(nextProcess).toEqual({ ...first, fromCache: true });

    // A revision edited after it ran: the checksum changes, so the replay runs again and has the edit.
    const file = join(project, '003_inv03.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ADD COLUMN invoice_id integer;', 'ADD COLUMN invoice_id integer, ADD COLUMN note text;'));
    const edited = await looking.expectedSchema.ofTarget(ref);
    expect(edited.fromCache).toBe(false);
    expect(edited.projectChecksum).not.toBe(first.projectChecksum);
    expect(tablesAndColumns(edited, 'switchyard_migrations')).toEqual([...tablesAndColumns(first, 'switchyard_migrations'), 'orders.note'].sort());

    // An edit that keeps the file's size is a new project too.
    writeFileSync(file, readFileSync(file, 'utf8').replace('ADD COLUMN note text', 'ADD COLUMN nite text'));
    const sameSize = await looking.expectedSchema.ofTarget(ref);
    expect(sameSize.fromCache).toBe(false);
    expect(tablesAndColumns(sameSize, 'switchyard_migrations')).toContain('orders.nite');
  });
});

const alembicLogging =
  '[loggers]\nkeys = root\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %(levelname)-5.5s [%(name)s] %(message)s\n';

function alembicRevision(id: string, parent: string | null, upgrade: string): string {
  return [
    `"""${id}"""`,
    'from alembic import op',
    'import sqlalchemy as sa',
    '',
    `revision = "${id}"`,
    `down_revision = ${parent ? `"${parent}"` : 'None'}`,
    'branch_labels = None',
    'depends_on = None',
    '',
    'def upgrade():',
    `    ${upgrade}`,
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');
}
