// The reset wizard's state: the request built on the Target and Safety net steps (or decided by a
// saved recipe picked on the Recipe step, when the connection has any), the plan the server answers
// with, the typed confirmations, and the run's live steps and result.
import { create } from 'zustand';
import type { OperationEventOf, ResetStepProgress } from '../../../src-shared/api';
import type { GraphLoad } from '../../../src-shared/model/graphView';
import type { ResetPlan, ResetRequest, ResetResult } from '../../../src-shared/model/reset';
import type { ResetRecipe } from '../../../src-shared/model/resetRecipe';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { asError, call } from '../../api/client';
import { followOperation } from '../../api/operationEvents';
import { projectGraph } from '../runner/projectGraph';
import { useSnapshots } from './snapshotsStore';

export const wizardSteps = ['recipe', 'target', 'impact', 'safety', 'confirm', 'run', 'verify'] as const;
export type WizardStep = (typeof wizardSteps)[number];

/** The steps the wizard shows: the Recipe step first only when the connection has recipes. */
export function stepsShown(recipes: readonly ResetRecipe[]): readonly WizardStep[] {
  return recipes.length > 0 ? wizardSteps : wizardSteps.filter((s) => s !== 'recipe');
}

/** The request a recipe decides (its snapshot is found by name on the server; the plan carries its id). */
export function recipeRequest(recipe: ResetRecipe): ResetRequest {
  return {
    mode: recipe.mode,
    ...(recipe.to ? { to: recipe.to } : {}),
    ...(recipe.seedFile ? { seedFile: recipe.seedFile } : {}),
    takeSnapshot: true,
  };
}

interface ResetState {
  profileId: string | undefined;
  /** The bound project's graph, for the migration target picker; undefined until read or without a project. */
  project: GraphLoad | undefined;
  /** The saved recipes this connection may run (its project environment's or group's). */
  recipes: ResetRecipe[];
  /** The recipe picked on the Recipe step: its choices fill the request and are locked. */
  recipe: ResetRecipe | undefined;
  step: WizardStep;
  request: ResetRequest;
  plan: ResetPlan | undefined;
  planning: boolean;
  error: { code: string; message: string } | undefined;
  typedName: string;
  environmentAcknowledged: string;
  opId: string | undefined;
  live: ResetStepProgress[];
  result: ResetResult | undefined;
  /** How many restores this connection had when the result came: a later one (Reset demo, another snapshot) replaces what the result describes. */
  restoresBeforeResult: number;
  /** Read again after the undo (the page must not go on describing the reset); a string when it could not be read. */
  statusAfterUndo: MigrationStatus | string | undefined;
  start(profileId: string): void;
  /** Back to the Target step for another reset of the same connection. */
  restart(): void;
  /** A recipe fills and locks the choices; undefined: the user chooses them on the Target step. */
  pickRecipe(recipe: ResetRecipe | undefined): void;
  setRequest(change: Partial<ResetRequest>): void;
  go(step: WizardStep): void;
  loadPlan(): Promise<void>;
  setTyped(change: { typedName?: string; environmentAcknowledged?: string }): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
  readStatusAfterUndo(): Promise<void>;
}

const fresh = () => ({
  step: 'target' as WizardStep,
  request: { mode: 'recreate', to: 'heads', takeSnapshot: true } as ResetRequest,
  plan: undefined,
  error: undefined,
  typedName: '',
  environmentAcknowledged: '',
  live: [],
  result: undefined,
  restoresBeforeResult: 0,
  statusAfterUndo: undefined,
  opId: undefined,
});

/** With a recipe picked, only the snapshot may change, and only when the recipe lets anyone skip it. */
function allowedChange(recipe: ResetRecipe | undefined, change: Partial<ResetRequest>): Partial<ResetRequest> {
  if (!recipe) return change;
  if (recipe.snapshotSkip === 'nobody') return {};
  const { takeSnapshot, skipSnapshotAcknowledged } = change;
  return { ...(takeSnapshot === undefined ? {} : { takeSnapshot }), ...(skipSnapshotAcknowledged === undefined ? {} : { skipSnapshotAcknowledged }) };
}

