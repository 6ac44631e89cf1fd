// The Groups screen's store against the real services: a group of the demo and two empty copies made,
// read against a project (where each member stands, one unreachable database keeping its row with
// why), renamed, reordered, members taken out and added, a rollout of the project opened for it on
// the project's Rollouts tab and run over its members, and its deletion refused until its name is typed.
import { describe, expect, it, vi } from 'vitest';
import { memberStatusWords } from '../../../../src-shared/model/groupStatus';
import { call } from '../../../../src-renderer/api/client';
import { useConnections } from '../../../../src-renderer/features/connections/connectionsStore';
import { openGroupRollout } from '../../../../src-renderer/features/groups/groupRollout';
import { newGroup, selectedGroup, useGroups } from '../../../../src-renderer/features/groups/groupsStore';
import { useProjects } from '../../../../src-renderer/features/projects/projectsStore';
import { useRollouts } from '../../../../src-renderer/features/rollouts/rolloutStore';
import { threeOfOneProject } from '../support/threeOfOneProject';

async function fleet() {
  const { dev, staging, prod } = await threeOfOneProject();
  const project = await call('projects.create', { project: { name: 'shop', dir: dev.projectDir } });
  await useConnections.getState().load();
  await useProjects.getState().load();
  useGroups.setState({ groups: undefined, selected: undefined, project: undefined, status: undefined, failure: undefined, done: undefined, notice: undefined });
  await useGroups.getState().load();
  return { dev, staging, prod, project };
}

/** A hang guard, not a speed check: each member's status is read from its database (seconds on a loaded machine). */
const statusRead = { timeout: 20_000 };

const standing = () => useGroups.getState().status?.members.map((m) => [m.name, memberStatusWords(m)] as const);

