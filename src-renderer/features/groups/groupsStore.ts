// "Groups" in the sidebar and the group screen: the groups, which one is open (one thing open at a
// time, in place of a connection or a project), its name and members in rollout order edited through
// groups.* (each change saved and audited at once), where each member stands against a chosen
// project (groups.status), and the removal confirmed by the group's name typed.
import { create } from 'zustand';
import type { GroupStatus } from '../../../src-shared/model/groupStatus';
import type { Group, Project } from '../../../src-shared/model/project';
import { asError, call, type ShownError } from '../../api/client';
import { failureKept } from '../../components/failureKept';
import { removedElsewhere } from '../../components/removedElsewhere';
import { useConnections } from '../connections/connectionsStore';
import { useProjects } from '../projects/projectsStore';

/** The group open in place of a connection: a stored one by id, or the form of a new one. */
export const newGroup = 'new';

type Busy = 'creating' | 'renaming' | 'saving' | 'removing';

interface GroupsState {
  /** Undefined until first read. */
  groups: Group[] | undefined;
  /** A group's id, `newGroup`, or undefined when something else is open. */
  selected: string | undefined;
  /** The project whose migrations the members' status is read against, and a rollout runs (its name). */
  project: string | undefined;
  /** The open group's members against `project`, as last read. */
  status: GroupStatus | undefined;
  reading: boolean;
  statusFailure: ShownError | undefined;
  busy: Busy | undefined;
  failure: ShownError | undefined;
  /** A done-it line ("Added 3 connections."), until the next change. */
  done: string | undefined;
  /** Said in the sidebar once the open group is gone ("Deleted the group tenants."). */
  notice: string | undefined;
  load(): Promise<void>;
  select(id: string): void;
  startNew(): void;
  close(): void;
  create(name: string, profileIds: string[]): Promise<boolean>;
  rename(name: string): Promise<boolean>;
  addMembers(profileIds: string[]): Promise<boolean>;
  removeMember(profileId: string): Promise<boolean>;
  /** Moves a member one place earlier (-1) or later (1) in the rollout order. */
  moveMember(profileId: string, by: -1 | 1): Promise<boolean>;
  remove(typedName: string): Promise<boolean>;
  chooseProject(project: string): void;
  readStatus(): Promise<void>;
}

/** The stored group open on the screen, if one is. */
export function selectedGroup(state: Pick<GroupsState, 'groups' | 'selected'>): Group | undefined {
  return state.groups?.find((g) => g.id === state.selected);
}

