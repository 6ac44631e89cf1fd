// The connections screen's state and actions: the list, the selection, the form and its test.
import { create } from 'zustand';
import type { Profile } from '../../../src-shared/model/profile';
import type { ConnectionTestResult } from '../../../src-shared/model/connectionTest';
import { parseConnectionUri } from '../../../src-shared/model/connectionUri';
import { ApiError, call, fieldErrors } from '../../api/client';
import { draftFromProfile, draftToInput, emptyDraft, validateDraft, type ProfileDraft } from './profileDraft';

export type TestState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'ok'; result: ConnectionTestResult }
  /** detail: an SSH failure's steps done, and an unknown host key's fingerprint (sshHostKey.ts). */
  | { status: 'error'; code: string; message: string; detail?: unknown };

interface ConnectionsState {
  profiles: Profile[];
  loaded: boolean;
  /** A profile id, 'new' for the blank form, or undefined for nothing selected. */
  selected: string | undefined;
  draft: ProfileDraft;
  showErrors: boolean;
  serverErrors: Record<string, string>;
  saving: boolean;
  /** The profile just saved, until its form has the keyboard back (a new connection's form is mounted anew by its save). */
  justSaved: string | undefined;
  banner: { kind: 'ok' | 'error'; text: string } | undefined;
  test: TestState;
  load(): Promise<void>;
  select(id: string | undefined): void;
  startNew(): void;
  edit(patch: Partial<ProfileDraft>): void;
  pasteUri(uri: string): boolean;
  save(): Promise<void>;
  /** Said by the saved form once it has the keyboard back. */
  keyboardBack(): void;
  duplicate(id: string): Promise<void>;
  /** `snapshots`: what becomes of the snapshots only this profile reaches (the server refuses to guess). */
  /** `typedName`: the connection's name, typed where deleting its snapshots on production. */
  remove(id: string, snapshots?: 'keep' | 'delete', typedName?: string): Promise<void>;
  runTest(): Promise<void>;
  /** Accepts the host key a test showed for the SSH host at `position` (pinned at once on a saved connection), then tests again. */
  acceptHostKey(position: number, fingerprint: string): Promise<void>;
  createDemo(): Promise<void>;
}

const failed = (error: unknown) => ({ kind: 'error' as const, text: error instanceof Error ? error.message : String(error) });

/** How long a done-it banner stays: long enough to read, short enough not to be mistaken for news later. */
export const doneBannerMs = 6000;

/** After a save, the name alone read as 'Saved' beside the next text; a connection without a project says so. */
function savedText(profile: Profile): string {
  return profile.projectDir ? `Saved ${profile.name}` : `Saved ${profile.name} — no project bound`;
}

