import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempDir';

const bin = resolve('bin/switchyard.mjs');
const passphrase = 'store cli passphrase';
// The permission checks under test do not apply to root, so as root the CLI runs as "nobody".
const asRoot = process.getuid?.() === 0;
const nobody = 65534;

function cli(home: string, args: string[], options: { asOtherUser?: boolean } = {}) {
  const asNobody = asRoot && options.asOtherUser;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, ...(asNobody ? { HOME: home } : {}) },
    encoding: 'utf8',
    ...(asNobody ? { uid: nobody, gid: nobody } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function storeWithProfile(): string {
  const home = tempDir();
  expect(cli(home, ['profiles', 'add', '--name', 'kept', '--engine', 'sqlite', '--sqlite-path', '/tmp/kept.sqlite']).code).toBe(0);
  return home;
}

function snapshot(home: string) {
  return Object.fromEntries(
    readdirSync(home)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(home, name)))
          .digest('hex'),
      ]),
  );
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

function expectReadOnlyRefusal(result: { code: number | null; stderr: string }): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('[E_STORE_READ_ONLY]');
  noStackTrace(result.stderr);
}

describe('the CLI on a damaged or unusable store', () => {
  it('refuses an emptied store file with E_STORE_CORRUPT and the way out, and leaves it empty', () => {
    const home = storeWithProfile();
    writeFileSync(join(home, 'switchyard.db'), '');
    const before = snapshot(home);
    const listed = cli(home, ['profiles', 'list']);
    expect(listed.code).toBe(1);
    expect(listed.stdout).not.toContain('No connection profiles yet');
    expect(listed.stderr).toContain('[E_STORE_CORRUPT]');
    expect(listed.stderr).toContain(`Restore a backup of ${join(home, 'switchyard.db')}, or move it aside to start a new, empty store`);
    noStackTrace(listed.stderr);
    expect(snapshot(home)).toEqual(before);
  });

  it('says the key file is missing rather than that the passphrase is wrong', () => {
    const home = storeWithProfile();
    rmSync(join(home, 'store.kdf.json'));
    const before = snapshot(home);
    const listed = cli(home, ['profiles', 'list', '--json']);
    expect(listed.code).toBe(1);
    expect(JSON.parse(listed.stdout)).toMatchObject({ error: { code: 'E_STORE_KEY_MISSING', message: expect.stringContaining('store.kdf.json is missing') } });
    expect(snapshot(home)).toEqual(before);
  });

  it('says a store the user cannot write is read-only and what to do, for the file and for its folder', () => {
    const home = storeWithProfile();
    if (asRoot) for (const path of [home, ...readdirSync(home).map((name) => join(home, name))]) chownSync(path, nobody, nobody);
    const store = join(home, 'switchyard.db');

    chmodSync(store, 0o400);
    const before = snapshot(home);
    const fileReadOnly = cli(home, ['profiles', 'list'], { asOtherUser: true });
    expectReadOnlyRefusal(fileReadOnly);
    expect(fileReadOnly.stderr).toContain(`chmod u+w "${store}" "${home}"`);
    expect(snapshot(home)).toEqual(before);

    chmodSync(store, 0o600);
    chmodSync(home, 0o500);
    const folderReadOnly = cli(home, ['profiles', 'list'], { asOtherUser: true });
    chmodSync(home, 0o700);
    expectReadOnlyRefusal(folderReadOnly);
    expect(snapshot(home)).toEqual(before);
  });

  it('says a data folder the user cannot write is read-only before any store exists', () => {
    const home = tempDir();
    if (asRoot) chownSync(home, 0, 0);
    chmodSync(home, 0o555);
    const listed = cli(home, ['profiles', 'list'], { asOtherUser: true });
    chmodSync(home, 0o700);
    expectReadOnlyRefusal(listed);
    expect(readdirSync(home)).toEqual([]);
  });

  it('reports an internal error with the path of a private log, and writes the details there, not to the terminal', () => {
    const home = tempDir();
    // A folder where the store file should be: nothing Switchyard foresees, so an internal error.
    mkdirSync(join(home, 'switchyard.db'));
    const listed = cli(home, ['profiles', 'list']);
    const log = join(home, 'logs', 'cli.log');
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`Internal error (a bug in Switchyard); the details are in ${log}.\n  [E_INTERNAL]`);
    noStackTrace(listed.stderr);
    const written = readFileSync(log, 'utf8');
    expect(written).toMatch(/switchyard profiles: Error: EISDIR/);
    expect(written).toMatch(/^\s+at /m);
    expect(written).not.toContain(passphrase);
    expect(statSync(log).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'logs')).mode & 0o777).toBe(0o700);
  });
});
