// Who is connected to a profile's database, asked of the server when a dialog must say whom an action
// disconnects (a snapshot's copy, a restore); `failure` when the server could not tell.
import { create } from 'zustand';
import type { ResetSession } from '../../../src-shared/model/reset';
import { asError, call, type ShownError } from '../../api/client';

interface DatabaseSessionsState {
  /** The profile whose sessions are shown; an answer about any other is dropped. */
  profileId: string | undefined;
  sessions: ResetSession[] | undefined;
  failure: ShownError | undefined;
  /** Asks the server again: a dialog opening lists who is connected now, never who was. */
  load(profileId: string): Promise<void>;
  /** Nothing to show (the dialog closed, or the action disconnects nobody). */
  clear(): void;
}

const nothing = { profileId: undefined, sessions: undefined, failure: undefined };

export const useDatabaseSessions = create<DatabaseSessionsState>((set) => {
  // Each question gets a number, so a slow answer to an earlier one never replaces a later one's.
  let asked = 0;
  return {
    ...nothing,
    async load(profileId) {
      const question = ++asked;
      set({ profileId, sessions: undefined, failure: undefined });
      try {
        const sessions = await call('snapshots.sessions', { profileId });
        if (question === asked) set({ sessions });
      } catch (error) {
        if (question === asked) set({ failure: asError(error) });
      }
    },
    clear() {
      asked += 1;
      set(nothing);
    },
  };
});
