// The Local servers panel's store against the real services: a refused create, stop or remove keeps its
// reason to show, takes the server's busy mark off and reads the list again; the next action clears it.
// (Creating a real server, its connection selected, stopping and removing it: e2e localServers.spec.ts.)
import { describe, expect, it } from 'vitest';
import { call } from '../../../../src-renderer/api/client';
import { useLocalServers } from '../../../../src-renderer/features/connections/localServersStore';
import { openServices } from '../support/servicesBridge';

function emptyStore() {
  useLocalServers.setState({ servers: undefined, busy: {}, failure: undefined });
}

describe('the local servers store', () => {
  it('lists none on a fresh data folder', async () => {
    await openServices();
    emptyStore();

    await useLocalServers.getState().load();

    expect(useLocalServers.getState().servers).toEqual([]);
    expect(useLocalServers.getState().failure).toBeUndefined();
  });

  it('keeps why a create was refused, through the long operation, and marks nothing busy after', async () => {
    await openServices();
    await call('profiles.createDemo', {});
    const demoName = (await call('profiles.list', {}))[0]?.name ?? '';
    emptyStore();

    const created = useLocalServers.getState().create(demoName);
    expect(useLocalServers.getState().busy).toEqual({ [demoName]: 'creating' });
    expect(await created).toBe(false);

    const { failure, busy, servers } = useLocalServers.getState();
    expect(failure?.code).toBe('E_DUPLICATE_NAME');
    expect(failure?.message).toContain(`A connection profile named "${demoName}" exists already`);
    expect(busy).toEqual({});
    // The list is read again whichever way the action went.
    expect(servers).toEqual([]);
  });

  it('says there is no such server to stop or remove, and the next action clears the last failure', async () => {
    await openServices();
    emptyStore();

    await useLocalServers.getState().stop('nowhere');
    expect(useLocalServers.getState().failure).toMatchObject({ code: 'E_NOT_FOUND' });
    expect(useLocalServers.getState().failure?.message).toContain('No local server named "nowhere"');
    expect(useLocalServers.getState().busy).toEqual({});

    const removing = useLocalServers.getState().remove('elsewhere', 'elsewhere');
    expect(useLocalServers.getState().failure).toBeUndefined();
    expect(useLocalServers.getState().busy).toEqual({ elsewhere: 'removing' });
    await removing;
    expect(useLocalServers.getState().failure?.message).toContain('No local server named "elsewhere"');
    expect(useLocalServers.getState().busy).toEqual({});
  });
});
