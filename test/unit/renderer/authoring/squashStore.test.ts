// Squash on the Graph tab through the real services: a copy of the demo project bound to a SQLite
// database standing at the run's end — the preview (files, heads, the proof replayed on SQLite, the
// stamp the connection needs) writes nothing; Write writes exactly those files; Undo puts them back.
// Refusals say why and write nothing: a branch point inside the run, a database inside it, a file
// changed since the preview.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { runTarget } from '../../../../src-main/runner/runnerService';
import { targetFromProfile } from '../../../../src-main/targets/migrationTarget';
import type { Profile } from '../../../../src-shared/model/profile';
import { alembicRevision, plainAlembicEnv, writeFiles } from '../../../support/alembicFolders';
import { alembicGenericTemplate } from '../../../support/seedTree';
import { tempDir } from '../../../support/tempDir';
import { openServices } from '../support/servicesBridge';

async function freshStores() {
  vi.resetModules();
  const { useSquash } = await import('../../../../src-renderer/features/authoring/squashStore');
  const { useRepair } = await import('../../../../src-renderer/features/authoring/repairStore');
  return { useSquash, useRepair };
}

/** Every file of the folder (archive/ too) and its bytes; Python's own __pycache__ aside. */
function filesOf(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.includes('.') && !name.includes('__pycache__'))
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

/** A copy of the demo project (never the bundled one) bound to a SQLite database upgraded to `standsAt`. */
async function boundDemo(standsAt: string): Promise<{ project: string; profile: Profile }> {
  await openServices();
  const home = tempDir();
  const project = join(home, 'shop');
  cpSync(resolve('assets/demo'), project, { recursive: true });
  const profile = await call('profiles.create', {
    profile: { name: 'Shop dev', environment: 'dev', engine: 'sqlite', sqlitePath: join(home, 'shop.sqlite'), projectDir: project, projectFormat: 'native' },
  });
  await runTarget(targetFromProfile(profile, undefined), { action: 'upgrade', to: standsAt }, { actor: 'tester' });
  return { project, profile };
}

const run = { first: 'text_to_sql_001', last: 'text_to_sql_003', message: 'text to sql' };

