// The plan-and-confirm dialog shared by every screen that starts a run (Migrations, Graph, Reset):
// preview first (steps, SQL, preflight), then the run with live progress, then the result.
import { create } from 'zustand';
import type { OperationEventOf } from '../../../src-shared/api';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { GraphLoad } from '../../../src-shared/model/graphView';
import type { RunPreview, RunRequest, RunResult } from '../../../src-shared/model/run';
import { asError, call } from '../../api/client';
import { followOperation } from '../../api/operationEvents';
import { projectGraph } from './projectGraph';

export type RunPhase = 'closed' | 'previewing' | 'ready' | 'running' | 'done' | 'failed';

export interface RunLogLine {
  level: 'info' | 'warn' | 'error';
  line: string;
}

interface RunDialogState {
  phase: RunPhase;
  profileId: string | undefined;
  request: RunRequest;
  preview: RunPreview | undefined;
  /** The project's graph and the database's status, for the target picker; undefined until read or without a project. */
  project: GraphLoad | undefined;
  error: { code: string; message: string } | undefined;
  opId: string | undefined;
  progress: { done: number; total: number };
  log: RunLogLine[];
  result: RunResult | undefined;
  /** Increments after every finished run, so screens can refresh what they show. */
  runsFinished: number;
  open(profileId: string, request: RunRequest): void;
  setRequest(request: RunRequest): void;
  /** `confirmation`: on production, the connection's name as typed (the runner checks it). */
  run(options: { confirmation: Confirmation; snapshotFirst: boolean; endSessions: boolean }): Promise<void>;
  cancel(): Promise<void>;
  close(): void;
}

export const useRunDialog = create<RunDialogState>((set, get) => {
  const loadPreview = async () => {
    const { profileId, request } = get();
    if (!profileId) return;
    set({ phase: 'previewing', preview: undefined, error: undefined });
    try {
      const preview = await call('runner.preview', { profileId, request });
      // A newer request may have replaced this one while it loaded.
      if (get().request === request) set({ phase: 'ready', preview });
    } catch (error) {
      if (get().request === request) set({ phase: 'failed', error: asError(error) });
    }
  };
  return {
    phase: 'closed',
    profileId: undefined,
    request: { action: 'upgrade', to: 'heads' },
    preview: undefined,
    project: undefined,
    error: undefined,
    opId: undefined,
    progress: { done: 0, total: 0 },
    log: [],
    result: undefined,
    runsFinished: 0,
    open(profileId, request) {
      set({ profileId, request, project: undefined, log: [], result: undefined, opId: undefined, progress: { done: 0, total: 0 } });
      void loadPreview();
      void projectGraph(profileId).then((project) => {
        if (get().profileId === profileId) set({ project });
      });
    },
    setRequest(request) {
      set({ request });
      void loadPreview();
    },
    async run({ confirmation, snapshotFirst, endSessions }) {
      const { profileId } = get();
      if (!profileId) return;
      const request = { ...get().request, ...(snapshotFirst ? { snapshotFirst: true } : {}), ...(snapshotFirst && endSessions ? { endSessions: true } : {}) };
      set({ phase: 'running', opId: undefined, log: [], error: undefined, progress: { done: 0, total: get().preview?.steps.length ?? 0 } });
      try {
        const opId = await followOperation('runner.run', { profileId, request, confirmation }, apply);
        set({ opId });
      } catch (error) {
        set({ phase: 'failed', error: asError(error) });
      }
    },
    async cancel() {
      const { opId } = get();
      if (opId) await call('ops.cancel', { opId });
    },
    close() {
      if (get().phase === 'running') return;
      set({ phase: 'closed', profileId: undefined, preview: undefined, error: undefined, opId: undefined });
    },
  };
});

function apply(message: OperationEventOf<'runner.run'>): void {
  const state = useRunDialog.getState();
  if (message.event === 'op.progress') useRunDialog.setState({ progress: { done: message.payload.done, total: message.payload.total } });
  else if (message.event === 'op.log') useRunDialog.setState({ log: [...state.log, { level: message.payload.level, line: message.payload.line }] });
  else if (message.event === 'op.done') {
    const finished = state.runsFinished + 1;
    if (message.payload.ok) useRunDialog.setState({ phase: 'done', result: message.payload.result, runsFinished: finished });
    else useRunDialog.setState({ phase: 'failed', error: message.payload.error, runsFinished: finished });
  }
}
