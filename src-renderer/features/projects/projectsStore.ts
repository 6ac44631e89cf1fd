// The projects in the sidebar and the project workspace: the list, which project is open (one at a
// time, in place of a connection), its tab, and the Environments tab's form (detect a folder, edit,
// save, remove) through the projects.* API methods the CLI also reaches.
import { create } from 'zustand';
import type { Project, ProjectDetection } from '../../../src-shared/model/project';
import { call, type ShownError } from '../../api/client';
import { failureKept } from '../../components/failureKept';
import { removedElsewhere } from '../../components/removedElsewhere';
import { useConnections } from '../connections/connectionsStore';
import { draftOfDetection, draftOfProject, emptyDraft, inputOf, withoutConnectionsGone, type ProjectDraft } from './projectDraft';

/** The project open in the workspace: a stored one by id, or the form of a new one. */
export const newProject = 'new';

interface ProjectsState {
  /** Undefined until first read. */
  projects: Project[] | undefined;
  /** A project's id, `newProject`, or undefined when a connection (or nothing) is shown instead. */
  selected: string | undefined;
  /** The project workspace's tab (projectScreens' id); undefined: the first. */
  tab: string | undefined;
  draft: ProjectDraft | undefined;
  /** What the folder of a new project was found to be. */
  detection: ProjectDetection | undefined;
  busy: 'detecting' | 'saving' | 'removing' | undefined;
  failure: ShownError | undefined;
  /** A done-it line ("Saved."), until the next edit. */
  done: string | undefined;
  load(): Promise<void>;
  select(id: string): void;
  startNew(): void;
  close(): void;
  showTab(tab: string): void;
  edit(change: (draft: ProjectDraft) => ProjectDraft): void;
  detect(dir: string): Promise<void>;
  save(): Promise<boolean>;
  remove(): Promise<boolean>;
}

/** The stored project open in the workspace, if one is. */
export function selectedProject(state: Pick<ProjectsState, 'projects' | 'selected'>): Project | undefined {
  return state.projects?.find((p) => p.id === state.selected);
}

export const useProjects = create<ProjectsState>((set, get) => {
  /** Runs one action, marks the form busy meanwhile, and keeps its failure to show. */
  async function act(busy: NonNullable<ProjectsState['busy']>, work: () => Promise<void>): Promise<boolean> {
    set({ busy, failure: undefined, done: undefined });
    return failureKept(set, work, () => set({ busy: undefined }));
  }
  const opened = { failure: undefined, done: undefined, detection: undefined, busy: undefined };
  return {
    projects: undefined,
    selected: undefined,
    tab: undefined,
    draft: undefined,
    detection: undefined,
    busy: undefined,
    failure: undefined,
    done: undefined,
    async load() {
      await failureKept(set, async () => {
        const projects = await call('projects.list', {});
        set({ projects });
        if (removedElsewhere(get().selected, newProject, projects)) set({ selected: undefined, draft: undefined });
      });
    },
    select(id) {
      const project = get().projects?.find((p) => p.id === id);
      if (!project) return;
      // One thing open at a time: the connection's screens make way for the project.
      useConnections.getState().select(undefined);
      set({ ...opened, selected: id, draft: draftOfProject(project) });
    },
    startNew() {
      useConnections.getState().select(undefined);
      set({ ...opened, selected: newProject, draft: emptyDraft(), tab: undefined });
    },
    close() {
      set({ ...opened, selected: undefined, draft: undefined });
    },
    showTab(tab) {
      set({ tab });
    },
    edit(change) {
      const { draft } = get();
      const next = draft && change(draft);
      if (next && next !== draft) set({ draft: next, done: undefined });
    },
    async detect(dir) {
      await act('detecting', async () => {
        const detection = await call('projects.detect', { dir });
        set({ detection, draft: draftOfDetection(detection) });
      });
    },
    save() {
      return act('saving', async () => {
        const { draft, selected } = get();
        if (!draft) return;
        const project =
          selected === newProject || selected === undefined
            ? await call('projects.create', { project: inputOf(draft) })
            : await call('projects.update', { id: selected, project: inputOf(draft) });
        await get().load();
        set({ selected: project.id, draft: draftOfProject(project), detection: undefined, done: `Saved ${project.name}.` });
      });
    },
    remove() {
      return act('removing', async () => {
        const { selected } = get();
        if (selected === undefined || selected === newProject) return;
        await call('projects.remove', { id: selected });
        set({ selected: undefined, draft: undefined });
        await get().load();
      });
    },
  };
});

useConnections.subscribe((state, previous) => {
  // Selecting a connection (or starting a new one) closes the project: one thing open at a time.
  if (state.selected !== undefined && state.selected !== previous.selected) useProjects.getState().close();
  // A connection removed leaves its environments (the store drops it from them): the list's counts
  // are read again, and the open form lets go of it too, so saving does not name a connection gone.
  if (state.loaded && state.profiles !== previous.profiles) {
    const { projects, draft, load, edit } = useProjects.getState();
    if (projects !== undefined) void load();
    if (draft) edit((d) => withoutConnectionsGone(d, new Set(state.profiles.map((p) => p.id))));
  }
});
