import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../src-shared/model/profile';
import { draftFromProfile, draftToInput, emptyDraft, emptyHop, validateDraft } from '../../../../src-renderer/features/connections/profileDraft';
import { tunnelStepsOf, unknownHostKeyOf } from '../../../../src-renderer/features/connections/sshHostKey';

const pinned = `SHA256:${'q'.repeat(43)}`;

describe("the connection form's SSH tunnel", () => {
  it('sends a stored host without its secret (kept), and a typed secret only when one was typed', () => {
    const profile = {
      ...draftToInput(emptyDraft()),
      id: 'p1',
      name: 'Orders',
      hasPassword: false,
      createdAt: 'x',
      updatedAt: 'x',
      ssh: [{ host: 'bastion', port: 2222, user: 'deploy', auth: 'password', keyFile: '', hostKey: pinned, hasSecret: true }],
    } as Profile;
    const draft = draftFromProfile(profile);
    expect(draft.ssh[0]).toMatchObject({ port: '2222', secret: '', hasSecret: true });
    expect(draftToInput(draft).ssh).toEqual([{ host: 'bastion', port: 2222, user: 'deploy', auth: 'password', keyFile: '', hostKey: pinned }]);
    draft.ssh[0] = { ...draft.ssh[0]!, secret: 'typed-now' };
    expect(draftToInput(draft).ssh?.[0]?.secret).toBe('typed-now');
  });

  it("puts a host's problems on its own fields", () => {
    const draft = { ...emptyDraft(), name: 'n', database: 'd', user: 'u', ssh: [{ ...emptyHop(), port: 'x' }] };
    const errors = validateDraft(draft);
    expect(
      Object.keys(errors)
        .filter((key) => key.startsWith('ssh.'))
        .sort(),
    ).toEqual(['ssh.0.host', 'ssh.0.port', 'ssh.0.user']);
  });

  it('finds the unknown host key to offer, and the steps done before a failure', () => {
    const tunnel = [{ step: 'reached' as const, where: 'deploy@bastion', detail: 'ED25519 key' }];
    const unknown = {
      status: 'error' as const,
      code: 'E_SSH_HOST_UNKNOWN',
      message: 'not known',
      detail: { tunnel, host: 'inner', port: 22, position: 1, keyType: 'ssh-ed25519', fingerprint: pinned },
    };
    expect(unknownHostKeyOf(unknown)).toEqual({ host: 'inner', port: 22, position: 1, keyType: 'ssh-ed25519', fingerprint: pinned });
    expect(tunnelStepsOf(unknown)).toEqual(tunnel);
    expect(unknownHostKeyOf({ ...unknown, code: 'E_SSH_HOST_KEY_CHANGED' })).toBeUndefined();
    expect(tunnelStepsOf({ status: 'error', code: 'E_AUTH_FAILED', message: 'no' })).toEqual([]);
  });
});