export const useConnections = create<ConnectionsState>((set, get) => {
  /** A done-it banner goes away by itself, unless something else has replaced it by then. */
  const done = (text: string) => {
    const banner = { kind: 'ok' as const, text };
    set({ banner });
    setTimeout(() => {
      if (get().banner === banner) set({ banner: undefined });
    }, doneBannerMs);
  };
  return {
    profiles: [],
    loaded: false,
    selected: undefined,
    draft: emptyDraft(),
    showErrors: false,
    serverErrors: {},
    saving: false,
    justSaved: undefined,
    banner: undefined,
    test: { status: 'idle' },

    async load() {
      try {
        const profiles = await call('profiles.list', {});
        const { selected } = get();
        const stillThere = selected === 'new' || profiles.some((p) => p.id === selected);
        set({ profiles, loaded: true, ...(stillThere ? {} : { selected: undefined }) });
      } catch (error) {
        set({ banner: failed(error), loaded: true });
      }
    },

    select(id) {
      const profile = get().profiles.find((p) => p.id === id);
      set({
        selected: profile?.id,
        draft: profile ? draftFromProfile(profile) : emptyDraft(),
        justSaved: undefined,
        showErrors: false,
        serverErrors: {},
        banner: undefined,
        test: { status: 'idle' },
      });
    },

    startNew() {
      set({ selected: 'new', draft: emptyDraft(), showErrors: false, serverErrors: {}, banner: undefined, test: { status: 'idle' } });
    },

    edit(patch) {
      // The next change to the form is the next action: a done-it banner about the last one goes.
      set((state) => ({
        draft: { ...state.draft, ...patch },
        serverErrors: {},
        test: { status: 'idle' },
        ...(state.banner?.kind === 'ok' ? { banner: undefined } : {}),
      }));
    },

    pasteUri(uri) {
      try {
        const { password, ...fields } = parseConnectionUri(uri);
        set((state) => ({
          draft: { ...state.draft, ...fields, engine: 'postgres', port: String(fields.port), password: password ?? state.draft.password },
          banner: undefined,
        }));
        return true;
      } catch (error) {
        set({ banner: failed(error) });
        return false;
      }
    },

    async save() {
      const { draft, selected } = get();
      if (Object.keys(validateDraft(draft)).length > 0) {
        set({ showErrors: true });
        return;
      }
      set({ saving: true, banner: undefined });
      try {
        const profile =
          selected && selected !== 'new'
            ? await call('profiles.update', { id: selected, profile: draftToInput(draft) })
            : await call('profiles.create', { profile: draftToInput(draft) });
        await get().load();
        get().select(profile.id);
        set({ saving: false, justSaved: profile.id });
        done(savedText(profile));
      } catch (error) {
        set({ saving: false, showErrors: true, serverErrors: fieldErrors(error), banner: failed(error) });
      }
    },

    keyboardBack() {
      set({ justSaved: undefined });
    },

    async duplicate(id) {
      try {
        const copy = await call('profiles.duplicate', { id });
        await get().load();
        get().select(copy.id);
        done(`Duplicated as ${copy.name}`);
      } catch (error) {
        set({ banner: failed(error) });
      }
    },

    async remove(id, snapshots, typedName) {
      const name = get().profiles.find((p) => p.id === id)?.name ?? 'connection';
      try {
        await call('profiles.remove', { id, ...(snapshots ? { snapshots } : {}), ...(typedName === undefined ? {} : { confirmation: { typedName } }) });
        await get().load();
        get().select(undefined);
        done(`Deleted ${name}`);
      } catch (error) {
        set({ banner: failed(error) });
      }
    },

    async runTest() {
      const { draft, selected } = get();
      if (Object.keys(validateDraft(draft)).length > 0) {
        set({ showErrors: true });
        return;
      }
      set({ test: { status: 'running' } });
      try {
        const id = selected && selected !== 'new' ? selected : undefined;
        const result = await call('profiles.test', { ...(id ? { id } : {}), profile: draftToInput(draft) });
        set({ test: { status: 'ok', result } });
      } catch (error) {
        const wire = error instanceof ApiError ? { code: error.code, detail: error.detail } : { code: 'E_INTERNAL' };
        set({ test: { status: 'error', ...wire, message: (error as Error).message } });
      }
    },

    async acceptHostKey(position, fingerprint) {
      const { draft, selected, profiles } = get();
      const saved = profiles.find((profile) => profile.id === selected);
      const hop = draft.ssh[position];
      if (!hop) return;
      try {
        // A saved connection whose host is still the one stored there gets the key pinned now; otherwise it goes with the next save.
        const stored = saved?.ssh[position];
        if (saved && stored && stored.host === hop.host && String(stored.port) === hop.port) {
          const pinned = await call('profiles.trustHost', { id: saved.id, position, fingerprint });
          set({ profiles: get().profiles.map((profile) => (profile.id === pinned.id ? pinned : profile)) });
        }
        set({ draft: { ...get().draft, ssh: get().draft.ssh.map((h, i) => (i === position ? { ...h, hostKey: fingerprint } : h)) } });
      } catch (error) {
        set({ test: { status: 'error', code: error instanceof ApiError ? error.code : 'E_INTERNAL', message: (error as Error).message } });
        return;
      }
      await get().runTest();
    },

    async createDemo() {
      try {
        const profile = await call('profiles.createDemo', {});
        await get().load();
        get().select(profile.id);
        done(`Created ${profile.name}`);
      } catch (error) {
        set({ banner: failed(error) });
      }
    },
  };
});
