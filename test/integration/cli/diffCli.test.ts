// `switchyard diff` as a user runs it: every SPEC form (a URL, a saved profile, a snapshot, a
// project's expected schema) on real PostgreSQL and SQLite, the exit codes CI reads (0 the same, 4
// different, 1 an error, 2 a usage error), the SQL it prints run and the diff then empty, and the
// shapes of --json and --markdown.
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { SchemaComparison } from '../../../src-shared/model/schemaComparison';
import { scratchPrefix } from '../../../src-main/engines/postgres/postgresScratch';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { output } from '../../support/cliProcess';
import { cheapKeyCost, cliWithStore } from '../../support/cliStore';
import { postgresTarget, sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const setup = { actor: 'tester' };
const passphrase = 'diff command test passphrase';

const urlOf = (database: string) => `postgres://${server.user}@${server.host}:${server.port}/${database}`;
const cli = () => cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password });

const shop = [
  { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL);' },
  {
    id: 'ord02',
    parents: ['cust01'],
    message: 'orders',
    up: 'CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer REFERENCES customers, total integer);',
  },
];

/** The shop's schema, made by hand on two PostgreSQL databases. */
const shopSql = 'CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL); CREATE TABLE orders (id integer PRIMARY KEY, total integer);';

async function scratchDatabasesOnServer(): Promise<string[]> {
  return (await adminQuery(server, `SELECT datname FROM pg_database WHERE datname LIKE '${scratchPrefix}%'`)).rows.map((r: { datname: string }) => r.datname);
}