/** The project chosen, while it exists; else the first one (projects are listed by name). */
export function projectShown(chosen: string | undefined, projects: readonly Project[] | undefined): string | undefined {
  const named = projects?.find((p) => chosen !== undefined && p.name.toLowerCase() === chosen.toLowerCase());
  return named?.name ?? projects?.[0]?.name;
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

function connectionName(profileId: string): string {
  return useConnections.getState().profiles.find((p) => p.id === profileId)?.name ?? 'the connection';
}

export const useGroups = create<GroupsState>((set, get) => {
  /** Runs one change, marks the screen busy meanwhile, and keeps its failure to show. */
  async function act(busy: Busy, work: () => Promise<void>): Promise<boolean> {
    set({ busy, failure: undefined, done: undefined, notice: undefined });
    return failureKept(set, work, () => set({ busy: undefined }));
  }

  /** Saves the open group with these members (and name), reads the list again, and says what changed. */
  async function saveMembers(profileIds: string[], done: string, readAgain: boolean): Promise<boolean> {
    const group = selectedGroup(get());
    if (!group) return false;
    const saved = await act('saving', async () => {
      await call('groups.update', { id: group.id, group: { name: group.name, profileIds } });
      await get().load();
      set({ done });
    });
    if (saved && readAgain) void get().readStatus();
    return saved;
  }

  const opened = { failure: undefined, done: undefined, notice: undefined, status: undefined, statusFailure: undefined, reading: false };
  return {
    groups: undefined,
    selected: undefined,
    project: undefined,
    status: undefined,
    reading: false,
    statusFailure: undefined,
    busy: undefined,
    failure: undefined,
    done: undefined,
    notice: undefined,

    async load() {
      await failureKept(set, async () => {
        const groups = await call('groups.list', {});
        set({ groups });
        if (removedElsewhere(get().selected, newGroup, groups)) set({ selected: undefined });
      });
    },

    select(id) {
      if (!get().groups?.some((g) => g.id === id)) return;
      // One thing open at a time: the connection's screens and the project make way for the group.
      useConnections.getState().select(undefined);
      useProjects.getState().close();
      set({ ...opened, selected: id });
      void get().readStatus();
    },

    startNew() {
      useConnections.getState().select(undefined);
      useProjects.getState().close();
      set({ ...opened, selected: newGroup });
    },

    close() {
      set({ ...opened, selected: undefined });
    },

    create(name, profileIds) {
      return act('creating', async () => {
        const group = await call('groups.create', { group: { name, profileIds } });
        await get().load();
        set({ selected: group.id, done: `Created the group ${group.name} with ${plural(group.profileIds.length, 'connection')}.` });
        void get().readStatus();
      });
    },

    rename(name) {
      const group = selectedGroup(get());
      if (!group) return Promise.resolve(false);
      return act('renaming', async () => {
        const renamed = await call('groups.update', { id: group.id, group: { name, profileIds: group.profileIds } });
        await get().load();
        set({ done: `Renamed ${group.name} to ${renamed.name}.` });
      });
    },

    addMembers(profileIds) {
      const group = selectedGroup(get());
      if (!group) return Promise.resolve(false);
      const added = profileIds.filter((id) => !group.profileIds.includes(id));
      return saveMembers([...group.profileIds, ...added], `Added ${plural(added.length, 'connection')} at the end of the group.`, true);
    },

    removeMember(profileId) {
      const group = selectedGroup(get());
      if (!group) return Promise.resolve(false);
      return saveMembers(
        group.profileIds.filter((id) => id !== profileId),
        `Took ${connectionName(profileId)} out of the group (the connection and its database stay).`,
        false,
      );
    },

    moveMember(profileId, by) {
      const group = selectedGroup(get());
      const from = group?.profileIds.indexOf(profileId) ?? -1;
      const to = from + by;
      if (!group || from < 0 || to < 0 || to >= group.profileIds.length) return Promise.resolve(false);
      const order = [...group.profileIds];
      order.splice(from, 1);
      order.splice(to, 0, profileId);
      return saveMembers(order, `${connectionName(profileId)} is number ${to + 1} of ${order.length} in the rollout order.`, false);
    },

    remove(typedName) {
      const group = selectedGroup(get());
      if (!group) return Promise.resolve(false);
      return act('removing', async () => {
        await call('groups.remove', { id: group.id, confirmation: { typedName } });
        set({ ...opened, selected: undefined, notice: `Deleted the group ${group.name}; its connections and their databases are untouched.` });
        await get().load();
      });
    },

    chooseProject(project) {
      if (project === get().project) return;
      set({ project, status: undefined, statusFailure: undefined });
      void get().readStatus();
    },

    async readStatus() {
      const group = selectedGroup(get());
      const project = projectShown(get().project, useProjects.getState().projects);
      if (!group || !project) return;
      set({ project, reading: true, statusFailure: undefined });
      const current = () => get().selected === group.id && get().project === project;
      try {
        const status = await call('groups.status', { id: group.id, project });
        if (current()) set({ status });
      } catch (error) {
        if (current()) set({ statusFailure: asError(error), status: undefined });
      } finally {
        if (current()) set({ reading: false });
      }
    },
  };
});

// Selecting a connection or a project (or starting a new one) closes the group: one thing open at a time.
useConnections.subscribe((state, previous) => {
  if (state.selected !== undefined && state.selected !== previous.selected) useGroups.getState().close();
  // A connection removed leaves its groups (the store drops it from them): the members are read again.
  if (state.loaded && state.profiles !== previous.profiles && useGroups.getState().groups !== undefined) void useGroups.getState().load();
});
useProjects.subscribe((state, previous) => {
  if (state.selected !== undefined && state.selected !== previous.selected) useGroups.getState().close();
});
