import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useDatabaseSessions } from '../../../../src-renderer/features/reset/databaseSessionsStore';
import { openServices } from '../support/servicesBridge';

describe('the database sessions store', () => {
  it('lists who is connected to the database, and forgets the previous answer the moment another is asked', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    await useDatabaseSessions.getState().load(demo.id);
    expect(useDatabaseSessions.getState()).toMatchObject({ profileId: demo.id, sessions: [], failure: undefined });

    const asking = useDatabaseSessions.getState().load('gone');
    // Until the server answers, the dialog must not show the demo's sessions as this profile's.
    expect(useDatabaseSessions.getState()).toMatchObject({ profileId: 'gone', sessions: undefined, failure: undefined });
    await asking;
    expect(useDatabaseSessions.getState().sessions).toBeUndefined();
    expect(useDatabaseSessions.getState().failure?.message).toContain('No such connection profile');
  });

  it('keeps the answer to the last question when an earlier one answers late', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const first = useDatabaseSessions.getState().load(demo.id);
    const last = useDatabaseSessions.getState().load('gone');
    await Promise.all([first, last]);
    expect(useDatabaseSessions.getState()).toMatchObject({ profileId: 'gone', sessions: undefined });
    expect(useDatabaseSessions.getState().failure?.message).toContain('No such connection profile');
  });

  it('shows nothing once cleared, even when an answer arrives afterwards', async () => {
    await openServices();
    const demo = await call('profiles.createDemo', {});
    const asking = useDatabaseSessions.getState().load(demo.id);
    useDatabaseSessions.getState().clear();
    await asking;
    expect(useDatabaseSessions.getState()).toMatchObject({ profileId: undefined, sessions: undefined, failure: undefined });
  });
});
