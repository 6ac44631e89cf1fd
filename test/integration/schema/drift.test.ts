// Drift on real databases: a hand-made change after the migrations ran (a column added, an index
// dropped, a default changed) reported object by object with the revision that made it; another
// application's objects, set apart by the profile's exclusion rules, listed apart and never drift.
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { DriftReport, ExclusionRules } from '../../../src-shared/model/drift';
import type { ProfileInput } from '../../../src-shared/model/profile';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { postgresTarget, sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const setup = { actor: 'tester' };

const shop = [
  {
    id: 'cust01',
    parents: [],
    message: 'customers',
    up: "CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, status text DEFAULT 'new');\nCREATE INDEX customers_email_idx ON customers (email);",
  },
  { id: 'ord02', parents: ['cust01'], message: 'orders', up: 'CREATE TABLE orders (id integer PRIMARY KEY, total integer DEFAULT 0);' },
];

/** Drift by hand, as the field reports tell it: a column added, an index dropped, a default changed. */
const byHand = "ALTER TABLE orders ADD COLUMN note text;\nDROP INDEX customers_email_idx;\nALTER TABLE customers ALTER COLUMN status SET DEFAULT 'old';";

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider('drift test passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

async function saved(services: Services, profile: ProfileInput): Promise<string> {
  const created = await services.dispatch('profiles.create', { profile }, setup);
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: string }).id;
}

async function drift(services: Services, profileId: string): Promise<DriftReport> {
  const answer = await services.dispatch('schema.drift', { profileId }, setup);
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as DriftReport;
}

/** The shop migrated to its heads in a PostgreSQL database of the test's own, saved as a profile. */
async function shopOnPostgres(name: string): Promise<{ services: Services; profileId: string; database: string }> {
  const database = await scratchDatabase(server, name);
  const project = join(tempDir(), 'migrations');
  writeNativeProject(project, shop);
  await runTarget(postgresTarget(server, database, project), { action: 'upgrade', to: 'heads' }, setup);
  const services = await unlocked();
  const { host, port, user, password } = server;
  const profileId = await saved(services, { name, environment: 'dev', engine: 'postgres', host, port, user, password, database, projectDir: project });
  return { services, profileId, database };
}

const lines = (report: DriftReport) => report.objects.map((o) => [o.change, o.kind, o.name, o.revision]).sort();

describe('drift', () => {
  it('on PostgreSQL: a column added, an index dropped and a default changed by hand, each with the revision that made it', async () => {
    const { services, profileId, database } = await shopOnPostgres('drift_pg');

    expect(await drift(services, profileId)).toMatchObject({ objects: [], revisions: [], otherApplication: [] });

    await adminQuery(server, byHand, database);
    const report = await drift(services, profileId);
    expect(lines(report)).toEqual([
      ['changed', 'column', 'status', 'cust01'],
      ['missing', 'index', 'customers_email_idx', 'cust01'],
      ['unexpected', 'column', 'note', 'ord02'],
    ]);
    expect(report.objects.find((o) => o.name === 'status')?.attributes).toEqual([{ attribute: 'default', from: "'new'::text", to: "'old'::text" }]);
    expect(report.revisions).toEqual(['cust01', 'ord02']);
    expect(report.expected).toMatchObject({ revisions: ['ord02'], unknownApplied: [] });
    // The second look answers from the cache, with the revisions still known.
    const again = await drift(services, profileId);
    expect(again.expected.fromCache).toBe(true);
    expect(lines(again)).toEqual(lines(report));
  });

  it("on PostgreSQL: another application's tables, by schema, by name pattern or as not made by the migrations, are listed apart and never drift", async () => {
    const { services, profileId, database } = await shopOnPostgres('drift_other');
    await adminQuery(
      server,
      'CREATE SCHEMA blog; CREATE TABLE blog.posts (id integer); CREATE TABLE wp_options (id integer); CREATE TABLE crm_leads (id integer); ALTER TABLE orders ADD COLUMN note text;',
      database,
    );

    const before = await drift(services, profileId);
    expect(lines(before)).toEqual([
      ['unexpected', 'column', 'note', 'ord02'],
      ['unexpected', 'schema', 'blog', null],
      ['unexpected', 'table', 'crm_leads', null],
      ['unexpected', 'table', 'posts', null],
      ['unexpected', 'table', 'wp_options', null],
    ]);

    const rules: ExclusionRules = { schemas: ['blog'], namePatterns: ['wp_*'], notFromMigrations: false };
    expect(await services.dispatch('schema.setExclusions', { profileId, rules }, setup)).toMatchObject({ ok: true });
    const byRules = await drift(services, profileId);
    expect(lines(byRules)).toEqual([
      ['unexpected', 'column', 'note', 'ord02'],
      ['unexpected', 'table', 'crm_leads', null],
    ]);
    expect(byRules.otherApplication.map((o) => [o.kind, o.schema, o.name, o.rule])).toEqual([
      ['schema', 'blog', 'blog', 'schema blog'],
      ['table', 'blog', 'posts', 'schema blog'],
      ['table', 'public', 'wp_options', 'name wp_*'],
    ]);

    await services.dispatch('schema.setExclusions', { profileId, rules: { ...rules, notFromMigrations: true } }, setup);
    const notOurs = await drift(services, profileId);
    // A column added to the project's own table is still drift: the rule sets apart objects, not changes to ours.
    expect(lines(notOurs)).toEqual([['unexpected', 'column', 'note', 'ord02']]);
    expect(notOurs.otherApplication.find((o) => o.name === 'crm_leads')?.rule).toBe('not made by the migrations');
    expect(await services.dispatch('schema.exclusions', { profileId }, setup)).toMatchObject({ ok: true, value: { notFromMigrations: true } });
  });

  it('on SQLite: the same hand-made changes, with their revisions', async () => {
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, shop);
    const path = join(tempDir(), 'shop.sqlite');
    await runTarget(sqliteTarget(path, project), { action: 'upgrade', to: 'heads' }, setup);
    const services = await unlocked();
    const profileId = await saved(services, { name: 'Shop file', environment: 'dev', engine: 'sqlite', sqlitePath: path, projectDir: project });
    expect((await drift(services, profileId)).objects).toEqual([]);

    // SQLite has no ALTER COLUMN … SET DEFAULT: the default changes by rebuilding the table as a person would.
    execSqlite(
      path,
      `ALTER TABLE orders ADD COLUMN note text;
       DROP INDEX customers_email_idx;
       CREATE TABLE customers_new (id integer PRIMARY KEY, email text NOT NULL, status text DEFAULT 'old');
       INSERT INTO customers_new SELECT * FROM customers; DROP TABLE customers; ALTER TABLE customers_new RENAME TO customers;`,
    );
    const report = await drift(services, profileId);
    expect(lines(report)).toEqual([
      ['changed', 'column', 'status', 'cust01'],
      ['missing', 'index', 'customers_email_idx', 'cust01'],
      ['unexpected', 'column', 'note', 'ord02'],
    ]);
  });

  it('refuses an unknown profile with E_NOT_FOUND', async () => {
    const services = await unlocked();
    expect(await services.dispatch('schema.drift', { profileId: 'no-such-profile' }, setup)).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
  });
});
