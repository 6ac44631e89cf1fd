// The Graph tab's repairs through the real services: the preview the dialog shows, the write of
// exactly that preview, Undo, and refusals that write nothing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../support/tempDir';
import { openServices } from '../support/servicesBridge';

async function freshStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/features/authoring/repairStore')).useRepair;
}

/** The bundled demo project, copied: a test never writes into the demo itself. */
function demoCopy(): string {
  const project = join(tempDir(), 'demo');
  cpSync(resolve('assets/demo'), project, { recursive: true });
  return project;
}

const demoHeads = ['llm_014_model_routing', '20260113_security', 'version_lineage_004'];

describe('repairs from the graph', () => {
  it('shows a merge of every head before writing it, writes exactly that, and undoes it', async () => {
    await openServices();
    const project = demoCopy();
    const before = readdirSync(project).sort();
    const useRepair = await freshStore();

    useRepair.getState().openDialog('merge', project);
    await useRepair.getState().showPreview({ action: 'merge', project, heads: 'all', message: 'merge heads' });
    const preview = useRepair.getState().preview;
    expect(useRepair.getState().error).toBeUndefined();
    expect(preview?.graph.headsBefore).toEqual(demoHeads);
    expect(preview?.graph.headsAfter).toEqual([preview?.revision.id]);
    expect(preview?.diff).toContain(`+-- parents: ${demoHeads.join(', ')}`);
    expect(readdirSync(project).sort()).toEqual(before);

    await useRepair.getState().write(false);
    const { done, action, writesFinished } = useRepair.getState();
    expect(action).toBeUndefined();
    expect(writesFinished).toBe(1);
    expect(done?.result.written).toEqual([{ path: preview?.revision.file, action: 'created' }]);
    expect(readFileSync(join(project, preview?.revision.file as string), 'utf8')).toContain('-- message: merge heads');

    await useRepair.getState().undo();
    expect(useRepair.getState().done).toBeUndefined();
    expect(useRepair.getState().undone?.written).toEqual([{ path: preview?.revision.file, action: 'deleted' }]);
    expect(useRepair.getState().writesFinished).toBe(2);
    expect(readdirSync(project).sort()).toEqual(before);
  });

  it('says why a re-parent that would close a cycle is refused, and offers nothing to write', async () => {
    await openServices();
    const project = demoCopy();
    const useRepair = await freshStore();
    useRepair.getState().openDialog('reparent', project);
    await useRepair.getState().showPreview({ action: 'reparent', project, revision: 'd01fd5049733', parent: 'security_001' });
    expect(useRepair.getState().preview).toBeUndefined();
    expect(useRepair.getState().error?.code).toBe('E_CYCLE');
    await useRepair.getState().write(true);
    expect(useRepair.getState().done).toBeUndefined();
  });

  it('refuses to overwrite a file with uncommitted git changes unless told to write anyway', async () => {
    await openServices();
    const project = demoCopy();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: project });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'demo');
    const file = join(project, '040_version_lineage_004.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited by hand\n`);
    const edited = readFileSync(file, 'utf8');
    const useRepair = await freshStore();

    useRepair.getState().openDialog('reparent', project);
    await useRepair.getState().showPreview({ action: 'reparent', project, revision: 'version_lineage_004', parent: 'version_lineage_002' });
    expect(useRepair.getState().preview?.uncommittedTouched).toEqual(['040_version_lineage_004.sql']);

    await useRepair.getState().write(false);
    expect(useRepair.getState().error?.code).toBe('E_UNCOMMITTED_CHANGES');
    expect(readFileSync(file, 'utf8')).toBe(edited);

    await useRepair.getState().write(true);
    expect(useRepair.getState().error).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toContain('version_lineage_002');
    expect(existsSync(join(project, '.git'))).toBe(true);
  });

  it('a changed form forgets the preview, so Write cannot write what is no longer shown', async () => {
    await openServices();
    const project = demoCopy();
    const useRepair = await freshStore();
    useRepair.getState().openDialog('new', project);
    await useRepair.getState().showPreview({ action: 'new', project, parent: '20260113_security', message: 'add templates' });
    expect(useRepair.getState().preview?.diff).toContain('+-- message: add templates');
    useRepair.getState().forgetPreview();
    await useRepair.getState().write(false);
    expect(useRepair.getState().done).toBeUndefined();
    expect(readdirSync(project)).toHaveLength(40);
  });
});
