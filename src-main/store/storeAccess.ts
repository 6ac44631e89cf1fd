// The store's files are the user's alone (0600), and a store Switchyard cannot write is said so
// before it fails half-way.
import { accessSync, chmodSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { SwitchyardError } from '../../src-shared/errors';

export const privateFileMode = 0o600;

/** Tightens files Switchyard made with looser modes (older versions, SQLite's default 0644). */
export function keepPrivate(paths: string[]): void {
  const uid = process.getuid?.();
  for (const path of paths.filter((p) => existsSync(p))) {
    const { mode, uid: owner } = statSync(path);
    if ((mode & 0o077) !== 0 && (uid === undefined || owner === uid)) chmodSync(path, privateFileMode);
  }
}

export function storeReadOnly(path: string): SwitchyardError {
  const folder = dirname(path);
  return new SwitchyardError(
    'E_STORE_READ_ONLY',
    `The store ${path} cannot be written: the file or its folder ${folder} is read-only for you, and Switchyard writes ` +
      `to the store on every change and keeps its journal beside it. Make both writable (chmod u+w "${path}" "${folder}"), ` +
      'or set SWITCHYARD_HOME to a writable folder. Nothing was changed.',
    { path },
  );
}

export function requireWritable(path: string): void {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw storeReadOnly(path);
  }
}

const readOnlyCodes = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'EACCES', 'EPERM', 'EROFS']);

/** SQLite and file-system errors that mean "cannot write here" (a read-only mount, another owner). */
export function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (readOnlyCodes.has(code) || code.startsWith('SQLITE_READONLY_'));
}
