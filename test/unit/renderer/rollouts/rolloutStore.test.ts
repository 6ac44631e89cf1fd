// The Rollouts tab's store against the real services: three SQLite connections of the demo project
// (a production one added) rolled out to heads with a row per database, the production refusal
// kept beside the form until the environment's name is typed, the history and the export.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useRollouts } from '../../../../src-renderer/features/rollouts/rolloutStore';
import { tempDir } from '../../../support/tempDir';
import { threeOfOneProject } from '../support/threeOfOneProject';

describe('the rollouts store', () => {
  it('refuses production without the typed name, then rolls out with a live row per database, lists and exports it', async () => {
    const { dev, staging } = await threeOfOneProject();
    const prod = await call('profiles.create', {
      profile: { name: 'Prod db', environment: 'prod', engine: 'sqlite', sqlitePath: join(tempDir(), 'prod.sqlite'), projectDir: dev.projectDir },
    });
    const project = await call('projects.create', {
      project: {
        name: 'demo-fleet',
        dir: dev.projectDir,
        environments: [{ name: 'fleet', members: [{ profileId: dev.id }, { profileId: staging.id }, { profileId: prod.id }] }],
      },
    });
    const store = useRollouts.getState();
    await store.open(project);
    expect(useRollouts.getState()).toMatchObject({ history: [], form: { scope: 'env', env: 'fleet', to: 'heads', concurrency: 4, continueOnError: false } });

    await useRollouts.getState().start();
    expect(useRollouts.getState().failure).toMatchObject({ code: 'E_CONFIRMATION_REQUIRED' });
    expect(useRollouts.getState().failure?.message).toContain("type the environment's name (fleet) to run it");
    expect(await call('rollouts.list', {})).toEqual([]);

    useRollouts.getState().edit({ typedName: 'fleet', concurrency: 2 });
    await useRollouts.getState().start();
    expect(useRollouts.getState().failure).toBeUndefined();
    await vi.waitFor(() => expect(useRollouts.getState().shown?.state).toBe('done'), { timeout: 20_000 });
    const { shown, history, opId, form } = useRollouts.getState();
    expect(opId).toBeUndefined();
    expect(form.typedName).toBe('');
    expect(shown?.items.map((i) => [i.name, i.state])).toEqual([
      [dev.name, 'done'],
      ['Staging copy', 'done'],
      ['Prod db', 'done'],
    ]);
    // The two empty copies took every revision, the same ones; the demo the ones it lacked.
    expect(shown?.items[1]?.applied.length).toBeGreaterThan(0);
    expect(shown?.items[2]?.applied).toEqual(shown?.items[1]?.applied);
    expect(shown?.items[0]?.passes).toBe(1);
    await vi.waitFor(() => expect(useRollouts.getState().history).toHaveLength(1));
    expect(history?.[0] ?? useRollouts.getState().history?.[0]).toMatchObject({ id: shown?.id, state: 'done', counts: { total: 3, done: 3 } });

    const csv = await useRollouts.getState().exportShown('csv');
    expect(csv?.fileName).toMatch(/^rollout-[0-9a-f]{8}\.csv$/);
    expect(csv?.text.split('\r\n')[3]).toMatch(/^3,Prod db,done,\d+,/);
    const audit = await call('audit.list', { limit: 100 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['rollout.start', 'rollout.done', 'runner.upgrade']));
  });

  it('says an environment without connections has nothing to roll out, and an unknown group by name', async () => {
    const { dev } = await threeOfOneProject();
    const project = await call('projects.create', { project: { name: 'empty-fleet', dir: dev.projectDir, environments: [{ name: 'qa', members: [] }] } });
    await useRollouts.getState().open(project);
    await useRollouts.getState().start();
    expect(useRollouts.getState().failure?.message).toBe(
      'The environment qa of empty-fleet has no connections: there is nothing to roll out to. Nothing was run.',
    );
    useRollouts.getState().edit({ scope: 'group', group: 'tenants' });
    await useRollouts.getState().start();
    expect(useRollouts.getState().failure).toMatchObject({ code: 'E_NOT_FOUND' });
    expect(useRollouts.getState().shown).toBeUndefined();
  });
});
