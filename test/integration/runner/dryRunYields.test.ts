// A dry-run of a huge migration file must not hold the API: another request made while it reads
// the file is answered before the dry-run finishes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

const context = { actor: 'tester via test' };

describe('a dry-run of a huge file', () => {
  it('lets another API request be answered before it finishes', async () => {
    const project = join(tempDir(), 'migrations');
    const rows = Array.from({ length: 100_000 }, (_, i) => `INSERT INTO accounts VALUES (${i}, 'account ${i}');`).join('\n');
    writeNativeProject(project, [{ id: 'big01', parents: [], message: 'accounts and their rows', up: `CREATE TABLE accounts (id int, name text);\n${rows}` }]);
    const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
    await services.session.unlock(passphraseKeyProvider('dry-run test', { N: 1024, r: 8, p: 1 }));
    const profile = { name: 'Accounts', environment: 'dev', engine: 'sqlite', sqlitePath: join(tempDir(), 'accounts.db'), projectDir: project };
    const created = await services.dispatch('profiles.create', { profile }, context);
    if (!created.ok) throw new Error(created.error.message);
    const preview = { profileId: (created.value as { id: string }).id, request: { action: 'upgrade', to: 'heads' } };
    // The first dry-run loads the SQL parser and the drivers; the one measured finds them loaded.
    expect((await services.dispatch('runner.preview', preview, context)).ok).toBe(true);

    const answered: string[] = [];
    const dryRun = services.dispatch('runner.preview', preview, context).then((result) => answered.push(result.ok ? 'dry-run' : 'dry-run failed'));
    const status = new Promise((asked) => setImmediate(asked))
      .then(() => services.dispatch('session.status', {}, context))
      .then(() => answered.push('session.status'));
    await Promise.all([dryRun, status]);
    expect(answered).toEqual(['session.status', 'dry-run']);
  });
});
