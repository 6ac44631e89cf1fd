import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { compareEnvironments } from '../../../../src-renderer/features/graph/environmentComparison';
import { tempDir } from '../../../support/tempDir';
import { openServices } from '../support/servicesBridge';

const sqliteProfile = (name: string, projectDir: string) => ({
  name,
  environment: 'dev' as const,
  engine: 'sqlite' as const,
  host: '',
  port: 5432,
  database: '',
  user: '',
  sslMode: 'disable' as const,
  sqlitePath: join(tempDir(), `${name}.sqlite`),
  projectDir,
});

describe('comparing environments on the graph', () => {
  it('offers only connections bound to the same project, and lists what the empty one lacks to be level', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const empty = await call('profiles.create', { profile: sqliteProfile('Empty copy', demo.projectDir) });
    await call('profiles.create', { profile: sqliteProfile('Elsewhere', tempDir()) });
    const profiles = await call('profiles.list', {});
    const demoStatus = await call('runner.status', { profileId: demo.id });
    const emptyStatus = await call('runner.status', { profileId: empty.id });

    const comparison = compareEnvironments({
      profiles,
      current: demo,
      currentStatus: demoStatus,
      picked: [empty.id],
      statuses: { [empty.id]: { status: emptyStatus } },
      from: empty.id,
      to: demo.id,
    });

    expect(comparison.siblings.map((p) => p.name)).toEqual(['Empty copy']);
    expect(comparison.columns.map((c) => c.name)).toEqual([demo.name, 'Empty copy']);
    expect(demoStatus.applied.length).toBeGreaterThan(0);
    expect(comparison.gap?.toApply).toEqual(demoStatus.applied);
    expect(comparison.gap?.toRevert).toEqual([]);
    expect([...comparison.inGap].sort()).toEqual([...demoStatus.applied].sort());
  });

  it('shows no gap until two different environments with a status are picked', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const profiles = await call('profiles.list', {});
    const status = await call('runner.status', { profileId: demo.id });

    const same = compareEnvironments({ profiles, current: demo, currentStatus: status, picked: [], statuses: {}, from: demo.id, to: demo.id });

    expect(same.gap).toBeUndefined();
    expect(same.inGap.size).toBe(0);
  });
});