describe('the groups store', () => {
  it('creates a group, reads where each member stands against a project, renames, reorders, takes out and adds members', async () => {
    const { dev, staging, prod } = await fleet();
    const demoStatus = await call('runner.status', { profileId: dev.id });
    const revisions = demoStatus.pending.length + demoStatus.applied.length;
    const unreachable = await call('profiles.create', {
      profile: { name: 'Gone client', environment: 'prod', engine: 'postgres', host: '127.0.0.1', port: 9, database: 'client', user: 'app' },
    });
    await useConnections.getState().load();

    useGroups.getState().startNew();
    expect(useGroups.getState().selected).toBe(newGroup);
    expect(await useGroups.getState().create('clients', [staging.id, unreachable.id, dev.id])).toBe(true);
    const made = selectedGroup(useGroups.getState());
    expect(made).toMatchObject({ name: 'clients', profileIds: [staging.id, unreachable.id, dev.id] });
    expect(useGroups.getState().done).toBe('Created the group clients with 3 connections.');

    await vi.waitFor(() => expect(useGroups.getState().status?.members).toHaveLength(3), statusRead);
    const status = useGroups.getState().status;
    expect(status).toMatchObject({ group: 'clients', project: 'shop' });
    const [copy, gone, demo] = status?.members ?? [];
    expect(memberStatusWords(copy!)).toBe(`nothing applied yet, ${revisions} pending`);
    // One database that cannot be read keeps its row with why; the others are read all the same.
    expect(gone?.standing).toBeUndefined();
    expect(memberStatusWords(gone!)).toMatch(/^could not be read: /);
    expect(demo?.standing?.applied).toBeGreaterThan(0);
    expect(demo?.standing?.applied).toBeLessThan(revisions);
    expect(memberStatusWords(demo!)).toBe(`${revisions - demo!.standing!.applied} pending (${demo!.standing!.applied} applied)`);

    expect(await useGroups.getState().rename('Tenants-A')).toBe(true);
    expect(useGroups.getState().done).toBe('Renamed clients to Tenants-A.');
    await call('groups.create', { group: { name: 'other' } });
    expect(await useGroups.getState().rename('OTHER')).toBe(false);
    expect(useGroups.getState().failure).toMatchObject({ code: 'E_DUPLICATE_NAME' });
    expect(selectedGroup(useGroups.getState())?.name).toBe('Tenants-A');

    expect(await useGroups.getState().moveMember(dev.id, -1)).toBe(true);
    expect(selectedGroup(useGroups.getState())?.profileIds).toEqual([staging.id, dev.id, unreachable.id]);
    expect(useGroups.getState().done).toBe(`${dev.name} is number 2 of 3 in the rollout order.`);
    expect(await useGroups.getState().moveMember(staging.id, -1)).toBe(false);

    expect(await useGroups.getState().removeMember(unreachable.id)).toBe(true);
    expect(useGroups.getState().done).toBe('Took Gone client out of the group (the connection and its database stay).');
    expect(await useGroups.getState().addMembers([prod.id])).toBe(true);
    expect(selectedGroup(useGroups.getState())?.profileIds).toEqual([staging.id, dev.id, prod.id]);
    await vi.waitFor(() => expect(standing()?.map(([name]) => name)).toEqual(['Staging copy', dev.name, 'Prod copy']), statusRead);
    expect((await call('groups.list', {})).find((g) => g.name === 'Tenants-A')?.profileIds).toEqual([staging.id, dev.id, prod.id]);
    const actions = (await call('audit.list', { limit: 50 })).filter((e) => e.target.startsWith('group:')).map((e) => e.action);
    expect(actions.filter((a) => a === 'group.update')).toHaveLength(4);
  });

  it('opens a rollout of the chosen project for the group on its Rollouts tab, which runs over every member', async () => {
    const { dev, staging, prod, project } = await fleet();
    await useGroups.getState().load();
    const group = await call('groups.create', { group: { name: 'tenants', profileIds: [staging.id, prod.id] } });
    await useGroups.getState().load();
    useGroups.getState().select(group.id);
    expect(useConnections.getState().selected).toBeUndefined();

    openGroupRollout(project, group);
    // The group made way for the project, open on its Rollouts tab with the form set to the group.
    expect(useGroups.getState().selected).toBeUndefined();
    expect(useProjects.getState()).toMatchObject({ selected: project.id, tab: 'rollouts' });
    expect(useRollouts.getState().form).toMatchObject({ scope: 'group', group: 'tenants', to: 'heads' });
    // What the tab's screen does when it shows: open the project again, which keeps the form.
    await useRollouts.getState().open(project);
    expect(useRollouts.getState().form).toMatchObject({ scope: 'group', group: 'tenants' });
    expect(useRollouts.getState().groups.map((g) => g.name)).toContain('tenants');

    await useRollouts.getState().start();
    expect(useRollouts.getState().failure).toBeUndefined();
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('done'), { timeout: 20_000 });
    expect(useRollouts.getState().shown?.items.map((i) => [i.name, i.state])).toEqual([
      ['Staging copy', 'done'],
      ['Prod copy', 'done'],
    ]);

    // Back on the group: both members are where the project's heads are, the demo (not in it) untouched.
    useGroups.getState().select(group.id);
    await vi.waitFor(() => expect(useGroups.getState().status?.members).toHaveLength(2), statusRead);
    expect(standing()?.map(([, words]) => words.startsWith('up to date ('))).toEqual([true, true]);
    expect((await call('runner.status', { profileId: dev.id })).pending.length).toBeGreaterThan(0);
  });

  it('refuses to delete a group until its name is typed, then forgets it and keeps its connections', async () => {
    const { staging, prod } = await fleet();
    const group = await call('groups.create', { group: { name: 'Tenants', profileIds: [staging.id, prod.id] } });
    await useGroups.getState().load();
    useGroups.getState().select(group.id);

    expect(await useGroups.getState().remove('tenants')).toBe(false);
    expect(useGroups.getState().failure?.message).toBe('The typed name does not match "Tenants": type it to remove the group Tenants. Nothing was changed.');
    expect(useGroups.getState().selected).toBe(group.id);
    expect((await call('groups.list', {})).map((g) => g.name)).toEqual(['Tenants']);

    expect(await useGroups.getState().remove('Tenants')).toBe(true);
    expect(useGroups.getState()).toMatchObject({
      selected: undefined,
      groups: [],
      notice: 'Deleted the group Tenants; its connections and their databases are untouched.',
    });
    expect((await call('profiles.list', {})).map((p) => p.name)).toEqual(expect.arrayContaining(['Staging copy', 'Prod copy']));
    const audit = await call('audit.list', { limit: 20 });
    expect(audit.find((e) => e.action === 'group.remove')).toMatchObject({ target: 'group:Tenants', actor: 'tester via renderer test' });
  });

  it('keeps one thing open at a time: a connection or a project selected closes the group', async () => {
    const { dev, project } = await fleet();
    const group = await call('groups.create', { group: { name: 'solo', profileIds: [dev.id] } });
    await useGroups.getState().load();
    useGroups.getState().select(group.id);
    useConnections.getState().select(dev.id);
    expect(useGroups.getState().selected).toBeUndefined();
    useGroups.getState().select(group.id);
    expect(useConnections.getState().selected).toBeUndefined();
    useProjects.getState().select(project.id);
    expect(useGroups.getState().selected).toBeUndefined();
    useGroups.getState().select(group.id);
    expect(useProjects.getState().selected).toBeUndefined();
    expect(useGroups.getState().selected).toBe(group.id);
  });
});
