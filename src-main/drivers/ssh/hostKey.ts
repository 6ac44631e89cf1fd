// A server's host key as SSH sends it (the public key blob): its type and its fingerprint, written as
// OpenSSH writes it (`SHA256:` and the unpadded base64 of the blob's SHA-256, ssh-keygen(1) -l).
import { createHash } from 'node:crypto';

export interface HostKey {
  /** The key's algorithm name from the blob, e.g. "ssh-ed25519". */
  type: string;
  fingerprint: string;
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The blob starts with its algorithm name as an SSH string (RFC 4253 §6.6): a 32-bit length, then the name. */
export function hostKeyOf(blob: Buffer): HostKey {
  const length = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const type = length > 0 && length + 4 <= blob.length ? blob.subarray(4, 4 + length).toString('latin1') : 'unknown';
  return { type, fingerprint: fingerprintOf(blob) };
}

/** "ED25519", "RSA", "ECDSA": the key's kind as ssh names it in its messages. */
export function keyKind(type: string): string {
  if (type === 'ssh-ed25519') return 'ED25519';
  if (type.startsWith('ecdsa-')) return 'ECDSA';
  if (type === 'ssh-rsa') return 'RSA';
  return type;
}
