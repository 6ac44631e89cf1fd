// The projects store against the real services: a project made from the demo's folder (its demo
// connection proposed), a second environment added and saved, refusals kept beside the form, and
// one thing open at a time with the connections.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useConnections } from '../../../../src-renderer/features/connections/connectionsStore';
import { addEnvironment, toggleMember, type ProjectDraft } from '../../../../src-renderer/features/projects/projectDraft';
import { newProject, selectedProject, useProjects } from '../../../../src-renderer/features/projects/projectsStore';
import { openServices } from '../support/servicesBridge';

function withEnvironment(draft: ProjectDraft, name: string, profileId: string): ProjectDraft {
  const edit = addEnvironment(draft, name);
  if ('refused' in edit) throw new Error(edit.refused);
  return toggleMember(edit.draft, edit.draft.environments.at(-1)!.key, profileId);
}

describe('the projects store', () => {
  it('creates a project from the demo folder with its demo connection proposed, adds an environment, saves and removes it', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const local = await call('profiles.create', {
      profile: { name: 'Demo copy', environment: 'dev', engine: 'sqlite', sqlitePath: join(mkdtempSync(join(tmpdir(), 'sy-')), 'copy.db') },
    });
    const projects = useProjects.getState();
    await projects.load();
    expect(useProjects.getState().projects).toEqual([]);

    projects.startNew();
    expect(useProjects.getState().selected).toBe(newProject);
    await useProjects.getState().detect(demo.projectDir);
    const { detection, draft, failure } = useProjects.getState();
    expect(failure).toBeUndefined();
    expect(detection?.revisions).toBeGreaterThan(0);
    expect(draft?.environments.map((e) => [e.name, e.members])).toEqual([['demo', [{ profileId: demo.id, role: 'main' }]]]);

    useProjects.getState().edit((d) => withEnvironment(d, 'dev', local.id));
    useProjects.getState().edit((d) => ({ ...d, name: 'Demo project', requireApproval: true }));
    expect(await useProjects.getState().save()).toBe(false);
    expect(useProjects.getState().failure?.message).toContain("project.name: A project name is letters, digits, '.', '_' or '-'");
    useProjects.getState().edit((d) => ({ ...d, name: 'demo-project' }));
    expect(await useProjects.getState().save()).toBe(true);
    const saved = selectedProject(useProjects.getState());
    expect(saved).toMatchObject({ name: 'demo-project', requireApproval: true });
    expect(saved?.environments.map((e) => e.name)).toEqual(['demo', 'dev']);
    expect(useProjects.getState().done).toBe('Saved demo-project.');
    expect((await call('projects.get', { project: 'DEMO-project' })).id).toBe(saved?.id);

    expect(await useProjects.getState().remove()).toBe(true);
    expect(useProjects.getState()).toMatchObject({ selected: undefined, projects: [] });
  });

  it('keeps the form and shows why when the folder holds no migrations or the name is taken', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await call('projects.create', { project: { name: 'Taken', dir: demo.projectDir } });
    const store = useProjects.getState();
    store.startNew();
    await store.detect(mkdtempSync(join(tmpdir(), 'sy-empty-')));
    expect(useProjects.getState().failure?.code).toBe('E_PROJECT_NOT_FOUND');
    expect(useProjects.getState().detection).toBeUndefined();

    await useProjects.getState().detect(demo.projectDir);
    useProjects.getState().edit((d) => ({ ...d, name: 'TAKEN' }));
    expect(await useProjects.getState().save()).toBe(false);
    expect(useProjects.getState().failure).toEqual({
      code: 'E_DUPLICATE_NAME',
      message: 'A project named "Taken" already exists (names are compared ignoring case).',
    });
    expect(useProjects.getState().draft?.name).toBe('TAKEN');
    expect(useProjects.getState().selected).toBe(newProject);
  });

  it('opens one thing at a time: a project closes the connection, a connection closes the project', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const project = await call('projects.create', { project: { name: 'Demo', dir: demo.projectDir } });
    await useConnections.getState().load();
    useConnections.getState().select(demo.id);
    await useProjects.getState().load();
    useProjects.getState().select(project.id);
    expect(useConnections.getState().selected).toBeUndefined();
    expect(useProjects.getState().draft?.name).toBe('Demo');
    useConnections.getState().select(demo.id);
    expect(useProjects.getState().selected).toBeUndefined();
  });

  it('lets go of a connection removed while the project is open, and reads the list again with its environment empty', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const project = await call('projects.create', {
      project: { name: 'Demo', dir: demo.projectDir, environments: [{ name: 'demo', members: [{ profileId: demo.id }] }] },
    });
    await useConnections.getState().load();
    await useProjects.getState().load();
    useProjects.getState().select(project.id);
    expect(useProjects.getState().draft?.environments[0]?.members).toHaveLength(1);

    await call('profiles.remove', { id: demo.id, snapshots: 'delete' });
    await useConnections.getState().load();
    expect(useProjects.getState().draft?.environments.map((e) => [e.name, e.members])).toEqual([['demo', []]]);
    await vi.waitFor(() => expect(useProjects.getState().projects?.[0]?.environments).toEqual([{ name: 'demo', members: [] }]));
    expect(await useProjects.getState().save()).toBe(true);
  });
});