describe('switchyard diff', () => {
  it('on two PostgreSQL URLs: exit 4 with each difference, --sql turns FROM into TO, and the diff is then empty (exit 0)', async () => {
    const wanted = await scratchDatabase(server, 'diff_wanted');
    const current = await scratchDatabase(server, 'diff_current');
    await adminQuery(server, `${shopSql} ALTER TABLE orders ADD COLUMN note text; CREATE INDEX orders_total ON orders (total);`, wanted);
    await adminQuery(server, `${shopSql} ALTER TABLE orders ALTER COLUMN total TYPE bigint;`, current);
    const run = await cli();
    const args = ['diff', '--from', urlOf(current), '--to', urlOf(wanted)];

    const text = await run.run(args);
    expect(text.code, output(text)).toBe(4);
    expect(text.stdout).toContain('+ column "public"."orders"."note": only in TO');
    expect(text.stdout).toContain('+ index "public"."orders_total": only in TO');
    expect(text.stdout).toContain('~ column "public"."orders"."total": type bigint → integer');
    expect(text.stdout).toContain('3 differences in 1 object.');

    const sql = await run.run([...args, '--sql']);
    expect(sql.code).toBe(4);
    expect(sql.stdout).toMatch(/^-- SQL that makes .* like .*\nBEGIN;\n/);
    expect(sql.stdout).toContain('ALTER TABLE "public"."orders" ADD COLUMN note text;');
    expect(sql.stdout).toMatch(/-- DESTRUCTIVE: destroys .*\n.*ALTER COLUMN "total"/);
    // The script as printed, as psql -f would run it.
    await adminQuery(server, sql.stdout, current);

    const after = await run.run(args);
    expect(after.code, output(after)).toBe(0);
    expect(after.stdout).toContain('The schemas are the same.');
  });

  it('--json and --markdown: the comparison whole, and the report with its table of differences and the SQL', async () => {
    const wanted = await scratchDatabase(server, 'diff_json_a');
    const current = await scratchDatabase(server, 'diff_json_b');
    await adminQuery(server, `${shopSql} ALTER TABLE orders ADD COLUMN "note | x" text;`, wanted);
    await adminQuery(server, shopSql, current);
    const args = ['diff', '--from', urlOf(current), '--to', urlOf(wanted)];
    const run = await cli();

    const json = await run.run([...args, '--json']);
    expect(json.code).toBe(4);
    const comparison = JSON.parse(json.stdout) as SchemaComparison;
    expect(comparison.from).toMatchObject({ name: expect.stringContaining(current), engine: 'postgres' });
    expect(comparison.diff.equal).toBe(false);
    expect(comparison.diff.groups).toEqual([
      expect.objectContaining({
        object: 'table:"public"."orders"',
        differences: [
          expect.objectContaining({
            change: 'added',
            kind: 'column',
            name: 'note | x',
            from: null,
            to: expect.objectContaining({ definition: '"note | x" text' }),
          }),
        ],
      }),
    ]);
    expect(comparison.sql.statements).toEqual([expect.objectContaining({ sql: 'ALTER TABLE "public"."orders" ADD COLUMN "note | x" text', destroys: null })]);

    const markdown = await run.run([...args, '--markdown', '--sql']);
    expect(markdown.code).toBe(4);
    const lines = markdown.stdout.split('\n');
    expect(lines[0]).toMatch(/^# Schema diff — .* → .*$/);
    expect(lines).toContain('1 difference in 1 object.');
    expect(lines).toContain('## table `"public"."orders"`');
    expect(lines).toContain('| Change | Object | From | To |');
    expect(lines).toContain('| added | `column "public"."orders"."note \\| x"` | — | `"note \\| x" text` |');
    expect(lines).toContain('```sql');
  });

  it('profile:NAME against snapshot:ID on PostgreSQL: the snapshot read from a clone that is dropped after, the snapshot left as it was', async () => {
    const database = await scratchDatabase(server, 'diff_snapshot');
    await adminQuery(server, shopSql, database);
    const run = await cli();
    const url = `postgres://${server.user}@${server.host}:${server.port}/${database}`;
    expect((await run.run(['profiles', 'add', url, '--name', 'shop live'])).code).toBe(0);
    const taken = await run.run(['snapshot', 'create', '--profile', 'shop live', '--name', 'before', '--json']);
    expect(taken.code, output(taken)).toBe(0);
    const snapshot = JSON.parse(taken.stdout) as { id: string; location: string };
    await adminQuery(server, 'ALTER TABLE customers ADD COLUMN phone text;', database);
    const scratchBefore = await scratchDatabasesOnServer();

    const diff = await run.run(['diff', '--from', `snapshot:${snapshot.id.slice(0, 8)}`, '--to', 'profile:shop live']);
    expect(diff.code, output(diff)).toBe(4);
    expect(diff.stdout).toContain('FROM snapshot "before" of shop live');
    expect(diff.stdout).toContain('+ column "public"."customers"."phone": only in TO');
    expect(await scratchDatabasesOnServer()).toEqual(scratchBefore);
    const [still] = (await adminQuery(server, `SELECT datallowconn FROM pg_database WHERE datname = '${snapshot.location}'`)).rows as Array<{
      datallowconn: boolean;
    }>;
    expect(still).toEqual({ datallowconn: false });

    const unknown = await run.run(['diff', '--from', 'snapshot:ffffffff', '--to', 'profile:shop live']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No snapshot has the id ffffffff.');
    expect(unknown.stderr).toContain('[E_NOT_FOUND]');
  });

  it('a SQLite file against expected:DIR@REV: the project replayed on SQLite; the same at what it applied (0), behind at heads (4); its snapshot read from the file', async () => {
    const folder = tempDir();
    const project = join(folder, 'migrations');
    writeNativeProject(project, shop);
    const path = join(folder, 'shop.sqlite');
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'cust01' }, setup);
    const run = await cli();
    const url = `sqlite:///${path}`;

    const same = await run.run(['diff', '--from', url, '--to', `expected:${project}@cust01`]);
    expect(same.code, output(same)).toBe(0);
    expect(same.stdout).toContain(`TO   what the migrations in ${project} make (a temporary file`);

    const behind = await run.run(['diff', '--from', url, '--to', `expected:${project}`]);
    expect(behind.code, output(behind)).toBe(4);
    expect(behind.stdout).toContain('+ table "main"."orders": only in TO');

    expect((await run.run(['profiles', 'add', '--name', 'shop file', '--engine', 'sqlite', '--sqlite-path', path])).code).toBe(0);
    const taken = JSON.parse((await run.run(['snapshot', 'create', '--profile', 'shop file', '--json'])).stdout) as { id: string };
    execSqlite(path, 'CREATE TABLE notes (id integer PRIMARY KEY);');
    const fromSnapshot = await run.run(['diff', '--from', `snapshot:${taken.id}`, '--to', 'profile:shop file', '--json']);
    expect(fromSnapshot.code, output(fromSnapshot)).toBe(4);
    const comparison = JSON.parse(fromSnapshot.stdout) as SchemaComparison;
    expect(comparison.diff.groups.map((g) => `${g.differences[0]?.change} ${g.object}`)).toEqual(['added table:"main"."notes"']);
    expect(comparison.from.readFrom).toContain('read-only');
  });

  it("sets another application's tables apart by the saved connection's exclusion rules: listed, not counted (exit 0), and no statement of --sql drops them", async () => {
    const database = await scratchDatabase(server, 'diff_other_app');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: 'heads' }, setup);
    await adminQuery(
      server,
      'CREATE TABLE wp_posts (id int PRIMARY KEY); CREATE TABLE wp_options (name text PRIMARY KEY); CREATE TABLE notes (id int);',
      database,
    );
    const home = tempDir();
    const run = await cliWithStore({ SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password });
    expect((await run.run(['profiles', 'add', urlOf(database), '--name', 'shared shop', '--project', project])).code).toBe(0);
    const args = ['diff', '--from', 'profile:shared shop', '--to', `expected:${project}`];

    // Without rules the other application's tables are differences, and the SQL would drop them.
    const unruled = await run.run([...args, '--sql']);
    expect(unruled.code, output(unruled)).toBe(4);
    expect(unruled.stdout).toContain('DROP TABLE "public"."wp_posts"');

    const services = createServices({ dataDir: home });
    try {
      await services.session.unlock(passphraseKeyProvider(passphrase, cheapKeyCost));
      const [profile] = services.session.store.profiles.list();
      const saved = await services.dispatch(
        'schema.setExclusions',
        { profileId: profile?.id ?? '', rules: { schemas: [], namePatterns: ['wp_*'], notFromMigrations: false } },
        setup,
      );
      expect(saved.ok).toBe(true);
    } finally {
      services.close();
    }

    const text = await run.run(args);
    expect(text.code, output(text)).toBe(4);
    expect(text.stdout).toContain('- table "public"."notes": only in FROM');
    expect(text.stdout).toContain('2 differences in 1 object (2 objects of another application set apart).');
    expect(text.stdout).toContain(
      "Another application's, by shared shop's rules (not counted, not in the SQL):\n  table public.wp_options (name wp_*)\n  table public.wp_posts (name wp_*)",
    );

    const sql = await run.run([...args, '--sql']);
    expect(sql.stdout).toContain('DROP TABLE "public"."notes"');
    expect(sql.stdout).not.toMatch(/^DROP TABLE "public"\."wp_/m);
    expect(sql.stdout).toContain("-- Another application's, so no statement here touches it: table public.wp_posts (name wp_*)");

    await adminQuery(server, 'DROP TABLE notes;', database);
    const json = await run.run([...args, '--json']);
    expect(json.code, output(json)).toBe(0);
    const comparison = JSON.parse(json.stdout) as SchemaComparison;
    expect(comparison.diff.equal).toBe(true);
    expect(comparison.otherApplication).toMatchObject({ connection: 'shared shop', rules: { namePatterns: ['wp_*'] }, notApplied: [] });
    expect(comparison.otherApplication?.objects.map((o) => [o.name, o.rule])).toEqual([
      ['wp_options', 'name wp_*'],
      ['wp_posts', 'name wp_*'],
    ]);
    const markdown = await run.run([...args, '--markdown']);
    expect(markdown.stdout).toContain('The schemas are the same (2 objects of another application set apart).');
    expect(markdown.stdout).toContain('## Other application');
  });

  it('exit 2 for a side it does not know or a missing --to, exit 1 for a PostgreSQL side against a SQLite one', async () => {
    const run = await cli();
    const unknown = await run.run(['diff', '--from', 'mysql://db/shop', '--to', 'expected:/tmp/x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--from mysql://db/shop is not a side switchyard diff knows.');
    expect(unknown.stderr).toContain('expected:DIR[@REV,REV…]');
    const missing = await run.run(['diff', '--from', 'expected:/tmp/x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Give both --from and --to.');
    const stray = await run.run(['diff', '--from', 'expected:/tmp/x', '--to', 'expected:/tmp/y', '--colour']);
    expect(stray.code).toBe(2);

    const database = await scratchDatabase(server, 'diff_engines');
    const engines = await run.run(['diff', '--from', urlOf(database), '--to', `sqlite:///${join(tempDir(), 'x.sqlite')}`]);
    expect(engines.code).toBe(1);
    expect(engines.stderr).toContain('A postgres schema and a sqlite schema cannot be compared');
    expect(engines.stderr).toContain('[E_INVALID_INPUT]');
  });
});