describe('squashing a run from the graph', () => {
  it('shows the squash with its proof before writing, writes exactly the files shown, offers the stamp, and is undone', async () => {
    const { project, profile } = await boundDemo('text_to_sql_003');
    const before = filesOf(project);
    const { useSquash, useRepair } = await freshStores();

    useSquash.getState().openDialog(project, run.last);
    await useSquash.getState().showPreview({ project, ...run });
    const { preview, error } = useSquash.getState();
    expect(error).toBeUndefined();
    expect(preview?.engine).toBe('sqlite');
    expect(preview?.run.revisions).toEqual(['text_to_sql_001', 'text_to_sql_002', 'text_to_sql_003']);
    expect(preview?.run.children).toEqual(['merge_llm_text_to_sql']);
    expect(preview?.proof.proven).toBe(true);
    expect(preview?.proof.up.diff.equal).toBe(true);
    expect(preview?.proof.down.diff.equal).toBe(true);
    // The four tables the run makes: the squashed revision makes them, and going down drops each, said as destroying it.
    const made = ['query_templates', 'sql_feedback', 'sql_generation_logs', 'text_to_sql_configurations'];
    for (const table of made) expect(preview?.revision.up.statements.map((s) => s.sql).join('\n')).toContain(`CREATE TABLE "main"."${table}"`);
    expect(preview?.revision.down.statements.map((s) => s.destroys)).toEqual(made.map((table) => `table "main"."${table}" and its rows`));
    const id = preview?.revision.id as string;
    // The run ends below a merge, so the heads and roots do not change; the merge takes the squashed revision as parent.
    expect(preview?.graph.headsAfter).toEqual(preview?.graph.headsBefore);
    expect(preview?.diff).toContain(`+-- parents: 012_add_admin_config, ${id}`);
    expect(preview?.diff).toContain('-- parents: 012_add_admin_config, text_to_sql_003');
    expect(preview?.standings).toEqual([
      expect.objectContaining({ profileId: profile.id, connection: 'Shop dev', standing: 'past the run', appliedAfter: [] }),
    ]);
    expect(preview?.stamps).toEqual(['Shop dev']);
    expect(filesOf(project)).toEqual(before);

    await useSquash.getState().write(false);
    expect(useSquash.getState().error).toBeUndefined();
    expect(useSquash.getState().project).toBeUndefined();
    const after = filesOf(project);
    for (const w of preview?.writes ?? []) expect(after.get(w.path) ?? null).toBe(w.after);
    expect(after.has('018_text_to_sql_001.sql')).toBe(false);
    expect(after.get(`archive/${id}/018_text_to_sql_001.sql`)).toBe(before.get('018_text_to_sql_001.sql'));
    expect(after.get(`archive/squash-${id}.md`)).toContain('Result: **proven**');

    const { done, project: shownOn, writesFinished } = useRepair.getState();
    expect(shownOn).toBe(project);
    expect(writesFinished).toBe(1);
    expect(done?.stamps?.needs).toEqual([expect.objectContaining({ profileId: profile.id, profile: 'Shop dev', stampTo: [id] })]);
    expect(done?.result.written.filter((w) => w.action === 'deleted').map((w) => w.path)).toEqual([
      '018_text_to_sql_001.sql',
      '022_text_to_sql_002.sql',
      '027_text_to_sql_003.sql',
    ]);

    await useRepair.getState().undo();
    expect(useRepair.getState().undoError).toBeUndefined();
    expect(filesOf(project)).toEqual(before);
    // The archive folder the squash made goes with it: the folder is as it was.
    expect(existsSync(join(project, 'archive'))).toBe(false);
  });

  it('says why it refuses a run through a branch point, and a run the database stands inside; nothing is written', async () => {
    const { project } = await boundDemo('text_to_sql_002');
    const before = filesOf(project);
    const { useSquash } = await freshStores();
    useSquash.getState().openDialog(project, run.last);

    await useSquash.getState().showPreview({ project, ...run, first: '008_add_llm_integration' });
    expect(useSquash.getState().preview).toBeUndefined();
    expect(useSquash.getState().error?.code).toBe('E_SQUASH_NOT_LINEAR');
    expect(useSquash.getState().error?.message).toContain('008_add_llm_integration is a branch point');

    await useSquash.getState().showPreview({ project, ...run });
    expect(useSquash.getState().error?.code).toBe('E_SQUASH_INSIDE_RUN');
    expect(useSquash.getState().error?.message).toContain('Shop dev (dev) has applied text_to_sql_001, text_to_sql_002 but not the rest');
    await useSquash.getState().write(true);
    expect(filesOf(project)).toEqual(before);
  });

  it('refuses to write when a file changed since the preview, and a changed form forgets the preview', async () => {
    const { project } = await boundDemo('text_to_sql_003');
    const { useSquash, useRepair } = await freshStores();
    useSquash.getState().openDialog(project, run.last);
    await useSquash.getState().showPreview({ project, ...run });
    expect(useSquash.getState().preview?.proof.proven).toBe(true);

    const file = join(project, '022_text_to_sql_002.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}-- edited after the preview\n`);
    const edited = filesOf(project);
    await useSquash.getState().write(false);
    expect(useSquash.getState().error?.code).toBe('E_FILE_CHANGED');
    expect(useSquash.getState().error?.message).toContain('022_text_to_sql_002.sql');
    expect(filesOf(project)).toEqual(edited);
    expect(useRepair.getState().done).toBeUndefined();

    useSquash.getState().forgetPreview();
    await useSquash.getState().write(false);
    expect(useSquash.getState().preview).toBeUndefined();
    expect(filesOf(project)).toEqual(edited);
  });

  it('squashes a run of an Alembic project bound to SQLite into one revision from its own template, proved with real alembic', async () => {
    await openServices();
    const project = tempDir();
    writeFiles(project, {
      'alembic.ini': '[alembic]\nscript_location = alembic\nsqlalchemy.url = sqlite://\n',
      'alembic/env.py': plainAlembicEnv.replace('fileConfig(config.config_file_name)\n', ''),
      'alembic/script.py.mako': readFileSync(alembicGenericTemplate, 'utf8'),
      'alembic/versions/a1.py': alembicRevision('a1', [], 'accounts'),
      'alembic/versions/b2.py': alembicRevision('b2', ['a1'], 'tenants'),
      'alembic/versions/c3.py': alembicRevision('c3', ['b2'], 'documents'),
      'alembic/versions/d4.py': alembicRevision('d4', ['c3'], 'audit'),
    });
    await call('profiles.create', {
      profile: { name: 'Alembic dev', environment: 'dev', engine: 'sqlite', sqlitePath: join(tempDir(), 'dev.sqlite'), projectDir: project },
    });
    const before = filesOf(project);
    const { useSquash, useRepair } = await freshStores();

    useSquash.getState().openDialog(project, 'c3');
    await useSquash.getState().showPreview({ project, first: 'b2', last: 'c3', message: 'tenants and documents' });
    const { preview, error } = useSquash.getState();
    expect(error).toBeUndefined();
    expect(preview?.proof.proven).toBe(true);
    expect(preview?.standings).toEqual([expect.objectContaining({ connection: 'Alembic dev', standing: 'before the run' })]);
    const id = preview?.revision.id as string;
    expect(preview?.revision.file).toBe(`alembic/versions/${id}_tenants_and_documents.py`);
    expect(preview?.diff).toContain(`+down_revision = 'a1'`);
    expect(preview?.diff).toMatch(/\+ {4}op\.execute\('CREATE TABLE "main"\."documents"/);
    expect(filesOf(project)).toEqual(before);

    await useSquash.getState().write(false);
    expect(useSquash.getState().error).toBeUndefined();
    expect(readFileSync(join(project, 'alembic/versions/d4.py'), 'utf8')).toContain(`down_revision = "${id}"`);
    expect(readFileSync(join(project, `archive/${id}/alembic/versions/b2.py`), 'utf8')).toBe(before.get('alembic/versions/b2.py'));
    await useRepair.getState().undo();
    expect(filesOf(project)).toEqual(before);
    // A hang guard, not a speed check: six alembic processes replay the two projects (about half a minute at load 15).
  }, 120_000);
});
