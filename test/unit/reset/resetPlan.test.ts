// Why a reset cannot run as asked: every refusal the plan gives, before anything is touched.
import { describe, expect, it } from 'vitest';
import { refusalsFor } from '../../../src-main/reset/resetPlan';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import type { PrivilegeCheck, ResetRequest, Snapshot } from '../../../src-shared/model/reset';

function target(overrides: Partial<MigrationTarget> = {}, readOnly = false): MigrationTarget {
  return {
    name: 'Orders',
    environment: 'dev',
    connection: {
      engine: 'postgres',
      host: '127.0.0.1',
      port: 5432,
      database: 'orders_db',
      user: 'app',
      sslMode: 'disable',
      sslCaFile: '',
      sqlitePath: '',
      readOnly,
    },
    projectDir: '/srv/orders/migrations',
    projectFormat: 'auto',
    alembicCommand: '',
    ...overrides,
  };
}

const allowed: PrivilegeCheck = { ok: true, explanation: '' };
const recreate: ResetRequest = { mode: 'recreate', takeSnapshot: true };
const snapshot = (state: Snapshot['state']): Snapshot => ({
  id: 's1',
  profileId: 'p1',
  databaseKey: 'postgres:orders_db',
  state,
  name: 'before-demo',
  createdAt: '2026-11-30T10:00:00Z',
  sizeBytes: 1,
  heads: [],
  engine: 'postgres',
  location: 'orders_db_snap_s1',
});

describe('the refusals of a reset plan', () => {
  it('gives none for a recreate with a snapshot on a writable connection', () => {
    expect(refusalsFor(target(), recreate, undefined, allowed, allowed)).toEqual([]);
  });

  it('refuses any reset of a read-only connection', () => {
    expect(refusalsFor(target({}, true), recreate, undefined, allowed, allowed)).toEqual(['Orders is a read-only connection: Switchyard will not reset it.']);
  });

  it('refuses to skip the snapshot on production, even acknowledged', () => {
    const request: ResetRequest = { ...recreate, takeSnapshot: false, skipSnapshotAcknowledged: true };
    expect(refusalsFor(target({ environment: 'prod' }), request, undefined, allowed, allowed)).toEqual([
      'Orders is a production connection: a reset there always takes a snapshot first.',
    ]);
  });

  it('refuses to skip the snapshot elsewhere until it is acknowledged', () => {
    expect(refusalsFor(target(), { ...recreate, takeSnapshot: false }, undefined, allowed, allowed)).toEqual([
      'Skipping the snapshot needs an explicit acknowledgement: without it, nothing can undo the reset.',
    ]);
    expect(refusalsFor(target(), { ...recreate, takeSnapshot: false, skipSnapshotAcknowledged: true }, undefined, allowed, allowed)).toEqual([]);
  });

  it('says why the user may not reset, or may not take the snapshot it needs', () => {
    const denied: PrivilegeCheck = { ok: false, explanation: 'app may not drop orders_db: it is owned by postgres.' };
    expect(refusalsFor(target(), recreate, undefined, denied, allowed)).toEqual([denied.explanation]);
    const noCopy: PrivilegeCheck = { ok: false, explanation: 'app may not create databases, so no snapshot can be taken.' };
    expect(refusalsFor(target(), recreate, undefined, allowed, noCopy)).toEqual([noCopy.explanation]);
  });

  it('does not hold the snapshot privilege against a database that is gone: there is nothing to copy', () => {
    const noCopy: PrivilegeCheck = { ok: false, explanation: 'app may not create databases, so no snapshot can be taken.' };
    expect(refusalsFor(target(), recreate, undefined, allowed, noCopy, false)).toEqual([]);
  });

  it('refuses to wipe a database that does not exist', () => {
    expect(refusalsFor(target(), { ...recreate, mode: 'wipe' }, undefined, allowed, allowed, false)).toEqual([
      'The database does not exist: there are no schemas to wipe. Restore a snapshot, or recreate it.',
    ]);
  });

  it('refuses a restore without a snapshot chosen, or from one never finished', () => {
    expect(refusalsFor(target(), { ...recreate, mode: 'snapshot' }, undefined, allowed, allowed)).toEqual(['Choose the snapshot to restore.']);
    expect(refusalsFor(target(), { ...recreate, mode: 'snapshot', snapshotId: 's1' }, snapshot('creating'), allowed, allowed)).toEqual([
      'The snapshot "before-demo" was never finished: it cannot be restored.',
    ]);
    expect(refusalsFor(target(), { ...recreate, mode: 'snapshot', snapshotId: 's1' }, snapshot('ready'), allowed, allowed)).toEqual([]);
  });

  it('refuses to migrate after the reset when no project is bound, and to run a seed file that is not there', () => {
    expect(refusalsFor(target({ projectDir: '' }), { ...recreate, to: 'heads' }, undefined, allowed, allowed)).toEqual([
      'No migration project is bound to Orders: there is nothing to migrate to heads.',
    ]);
    expect(refusalsFor(target(), { ...recreate, seedFile: '/nonexistent/seed.sql' }, undefined, allowed, allowed)).toEqual([
      'The seed file /nonexistent/seed.sql does not exist.',
    ]);
  });

  it('gives every refusal at once, not only the first', () => {
    const request: ResetRequest = { mode: 'snapshot', takeSnapshot: false, seedFile: '/nonexistent/seed.sql' };
    expect(refusalsFor(target({ environment: 'prod' }, true), request, undefined, allowed, allowed)).toHaveLength(4);
  });
});
