// The run dialog's rehearsal: where the previewed plan stands (rehearsed on this schema, failed, or
// why not), and a rehearsal on a clone started from the dialog, its log followed as it runs.
import { create } from 'zustand';
import type { RehearsalStanding } from '../../../src-shared/model/rehearsal';
import type { RunRequest } from '../../../src-shared/model/run';
import { asError, call } from '../../api/client';
import { followOperation } from '../../api/operationEvents';

interface RehearsalState {
  /** Whose plan the rest describes: a newer plan's answer replaces an older one's, never the reverse. */
  profileId: string | undefined;
  request: RunRequest | undefined;
  standing: RehearsalStanding | undefined;
  rehearsing: boolean;
  /** The rehearsal's last log line while it runs ("▲ 002 …"). */
  activity: string | undefined;
  error: { code: string; message: string; detail?: unknown } | undefined;
  load(profileId: string, request: RunRequest): Promise<void>;
  rehearse(): Promise<void>;
  clear(): void;
}

const same = (a: RunRequest | undefined, b: RunRequest | undefined) => JSON.stringify(a) === JSON.stringify(b);

export const useRehearsal = create<RehearsalState>((set, get) => ({
  profileId: undefined,
  request: undefined,
  standing: undefined,
  rehearsing: false,
  activity: undefined,
  error: undefined,
  async load(profileId, request) {
    set({ profileId, request, standing: undefined, error: undefined });
    try {
      const standing = await call('runner.rehearsal', { profileId, request });
      if (get().profileId === profileId && same(get().request, request)) set({ standing });
    } catch (error) {
      if (get().profileId === profileId && same(get().request, request)) set({ error: asError(error) });
    }
  },
  async rehearse() {
    const { profileId, request } = get();
    if (!profileId || !request || get().rehearsing) return;
    set({ rehearsing: true, activity: undefined, error: undefined });
    const mine = () => get().profileId === profileId && same(get().request, request);
    try {
      await followOperation('runner.rehearse', { profileId, request }, (message) => {
        if (!mine()) return;
        if (message.event === 'op.log') set({ activity: message.payload.line });
        else if (message.event === 'op.done') {
          set({ rehearsing: false, activity: undefined });
          if (message.payload.ok) void get().load(profileId, request);
          else set({ error: message.payload.error });
        }
      });
    } catch (error) {
      if (mine()) set({ rehearsing: false, error: asError(error) });
    }
  },
  clear() {
    set({ profileId: undefined, request: undefined, standing: undefined, rehearsing: false, activity: undefined, error: undefined });
  },
}));
