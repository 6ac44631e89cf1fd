// A check value for the store's key, kept beside the store: it tells a wrong key from a damaged
// store file, which SQLCipher alone cannot (both read as "not a database").
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const keyCheckFileName = 'store.keycheck';

export type KeyVerdict = 'right' | 'wrong' | 'unknown';

function checkValue(key: Buffer): Buffer {
  return createHmac('sha256', key).update('switchyard store key check v1').digest();
}

/** 'unknown' when no (readable) check was kept yet, as for stores made before checks existed. */
export function judgeKey(storeDir: string, key: Buffer): KeyVerdict {
  const path = join(storeDir, keyCheckFileName);
  if (!existsSync(path)) return 'unknown';
  let kept: Buffer;
  try {
    kept = Buffer.from((JSON.parse(readFileSync(path, 'utf8')) as { check?: unknown }).check as string, 'base64');
  } catch {
    return 'unknown';
  }
  const expected = checkValue(key);
  return kept.length === expected.length && timingSafeEqual(kept, expected) ? 'right' : 'wrong';
}

/** The content of the check file for this key. */
export function keyCheckText(key: Buffer): string {
  return `${JSON.stringify({ version: 1, check: checkValue(key).toString('base64') })}\n`;
}

export function keepKeyCheck(storeDir: string, key: Buffer): void {
  const path = join(storeDir, keyCheckFileName);
  // Written beside, then renamed: a crash never leaves a half-written check that would call a right key wrong.
  const partial = `${path}.partial`;
  writeFileSync(partial, keyCheckText(key), { mode: 0o600 });
  renameSync(partial, path);
}
