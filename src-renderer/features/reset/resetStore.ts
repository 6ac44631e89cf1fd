// The reset wizard's state: the request built on the Target and Safety net steps, the plan the
// server answers with, the typed confirmations, and the run's live steps and result.
import { create } from 'zustand';
import type { OperationEventOf, ResetStepProgress } from '../../../src-shared/api';
import type { GraphLoad } from '../../../src-shared/model/graphView';
import type { ResetPlan, ResetRequest, ResetResult } from '../../../src-shared/model/reset';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { asError, call } from '../../api/client';
import { followOperation } from '../../api/operationEvents';
import { projectGraph } from '../runner/projectGraph';
import { useSnapshots } from './snapshotsStore';

export const wizardSteps = ['target', 'impact', 'safety', 'confirm', 'run', 'verify'] as const;
export type WizardStep = (typeof wizardSteps)[number];

interface ResetState {
  profileId: string | undefined;
  /** The bound project's graph, for the migration target picker; undefined until read or without a project. */
  project: GraphLoad | undefined;
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

export const useReset = create<ResetState>((set, get) => {
  const onEvent = (message: OperationEventOf<'reset.run'>) => {
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
    planning: false,
    ...fresh(),
    start(profileId) {
      if (get().profileId === profileId) return;
      set({ profileId, project: undefined, ...fresh() });
      void projectGraph(profileId).then((project) => {
        if (get().profileId === profileId) set({ project });
      });
    },
    restart() {
      set(fresh());
    },
    setRequest(change) {
      set({ request: { ...get().request, ...change } });
      if (get().step !== 'target') void get().loadPlan();
    },
    go(step) {
      set({ step, error: undefined });
      if (step === 'impact' || step === 'confirm') void get().loadPlan();
    },
    async loadPlan() {
      const { profileId, request } = get();
      if (!profileId) return;
      set({ planning: true });
      try {
        const plan = await call('reset.plan', { profileId, request });
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
      const { profileId, request, typedName, environmentAcknowledged } = get();
      if (!profileId) return;
      set({ step: 'run', live: [], result: undefined, error: undefined, opId: undefined });
      try {
        const opId = await followOperation(
          'reset.run',
          { profileId, request, confirmation: { typedName, ...(environmentAcknowledged ? { environmentAcknowledged } : {}) } },
          onEvent,
        );
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
