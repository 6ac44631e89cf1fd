// The real sqitch (Debian's package, with DBD::Pg) run against a test database, as a user runs it.
import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServerAddress } from '../../../support/scratchDatabase';
import { tempDir } from '../../../support/tempDir';

export interface SqitchRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** sqitch's target URI for a database of the test server; the password goes through PGPASSWORD, never the URI. */
export const sqitchTarget = (server: ServerAddress, database: string) => `db:pg://${server.user}@${server.host}:${server.port}/${database}`;

/** sqitch's target URI for a SQLite file (its registry is then sqitch.db beside it). */
export const sqliteSqitchTarget = (path: string) => `db:sqlite:${path}`;

/** `server` gives PostgreSQL's password; null on SQLite. */
export async function sqitch(server: Pick<ServerAddress, 'password'> | null, projectDir: string, args: readonly string[]): Promise<SqitchRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)('/usr/bin/sqitch', [...args], {
      cwd: projectDir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: projectDir,
        ...(server ? { PGPASSWORD: server.password } : {}),
        SQITCH_FULLNAME: 'Sqitch User',
        SQITCH_EMAIL: 'sqitch@shop.example',
        LC_ALL: 'C',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** A copy of a fixture project, so a test may change its files. */
export function copyOfFixture(name: string): string {
  const dir = join(tempDir(), name);
  cpSync(join('test/fixtures/migrations', name), dir, { recursive: true });
  return dir;
}
