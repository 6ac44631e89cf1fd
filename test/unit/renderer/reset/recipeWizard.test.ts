// The reset wizard with saved recipes, against the real services on the demo workspace: the Recipe
// step first when the connection has one, its choices filled and locked (a snapshot nobody may skip
// stays), the run through recipes.run; and a finished reset saved as a recipe, offered next time.
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { recipeFrom, scopesOf, useRecipeSave } from '../../../../src-renderer/features/reset/recipeSaveStore';
import { stepsShown, useReset } from '../../../../src-renderer/features/reset/resetStore';
import type { Profile } from '../../../../src-shared/model/profile';
import type { Group, Project } from '../../../../src-shared/model/project';
import { openServices } from '../support/servicesBridge';

async function demoInProject(): Promise<Profile> {
  await openServices();
  const demo = await call('profiles.createDemo', {});
  await call('projects.create', { project: { name: 'demo-shop', dir: demo.projectDir, environments: [{ name: 'demo', members: [{ profileId: demo.id }] }] } });
  return demo;
}

describe('the reset wizard with recipes', () => {
  it('offers the connection’s recipe first, locks its choices and its snapshot, and runs it', async () => {
    const demo = await demoInProject();
    const recipe = await call('recipes.save', {
      recipe: { name: 'Demo back to heads', scope: { project: 'demo-shop', env: 'demo' }, mode: 'recreate', to: 'heads' },
    });

    useReset.getState().start(demo.id);
    await vi.waitFor(() => expect(useReset.getState().step).toBe('recipe'));
    expect(stepsShown(useReset.getState().recipes)[0]).toBe('recipe');
    expect(useReset.getState().recipes.map((r) => r.name)).toEqual(['Demo back to heads']);

    useReset.getState().pickRecipe(useReset.getState().recipes[0]);
    expect(useReset.getState()).toMatchObject({ step: 'target', request: { mode: 'recreate', to: 'heads', takeSnapshot: true } });
    useReset.getState().setRequest({ mode: 'wipe', to: undefined });
    useReset.getState().setRequest({ takeSnapshot: false, skipSnapshotAcknowledged: true });
    expect(useReset.getState().request).toEqual({ mode: 'recreate', to: 'heads', takeSnapshot: true });

    useReset.getState().go('impact');
    await vi.waitFor(() => expect(useReset.getState().plan).toBeDefined());
    expect(useReset.getState().plan?.request).toMatchObject({ mode: 'recreate', to: 'heads', takeSnapshot: true });

    useReset.getState().setTyped({ typedName: useReset.getState().plan?.databaseName ?? '' });
    await useReset.getState().run();
    await vi.waitFor(() => expect(useReset.getState()).toMatchObject({ step: 'verify', error: undefined }));
    expect(useReset.getState().result).toMatchObject({ ok: true, snapshot: expect.objectContaining({ name: expect.stringMatching(/^Before reset/) }) });

    const audit = await call('audit.list', { limit: 50 });
    expect(audit.find((e) => e.action === 'reset.start')?.detail).toMatchObject({ recipe: { id: recipe.id, name: recipe.name } });

    useReset.getState().restart();
    expect(useReset.getState()).toMatchObject({ step: 'recipe', recipe: undefined });
    useReset.getState().pickRecipe(undefined);
    expect(useReset.getState().step).toBe('target');
    useReset.getState().setRequest({ mode: 'wipe' });
    expect(useReset.getState().request.mode).toBe('wipe');
  });

  it('saves a finished reset’s choices as a recipe for the connection’s environment, and the wizard offers it next', async () => {
    const demo = await demoInProject();
    useReset.getState().start(demo.id);
    await vi.waitFor(() => expect(useReset.getState().project).toBeDefined());
    expect(useReset.getState().step).toBe('target');

    await useRecipeSave.getState().loadScopes(demo.id);
    expect(useRecipeSave.getState().scopes).toEqual([{ project: 'demo-shop', env: 'demo' }]);
    const scope = useRecipeSave.getState().scopes[0];
    if (!scope) throw new Error('no scope');
    await useRecipeSave.getState().save(recipeFrom('Demo wiped', scope, { mode: 'wipe', to: 'heads', takeSnapshot: true }, undefined, 'nobody'));

    expect(useRecipeSave.getState()).toMatchObject({ error: undefined, saved: { name: 'Demo wiped', mode: 'wipe', to: 'heads', snapshotSkip: 'nobody' } });
    expect(useReset.getState().recipes.map((r) => r.name)).toEqual(['Demo wiped']);

    await useRecipeSave.getState().save(recipeFrom('Demo wiped', scope, { mode: 'wipe', takeSnapshot: true }, undefined, 'nobody'));
    expect(useRecipeSave.getState().error?.code).toBe('E_DUPLICATE_NAME');
  });

  it('lists the project environments and groups a connection is in, and a restore by the snapshot’s name', () => {
    const env = (name: string, profileIds: string[]) => ({ name, members: profileIds.map((profileId) => ({ profileId, role: 'main' })) });
    const projects = [{ name: 'shop', environments: [env('dev', ['a']), env('staging', ['b']), env('prod', ['a', 'c'])] }] as unknown as Project[];
    const groups = [
      { name: 'clients', profileIds: ['c', 'a'] },
      { name: 'others', profileIds: ['b'] },
    ] as unknown as Group[];
    expect(scopesOf('a', projects, groups)).toEqual([{ project: 'shop', env: 'dev' }, { project: 'shop', env: 'prod' }, { group: 'clients' }]);
    expect(recipeFrom('Q3', { group: 'clients' }, { mode: 'snapshot', snapshotId: 'x1', takeSnapshot: true }, 'Q3 state', 'anyone')).toEqual({
      name: 'Q3',
      scope: { group: 'clients' },
      mode: 'snapshot',
      snapshotName: 'Q3 state',
      snapshotSkip: 'anyone',
    });
  });
});
