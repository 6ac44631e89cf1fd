// The project's Rollouts tab: the form of a new rollout (scope, target, concurrency, continue on
// error, the typed name production asks for), the rollout shown with a live row per database, its
// cancel and resume, the project's earlier rollouts, and the export — through the rollouts.* API.
import { create } from 'zustand';
import type { ApiInput, OperationEventOf } from '../../../src-shared/api';
import type { Group, Project } from '../../../src-shared/model/project';
import {
  defaultRolloutConcurrency,
  rolloutCounts,
  type Rollout,
  type RolloutExportFormat,
  type RolloutItem,
  type RolloutListing,
  type RolloutRehearsalMode,
  type RolloutRequestInput,
} from '../../../src-shared/model/rollout';
import { asError, call, type ShownError } from '../../api/client';
import { followOperation } from '../../api/operationEvents';

export interface RolloutForm {
  scope: 'env' | 'group';
  env: string;
  group: string;
  /** A project with bindings: the one database (role) to run, '' for every one of the environment role after role; a group's members must be given one. */
  role: string;
  to: string;
  concurrency: number;
  continueOnError: boolean;
  /** Which staging and production databases rehearse on a clone before any database runs: the canary of each role (default), each, or none. */
  rehearsal: RolloutRehearsalMode;
  /** The environment's or group's name typed, when the rollout reaches production connections. */
  typedName: string;
}

interface RolloutState {
  /** The project the tab shows; its rollouts are listed. */
  project: Project | undefined;
  groups: Group[];
  form: RolloutForm;
  /** The project's rollouts, newest first (undefined until read). */
  history: RolloutListing[] | undefined;
  /** The rollout shown below the form: live while it runs in this window, else as the journal has it. */
  shown: Rollout | undefined;
  /** The operation running the shown rollout in this window, for cancel. */
  opId: string | undefined;
  busy: 'starting' | 'resuming' | 'loading' | 'exporting' | undefined;
  failure: ShownError | undefined;
  open(project: Project): Promise<void>;
  edit(change: Partial<RolloutForm>): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  resume(id: string): Promise<void>;
  show(id: string): Promise<void>;
  exportShown(format: RolloutExportFormat): Promise<{ fileName: string; mediaType: string; text: string } | undefined>;
}

type RolloutMethod = 'rollouts.start' | 'rollouts.resume';

const sameName = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

function emptyForm(project: Project | undefined): RolloutForm {
  return {
    scope: 'env',
    env: project?.environments[0]?.name ?? '',
    group: '',
    role: '',
    to: 'heads',
    concurrency: defaultRolloutConcurrency,
    continueOnError: false,
    rehearsal: 'canary',
    typedName: '',
  };
}

export function requestOf(project: Project, form: RolloutForm): RolloutRequestInput {
  return {
    project: project.name,
    ...(form.scope === 'env' ? { env: form.env } : { group: form.group }),
    ...(form.role === '' ? {} : { role: form.role }),
    to: form.to,
    concurrency: form.concurrency,
    continueOnError: form.continueOnError,
    rehearsal: form.rehearsal,
  };
}

/** The roles of a project with bindings, in the bindings' order (the order they run); none without bindings. */
export function projectRoles(project: Pick<Project, 'bindings'>): string[] {
  return [...new Set(project.bindings.map((b) => b.role))];
}

export const useRollouts = create<RolloutState>((set, get) => {
  async function refreshHistory(): Promise<void> {
    const project = get().project;
    if (!project) return;
    const all = await call('rollouts.list', {});
    set({ history: all.filter((r) => sameName(r.request.project, project.name)) });
  }

  /**
   * Follows a rollout's operation: the first row names the rollout (read whole once), each later one
   * replaces its row; the rows that change while it is read are laid over it once it is (the first
   * database's rehearsing, say, would otherwise never be seen).
   */
  async function follow(method: RolloutMethod, input: ApiInput<RolloutMethod>): Promise<void> {
    let reading: Promise<void> | undefined;
    let ended = false;
    const meanwhile = new Map<string, RolloutItem>();
    const showRows = (shown: Rollout, changed: Iterable<RolloutItem>) => {
      const latest = new Map([...changed].map((item) => [item.profileId, item]));
      const items = shown.items.map((row) => latest.get(row.profileId) ?? row);
      set({ shown: { ...shown, items, counts: rolloutCounts(items) } });
    };
    const onEvent = (message: OperationEventOf<RolloutMethod>) => {
      if (message.event === 'op.progress' && message.payload.detail) {
        const { rolloutId, item } = message.payload.detail;
        const shown = get().shown;
        if (shown?.id !== rolloutId) {
          meanwhile.set(item.profileId, item);
          reading ??= call('rollouts.get', { id: rolloutId }).then((rollout) => {
            if (!ended) showRows(rollout, meanwhile.values());
          });
          return;
        }
        showRows(shown, [item]);
      } else if (message.event === 'op.done') {
        ended = true;
        set({ opId: undefined });
        if (message.payload.ok) set({ shown: message.payload.result });
        else set({ failure: { code: message.payload.error.code, message: message.payload.error.message } });
        void refreshHistory();
      }
    };
    const opId = await followOperation(method, input, onEvent);
    if (!ended) set({ opId });
  }

  return {
    project: undefined,
    groups: [],
    form: emptyForm(undefined),
    history: undefined,
    shown: undefined,
    opId: undefined,
    busy: undefined,
    failure: undefined,

    async open(project) {
      if (get().project?.id !== project.id)
        set({ project, form: emptyForm(project), shown: undefined, history: undefined, failure: undefined, opId: undefined });
      else set({ project });
      set({ busy: 'loading' });
      try {
        set({ groups: await call('groups.list', {}) });
        await refreshHistory();
      } catch (error) {
        set({ failure: asError(error) });
      } finally {
        set({ busy: undefined });
      }
    },

    edit(change) {
      set({ form: { ...get().form, ...change }, failure: undefined });
    },

    async start() {
      const { project, form } = get();
      if (!project) return;
      set({ busy: 'starting', failure: undefined, shown: undefined });
      try {
        await follow('rollouts.start', { request: requestOf(project, form), confirmation: form.typedName ? { typedName: form.typedName } : {} });
        set({ form: { ...get().form, typedName: '' } });
      } catch (error) {
        set({ failure: asError(error) });
      } finally {
        set({ busy: undefined });
      }
    },

    async cancel() {
      const opId = get().opId;
      if (opId) await call('ops.cancel', { opId });
    },

    async resume(id) {
      set({ busy: 'resuming', failure: undefined });
      try {
        const shown = await call('rollouts.get', { id });
        set({ shown });
        const typedName = get().form.typedName;
        await follow('rollouts.resume', { id, confirmation: typedName ? { typedName } : {} });
      } catch (error) {
        set({ failure: asError(error) });
      } finally {
        set({ busy: undefined });
      }
    },

    async show(id) {
      set({ busy: 'loading', failure: undefined });
      try {
        set({ shown: await call('rollouts.get', { id }) });
      } catch (error) {
        set({ failure: asError(error) });
      } finally {
        set({ busy: undefined });
      }
    },

    async exportShown(format) {
      const shown = get().shown;
      if (!shown) return undefined;
      set({ busy: 'exporting', failure: undefined });
      try {
        return await call('rollouts.export', { id: shown.id, format });
      } catch (error) {
        set({ failure: asError(error) });
        return undefined;
      } finally {
        set({ busy: undefined });
      }
    },
  };
});
