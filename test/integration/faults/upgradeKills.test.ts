// `switchyard upgrade` SIGKILLed mid-revision, native and Alembic (issue 10): nothing of the killed
// run stays alive or half-applied, `status` tells where the database stands, and running the upgrade
// again ends exactly where an upgrade that was never killed ends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { output } from '../../support/cliProcess';
import type { DatabaseFingerprint } from '../../support/databaseFingerprint';
import type { HoldMode } from '../../support/faultProxy';
import { postgresTarget } from '../../support/migrationTargets';
import { tempDir } from '../../support/tempDir';
import { openFaultBench, type FaultBench } from './faultSupport';
import { shop } from '../reset/resetSupport';

const server = inject('postgres');
let bench: FaultBench;

const notes = {
  id: 'note03',
  parents: ['ordr02'],
  message: 'order notes',
  up: "ALTER TABLE orders ADD COLUMN note text;\nUPDATE orders SET note = 'order ' || id;",
};

beforeAll(async () => {
  bench = await openFaultBench(server, 'fault_upgrade', [...shop, notes]);
});
afterAll(() => bench.close());

/** A child that outlives its parent by this much is not going to die with it. */
const childGrace = 15_000;

async function within(happened: Promise<void>, otherwise: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(otherwise)), childGrace)));
  try {
    await Promise.race([happened, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface Status {
  applied: string[];
  pending: string[];
  heads: string[];
}

/** The version bookkeeping holds times and durations that differ run to run: compare the data, and the applied revisions through status. */
function withoutBookkeeping(fingerprint: DatabaseFingerprint): DatabaseFingerprint {
  const tables = Object.fromEntries(Object.entries(fingerprint.tables).filter(([name]) => !/\.(switchyard_migrations|alembic_version)$/.test(name)));
  return { ...fingerprint, tables };
}

async function status(database: string, project: string[]): Promise<Status> {
  const run = await bench.cli.run(['status', '--url', bench.url(database), ...project, '--json']);
  expect(run.code, output(run)).toBe(0);
  return JSON.parse(run.stdout) as Status;
}

// Several CLI runs per test, on a machine that may be busy: more room than the default minute.
describe('native upgrade killed mid-revision', { timeout: 180_000 }, () => {
  const project = () => ['--project', bench.project];

  it.each<{ mode: HoldMode; pending: string[] }>([
    { mode: 'beforeServer', pending: ['note03'] },
    { mode: 'afterReply', pending: [] },
  ])('$mode: status shows note03 pending: $pending, and upgrading again ends where an unkilled upgrade does', async ({ mode, pending }) => {
    const reference = await bench.shopDatabase('ordr02');
    await runTarget(postgresTarget(server, reference, bench.project), { action: 'upgrade', to: 'heads' }, { actor: 'never killed' });

    const database = await bench.shopDatabase('ordr02');
    const atStart = await bench.fingerprint(database);
    await bench.cli.killAt(bench.proxy, /ALTER TABLE orders ADD COLUMN note/, mode, ['upgrade', '--url', bench.url(database), ...project()]);
    await bench.settled();

    const after = await status(database, project());
    expect(after.pending).toEqual(pending);
    // One transaction per revision: all of it, or none of it.
    if (pending.length) expect(await bench.fingerprint(database)).toEqual(atStart);
    else expect(withoutBookkeeping(await bench.fingerprint(database))).toEqual(withoutBookkeeping(await bench.fingerprint(reference)));

    const again = await bench.cli.run(['upgrade', '--url', bench.url(database), ...project()]);
    expect(again.code, output(again)).toBe(0);
    expect((await status(database, project())).applied).toEqual((await targetStatus(postgresTarget(server, reference, bench.project))).applied);
    expect(withoutBookkeeping(await bench.fingerprint(database))).toEqual(withoutBookkeeping(await bench.fingerprint(reference)));
  });
});

// Each revision in its own transaction, as many projects configure it, so a kill mid-run leaves the
// revisions before it applied.
const alembicEnv = `from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
`;

function alembicRevision(id: string, parent: string | undefined, body: string[]): string {
  return [
    `"""${id}"""`,
    'from alembic import op',
    '',
    `revision = "${id}"`,
    `down_revision = ${parent ? `"${parent}"` : 'None'}`,
    'branch_labels = None',
    'depends_on = None',
    '',
    'def upgrade():',
    ...body.map((line) => `    ${line}`),
    '',
    'def downgrade():',
    '    pass',
    '',
  ].join('\n');
}

function writeAlembicProject(dir: string): void {
  mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
  writeFileSync(join(dir, 'alembic.ini'), '[alembic]\nscript_location = %(here)s/migrations\n');
  writeFileSync(join(dir, 'migrations', 'env.py'), alembicEnv);
  const revisions: Array<[string, string | undefined, string[]]> = [
    [
      'a1_customers',
      undefined,
      ['op.execute("CREATE TABLE customers (id int PRIMARY KEY, name text)")', "op.execute(\"INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')\")"],
    ],
    [
      'b2_orders',
      'a1_customers',
      [
        'op.execute("CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers(id))")',
        'op.execute("INSERT INTO orders VALUES (10, 1), (11, 2)")',
      ],
    ],
    ['c3_notes', 'b2_orders', ['op.execute("ALTER TABLE orders ADD COLUMN note text")', 'op.execute("UPDATE orders SET note = \'order \' || id")']],
  ];
  for (const [id, parent, body] of revisions) writeFileSync(join(dir, 'migrations', 'versions', `${id}.py`), alembicRevision(id, parent, body));
}

describe('Alembic upgrade killed mid-revision', { timeout: 180_000 }, () => {
  it('the Alembic child dies with the CLI, status shows the revision pending, and upgrading again ends where an unkilled upgrade does', async () => {
    const dir = tempDir();
    writeAlembicProject(dir);
    const project = ['--project', dir, '--format', 'alembic'];
    const reference = postgresTarget(server, await bench.emptyDatabase(), dir, { projectFormat: 'alembic' });
    await runTarget(reference, { action: 'upgrade', to: 'heads' }, { actor: 'never killed' });

    const database = await bench.emptyDatabase();
    // Killed in c3_notes, between its two statements: a1 and b2 are committed, c3's ALTER is not.
    const { held } = await bench.cli.killAt(bench.proxy, /UPDATE orders SET note/, 'beforeServer', ['upgrade', '--url', bench.url(database), ...project]);
    await within(held.clientGone, 'The Alembic child kept its connection (and its migration) going after the CLI was killed');
    await bench.settled();

    const after = await status(database, project);
    expect(after.applied).toEqual(['a1_customers', 'b2_orders']);
    expect(after.pending).toEqual(['c3_notes']);
    const again = await bench.cli.run(['upgrade', '--url', bench.url(database), ...project]);
    expect(again.code, output(again)).toBe(0);
    expect((await status(database, project)).applied).toEqual((await targetStatus(reference)).applied);
    expect(withoutBookkeeping(await bench.fingerprint(database))).toEqual(withoutBookkeeping(await bench.fingerprint(reference.connection.database)));
  });
});
