// Adopt on real PostgreSQL (the seeds' `relation "documents" already exists`): the objects a revision
// makes compared with a database that already has them; the same → stamped instead of run, the
// documents kept; a column that differs → refused with the difference, nothing recorded.
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { OperationDone } from '../../../src-shared/model/operation';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { postgresTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const setup = { actor: 'tester' };

const documents = 'CREATE TABLE documents (id serial PRIMARY KEY, title text NOT NULL, body text);\nCREATE INDEX documents_title_idx ON documents (title);';
const project = [
  { id: 'core01', parents: [], message: 'users', up: 'CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL);', down: 'DROP TABLE users;' },
  { id: 'docs02', parents: ['core01'], message: 'documents', up: documents, down: 'DROP TABLE documents;' },
];

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined, urlPassword: server.password });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider('adopt test passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

/** A database at core01 whose documents table was made by another branch's revision (`tableSql`), with a row in it. */
async function documentsMadeElsewhere(dir: string, tableSql: string): Promise<string> {
  const database = await scratchDatabase(server, 'adopt');
  await runTarget(postgresTarget(server, database, dir), { action: 'upgrade', to: 'core01' }, setup);
  await adminQuery(server, `${tableSql}\nINSERT INTO documents (title) VALUES ('kept');`, database);
  return database;
}

function opDone(services: Services, opId: string): Promise<OperationDone> {
  return new Promise((resolve) => {
    const off = services.events.onEvent(({ event, payload }) => {
      if (event === 'op.done' && 'opId' in payload && payload.opId === opId) {
        off();
        resolve(payload as OperationDone);
      }
    });
  });
}

describe('adopt a revision whose objects exist', () => {
  it('stamps it instead of running it when the database holds exactly what it makes, and refuses with the difference when a column differs', async () => {
    const dir = join(tempDir(), 'migrations');
    writeNativeProject(dir, project);
    const services = await unlocked();

    const same = await documentsMadeElsewhere(dir, documents);
    const ref = { url: `postgres://${server.user}@${server.host}:${server.port}/${same}`, env: 'dev' as const, project: dir, format: 'native' as const };
    const check = await services.adoptions.check(ref, 'docs02');
    expect(check.adoptable).toBe(true);
    expect(check.differences.equal).toBe(true);
    expect(check.compared.map((c) => [c.kind, c.change, c.onDatabase])).toContainEqual(['table', 'creates', 'same']);
    expect(check.compared.map((c) => c.key)).toEqual(
      expect.arrayContaining(['table:"public"."documents"', 'column:"public"."documents"."title"', 'index:"public"."documents_title_idx"']),
    );
    // Nothing of core01 and nothing of the bookkeeping is compared: only what docs02 makes.
    expect(check.compared.some((c) => c.key.includes('"users"') || c.key.includes('switchyard_migrations'))).toBe(false);

    const { adoption, started } = await services.adoptions.adopt(ref, 'docs02', 'tester', { confirmation: {} });
    const done = await opDone(services, started.opId);
    expect(done.ok, JSON.stringify(done)).toBe(true);
    expect(adoption.revision).toBe('docs02');
    const status = await services.runner.status(ref);
    expect(status.applied).toEqual(['core01', 'docs02']);
    expect(status.pending).toEqual([]);
    expect((await adminQuery(server, 'SELECT title FROM documents', same)).rows).toEqual([{ title: 'kept' }]);

    const differs = await documentsMadeElsewhere(dir, documents.replace('title text NOT NULL', 'title varchar(80) NOT NULL'));
    const otherRef = { ...ref, url: ref.url.replace(same, differs) };
    const refused = await services.adoptions.check(otherRef, 'docs02');
    expect(refused.adoptable).toBe(false);
    expect(refused.compared).toContainEqual({ key: 'column:"public"."documents"."title"', kind: 'column', change: 'creates', onDatabase: 'differs' });
    const changed = refused.differences.groups.flatMap((g) => g.differences).find((d) => d.key === 'column:"public"."documents"."title"');
    expect(changed?.attributes).toContainEqual({ attribute: 'type', from: 'character varying(80)', to: 'text' });
    await expect(services.adoptions.adopt(otherRef, 'docs02', 'tester', { confirmation: {} })).rejects.toMatchObject({ code: 'E_ADOPTION_DIFFERS' });
    expect((await services.runner.status(otherRef)).applied).toEqual(['core01']);
  });
});
