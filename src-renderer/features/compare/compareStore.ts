// The Compare screen's state: the two sides picked (A, the schema to match, and B, the one to change),
// the snapshots there are to pick, the comparison and its filters. Only this file talks to the API.
import { create } from 'zustand';
import type { Snapshot } from '../../../src-shared/model/reset';
import type { SavedSchemaSide, SchemaComparison } from '../../../src-shared/model/schemaComparison';
import { asError, call, type ShownError } from '../../api/client';
import { noCompareFilter, type CompareFilter } from './compareView';

/** What a side is, in the picker's words. */
export const sideChoices = {
  connection: 'The database now',
  applied: 'What its migrations make (as applied)',
  heads: 'What its migrations make (every head)',
  snapshot: 'A snapshot of it',
} as const;
export type SideChoice = keyof typeof sideChoices;

export interface SidePick {
  choice: SideChoice;
  profileId: string;
  /** For a snapshot: which one. */
  snapshotId: string;
}

export function sideOf(pick: SidePick): SavedSchemaSide {
  const target = { profileId: pick.profileId };
  switch (pick.choice) {
    case 'connection':
      return { kind: 'connection', target };
    case 'applied':
      return { kind: 'expected', target };
    case 'heads':
      return { kind: 'expected', target, revisions: ['heads'] };
    case 'snapshot':
      return { kind: 'snapshot', snapshotId: pick.snapshotId };
  }
}

/** A side that can be compared: a connection picked, and a snapshot when a snapshot is asked for. */
export function pickComplete(pick: SidePick): boolean {
  return pick.profileId !== '' && (pick.choice !== 'snapshot' || pick.snapshotId !== '');
}

interface CompareState {
  a: SidePick;
  b: SidePick;
  /** Ready snapshots per profile, as last listed. */
  snapshots: Record<string, Snapshot[]>;
  comparison: SchemaComparison | undefined;
  comparing: boolean;
  /** The SQL is running on B. */
  applying: boolean;
  error: ShownError | undefined;
  filter: CompareFilter;
  /** The connection selected in the sidebar that the pickers last followed. */
  followed: string;
  /**
   * Follows the connection selected in the sidebar: at first A = what its migrations make and B = the
   * database (drift, the question asked most); later, each side still on the connection selected before
   * moves to the new one, keeping what of it was picked, and the old comparison goes.
   */
  follow(profileId: string): void;
  pick(side: 'a' | 'b', patch: Partial<SidePick>): void;
  compare(): Promise<void>;
  /** Runs the reviewed SQL on B (the service compares again and checks the typed name); true when it ran. */
  apply(typedName: string): Promise<boolean>;
  setFilter(patch: Partial<CompareFilter>): void;
}

const nothing: SidePick = { choice: 'connection', profileId: '', snapshotId: '' };

export const useCompare = create<CompareState>((set, get) => {
  const listSnapshots = async (profileId: string) => {
    // Listed again each time: a snapshot may have been taken on another tab since.
    if (profileId === '') return;
    try {
      const list = (await call('snapshots.list', { profileId })).filter((s) => s.state === 'ready');
      set((s) => ({ snapshots: { ...s.snapshots, [profileId]: list } }));
    } catch (error) {
      set({ error: asError(error) });
    }
  };
  return {
    a: nothing,
    b: nothing,
    followed: '',
    snapshots: {},
    comparison: undefined,
    comparing: false,
    applying: false,
    error: undefined,
    filter: noCompareFilter,

    follow(profileId) {
      const { followed, a, b } = get();
      if (profileId === followed) return;
      if (followed === '') {
        set({ followed: profileId, a: { choice: 'applied', profileId, snapshotId: '' }, b: { choice: 'connection', profileId, snapshotId: '' } });
        return;
      }
      // A side the user moved to another connection on purpose stays there.
      const moved = (pick: SidePick): SidePick => (pick.profileId === followed ? { ...pick, profileId, snapshotId: '' } : pick);
      const next = { a: moved(a), b: moved(b) };
      set({ followed: profileId, ...next, comparison: undefined, error: undefined });
      if (next.a.choice === 'snapshot' || next.b.choice === 'snapshot') void listSnapshots(profileId);
    },

    pick(side, patch) {
      const next = { ...get()[side], ...patch };
      // Another connection's snapshots are not this one's.
      if (patch.profileId !== undefined && patch.snapshotId === undefined) next.snapshotId = '';
      set({ [side]: next } as Pick<CompareState, 'a'>);
      if (next.choice === 'snapshot') void listSnapshots(next.profileId);
    },

    async compare() {
      const { a, b } = get();
      if (!pickComplete(a) || !pickComplete(b)) return;
      set({ comparing: true, error: undefined });
      try {
        // "Make B like A": B is what the SQL changes, so B is the diff's from and A its to.
        const comparison = await call('schema.compare', { from: sideOf(b), to: sideOf(a) });
        set({ comparison, comparing: false, filter: noCompareFilter });
      } catch (error) {
        set({ comparing: false, error: asError(error) });
      }
    },

    async apply(typedName) {
      const { a, b, comparison } = get();
      if (!comparison || b.choice !== 'connection') return false;
      set({ applying: true, error: undefined });
      try {
        const after = await call('schema.apply', {
          from: sideOf(b),
          to: sideOf(a),
          reviewed: comparison.sql.statements.map((s) => s.sql),
          confirmation: typedName ? { typedName } : {},
        });
        set({ comparison: after, applying: false, filter: noCompareFilter });
        return true;
      } catch (error) {
        set({ applying: false, error: asError(error) });
        return false;
      }
    },

    setFilter(patch) {
      set((s) => ({ filter: { ...s.filter, ...patch } }));
    },
  };
});
