// Adopt on the Graph tab through the real services: the demo database compared with what a pending
// revision makes — refused as evidence while its tables are missing, adoptable once they exist.
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { openServices } from '../support/servicesBridge';

async function freshStore() {
  vi.resetModules();
  return (await import('../../../../src-renderer/features/authoring/adoptionStore')).useAdoption;
}

describe('adopting a revision from the graph', () => {
  it('shows what the database lacks, and offers adoption once it holds exactly what the revision makes', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const useAdoption = await freshStore();

    await useAdoption.getState().check(demo.id, '010_collab_workflow');
    const missing = useAdoption.getState().adoption;
    expect(useAdoption.getState().error).toBeUndefined();
    expect(missing?.adoptable).toBe(false);
    const tables = missing?.compared.filter((c) => c.kind === 'table') ?? [];
    expect(tables.map((c) => [c.key.replace(/"/g, ''), c.onDatabase])).toEqual([
      ['table:main.collab_sessions', 'missing'],
      ['table:main.review_comments', 'missing'],
    ]);

    // The tables made by hand, as the seeds' teams did before their migration ran.
    const file = readFileSync(join(demo.projectDir, '019_010_collab_workflow.sql'), 'utf8');
    const up = file.slice(file.indexOf('-- migrate:up'), file.indexOf('-- migrate:down'));
    const database = new Database(demo.sqlitePath);
    database.exec(up);
    database.close();

    await useAdoption.getState().check(demo.id, '010_collab_workflow');
    const held = useAdoption.getState().adoption;
    expect(held?.adoptable).toBe(true);
    expect(held?.compared.every((c) => c.onDatabase === 'same')).toBe(true);
    expect(held?.revision).toBe('010_collab_workflow');
  });

  it('says why a revision already applied cannot be adopted, and refuses a blank revision as input', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const useAdoption = await freshStore();
    await useAdoption.getState().check(demo.id, '009_ai_annotation');
    expect(useAdoption.getState().adoption).toBeUndefined();
    expect(useAdoption.getState().error?.message).toContain('009_ai_annotation is already recorded as applied');
    await expect(call('adoptions.check', { profileId: demo.id, revision: ' ' })).rejects.toMatchObject({ code: 'E_INVALID_INPUT' });
    useAdoption.getState().close();
    expect(useAdoption.getState().asked).toBeUndefined();
  });
});
