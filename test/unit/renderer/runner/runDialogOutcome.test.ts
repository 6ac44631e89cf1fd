import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useRunDialog } from '../../../../src-renderer/features/runner/runDialogStore';
import { failedStepOf, failureSentence, keptSnapshotOf } from '../../../../src-renderer/features/runner/runOutcome';
import type { RunRequest } from '../../../../src-shared/model/run';
import { writeNativeProject } from '../../../support/nativeProject';
import { tempDir } from '../../../support/tempDir';
import { openServices } from '../support/servicesBridge';

/** A SQLite connection bound to users → orders → audit, whose orders revision cannot be reverted. */
async function shopConnection(): Promise<string> {
  const home = tempDir();
  writeNativeProject(join(home, 'project'), [
    { id: 'm001', parents: [], message: 'users', up: 'CREATE TABLE users (id INTEGER PRIMARY KEY);', down: 'DROP TABLE users;' },
    { id: 'm002', parents: ['m001'], message: 'orders', up: 'CREATE TABLE orders (id INTEGER PRIMARY KEY);', down: 'DROP TABLE no_such_table;' },
    { id: 'm003', parents: ['m002'], message: 'audit', up: 'CREATE TABLE audit (id INTEGER PRIMARY KEY);', down: 'DROP TABLE audit;' },
  ]);
  const profile = await call('profiles.create', {
    profile: {
      name: 'Shop dev',
      environment: 'dev',
      engine: 'sqlite',
      host: '',
      port: 5432,
      database: '',
      user: '',
      sslMode: 'disable',
      sqlitePath: join(home, 'shop.sqlite'),
      projectDir: join(home, 'project'),
    },
  });
  return profile.id;
}

async function previewed(profileId: string, request: RunRequest): Promise<void> {
  useRunDialog.getState().open(profileId, request);
  await vi.waitFor(() => expect(useRunDialog.getState().phase).toBe('ready'));
}

async function runToEnd(snapshotFirst = false): Promise<void> {
  await useRunDialog.getState().run({ confirmation: {}, snapshotFirst, endSessions: false });
  await vi.waitFor(() => expect(['done', 'failed']).toContain(useRunDialog.getState().phase));
}

describe('what the run dialog says a stamp and a failed run did', () => {
  it('lists the tables a stamp would have created, and stamps down again what was stamped by mistake', async () => {
    await openServices();
    const profileId = await shopConnection();

    await previewed(profileId, { action: 'stamp', to: 'heads' });
    await vi.waitFor(() => expect(useRunDialog.getState().stamped).toBeDefined());
    expect(useRunDialog.getState().stamped).toEqual([
      { revision: 'm001', tables: ['users'] },
      { revision: 'm002', tables: ['orders'] },
      { revision: 'm003', tables: ['audit'] },
    ]);
    await runToEnd();
    expect((await call('runner.status', { profileId })).applied).toEqual(['m001', 'm002', 'm003']);

    await previewed(profileId, { action: 'stamp', to: 'm001', down: true });
    expect(useRunDialog.getState().preview?.steps.map((s) => s.revision)).toEqual(['m003', 'm002']);
    await runToEnd();

    expect(useRunDialog.getState().phase).toBe('done');
    expect((await call('runner.status', { profileId })).applied).toEqual(['m001']);
  });

  it('says from the status read after a failed downgrade that its revision is still applied, and restores the snapshot taken first', async () => {
    await openServices();
    const profileId = await shopConnection();
    await previewed(profileId, { action: 'upgrade', to: 'heads' });
    await runToEnd();

    await previewed(profileId, { action: 'downgrade', to: 'base' });
    await runToEnd(true);

    const failed = useRunDialog.getState();
    expect(failed.phase).toBe('failed');
    // The runner's own message, shown as the details, agrees: it never says "as it was before m002".
    expect(failed.error?.message).toContain('The revert was rolled back: m002 is still applied.');
    await vi.waitFor(() => expect(useRunDialog.getState().after).toBeDefined());
    const after = useRunDialog.getState().after;
    if (!after || !('status' in after)) throw new Error(`the status after the failure was not read: ${JSON.stringify(after)}`);
    expect(failureSentence(failedStepOf(failed.error?.detail), after.status)).toBe(
      'Reverting m002 failed: m002 is still applied. The database is now at m002 (2 revisions applied).',
    );

    const snapshot = keptSnapshotOf(failed.error?.detail);
    if (!snapshot) throw new Error('the failure carries no snapshot');
    await useRunDialog.getState().restore(snapshot, { endSessions: false });

    expect(useRunDialog.getState().restored?.id).toBe(snapshot.id);
    expect(useRunDialog.getState().after).toMatchObject({ status: { applied: ['m001', 'm002', 'm003'] } });
  });
});