export const useReset = create<ResetState>((set, get) => {
  const onEvent = (message: OperationEventOf<'reset.run'> | OperationEventOf<'recipes.run'>) => {
    if (message.event === 'op.progress') {
      const { detail } = message.payload;
      if (!detail) return;
      set({ live: [...get().live.filter((s) => s.step !== detail.step), detail] });
    } else if (message.event === 'op.done') {
      if (message.payload.ok) set({ result: message.payload.result, step: 'verify', restoresBeforeResult: useSnapshots.getState().restored.length });
      else set({ error: message.payload.error, step: 'confirm' });
    }
  };
  return {
    profileId: undefined,
    project: undefined,
    recipes: [],
    recipe: undefined,
    planning: false,
    ...fresh(),
    start(profileId) {
      if (get().profileId === profileId) return;
      set({ profileId, project: undefined, recipes: [], recipe: undefined, ...fresh() });
      void projectGraph(profileId).then((project) => {
        if (get().profileId === profileId) set({ project });
      });
      void call('recipes.list', { profileId }).then(
        (recipes) => {
          // Offered first, unless the user has moved on already.
          if (get().profileId === profileId) set({ recipes, ...(recipes.length > 0 && get().step === 'target' ? { step: 'recipe' as WizardStep } : {}) });
        },
        (error: unknown) => {
          if (get().profileId === profileId) set({ error: asError(error) });
        },
      );
    },
    restart() {
      set({ ...fresh(), recipe: undefined, ...(get().recipes.length > 0 ? { step: 'recipe' as WizardStep } : {}) });
    },
    pickRecipe(recipe) {
      set({ ...fresh(), recipe, ...(recipe ? { request: recipeRequest(recipe) } : {}), step: 'target' });
    },
    setRequest(change) {
      const allowed = allowedChange(get().recipe, change);
      if (Object.keys(allowed).length === 0) return;
      set({ request: { ...get().request, ...allowed } });
      if (get().step !== 'target') void get().loadPlan();
    },
    go(step) {
      set({ step, error: undefined });
      if (step === 'impact' || step === 'confirm') void get().loadPlan();
    },
    async loadPlan() {
      const { profileId, request, recipe } = get();
      if (!profileId) return;
      set({ planning: true });
      try {
        const plan = recipe
          ? await call('recipes.plan', { recipe: recipe.id, profileId, ...(request.takeSnapshot ? {} : { skipSnapshot: true }) })
          : await call('reset.plan', { profileId, request });
        if (get().request === request) set({ plan, planning: false, error: undefined });
      } catch (error) {
        // The old plan described another request: showing it beside the error would mislead.
        if (get().request === request) set({ plan: undefined, planning: false, error: asError(error) });
      }
    },
    setTyped(change) {
      set(change);
    },
    async run() {
      const { profileId, request, recipe, typedName, environmentAcknowledged } = get();
      if (!profileId) return;
      set({ step: 'run', live: [], result: undefined, error: undefined, opId: undefined });
      const confirmation = { typedName, ...(environmentAcknowledged ? { environmentAcknowledged } : {}) };
      try {
        const opId = recipe
          ? await followOperation(
              'recipes.run',
              { recipe: recipe.id, profileId, confirmation, ...(request.takeSnapshot ? {} : { skipSnapshot: true }) },
              onEvent,
            )
          : await followOperation('reset.run', { profileId, request, confirmation }, onEvent);
        set({ opId });
      } catch (error) {
        set({ step: 'confirm', error: asError(error) });
      }
    },
    async cancel() {
      const { opId } = get();
      if (opId) await call('ops.cancel', { opId });
    },
    async readStatusAfterUndo() {
      const { profileId } = get();
      if (!profileId) return;
      try {
        set({ statusAfterUndo: await call('runner.status', { profileId }) });
      } catch (error) {
        set({ statusAfterUndo: asError(error).message });
      }
    },
  };
});
