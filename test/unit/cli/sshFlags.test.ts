import { describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../../src-shared/model/profile';
import { applySshFlags } from '../../../src-main/cli/sshFlags';
import { UsageError } from '../../../src-main/cli/output';

const pinned = `SHA256:${'A'.repeat(43)}`;
const other = `SHA256:${'B'.repeat(43)}`;
const base = (): ProfileInput => ({ name: 'n', environment: 'dev', engine: 'postgres' });

describe('the SSH flags of profiles add|edit', () => {
  it('makes a chain outermost first, one way of signing in for every host, a host key per host in order', async () => {
    const input = base();
    await applySshFlags(input, { ssh: ['deploy@bastion', 'ops@inner:2222'], 'ssh-key': '/keys/id', 'accept-host-key': [pinned] });
    expect(input.ssh).toEqual([
      { user: 'deploy', host: 'bastion', port: 22, auth: 'key', keyFile: '/keys/id', hostKey: pinned, secret: null },
      { user: 'ops', host: 'inner', port: 2222, auth: 'key', keyFile: '/keys/id', hostKey: '', secret: null },
    ]);
  });

  it('keeps an accepted key and the stored secret of a host that stays where it was', async () => {
    const input = { ...base(), ssh: [{ user: 'deploy', host: 'bastion', port: 22, auth: 'password' as const, keyFile: '', hostKey: pinned }] };
    await applySshFlags(input, { ssh: ['deploy@bastion', 'ops@inner'] });
    expect(input.ssh[0]).toEqual({ user: 'deploy', host: 'bastion', port: 22, auth: 'password', keyFile: '', hostKey: pinned });
    expect(input.ssh[1]).toMatchObject({ host: 'inner', auth: 'password', hostKey: '', secret: null });
  });

  it('accepts a new key for a stored route without --ssh, and --no-ssh removes the route', async () => {
    const input = { ...base(), ssh: [{ user: 'deploy', host: 'bastion', port: 22, auth: 'agent' as const, keyFile: '', hostKey: pinned }] };
    await applySshFlags(input, { 'accept-host-key': [other] });
    expect(input.ssh[0]?.hostKey).toBe(other);
    await applySshFlags(input, { 'no-ssh': true });
    expect(input.ssh).toEqual([]);
  });

  it('refuses what cannot be meant, as usage errors', async () => {
    const refused = (flags: Parameters<typeof applySshFlags>[1], input = base()) =>
      applySshFlags(input, flags).then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(await refused({ ssh: ['bastion'], 'ssh-agent': true })).toBeInstanceOf(UsageError);
    expect(await refused({ ssh: ['a@b'] })).toBeInstanceOf(UsageError);
    expect(await refused({ ssh: ['a@b'], 'ssh-agent': true, 'accept-host-key': [pinned, other] })).toBeInstanceOf(UsageError);
    expect(await refused({ ssh: ['a@b'], 'ssh-agent': true, 'accept-host-key': ['MD5:00'] })).toBeInstanceOf(UsageError);
    expect(await refused({ ssh: ['a@b'], 'ssh-agent': true, 'ssh-key': '/k' })).toBeInstanceOf(UsageError);
    expect(await refused({ 'ssh-agent': true })).toBeInstanceOf(UsageError);
    expect(await refused({ 'no-ssh': true, 'ssh-agent': true })).toBeInstanceOf(UsageError);
  });
});
