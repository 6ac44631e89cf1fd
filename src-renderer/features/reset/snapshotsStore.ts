// The selected connection's snapshots: list, take, restore (the undo), delete; and, when its pristine
// demo snapshot is missing, who deleted it and when (from the audit log), so Reset demo's absence is explained.
import { create } from 'zustand';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import { demoSnapshotName, type Snapshot } from '../../../src-shared/model/reset';
import { asError, call, type ShownError } from '../../api/client';
import { countOf } from '../../../src-shared/format/plural';

/** What the user agreed to in the dialog: the listed sessions may be ended; on production, the name typed (and for a restore, production acknowledged). */
export type SnapshotConsent = Confirmation & { endSessions: boolean };

/** The audit log's last word on the pristine demo snapshot of this connection: it was deleted. */
export interface PristineDeletion {
  at: string;
  actor: string;
}

interface SnapshotsState {
  profileId: string | undefined;
  snapshots: Snapshot[];
  /** Set only while the connection has no pristine demo snapshot and the audit log says one was deleted. */
  pristineDeleted: PristineDeletion | undefined;
  busy: string | undefined;
  /** Snapshots restored since the connection was opened: an undo is done once, never twice. */
  restored: string[];
  notice: string | undefined;
  error: ShownError | undefined;
  load(profileId: string): Promise<void>;
  create(name: string, consent: SnapshotConsent): Promise<void>;
  restore(snapshot: Snapshot, consent: SnapshotConsent): Promise<void>;
  /** `typedName`: the connection's name, typed where it is production. */
  remove(snapshot: Snapshot, typedName?: string): Promise<void>;
}

/** The snapshots and, when none is the pristine demo, the newest deletion of one the audit log holds. */
async function snapshotsOf(profileId: string): Promise<{ snapshots: Snapshot[]; pristineDeleted: PristineDeletion | undefined }> {
  const snapshots = await call('snapshots.list', { profileId });
  if (snapshots.some((s) => s.name === demoSnapshotName)) return { snapshots, pristineDeleted: undefined };
  const entries = await call('audit.list', { profileId, limit: 10_000 });
  const deletion = entries.find((e) => e.action === 'snapshot.delete' && e.detail.name === demoSnapshotName);
  return { snapshots, pristineDeleted: deletion ? { at: deletion.at, actor: deletion.actor } : undefined };
}

export const useSnapshots = create<SnapshotsState>((set, get) => {
  const busyWith = async (label: string, work: (profileId: string) => Promise<string>) => {
    const { profileId } = get();
    if (!profileId) return;
    set({ busy: label, notice: undefined, error: undefined });
    try {
      const notice = await work(profileId);
      set({ notice, ...(await snapshotsOf(profileId)) });
    } catch (error) {
      set({ error: asError(error) });
    } finally {
      set({ busy: undefined });
    }
  };
  return {
    profileId: undefined,
    snapshots: [],
    pristineDeleted: undefined,
    busy: undefined,
    restored: [],
    notice: undefined,
    error: undefined,
    async load(profileId) {
      if (get().profileId !== profileId) set({ profileId, snapshots: [], pristineDeleted: undefined, restored: [], notice: undefined, error: undefined });
      try {
        const listed = await snapshotsOf(profileId);
        if (get().profileId === profileId) set(listed);
      } catch (error) {
        set({ error: asError(error) });
      }
    },
    create: (name, consent) =>
      busyWith('Taking a snapshot…', async (profileId) => {
        const snapshot = await call('snapshots.create', { profileId, name, ...consent });
        return `Snapshot "${snapshot.name}" taken${snapshot.sessionsEnded ? ` (${countOf(snapshot.sessionsEnded, 'session')} ended first)` : ''}.`;
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
