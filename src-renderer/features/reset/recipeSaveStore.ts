// Saving a finished reset's choices as a recipe: where it may run (the project environments and
// groups this connection is in) and the save itself, after which the wizard offers it first.
import { create } from 'zustand';
import type { Group, Project } from '../../../src-shared/model/project';
import type { ResetRequest } from '../../../src-shared/model/reset';
import type { RecipeInput, RecipeScope, ResetRecipe, SnapshotSkipper } from '../../../src-shared/model/resetRecipe';
import { asError, call } from '../../api/client';
import { useReset } from './resetStore';

/** Every project environment and group the connection is a member of, projects first. */
export function scopesOf(profileId: string, projects: readonly Project[], groups: readonly Group[]): RecipeScope[] {
  const environments = projects.flatMap((project) =>
    project.environments.filter((env) => env.members.some((m) => m.profileId === profileId)).map((env) => ({ project: project.name, env: env.name })),
  );
  return [...environments, ...groups.filter((g) => g.profileIds.includes(profileId)).map((g) => ({ group: g.name }))];
}

/** The recipe a finished reset's request becomes: the restored snapshot by its name, so each database of the scope restores its own. */
export function recipeFrom(
  name: string,
  scope: RecipeScope,
  request: ResetRequest,
  snapshotName: string | undefined,
  snapshotSkip: SnapshotSkipper,
): RecipeInput {
  return {
    name,
    scope,
    mode: request.mode,
    ...(request.to ? { to: request.to } : {}),
    ...(request.seedFile ? { seedFile: request.seedFile } : {}),
    ...(request.mode === 'snapshot' && snapshotName ? { snapshotName } : {}),
    snapshotSkip,
  };
}

interface RecipeSaveState {
  profileId: string | undefined;
  scopes: RecipeScope[];
  saved: ResetRecipe | undefined;
  saving: boolean;
  error: { code: string; message: string } | undefined;
  loadScopes(profileId: string): Promise<void>;
  save(recipe: RecipeInput): Promise<void>;
}

export const useRecipeSave = create<RecipeSaveState>((set, get) => ({
  profileId: undefined,
  scopes: [],
  saved: undefined,
  saving: false,
  error: undefined,
  async loadScopes(profileId) {
    set({ profileId, scopes: [], saved: undefined, error: undefined });
    try {
      const [projects, groups] = await Promise.all([call('projects.list', {}), call('groups.list', {})]);
      if (get().profileId === profileId) set({ scopes: scopesOf(profileId, projects, groups) });
    } catch (error) {
      if (get().profileId === profileId) set({ error: asError(error) });
    }
  },
  async save(recipe) {
    const { profileId } = get();
    if (!profileId) return;
    set({ saving: true, error: undefined });
    try {
      const saved = await call('recipes.save', { recipe });
      set({ saved, saving: false });
      // The next reset of this connection offers it first.
      const recipes = await call('recipes.list', { profileId });
      if (useReset.getState().profileId === profileId) useReset.setState({ recipes });
    } catch (error) {
      set({ saving: false, error: asError(error) });
    }
  },
}));
