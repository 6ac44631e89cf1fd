// The server goes away in the middle of a run: the user gets a clear error, and after the server is
// back the status is consistent and the run resumes where it stopped.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTarget } from '../../../src-main/runner/runnerService';
import { targetStatus } from '../../../src-main/runner/targetStatus';
import { startPostgres, type PostgresServer } from '../../support/embeddedPostgres';
import { postgresTarget } from '../../support/migrationTargets';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

describe('a run when the server is lost', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reports the lost connection, keeps bookkeeping consistent, and resumes after a restart', async () => {
    await adminQuery(server, 'CREATE DATABASE outage');
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'r1', parents: [], message: 'one', up: 'CREATE TABLE one (id int);' },
      { id: 'r2', parents: ['r1'], message: 'slow', up: 'CREATE TABLE two (id int);\nSELECT pg_sleep(30);' },
      { id: 'r3', parents: ['r2'], message: 'three', up: 'CREATE TABLE three (id int);' },
    ]);
    const target = postgresTarget(server, 'outage', project);
    const logs: string[] = [];
    const running = runTarget(
      target,
      { action: 'upgrade', to: 'heads' },
      {
        actor: 'tester',
        operation: {
          opId: 't',
          signal: new AbortController().signal,
          progress: () => undefined,
          checkpoint: () => undefined,
          log: (_l, line) => logs.push(line),
        },
      },
    ).catch((e: unknown) => e);
    // Halt the server while r2 sleeps inside its transaction.
    while (!logs.some((l) => l.includes('r2'))) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    await server.halt();
    const error = await running;
    expect(error).toMatchObject({ code: 'E_CONNECTION_LOST', message: expect.stringContaining('lost while applying r2') });

    await server.resume();
    const status = await targetStatus(target);
    expect(status.applied).toEqual(['r1']);
    const tables = await adminQuery(server, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", 'outage');
    // r2 rolled back with its bookkeeping: its table is not there either.
    expect(tables.rows.map((r: { tablename: string }) => r.tablename)).toEqual(['one', 'switchyard_migrations']);

    writeNativeProject(project, [
      { id: 'r1', parents: [], message: 'one', up: 'CREATE TABLE one (id int);' },
      { id: 'r2', parents: ['r1'], message: 'quick now', up: 'CREATE TABLE two (id int);' },
      { id: 'r3', parents: ['r2'], message: 'three', up: 'CREATE TABLE three (id int);' },
    ]);
    const resumed = await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'tester' });
    expect(resumed.steps.map((s) => s.revision)).toEqual(['r2', 'r3']);
  });
});
