// Switchyard's encrypted profile bundle, version 1: a JSON file a person hands to a colleague.
//
//   {"format": "switchyard-profile-bundle", "version": 1,
//    "kdf": {"name": "scrypt", "N": 32768, "r": 8, "p": 1, "salt": <16 bytes, base64>},
//    "cipher": {"name": "aes-256-gcm", "iv": <12 bytes, base64>},
//    "ciphertext": <base64>, "tag": <16 bytes, base64>}
//
// The key is scrypt(passphrase NFC, salt, 32 bytes); the header (everything but ciphertext and tag, as
// JSON in the order above) is the GCM additional data, so a changed cost or salt fails like a wrong
// passphrase. The plaintext is JSON {"profiles": [{<profile fields>, "password"?: string, "ssh"?: [{host, port,
// user, auth, keyFile, hostKey, "secret"?}]}]}.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { SwitchyardError } from '../../../src-shared/errors';
import { profileFieldNames, type ProfileFields } from '../../../src-shared/model/profile';
import type { SshHopInput } from '../../../src-shared/model/sshRoute';
import { profileBundleFormat } from '../../../src-shared/model/profileImport';

export const bundleFormat = profileBundleFormat;
export const bundleVersion = 1;

export interface BundledProfile extends Partial<ProfileFields> {
  name: string;
  password?: string;
  /** The SSH route, outermost host first, each with its passphrase or password (`secret`) when one is stored. */
  ssh?: SshHopInput[];
}

interface BundleHeader {
  format: typeof bundleFormat;
  version: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: { name: 'aes-256-gcm'; iv: string };
}

// 2^15 × 8 × 128 bytes = 32 MiB and a fraction of a second: each guess at a stolen bundle costs as much.
const bundleCost = { N: 2 ** 15, r: 8, p: 1 };

function deriveKey(passphrase: string, kdf: BundleHeader['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

const additionalData = (header: BundleHeader) =>
  Buffer.from(JSON.stringify({ format: header.format, version: header.version, kdf: header.kdf, cipher: header.cipher }));

export async function sealBundle(profiles: BundledProfile[], passphrase: string): Promise<string> {
  const header: BundleHeader = {
    format: bundleFormat,
    version: bundleVersion,
    kdf: { name: 'scrypt', ...bundleCost, salt: randomBytes(16).toString('base64') },
    cipher: { name: 'aes-256-gcm', iv: randomBytes(12).toString('base64') },
  };
  const key = await deriveKey(passphrase, header.kdf);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.cipher.iv, 'base64'));
  cipher.setAAD(additionalData(header));
  const plain = Buffer.from(JSON.stringify({ profiles }), 'utf8');
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  plain.fill(0);
  return `${JSON.stringify({ ...header, ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') }, null, 2)}\n`;
}

export function isBundle(parsed: unknown): boolean {
  return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === bundleFormat;
}

function unreadable(reason: string): SwitchyardError {
  return new SwitchyardError('E_INVALID_INPUT', `Not a Switchyard bundle Switchyard can read: ${reason}. Nothing was imported.`);
}

function readHeader(text: string): BundleHeader & { ciphertext: string; tag: string } {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw unreadable('it is not JSON');
  }
  if (!isBundle(parsed)) throw unreadable(`its "format" is not "${bundleFormat}"`);
  if (parsed.version !== bundleVersion) throw unreadable(`version ${String(parsed.version)} (this Switchyard reads version ${bundleVersion}; update it)`);
  const kdf = parsed.kdf as BundleHeader['kdf'] | undefined;
  const cipher = parsed.cipher as BundleHeader['cipher'] | undefined;
  const costly = kdf && Number.isInteger(kdf.N) && kdf.N <= 2 ** 20 && Number.isInteger(kdf.r) && kdf.r <= 32 && Number.isInteger(kdf.p) && kdf.p <= 16;
  if (kdf?.name !== 'scrypt' || !costly || typeof kdf.salt !== 'string') throw unreadable('its key derivation is not scrypt with sane costs');
  if (cipher?.name !== 'aes-256-gcm' || typeof cipher.iv !== 'string') throw unreadable('its cipher is not AES-256-GCM');
  if (typeof parsed.ciphertext !== 'string' || typeof parsed.tag !== 'string') throw unreadable('its ciphertext or tag is missing');
  return parsed as unknown as BundleHeader & { ciphertext: string; tag: string };
}

export async function openBundle(text: string, passphrase: string): Promise<BundledProfile[]> {
  const sealed = readHeader(text);
  const key = await deriveKey(passphrase, sealed.kdf);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.cipher.iv, 'base64'));
  decipher.setAAD(additionalData(sealed));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  let plain: Buffer;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new SwitchyardError(
      'E_BUNDLE_PASSPHRASE',
      "The bundle's passphrase is wrong, or the bundle was changed since it was made: it does not decrypt. Nothing was imported.",
    );
  }
  const profiles = (JSON.parse(plain.toString('utf8')) as { profiles?: unknown }).profiles;
  plain.fill(0);
  if (!Array.isArray(profiles)) throw unreadable('it holds no profile list');
  return profiles as BundledProfile[];
}

/** A profile's fields as a bundle carries them (every field of the field table). */
export function bundledFields(profile: ProfileFields): Omit<BundledProfile, 'password'> {
  return Object.fromEntries(profileFieldNames.map((field) => [field, profile[field]])) as unknown as Omit<BundledProfile, 'password'>;
}
