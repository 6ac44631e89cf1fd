// `switchyard store rekey|backup|restore|status|lock`: the store's keys and copies.
import { existsSync, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { SwitchyardError } from '../../../src-shared/errors';
import { passphraseRule } from '../../../src-shared/model/passphraseStrength';
import { countOf } from '../../../src-shared/format/plural';
import { defaultDataDir } from '../../paths';
import { actorName } from '../../services';
import { AuditLog } from '../../store/auditLog';
import { backupKeysSuffix, backupStore, restoreStore } from '../../store/backupStore';
import { kdfFileName, keychainKeyFileName, passphraseKeyProvider, type KeyProvider } from '../../store/keyProvider';
import { openStore } from '../../store/openStore';
import { rekeyStore } from '../../store/rekeyStore';
import { storeExists } from '../../store/storeFiles';
import { holderFile, otherHolders, requestLock, type StoreHolder } from '../../store/storeHolders';
import type { Command } from '../command';
import { parseFlags } from '../parseFlags';
import { printJson, say, UsageError } from '../output';
import { promptHidden } from '../prompt';

const usage = `Usage:
  switchyard store rekey [--json]
      Change the master passphrase: the old one from SWITCHYARD_PASSPHRASE or a prompt, the new one from
      SWITCHYARD_NEW_PASSPHRASE or a prompt (twice). The store is rekeyed on a copy and swapped in: if
      anything stops it, the store opens with the old passphrase or the new one, never neither.
  switchyard store backup FILE [--force] [--json]
      An encrypted copy of the store with the same key: FILE, and FILE${backupKeysSuffix} (its salt and
      key check, nothing secret) which must stay beside it. Both 0600.
  switchyard store restore FILE [--json]
      Replace the store with the backup in FILE, opened with SWITCHYARD_PASSPHRASE (or a prompt): the
      passphrase the store had when it was backed up. Checked whole before anything is replaced; the
      store it replaces is kept in a before-restore-<time> folder beside it.
  switchyard store status [--json]
      Where the store is, whether a passphrase or the desktop app's OS keychain keeps its key, and which
      running Switchyards have it open. Moving the key between the keychain and a passphrase needs the
      keychain, which only the desktop app reaches: Store and security there does it, both ways.
  switchyard store lock [--json]
      Lock the store in every running Switchyard (the desktop app, serve, commands running): each closes
      the store and its SSH tunnels, and asks for the passphrase again.
A rekey or restore is refused while another Switchyard has the store open (lock it first).`;

const options = { force: { type: 'boolean' }, json: { type: 'boolean' } } as const;

async function currentKeys(): Promise<KeyProvider> {
  return passphraseKeyProvider(process.env.SWITCHYARD_PASSPHRASE || (await promptHidden('Switchyard passphrase: ')));
}

async function newPassphrase(): Promise<string> {
  const fromEnv = process.env.SWITCHYARD_NEW_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const first = await promptHidden(`${passphraseRule}\nNew passphrase for the Switchyard store: `);
  if ((await promptHidden('Repeat the new passphrase: ')) !== first) throw new UsageError('The passphrases do not match.');
  return first;
}

/** Records what was done to the store in its own audit log (opened with the key it has now). */
async function audit(dataDir: string, keys: KeyProvider, action: string, detail: Record<string, unknown>): Promise<void> {
  const db = await openStore(dataDir, keys);
  try {
    new AuditLog(db).append({ actor: actorName('cli'), action, target: 'store', detail });
  } finally {
    db.close();
  }
}

function requireStore(dataDir: string): void {
  if (!storeExists(dataDir)) throw new SwitchyardError('E_NOT_FOUND', `There is no store in ${dataDir}.`);
}

interface StoreStatus {
  dataDir: string;
  exists: boolean;
  keySource: 'passphrase' | 'keychain' | null;
  openIn: StoreHolder[];
}

/** Read from the files beside the store alone: no key is needed to say how it is kept. */
function storeStatus(dataDir: string): StoreStatus {
  const exists = storeExists(dataDir);
  const keySource = !exists ? null : existsSync(join(dataDir, keychainKeyFileName)) ? 'keychain' : existsSync(join(dataDir, kdfFileName)) ? 'passphrase' : null;
  return { dataDir, exists, keySource, openIn: otherHolders(dataDir) };
}

function statusText({ dataDir, exists, keySource, openIn }: StoreStatus): string {
  if (!exists) return `There is no store in ${dataDir} yet: the first command that needs one creates it with a passphrase.\n`;
  const key =
    keySource === 'keychain'
      ? "its key is kept by the desktop app's OS keychain (store.key): the CLI cannot open it until Store and security in the app moves it to a passphrase"
      : keySource === 'passphrase'
        ? 'it opens with a passphrase (store.kdf.json)'
        : 'its key file (store.kdf.json or store.key) is missing, so nothing can open it: restore it from the same backup as the store';
  const open = openIn.length ? `Open in ${openIn.map((h) => `${h.what} (pid ${h.pid})`).join(', ')}.` : 'No running Switchyard has it open.';
  return `The store ${join(dataDir, 'switchyard.db')}: ${key}.\n${open}\n`;
}

/** Waits (up to `ms`) for the holders asked to lock to let the store go; returns those still holding it. */
function released(dataDir: string, holders: StoreHolder[], ms: number): Promise<StoreHolder[]> {
  const holding = () => holders.filter((h) => existsSync(holderFile(dataDir, h.pid, 'json')));
  return new Promise((done) => {
    if (holding().length === 0) return done([]);
    const watcher = watch(dataDir, () => {
      if (holding().length > 0) return;
      clearTimeout(timer);
      watcher.close();
      done([]);
    });
    const timer = setTimeout(() => {
      watcher.close();
      done(holding());
    }, ms);
  });
}

async function run(args: string[]): Promise<number> {
  const { values: flags, positionals } = parseFlags(args, { options, allowPositionals: true }, usage);
  const [sub, file, extra] = positionals;
  const json = Boolean(flags.json);
  const dataDir = defaultDataDir();
  const needsFile = sub === 'backup' || sub === 'restore';
  if (!sub || !['rekey', 'backup', 'restore', 'status', 'lock'].includes(sub) || extra !== undefined || needsFile !== (file !== undefined))
    throw new UsageError(usage);
  switch (sub) {
    case 'rekey': {
      requireStore(dataDir);
      const oldKeys = await currentKeys();
      const newKeys = passphraseKeyProvider(await newPassphrase());
      await rekeyStore(dataDir, oldKeys, newKeys);
      // The same provider: the audit's open reuses the key the rekey derived.
      await audit(dataDir, newKeys, 'store.rekey', {});
      if (json) printJson({ rekeyed: true });
      else say('The store now opens with the new passphrase (and no longer with the old one).\n');
      return 0;
    }
    case 'backup': {
      requireStore(dataDir);
      const path = resolve(file as string);
      if ((existsSync(path) || existsSync(`${path}${backupKeysSuffix}`)) && !flags.force) throw new UsageError(`${path} exists: give --force to replace it.`);
      const keys = await currentKeys();
      const db = await openStore(dataDir, keys);
      try {
        await backupStore(db, dataDir, keys, path);
        new AuditLog(db).append({ actor: actorName('cli'), action: 'store.backup', target: 'store', detail: { file: path } });
      } finally {
        db.close();
      }
      if (json) printJson({ file: path, keys: `${path}${backupKeysSuffix}` });
      else say(`Backed up the store to ${path} (keep ${path}${backupKeysSuffix} beside it).\n`);
      return 0;
    }
    case 'restore': {
      const path = resolve(file as string);
      const keys = await currentKeys();
      const aside = await restoreStore(dataDir, path, keys);
      await audit(dataDir, keys, 'store.restore', { file: path, ...(aside ? { keptAside: aside } : {}) });
      if (json) printJson({ restored: path, keptAside: aside ?? null });
      else say(`Restored the store from ${path}.${aside ? ` The store it replaced is kept in ${aside}.` : ''}\n`);
      return 0;
    }
    case 'status': {
      const status = storeStatus(dataDir);
      if (json) printJson(status);
      else say(statusText(status));
      return 0;
    }
    default: {
      const asked = requestLock(dataDir);
      const holding = await released(dataDir, asked, 10_000);
      const locked = asked.filter((h) => !holding.includes(h));
      if (json) printJson({ locked, stillOpen: holding });
      else {
        say(
          asked.length === 0
            ? 'No running Switchyard has the store open.\n'
            : `Locked the store in ${countOf(locked.length, 'process', 'processes')}: ${locked.map((h) => `${h.what} (pid ${h.pid})`).join(', ') || 'none'}.\n`,
        );
        if (holding.length) say(`Still open after 10 s in: ${holding.map((h) => `${h.what} (pid ${h.pid})`).join(', ')}.\n`);
      }
      return holding.length ? 1 : 0;
    }
  }
}

export const storeCommand: Command = {
  name: 'store',
  summary: "the store's keys: change the passphrase, back up and restore, say how it is kept, lock every running Switchyard",
  usage,
  run,
};
