import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useActivity } from '../../../../src-renderer/features/activity/activityStore';
import { tempDir } from '../../../support/tempDir';
import { openServices } from '../support/servicesBridge';

const scratchFields = () => ({
  name: 'Scratch',
  environment: 'dev' as const,
  engine: 'sqlite' as const,
  host: '',
  port: 5432,
  database: '',
  user: '',
  sslMode: 'disable' as const,
  sqlitePath: join(tempDir(), 'scratch.sqlite'),
  projectDir: '',
});

describe('the activity store', () => {
  it('loads the audit log with its verified chain, and narrows it to one connection on request', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const other = await call('profiles.create', { profile: scratchFields() });

    await useActivity.getState().load();
    const { entries, verification, error } = useActivity.getState();
    expect(error).toBeUndefined();
    expect(verification?.ok).toBe(true);
    expect(verification?.entries).toBe(entries.length);
    const about = (name: string) => entries.filter((e) => e.target === name);
    expect(about(demo.name).length).toBeGreaterThan(0);
    expect(about(other.name).length).toBeGreaterThan(0);

    await useActivity.getState().load(demo.id);
    const onlyDemo = useActivity.getState().entries;
    expect(onlyDemo.map((e) => e.seq)).toEqual(about(demo.name).map((e) => e.seq));
  });

  it('keeps showing a renamed connection its whole history: the runs recorded under its old name too', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useActivity.getState().load(demo.id);
    const before = useActivity.getState().entries;
    expect(before.some((e) => e.action.startsWith('runner.'))).toBe(true);

    const { id, hasPassword: _hasPassword, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = demo;
    await call('profiles.update', { id, profile: { ...fields, name: 'Demo, renamed' } });

    await useActivity.getState().load(demo.id);
    const { entries, verification } = useActivity.getState();
    expect(entries.map((e) => [e.action, e.target])).toEqual([['profile.update', 'Demo, renamed'], ...before.map((e) => [e.action, demo.name])]);
    expect(verification?.ok).toBe(true);
  });
});
