// The Rollouts tab on a project with bindings, against the real services on SQLite files: the role
// choice (the project's roles in the bindings' order), an environment rolled out role after role
// when none is chosen (auth's failure leaves specs not started, each role's line says so; resumed
// once fixed), and a group, whose members must be given the database they are.
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import type { RolloutItem } from '../../../../src-shared/model/rollout';
import { roleProgress } from '../../../../src-renderer/features/rollouts/roleProgress';
import { projectRoles, requestOf, useRollouts } from '../../../../src-renderer/features/rollouts/rolloutStore';
import { boundSqliteProject } from '../support/boundSqliteProject';

const rolesNow = () => {
  const { shown, project } = useRollouts.getState();
  return roleProgress(shown?.items ?? [], project ? projectRoles(project) : []).map((l) => [l.role, l.word, l.sentence]);
};

describe('the rollouts store on a project with bindings', () => {
  it('runs an environment role after role, says which role did not start and why, and resumes it', async () => {
    const { project, poison, cure } = await boundSqliteProject('bound-fleet', ['dev', 'qa']);
    expect(projectRoles(project)).toEqual(['auth', 'specs']);
    await useRollouts.getState().open(project);
    useRollouts.getState().edit({ env: 'qa' });
    expect(requestOf(project, useRollouts.getState().form)).not.toHaveProperty('role');
    poison('qa_auth');

    await useRollouts.getState().start();
    await vi.waitFor(() => expect(useRollouts.getState().opId).toBeUndefined(), { timeout: 20_000 });
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('failed'), { timeout: 20_000 });
    expect(useRollouts.getState().shown?.items.map((i) => [i.role, i.name, i.state])).toEqual([
      ['auth', 'bound-fleet_qa_auth', 'failed'],
      ['specs', 'bound-fleet_qa_specs', 'skipped'],
    ]);
    expect(rolesNow()).toEqual([
      ['auth', 'Failed', '0 of 1 done, 1 failed'],
      ['specs', 'Not started', 'its database did not start: auth did not finish first'],
    ]);
    // The role is journalled with the row: read again, the rollout still says it.
    const id = useRollouts.getState().shown?.id as string;
    expect((await call('rollouts.get', { id })).items.map((i) => i.role)).toEqual(['auth', 'specs']);

    cure('qa_auth');
    await useRollouts.getState().resume(id);
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('done'), { timeout: 20_000 });
    expect(rolesNow()).toEqual([
      ['auth', 'Done', '1 of 1 done'],
      ['specs', 'Done', '1 of 1 done'],
    ]);
    expect(useRollouts.getState().shown?.items.map((i) => i.applied)).toEqual([
      ['a1', 'a2'],
      ['s1', 's2'],
    ]);
  });

  it('says while it runs that the next role waits for the one before', () => {
    const row = (role: string, state: RolloutItem['state'], position: number): RolloutItem => ({
      profileId: `p${position}`,
      name: `${role}_${position}`,
      role,
      position,
      state,
      applied: [],
      passes: state === 'waiting' ? 0 : 1,
    });
    const items = [row('auth', 'done', 0), row('auth', 'running', 1), row('specs', 'waiting', 2), row('specs', 'waiting', 3)];
    expect(roleProgress(items, ['auth', 'specs']).map((l) => [l.role, l.mark, l.word, l.sentence])).toEqual([
      ['auth', '▶', 'Running', '1 of 2 done, 1 running'],
      ['specs', '○', 'Waiting', 'runs when every auth database is done (2 waiting)'],
    ]);
    expect(roleProgress([{ ...row('x', 'done', 0), role: undefined }], ['auth'])).toEqual([]);
  });

  it('runs a group as the database chosen for its members, and one role of an environment alone', async () => {
    const { project, profiles } = await boundSqliteProject('bound-tenants', ['dev', 'qa', 'uat']);
    await call('groups.create', { group: { name: 'spec-tenants', profileIds: [profiles.qa_specs as string, profiles.uat_specs as string] } });
    await useRollouts.getState().open(project);
    useRollouts.getState().edit({ scope: 'group', group: 'spec-tenants' });
    await useRollouts.getState().start();
    expect(useRollouts.getState().failure?.message).toContain('say which database the members of the group spec-tenants are');

    useRollouts.getState().edit({ role: 'specs' });
    expect(requestOf(project, useRollouts.getState().form)).toMatchObject({ group: 'spec-tenants', role: 'specs' });
    await useRollouts.getState().start();
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('done'), { timeout: 20_000 });
    expect(useRollouts.getState().shown?.request.role).toBe('specs');
    expect(useRollouts.getState().shown?.items.map((i) => [i.role, i.applied])).toEqual([
      ['specs', ['s1', 's2']],
      ['specs', ['s1', 's2']],
    ]);
    expect(rolesNow()).toEqual([['specs', 'Done', '2 of 2 done']]);

    useRollouts.getState().edit({ scope: 'env', env: 'qa', role: 'auth' });
    await useRollouts.getState().start();
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('done'), { timeout: 20_000 });
    expect(useRollouts.getState().shown?.items.map((i) => [i.role, i.name, i.applied])).toEqual([['auth', 'bound-tenants_qa_auth', ['a1', 'a2']]]);
  });
});
