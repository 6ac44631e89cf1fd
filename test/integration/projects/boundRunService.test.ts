// The bindings' API (bindings.status, bindings.run) through the real dispatcher on a real store: on
// real SQLite databases, the input checked, production refused without the environment's name typed
// (nothing run), then run, and a role no connection plays said in the status and refusing the run; on
// real PostgreSQL with real Alembic, seed 004's layout (two labelled chains, each its own database)
// upgraded and reverted together, each alembic_version holding only its own branch.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createServices } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject } from '../../support/nativeProject';
import { alembicRevision, plainAlembicEnv } from '../../support/alembicFolders';
import { callAs, operationToEnd } from '../../support/serviceCalls';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
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

  it('runs seed 004’s Alembic project (auth and specs, each its own chain) on two PostgreSQL databases with real Alembic, and reverts both', async () => {
    const server = inject('postgres');
    const home = tempDir();
    const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
    await services.session.unlock(passphraseKeyProvider('bindings alembic test passphrase', { N: 1024, r: 8, p: 1 }));
    // Seed 004: backend/alembic with branch_labels auth and specs, `auth@head` and `specs@head`.
    const dir = join(home, 'backend');
    mkdirSync(join(dir, 'alembic', 'versions'), { recursive: true });
    const logging =
      '[loggers]\nkeys = root\n[handlers]\nkeys = console\n[formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n[handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n[formatter_generic]\nformat = %(message)s\n';
    writeFileSync(join(dir, 'alembic.ini'), `[alembic]\nscript_location = %(here)s/alembic\n\n${logging}`);
    writeFileSync(join(dir, 'alembic', 'env.py'), plainAlembicEnv);
    const chain: Array<[string, string | null, string, string | null]> = [
      ['001', null, 'users', 'auth'],
      ['002', '001', 'admin_roles', null],
      ['003', null, 'projects', 'specs'],
      ['004', '003', 'generated_files', null],
    ];
    for (const [id, parent, table, label] of chain) {
      writeFileSync(
        join(dir, 'alembic', 'versions', `${id}_${table}.py`),
        alembicRevision(id, parent === null ? [] : [parent], table, label === null ? [] : [label]),
      );
    }
    const databases: Record<string, string> = {};
    const members = [];
    for (const role of ['auth', 'specs']) {
      databases[role] = await scratchDatabase(server, `alembic_${role}`);
      const profile = {
        name: `socrates_${role}`,
        environment: 'dev' as const,
        engine: 'postgres' as const,
        ...server,
        database: databases[role],
        sslMode: 'disable' as const,
      };
      members.push({ profileId: (await callAs(services, actor, 'profiles.create', { profile })).id, role });
    }
    const bindings = [
      { label: 'auth', role: 'auth' },
      { label: 'specs', role: 'specs' },
    ];
    await callAs(services, actor, 'projects.create', {
      project: { name: 'socrates2', dir, format: 'alembic', environments: [{ name: 'dev', members }], bindings },
    });
    const state = async (role: string) => {
      const q = async (sql: string) => (await adminQuery(server, sql, databases[role])).rows.map((r) => Object.values(r)[0]);
      return {
        versions: await q('SELECT version_num FROM alembic_version ORDER BY 1').catch(() => []),
        tables: await q("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'alembic_version' ORDER BY 1"),
      };
    };

    const up = await operationToEnd(services, actor, 'bindings.run', { project: 'socrates2', env: 'dev', action: 'upgrade', to: 'heads' });
    expect(up.error).toBeUndefined();
    expect(up.result?.databases.map((d) => [d.role, d.ran, d.heads])).toEqual([
      ['auth', ['001', '002'], ['002']],
      ['specs', ['003', '004'], ['004']],
    ]);
    expect(await state('auth')).toEqual({ versions: ['002'], tables: ['admin_roles', 'users'] });
    expect(await state('specs')).toEqual({ versions: ['004'], tables: ['generated_files', 'projects'] });

    const down = await operationToEnd(services, actor, 'bindings.run', { project: 'socrates2', env: 'dev', action: 'downgrade', to: 'base' });
    expect(down.error).toBeUndefined();
    expect(await state('auth')).toEqual({ versions: [], tables: [] });
    expect(await state('specs')).toEqual({ versions: [], tables: [] });
    services.close();
  });
});
