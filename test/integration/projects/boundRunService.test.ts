// The bindings' API (bindings.status, bindings.run) through the real dispatcher on a real store and
// real SQLite databases: the input checked, production refused without the environment's name typed
// (nothing run), then run; a role no connection plays said in the status and refusing the run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject } from '../../support/nativeProject';
import { callAs, operationToEnd } from '../../support/serviceCalls';
import { tempDir } from '../../support/tempDir';

const actor = 'tester via test';

describe('bindings.status and bindings.run', () => {
  it('checks the input, asks for the environment’s name on production, runs each branch on its database, and says a role nobody plays', async () => {
    const home = tempDir();
    const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
    await services.session.unlock(passphraseKeyProvider('bindings api test passphrase', { N: 1024, r: 8, p: 1 }));
    const dir = join(home, 'migrations');
    writeNativeProject(dir, [
      { id: 'a1', parents: [], branch: 'auth', message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);' },
      { id: 's1', parents: [], branch: 'specs', message: 'projects', up: 'CREATE TABLE projects (id INTEGER PRIMARY KEY);' },
    ]);
    const files: Record<string, string> = {};
    const members = [];
    for (const role of ['auth', 'specs']) {
      files[role] = join(home, `${role}.db`);
      const profile = { name: `${role} prod`, environment: 'prod' as const, engine: 'sqlite' as const, sqlitePath: files[role] };
      members.push({ profileId: (await callAs(services, actor, 'profiles.create', { profile })).id, role });
    }
    const bindings = [
      { label: 'auth', role: 'auth' },
      { label: 'specs', role: 'specs' },
    ];
    const project = await callAs(services, actor, 'projects.create', {
      project: { name: 'socrates', dir, format: 'native', environments: [{ name: 'prod', members }], bindings },
    });

    const bad = await services.dispatch('bindings.run', { project: 'socrates', env: 'prod', action: 'sideways', to: 'heads' }, { actor });
    expect(bad.ok ? undefined : bad.error.code).toBe('E_INVALID_INPUT');

    const refused = await operationToEnd(services, actor, 'bindings.run', { project: 'socrates', env: 'prod', action: 'upgrade', to: 'heads' });
    expect(refused.error).toMatchObject({
      code: 'E_CONFIRMATION_REQUIRED',
      message: "This run changes 2 production connections (auth prod, specs prod): type the environment's name (prod) to run it. Nothing was changed.",
    });
    expect([existsSync(files.auth as string), existsSync(files.specs as string)]).toEqual([false, false]);

    const ran = await operationToEnd(services, actor, 'bindings.run', {
      project: 'socrates',
      env: 'prod',
      action: 'upgrade',
      to: 'heads',
      confirmation: { typedName: 'prod' },
    });
    expect(ran.result?.databases.map((d) => [d.role, d.profileName, d.outcome, d.ran])).toEqual([
      ['auth', 'auth prod', 'done', ['a1']],
      ['specs', 'specs prod', 'done', ['s1']],
    ]);

    // The specs connection leaves the environment: its database is said, not skipped.
    await callAs(services, actor, 'projects.update', {
      id: project.id,
      project: { name: 'socrates', dir, format: 'native', environments: [{ name: 'prod', members: members.slice(0, 1) }], bindings },
    });
    const status = await callAs(services, actor, 'bindings.status', { project: 'socrates', env: 'prod' });
    expect(status.databases.map((d) => [d.role, d.standing?.applied, d.error?.message])).toEqual([
      ['auth', ['a1'], undefined],
      [
        'specs',
        undefined,
        'No connection plays the role specs in the environment prod of the project socrates: give it one with switchyard projects env socrates prod specs=PROFILE.',
      ],
    ]);
    const unplayed = await operationToEnd(services, actor, 'bindings.run', {
      project: 'socrates',
      env: 'prod',
      action: 'downgrade',
      to: 'base',
      confirmation: { typedName: 'prod' },
    });
    expect(unplayed.error?.code).toBe('E_NOT_FOUND');
    expect(unplayed.error?.message).toContain('Nothing was run.');
    expect((await callAs(services, actor, 'bindings.status', { project: 'socrates', env: 'prod' })).databases[0]?.standing?.applied).toEqual(['a1']);
    services.close();
  });
});
