// The plan-and-confirm dialog shared by every screen that starts a run (Migrations, Graph, Reset):
// preview first (steps, SQL, preflight), then the run with live progress, then the result.
import { create } from 'zustand';
import type { OperationEventOf } from '../../../src-shared/api';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { RunRehearsal } from '../../../src-shared/model/rehearsal';
import type { GraphLoad } from '../../../src-shared/model/graphView';
import type { Snapshot } from '../../../src-shared/model/reset';
import type { RunPreview, RunRequest, RunResult } from '../../../src-shared/model/run';
import type { MigrationStatus } from '../../../src-shared/model/status';
import { ApiError, asError, call } from '../../api/client';
import { followOperation } from '../../api/operationEvents';
import { projectGraph } from './projectGraph';

export type RunPhase = 'closed' | 'previewing' | 'ready' | 'running' | 'done' | 'failed';

/** A revision a stamp records (or removes) without running it, and the tables its SQL would create. */
export interface StampedRevision {
  revision: string;
  /** Null when the revision's SQL could not be read (an Alembic revision's Python, a file gone). */
  tables: string[] | null;
}

/** The database's status read again after a failure or a restore, or why it could not be. */
export type StatusAfter = { status: MigrationStatus } | { error: string };

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
  /** `detail`: the runner's error detail (the failing step, the snapshot kept). */
  error: { code: string; message: string; detail?: unknown } | undefined;
  /** For a stamp: the tables each stamped revision's SQL would have created (the SQL a stamp does not run). */
  stamped: StampedRevision[] | undefined;
  /** Read when a run fails or a snapshot is restored: what the result says comes from it. */
  after: StatusAfter | undefined;
  /** The snapshot restored from this dialog after a failure. */
  restored: Snapshot | undefined;
  restoring: boolean;
  /** Why the restore offered after a failure did not happen. */
  restoreError: string | undefined;
  /** The run started (the failure, if any, is the run's and not the preview's). */
  ran: boolean;
  opId: string | undefined;
  progress: { done: number; total: number };
  log: RunLogLine[];
  result: RunResult | undefined;
  /** Increments after every finished run, so screens can refresh what they show. */
  runsFinished: number;
  open(profileId: string, request: RunRequest): void;
  setRequest(request: RunRequest): void;
  /** `confirmation`: on production, the connection's name as typed (the runner checks it). `rehearsal`: rehearse on a clone first. */
  run(options: { confirmation: Confirmation; snapshotFirst: boolean; endSessions: boolean; rehearsal?: RunRehearsal }): Promise<void>;
  cancel(): Promise<void>;
  /** After a failure: restore the snapshot the run took first, then read the status again. */
  restore(snapshot: Snapshot, consent: Confirmation & { endSessions: boolean }): Promise<void>;
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
      if (get().request !== request) return;
      set({ phase: 'ready', preview, stamped: undefined });
      if (request.action === 'stamp') {
        const stamped = await stampedRevisions(profileId, preview);
        if (get().request === request) set({ stamped });
      }
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
    stamped: undefined,
    after: undefined,
    restored: undefined,
    restoring: false,
    restoreError: undefined,
    ran: false,
    opId: undefined,
    progress: { done: 0, total: 0 },
    log: [],
    result: undefined,
    runsFinished: 0,
    open(profileId, request) {
      set({
        profileId,
        request,
        project: undefined,
        log: [],
        result: undefined,
        after: undefined,
        restored: undefined,
        restoreError: undefined,
        ran: false,
        opId: undefined,
        progress: { done: 0, total: 0 },
      });
      void loadPreview();
      void projectGraph(profileId).then((project) => {
        if (get().profileId === profileId) set({ project });
      });
    },
    setRequest(request) {
      set({ request, ran: false });
      void loadPreview();
    },
    async run({ confirmation, snapshotFirst, endSessions, rehearsal }) {
      const { profileId } = get();
      if (!profileId) return;
      const request = { ...get().request, ...(snapshotFirst ? { snapshotFirst: true } : {}), ...(snapshotFirst && endSessions ? { endSessions: true } : {}) };
      set({
        phase: 'running',
        ran: true,
        restoreError: undefined,
        opId: undefined,
        log: [],
        error: undefined,
        after: undefined,
        restored: undefined,
        progress: { done: 0, total: get().preview?.steps.length ?? 0 },
      });
      try {
        const opId = await followOperation('runner.run', { profileId, request, confirmation, ...(rehearsal ? { rehearsal } : {}) }, apply);
        set({ opId });
      } catch (error) {
        set({ phase: 'failed', error: asError(error) });
        await readStatusAfter(profileId);
      }
    },
    async cancel() {
      const { opId } = get();
      if (opId) await call('ops.cancel', { opId });
    },
    async restore(snapshot, consent) {
      const { profileId } = get();
      if (!profileId) return;
      set({ restoring: true, restoreError: undefined, after: undefined });
      try {
        await call('snapshots.restore', { profileId, snapshotId: snapshot.id, ...consent });
        set({ restored: snapshot, runsFinished: get().runsFinished + 1 });
      } catch (error) {
        set({ restoreError: asError(error).message });
      } finally {
        set({ restoring: false });
      }
      await readStatusAfter(profileId);
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
    else {
      useRunDialog.setState({ phase: 'failed', error: message.payload.error, runsFinished: finished });
      const { profileId } = state;
      if (profileId) void readStatusAfter(profileId);
    }
  }
}

async function readStatusAfter(profileId: string): Promise<void> {
  let after: StatusAfter;
  try {
    after = { status: await call('runner.status', { profileId }) };
  } catch (error) {
    after = { error: error instanceof ApiError || error instanceof Error ? error.message : String(error) };
  }
  if (useRunDialog.getState().profileId === profileId) useRunDialog.setState({ after });
}

/** What each revision a stamp records would have created, read from the graph's static analysis of its SQL. */
async function stampedRevisions(profileId: string, preview: RunPreview): Promise<StampedRevision[]> {
  return Promise.all(
    preview.steps.map(async ({ revision }) => {
      try {
        const detail = await call('graph.revision', { profileId, revision });
        return { revision, tables: detail.tables.created };
      } catch {
        // Said as unknown, never as "creates nothing".
        return { revision, tables: null };
      }
    }),
  );
}
