// Projects and groups through the API dispatcher (and the service where other slices call it), on a
// real store with real SQLite databases: detection from a folder, environments in promotion order,
// bindings, the refusals, the audit, and a removed connection leaving its environment empty.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../src-shared/api';
import type { ProfileInput } from '../../../src-shared/model/profile';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject } from '../../support/nativeProject';
import { tempDir } from '../../support/tempDir';

const context = { actor: 'tester via test' };

async function unlocked(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('projects test passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

async function call<M extends ApiMethod>(services: Services, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await services.dispatch(method, input, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<M>;
}

async function refusal(services: Services, method: ApiMethod, input: unknown): Promise<{ code: string; message: string }> {
  const result = await services.dispatch(method, input, context);
  if (result.ok) throw new Error(`${method} was expected to be refused`);
  return result.error;
}

function shopFolder(): string {
  const dir = join(tempDir(), 'shop', 'migrations');
  writeNativeProject(dir, [
    { id: 'a1', parents: [], message: 'customers', up: 'CREATE TABLE customers (id INTEGER PRIMARY KEY);' },
    { id: 'a2', parents: ['a1'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);' },
  ]);
  return dir;
}

async function connection(services: Services, name: string, environment: ProfileInput['environment'], projectDir = ''): Promise<string> {
  const profile = { name, environment, engine: 'sqlite' as const, sqlitePath: join(tempDir(), `${name}.db`), projectDir };
  return (await call(services, 'profiles.create', { profile })).id;
}

describe('projects', () => {
  it('detects a folder and proposes its environments from the connections bound to it, in promotion order', async () => {
    const services = await unlocked();
    const dir = shopFolder();
    const prod = await connection(services, 'Shop prod', 'prod', dir);
    const dev = await connection(services, 'Shop dev', 'dev', dir);
    const staging = await connection(services, 'Shop staging', 'staging', dir);
    await connection(services, 'Elsewhere', 'dev', join(dir, '..'));

    const detection = await call(services, 'projects.detect', { dir });
    expect(detection).toMatchObject({ dir, format: 'native', revisions: 2, notes: [] });
    expect(detection.proposal).toMatchObject({ name: 'shop-migrations', dir, format: 'auto' });
    expect(detection.proposal.environments).toEqual([
      { name: 'dev', members: [{ profileId: dev, role: 'main' }] },
      { name: 'staging', members: [{ profileId: staging, role: 'main' }] },
      { name: 'prod', members: [{ profileId: prod, role: 'main' }] },
    ]);

    const project = await call(services, 'projects.create', { project: { ...detection.proposal, name: 'Shop' } });
    expect(project.environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    expect(await call(services, 'projects.get', { project: 'sHoP' })).toEqual(project);
    expect(await call(services, 'projects.list', {})).toEqual([project]);
    // Detected again, the folder names the project that already has it.
    expect(await call(services, 'projects.detect', { dir })).toMatchObject({ existing: 'Shop', notes: ['The project "Shop" already has this folder.'] });
  });

  it('refuses a folder without migrations, a name taken in another case, an unknown connection and a repeated environment, changing nothing', async () => {
    const services = await unlocked();
    const dir = shopFolder();
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    expect(await refusal(services, 'projects.detect', { dir: empty })).toMatchObject({ code: 'E_PROJECT_NOT_FOUND' });
    expect(await refusal(services, 'projects.create', { project: { name: 'Shop', dir: empty } })).toMatchObject({ code: 'E_PROJECT_NOT_FOUND' });

    await call(services, 'projects.create', { project: { name: 'Shop', dir } });
    expect(await refusal(services, 'projects.create', { project: { name: 'SHOP', dir } })).toEqual({
      code: 'E_DUPLICATE_NAME',
      message: 'A project named "Shop" already exists (names are compared ignoring case).',
    });
    expect(
      await refusal(services, 'projects.create', { project: { name: 'Other', dir, environments: [{ name: 'dev', members: [{ profileId: 'nobody' }] }] } }),
    ).toMatchObject({
      code: 'E_NOT_FOUND',
    });
    const dev = await connection(services, 'Dev', 'dev');
    const twice = await refusal(services, 'projects.create', {
      project: {
        name: 'Other',
        dir,
        environments: [
          { name: 'dev', members: [{ profileId: dev }] },
          { name: 'DEV', members: [] },
        ],
      },
    });
    expect(twice).toEqual({ code: 'E_INVALID_INPUT', message: 'The environment "DEV" is listed twice. Nothing was changed.' });
    expect(await refusal(services, 'projects.create', { project: { name: 'has space', dir } })).toMatchObject({ code: 'E_INVALID_INPUT' });
    expect((await call(services, 'projects.list', {})).map((p) => p.name)).toEqual(['Shop']);
  });

  it('sets environments in order of first use or as ordered, binds labels to roles, and gives each member as a target with the project', async () => {
    const services = await unlocked();
    const dir = shopFolder();
    const { projects } = services;
    const [devAuth, devSpecs, prod, staging] = [
      await connection(services, 'dev-auth', 'dev'),
      await connection(services, 'dev-specs', 'dev'),
      await connection(services, 'prod', 'prod'),
      await connection(services, 'staging', 'staging'),
    ];
    await call(services, 'projects.create', { project: { name: 'Specs', dir, format: 'native' } });
    projects.setEnvironment('specs', 'prod', [{ profileId: prod, role: 'main' }], 'alice');
    projects.setEnvironment(
      'specs',
      'dev',
      [
        { profileId: devAuth, role: 'auth' },
        { profileId: devSpecs, role: 'specs' },
      ],
      'alice',
    );
    expect(projects.get('Specs').environments.map((e) => e.name)).toEqual(['prod', 'dev']);
    projects.setEnvironment('specs', 'staging', [{ profileId: staging, role: 'main' }], 'alice', ['dev', 'staging', 'prod']);
    expect(projects.get('Specs').environments.map((e) => e.name)).toEqual(['dev', 'staging', 'prod']);
    expect(() => projects.setEnvironment('specs', 'dev', [], 'alice', ['dev', 'qa'])).toThrow(/The order names qa, which the project "Specs" does not have/);

    projects.bind('Specs', 'auth', 'auth', 'alice');
    projects.bind('Specs', 'specs', 'specs', 'alice');
    projects.bind('Specs', 'auth', 'specs', 'alice');
    expect(projects.get('Specs').bindings).toEqual([
      { label: 'specs', role: 'specs' },
      { label: 'auth', role: 'specs' },
    ]);
    projects.unbind('Specs', 'auth', 'alice');
    expect(() => projects.unbind('Specs', 'auth', 'alice')).toThrow('The project "Specs" binds no label "auth". Nothing was changed.');

    const auth = projects.memberTargets('Specs', 'DEV', 'auth');
    expect(auth).toEqual([{ profileId: devAuth, profileName: 'dev-auth', role: 'auth', ref: { profileId: devAuth, project: dir, format: 'native' } }]);
    expect(projects.memberTargets('Specs', 'dev').map((m) => m.profileName)).toEqual(['dev-auth', 'dev-specs']);
    expect(() => projects.memberTargets('Specs', 'qa')).toThrow('The project "Specs" has no environment "qa" (its environments: dev, staging, prod).');

    // The ref reaches the database with the project's folder: the runner reads both pending revisions there.
    const status = await services.runner.status(auth[0]!.ref);
    expect(status.pending).toEqual(['a1', 'a2']);

    const actions = (await call(services, 'audit.list', { limit: 50 })).filter((e) => e.target === 'project:Specs').map((e) => e.action);
    expect(actions.reverse()).toEqual([
      'project.create',
      'project.environment',
      'project.environment',
      'project.environment',
      'project.bind',
      'project.bind',
      'project.bind',
      'project.unbind',
    ]);
  });

  it('keeps an environment whose connections were all removed, empty, and forgets the project on remove', async () => {
    const services = await unlocked();
    const dir = shopFolder();
    const prod = await connection(services, 'Shop prod', 'prod', dir);
    const project = await call(services, 'projects.create', { project: (await call(services, 'projects.detect', { dir })).proposal });
    await call(services, 'profiles.remove', { id: prod });
    expect((await call(services, 'projects.get', { project: project.id })).environments).toEqual([{ name: 'prod', members: [] }]);
    expect(services.projects.memberTargets(project.name, 'prod')).toEqual([]);

    expect(await call(services, 'projects.remove', { id: project.id })).toEqual({ removed: true });
    expect(await refusal(services, 'projects.get', { project: project.name })).toEqual({
      code: 'E_NOT_FOUND',
      message: `No project named "${project.name}" (switchyard projects list shows them).`,
    });
    const removal = (await call(services, 'audit.list', { limit: 5 })).find((e) => e.action === 'project.remove');
    expect(removal).toMatchObject({ actor: 'tester via test', target: `project:${project.name}` });
  });
});

describe('groups', () => {
  it('creates, adds in order, refuses strangers and taken names, and removes, every change audited', async () => {
    const services = await unlocked();
    const [a, b, c] = [
      await connection(services, 'tenant-a', 'prod'),
      await connection(services, 'tenant-b', 'prod'),
      await connection(services, 'tenant-c', 'prod'),
    ];
    const group = await call(services, 'groups.create', { group: { name: 'Tenants', profileIds: [b] } });
    expect(group.profileIds).toEqual([b]);
    const added = services.groups.addMembers('tenants', [a, b, c], 'alice');
    expect(added).toMatchObject({ created: false, added: [a, c], alreadyIn: [b] });
    expect(added.group.profileIds).toEqual([b, a, c]);
    expect(services.groups.addMembers('Clients', [c], 'alice')).toMatchObject({ created: true, group: { name: 'Clients', profileIds: [c] } });

    expect(await refusal(services, 'groups.create', { group: { name: 'TENANTS' } })).toMatchObject({ code: 'E_DUPLICATE_NAME' });
    expect(await refusal(services, 'groups.update', { id: group.id, group: { name: 'clients' } })).toMatchObject({ code: 'E_DUPLICATE_NAME' });
    services.groups.removeMembers('Tenants', [a], 'alice');
    expect(() => services.groups.removeMembers('Tenants', [a], 'alice')).toThrow('tenant-a is not in the group "Tenants". Nothing was changed.');
    await call(services, 'profiles.remove', { id: c });
    expect(services.groups.get('Tenants').profileIds).toEqual([b]);

    // Removing is confirmed by the group's name, typed; the service refuses anything else and keeps the group.
    expect(await refusal(services, 'groups.remove', { id: group.id })).toMatchObject({ code: 'E_CONFIRMATION_REQUIRED' });
    expect((await refusal(services, 'groups.remove', { id: group.id, confirmation: { typedName: 'Clients' } })).message).toBe(
      'The typed name does not match "Tenants": type it to remove the group Tenants. Nothing was changed.',
    );
    expect(services.groups.get('Tenants').profileIds).toEqual([b]);
    expect(await call(services, 'groups.remove', { id: group.id, confirmation: { typedName: 'Tenants' } })).toEqual({ removed: true });
    expect((await call(services, 'groups.list', {})).map((g) => g.name)).toEqual(['Clients']);
    const actions = (await call(services, 'audit.list', { limit: 50 })).filter((e) => e.target === 'group:Tenants').map((e) => e.action);
    expect(actions.reverse()).toEqual(['group.create', 'group.update', 'group.update', 'group.remove']);
  });
});
