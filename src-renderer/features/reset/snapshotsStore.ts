// The selected connection's snapshots: list, take, restore (the undo), delete.
import { create } from 'zustand';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { Snapshot } from '../../../src-shared/model/reset';
import { ApiError, call } from '../../api/client';

/** What the user agreed to in the dialog: the listed sessions may be ended; on production, the name typed (and for a restore, production acknowledged). */
export type SnapshotConsent = Confirmation & { endSessions: boolean };

interface SnapshotsState {
  profileId: string | undefined;
  snapshots: Snapshot[];
  busy: string | undefined;
  /** Snapshots restored since the connection was opened: an undo is done once, never twice. */
  restored: string[];
  notice: string | undefined;
  error: string | undefined;
  load(profileId: string): Promise<void>;
  create(name: string, consent: SnapshotConsent): Promise<void>;
  restore(snapshot: Snapshot, consent: SnapshotConsent): Promise<void>;
  /** `typedName`: the connection's name, typed where it is production. */
  remove(snapshot: Snapshot, typedName?: string): Promise<void>;
}

const message = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : String(error));

export const useSnapshots = create<SnapshotsState>((set, get) => {
  const busyWith = async (label: string, work: (profileId: string) => Promise<string>) => {
    const { profileId } = get();
    if (!profileId) return;
    set({ busy: label, notice: undefined, error: undefined });
    try {
      const notice = await work(profileId);
      set({ notice, snapshots: await call('snapshots.list', { profileId }) });
    } catch (error) {
      set({ error: message(error) });
    } finally {
      set({ busy: undefined });
    }
  };
  return {
    profileId: undefined,
    snapshots: [],
    busy: undefined,
    restored: [],
    notice: undefined,
    error: undefined,
    async load(profileId) {
      if (get().profileId !== profileId) set({ profileId, snapshots: [], restored: [], notice: undefined, error: undefined });
      try {
        const snapshots = await call('snapshots.list', { profileId });
        if (get().profileId === profileId) set({ snapshots });
      } catch (error) {
        set({ error: message(error) });
      }
    },
    create: (name, consent) =>
      busyWith('Taking a snapshot…', async (profileId) => {
        const snapshot = await call('snapshots.create', { profileId, name, ...consent });
        return `Snapshot "${snapshot.name}" taken${snapshot.sessionsEnded ? ` (${snapshot.sessionsEnded} session(s) ended first)` : ''}.`;
      }),
    restore: (snapshot, consent) =>
      busyWith(`Restoring ${snapshot.name}…`, async (profileId) => {
        const { durationMs } = await call('snapshots.restore', { profileId, snapshotId: snapshot.id, ...consent });
        set({ restored: [...get().restored, snapshot.id] });
        return `Restored "${snapshot.name}" in ${durationMs < 1000 ? `${durationMs} ms` : `${(durationMs / 1000).toFixed(1)} s`}.`;
      }),
    remove: (snapshot, typedName) =>
      busyWith(`Deleting ${snapshot.name}…`, async (profileId) => {
        await call('snapshots.delete', { profileId, snapshotId: snapshot.id, ...(typedName === undefined ? {} : { typedName }) });
        return `Deleted "${snapshot.name}".`;
      }),
  };
});
