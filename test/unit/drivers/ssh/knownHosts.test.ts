import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, hostKeyOf } from '../../../../src-main/drivers/ssh/hostKey';
import { hostKeyVerdict } from '../../../../src-main/drivers/ssh/hostKeyVerdict';
import { knownHostKeys, knownHostsName } from '../../../../src-main/drivers/ssh/knownHosts';

// Public host keys as a known_hosts line carries them (type and base64 blob), from ssh-keygen.
const ed25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const otherEd25519 = 'AAAAC3NzaC1lZDI1NTE5AAAAIHFqY0FmQ0N5N0d0cXhVY1FQb1NMaFRkZ3pWd2JnQQ==';
const blob = Buffer.from(ed25519, 'base64');

function hashedName(name: string, salt = Buffer.from('0123456789abcdefghij')): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('host key fingerprints', () => {
  it('writes SHA256: and the unpadded base64 of the blob, as ssh-keygen -l does', () => {
    const expected = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    expect(fingerprintOf(blob)).toBe(expected);
    expect(fingerprintOf(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(hostKeyOf(blob).type).toBe('ssh-ed25519');
  });
});

describe('known_hosts', () => {
  it('names a host on port 22 plainly and any other port as [host]:port', () => {
    expect(knownHostsName('Bastion.Example.com', 22)).toBe('bastion.example.com');
    expect(knownHostsName('10.0.0.5', 2222)).toBe('[10.0.0.5]:2222');
  });

  it('finds plain, listed, wildcard and hashed entries, and leaves out negated names and certificate authorities', () => {
    const text = [
      '# comment',
      `bastion.example.com,10.0.0.5 ssh-ed25519 ${ed25519} admin@bastion`,
      `*.example.com,!secret.example.com ssh-ed25519 ${otherEd25519}`,
      `${hashedName('[db-jump]:2222')} ssh-ed25519 ${ed25519}`,
      `@cert-authority *.example.com ssh-ed25519 ${otherEd25519}`,
      '',
    ].join('\n');
    expect(knownHostKeys(text, 'bastion.example.com', 22).map((key) => key.line)).toEqual([2, 3]);
    expect(knownHostKeys(text, '10.0.0.5', 22)).toHaveLength(1);
    expect(knownHostKeys(text, 'secret.example.com', 22)).toEqual([]);
    expect(knownHostKeys(text, 'db-jump', 2222)).toEqual([{ type: 'ssh-ed25519', fingerprint: fingerprintOf(blob), revoked: false, line: 4 }]);
    expect(knownHostKeys(text, 'db-jump', 22)).toEqual([]);
  });

  it('marks @revoked keys', () => {
    expect(knownHostKeys(`@revoked * ssh-ed25519 ${ed25519}\n`, 'any', 22)[0]?.revoked).toBe(true);
  });
});

describe('whether a host key is accepted', () => {
  const offered = hostKeyOf(blob);
  const other = fingerprintOf(Buffer.from(otherEd25519, 'base64'));
  const known = (fingerprint: string, revoked = false) => [{ type: 'ssh-ed25519', fingerprint, revoked, line: 1 }];

  it('takes the pinned key over known_hosts, both ways', () => {
    expect(hostKeyVerdict(offered, offered.fingerprint, known(other))).toEqual({ accepted: true, by: 'pinned' });
    expect(hostKeyVerdict(offered, other, known(offered.fingerprint))).toEqual({ accepted: false, why: 'changed', expected: other, by: 'pinned' });
  });

  it('accepts what known_hosts knows, refuses another key of the same type, and leaves anything else unknown', () => {
    expect(hostKeyVerdict(offered, '', known(offered.fingerprint))).toEqual({ accepted: true, by: 'known_hosts' });
    expect(hostKeyVerdict(offered, '', known(other))).toEqual({ accepted: false, why: 'changed', expected: other, by: 'known_hosts' });
    expect(hostKeyVerdict(offered, '', [{ type: 'ssh-rsa', fingerprint: other, revoked: false, line: 1 }])).toEqual({ accepted: false, why: 'unknown' });
    expect(hostKeyVerdict(offered, '', [])).toEqual({ accepted: false, why: 'unknown' });
  });

  it('refuses a revoked key even when it is pinned', () => {
    expect(hostKeyVerdict(offered, offered.fingerprint, known(offered.fingerprint, true))).toEqual({ accepted: false, why: 'revoked' });
  });
});
