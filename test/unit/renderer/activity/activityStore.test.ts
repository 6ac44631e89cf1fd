import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { shownEntries, useActivity } from '../../../../src-renderer/features/activity/activityStore';
import { tempDir } from '../../../support/tempDir';
import { openServices } from '../support/servicesBridge';

describe('the activity store', () => {
  it('loads the audit log with its verified chain, and narrows it to one connection on request', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const other = await call('profiles.create', {
      profile: { name: 'Scratch', environment: 'dev', engine: 'sqlite', host: '', port: 5432, database: '', user: '', sslMode: 'disable', sqlitePath: join(tempDir(), 'scratch.sqlite'), projectDir: '' },
    });

    await useActivity.getState().load();
    const { entries, verification, error } = useActivity.getState();

    expect(error).toBeUndefined();
    expect(verification?.ok).toBe(true);
    expect(verification?.entries).toBe(entries.length);
    const about = (name: string) => entries.filter((e) => e.target === name);
    expect(about(demo.name).length).toBeGreaterThan(0);
    expect(about(other.name).length).toBeGreaterThan(0);

    const onlyDemo = shownEntries(entries, demo, true);
    expect(onlyDemo.length).toBe(about(demo.name).length);
    expect(onlyDemo.every((e) => e.target === demo.name)).toBe(true);
    expect(shownEntries(entries, demo, false)).toHaveLength(entries.length);
  });
});
