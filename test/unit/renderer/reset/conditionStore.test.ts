import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useCondition } from '../../../../src-renderer/features/reset/conditionStore';
import { openServices } from '../support/servicesBridge';

describe('the database condition store', () => {
  it('says nothing about a database that is there, and says so when its file is gone', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});

    await useCondition.getState().load(demo.id);
    expect(useCondition.getState().condition).toMatchObject({ databaseExists: true, notices: [] });

    rmSync(demo.sqlitePath);
    await useCondition.getState().load(demo.id);

    expect(useCondition.getState().condition?.databaseExists).toBe(false);
    expect(useCondition.getState().condition?.notices.length).toBeGreaterThan(0);
  });
});
