// The schema diff's API on real PostgreSQL: schema.compare between two saved connections, and
// schema.apply — refused on production without the typed name, refused when the SQL is not what was
// reviewed, refused for a side that is not a database; run with the name, the diff is then empty and
// the audit log says what it destroyed. A project by folder is refused over the API.
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../src-shared/api';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');

async function services(): Promise<Services> {
  const built = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  onTestFinished(() => built.close());
  await built.session.unlock(passphraseKeyProvider('schema comparison test passphrase', { N: 1024, r: 8, p: 1 }));
  return built;
}

async function call<M extends ApiMethod>(
  built: Services,
  method: M,
  input: ApiInput<M>,
): Promise<{ ok: true; value: ApiOutput<M> } | { ok: false; error: { code: string; message: string } }> {
  return (await built.dispatch(method, input, { actor: 'tester' })) as never;
}

async function profileOf(built: Services, name: string, database: string, environment: 'dev' | 'prod'): Promise<string> {
  const created = await call(built, 'profiles.create', {
    profile: { name, environment, engine: 'postgres', host: server.host, port: server.port, database, user: server.user, password: server.password },
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

const columns = async (database: string) =>
  (await adminQuery(server, "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY column_name", database)).rows.map(
    (r: { column_name: string }) => r.column_name,
  );

describe('schema.compare and schema.apply', () => {
  it('makes a production database like the other only with its name typed and the reviewed SQL, then finds no difference', async () => {
    const wanted = await scratchDatabase(server, 'apply_wanted');
    const live = await scratchDatabase(server, 'apply_live');
    await adminQuery(server, 'CREATE TABLE orders (id integer PRIMARY KEY, total numeric(10,2));', wanted);
    await adminQuery(server, 'CREATE TABLE orders (id integer PRIMARY KEY, legacy_code text);', live);
    const built = await services();
    const reference = { kind: 'connection' as const, target: { profileId: await profileOf(built, 'Shop reference', wanted, 'dev') } };
    const production = { kind: 'connection' as const, target: { profileId: await profileOf(built, 'Shop production', live, 'prod') } };

    const compared = await call(built, 'schema.compare', { from: production, to: reference });
    if (!compared.ok) throw new Error(compared.error.message);
    expect(compared.value.diff.groups.flatMap((g) => g.differences.map((d) => `${d.change} ${d.name}`))).toEqual(['removed legacy_code', 'added total']);
    const reviewed = compared.value.sql.statements.map((s) => s.sql);
    expect(compared.value.sql.statements.find((s) => s.destroys !== null)?.destroys).toContain('legacy_code');

    const unnamed = await call(built, 'schema.apply', { from: production, to: reference, reviewed });
    expect(unnamed).toMatchObject({
      ok: false,
      error: { code: 'E_CONFIRMATION_REQUIRED', message: expect.stringContaining('type its name (Shop production)') },
    });
    const stale = await call(built, 'schema.apply', {
      from: production,
      to: reference,
      reviewed: reviewed.slice(1),
      confirmation: { typedName: 'Shop production' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT', message: expect.stringContaining('no longer what was reviewed') } });
    const notADatabase = await call(built, 'schema.apply', { from: { kind: 'expected', target: production.target }, to: reference, reviewed });
    expect(notADatabase).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    // A project by folder (with an Alembic command as typed) is the CLI's, never the API's.
    const byFolder = await built.dispatch('schema.compare', { from: production, to: { kind: 'project', project: '/tmp', alembic: 'touch /tmp/x' } } as never, {
      actor: 'tester',
    });
    expect(byFolder).toMatchObject({ ok: false, error: { code: 'E_INVALID_INPUT' } });
    expect(await columns(live)).toEqual(['id', 'legacy_code']);

    const applied = await call(built, 'schema.apply', { from: production, to: reference, reviewed, confirmation: { typedName: 'Shop production' } });
    if (!applied.ok) throw new Error(applied.error.message);
    expect(applied.value.diff.equal).toBe(true);
    expect(await columns(live)).toEqual(['id', 'total']);
    const audit = await call(built, 'audit.list', { limit: 10 });
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value.find((e) => e.action === 'schema.apply')).toMatchObject({
      target: 'Shop production',
      detail: { ok: true, statements: reviewed.length, destroys: [expect.stringContaining('legacy_code')] },
    });
  });

  it('a statement the server refuses leaves the database as it was, said as E_MIGRATION_FAILED', async () => {
    const wanted = await scratchDatabase(server, 'apply_fail_wanted');
    const live = await scratchDatabase(server, 'apply_fail_live');
    await adminQuery(server, 'CREATE TABLE orders (id integer PRIMARY KEY, code integer NOT NULL, note text);', wanted);
    // A text that is no number: the type change fails, after the note column was already added.
    await adminQuery(server, "CREATE TABLE orders (id integer PRIMARY KEY, code text NOT NULL); INSERT INTO orders VALUES (1, 'A-1');", live);
    const built = await services();
    const from = { kind: 'connection' as const, target: { profileId: await profileOf(built, 'Live', live, 'dev') } };
    const to = { kind: 'connection' as const, target: { profileId: await profileOf(built, 'Wanted', wanted, 'dev') } };
    const compared = await call(built, 'schema.compare', { from, to });
    if (!compared.ok) throw new Error(compared.error.message);

    const failed = await call(built, 'schema.apply', { from, to, reviewed: compared.value.sql.statements.map((s) => s.sql) });
    expect(failed).toMatchObject({ ok: false, error: { code: 'E_MIGRATION_FAILED', message: expect.stringContaining('rolled back') } });
    expect(await columns(live)).toEqual(['code', 'id']);
  });
});
