// Reset recipes: a DBA saves a named reset for a project environment or a group; support staff run
// it on one of that scope's connections through the same reset (plan, refusals, typed confirmation,
// safety-net snapshot, steps, verify), choosing nothing else. Saves, removals and runs are audited.
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import type { OperationStarted } from '../../../src-shared/model/operation';
import type { ResetPlan, ResetRequest } from '../../../src-shared/model/reset';
import {
  recipeInputSchema,
  recipePlanSchema,
  recipeRunSchema,
  scopeInWords,
  type RecipeInput,
  type RecipePlanInput,
  type RecipeRunInput,
  type ResetRecipe,
} from '../../../src-shared/model/resetRecipe';
import type { TargetRef } from '../../../src-shared/model/targetRef';
import type { StoreSession } from '../../session/storeSession';
import type { TargetResolver } from '../../targets/targetResolver';
import type { ResetService } from '../resetService';
import type { SnapshotService } from '../snapshots';
import { RecipeRepository } from './recipeRepository';

/** A recipe made ready to run on one connection: the reset request it decides, and where. */
interface PreparedRun {
  recipe: ResetRecipe;
  ref: TargetRef;
  request: ResetRequest;
}

function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): SwitchyardError {
  const sentences = issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message));
  return new SwitchyardError('E_INVALID_INPUT', sentences.join('; '), {
    issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

export class RecipeService {
  constructor(
    private readonly session: StoreSession,
    private readonly targets: TargetResolver,
    private readonly snapshots: SnapshotService,
    private readonly reset: ResetService,
  ) {}

  /** Built on the store open now: the store can be locked and opened again under the service. */
  private get recipes(): RecipeRepository {
    return new RecipeRepository(this.session.store.db);
  }

  /** Every recipe, or only those a connection is in the scope of (what its reset wizard offers). */
  list(profileId?: string): ResetRecipe[] {
    const recipes = this.recipes;
    const all = recipes.list();
    return profileId === undefined ? all : all.filter((recipe) => !recipe.scopeGone && recipes.includes(recipe, profileId));
  }

  get(nameOrId: string): ResetRecipe {
    return this.recipes.get(nameOrId);
  }

  /** Creates a recipe, or (with `id`) replaces the one of that id. */
  save(input: RecipeInput, actor: string, id?: string): ResetRecipe {
    const parsed = recipeInputSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const valid = parsed.data;
    if (valid.seedFile !== undefined && (!isAbsolute(valid.seedFile) || !existsSync(valid.seedFile)))
      throw new SwitchyardError('E_FILE_NOT_FOUND', `The seed file ${valid.seedFile} does not exist (give its absolute path). Nothing was saved.`);
    const recipes = this.recipes;
    const before = id === undefined ? undefined : recipes.get(id);
    const saved = recipes.save(valid, actor, id);
    this.session.store.audit.append({
      actor,
      action: 'recipe.save',
      target: saved.name,
      detail: { recipe: withoutTimes(saved), ...(before ? { before: withoutTimes(before) } : {}) },
    });
    return saved;
  }

  remove(nameOrId: string, actor: string): void {
    const recipes = this.recipes;
    const recipe = recipes.get(nameOrId);
    recipes.remove(recipe.id);
    this.session.store.audit.append({ actor, action: 'recipe.remove', target: recipe.name, detail: { recipe: withoutTimes(recipe) } });
  }

  /** What running the recipe on the connection would destroy and run, changing nothing. */
  async plan(input: RecipePlanInput, actor: string): Promise<ResetPlan> {
    const parsed = recipePlanSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const run = this.prepare(parsed.data.recipe, parsed.data.profileId, parsed.data.skipSnapshot);
    return this.reset.plan(run.ref, run.request, actor);
  }

  /** Runs the recipe on the connection as the reset's long operation (`recipes.run`), after the same refusals and typed confirmation. */
  run(input: RecipeRunInput, actor: string): OperationStarted {
    const parsed = recipeRunSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error.issues);
    const { recipe: wanted, profileId, confirmation, skipSnapshot } = parsed.data;
    const run = this.prepare(wanted, profileId, skipSnapshot);
    return this.reset.run(run.ref, run.request, confirmation, actor, { id: run.recipe.id, name: run.recipe.name });
  }

  private prepare(wanted: string, profileId: string, skipSnapshot: boolean | undefined): PreparedRun {
    const recipes = this.recipes;
    const recipe = recipes.get(wanted);
    const profile = this.session.store.profiles.get(profileId);
    if (recipe.scopeGone)
      throw new SwitchyardError(
        'E_OUT_OF_SCOPE',
        `The recipe "${recipe.name}" cannot run: ${recipe.scopeGone}. A DBA can save it again for another scope. Nothing was changed.`,
      );
    if (!recipes.includes(recipe, profileId))
      throw new SwitchyardError(
        'E_OUT_OF_SCOPE',
        `The recipe "${recipe.name}" runs on the connections of ${scopeInWords(recipe.scope)}, and ${profile.name} is not one of them. Nothing was changed.`,
      );
    if (skipSnapshot && recipe.snapshotSkip === 'nobody')
      throw new SwitchyardError(
        'E_INVALID_INPUT',
        `The recipe "${recipe.name}" says nobody may skip its snapshot: it is taken first, so the reset can be undone. Nothing was changed.`,
      );
    const project = recipes.projectOf(recipe);
    const ref: TargetRef = {
      profileId,
      ...(project ? { project: project.dir, format: project.format, ...(project.alembicCommand ? { alembic: project.alembicCommand } : {}) } : {}),
    };
    const request: ResetRequest = {
      mode: recipe.mode,
      ...(recipe.to ? { to: recipe.to } : {}),
      ...(recipe.seedFile ? { seedFile: recipe.seedFile } : {}),
      ...(recipe.mode === 'snapshot' ? { snapshotId: this.snapshotFor(recipe, ref, profile.name) } : {}),
      takeSnapshot: !skipSnapshot,
      ...(skipSnapshot ? { skipSnapshotAcknowledged: true } : {}),
    };
    return { recipe, ref, request };
  }

  /** The newest ready snapshot of the recipe's name of this connection's database. */
  private snapshotFor(recipe: ResetRecipe, ref: TargetRef, connection: string): string {
    const found = this.snapshots.list(this.targets.resolve(ref)).find((s) => s.name === recipe.snapshotName && s.state === 'ready');
    if (!found)
      throw new SwitchyardError(
        'E_NOT_FOUND',
        `The database of ${connection} has no snapshot named "${recipe.snapshotName ?? ''}", which the recipe "${recipe.name}" restores. Take one under that name first, or ask a DBA. Nothing was changed.`,
      );
    return found.id;
  }
}

/** A recipe as the audit log keeps it: what it does and where, not when it was stored. */
function withoutTimes(recipe: ResetRecipe): Omit<ResetRecipe, 'createdAt' | 'updatedAt'> {
  const { createdAt: _created, updatedAt: _updated, ...rest } = recipe;
  return rest;
}
