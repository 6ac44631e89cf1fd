import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempDir';

const bin = resolve('bin/switchyard.mjs');

function cliIn(cwd: string, home: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: 'paths passphrase' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('file paths given to switchyard profiles', () => {
  it('keeps a relative SQLite file, CA file and project folder absolute, so the profile means the same from any folder', () => {
    const home = tempDir();
    const work = join(tempDir(), 'work');
    mkdirSync(work);
    const added = cliIn(work, home, [
      'profiles',
      'add',
      '--name',
      'relative',
      '--engine',
      'sqlite',
      '--sqlite-path',
      'app.db',
      '--ssl-ca',
      './ca.pem',
      '--project',
      'migrations',
    ]);
    expect(added.code, added.stderr).toBe(0);
    const [profile] = JSON.parse(cliIn(tempDir(), home, ['profiles', 'list', '--json']).stdout) as {
      sqlitePath: string;
      sslCaFile: string;
      projectDir: string;
    }[];
    expect(profile).toMatchObject({ sqlitePath: join(work, 'app.db'), sslCaFile: join(work, 'ca.pem'), projectDir: join(work, 'migrations') });

    expect(cliIn(join(work, '..'), home, ['profiles', 'edit', 'relative', '--sqlite-path', 'work/other.db']).code).toBe(0);
    const [edited] = JSON.parse(cliIn(tempDir(), home, ['profiles', 'list', '--json']).stdout) as { sqlitePath: string }[];
    expect(edited?.sqlitePath).toBe(join(work, 'other.db'));
  });
});
