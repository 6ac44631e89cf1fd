// Whether a host key offered by an SSH server is accepted: the key pinned in the profile decides when
// there is one; otherwise ~/.ssh/known_hosts does when it knows the host. Anything else is refused,
// never accepted blindly: an unknown key waits for a person to accept its fingerprint.
import type { HostKey } from './hostKey';
import type { KnownHostKey } from './knownHosts';

export type HostKeyVerdict =
  | { accepted: true; by: 'pinned' | 'known_hosts' }
  | { accepted: false; why: 'unknown' }
  | { accepted: false; why: 'changed'; expected: string; by: 'pinned' | 'known_hosts' }
  | { accepted: false; why: 'revoked' };

export function hostKeyVerdict(offered: HostKey, pinned: string, known: readonly KnownHostKey[]): HostKeyVerdict {
  if (known.some((key) => key.revoked && key.fingerprint === offered.fingerprint)) return { accepted: false, why: 'revoked' };
  if (pinned) return pinned === offered.fingerprint ? { accepted: true, by: 'pinned' } : { accepted: false, why: 'changed', expected: pinned, by: 'pinned' };
  const trusted = known.filter((key) => !key.revoked);
  if (trusted.some((key) => key.fingerprint === offered.fingerprint)) return { accepted: true, by: 'known_hosts' };
  // As ssh: a known host offering another key of a type it has one of has changed its key.
  const sameType = trusted.find((key) => key.type === offered.type);
  if (sameType) return { accepted: false, why: 'changed', expected: sameType.fingerprint, by: 'known_hosts' };
  return { accepted: false, why: 'unknown' };
}
