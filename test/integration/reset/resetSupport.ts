// What the reset tests share: unlocked services over a temp data folder, a PostgreSQL target, and
// the project every reset test migrates (two revisions, a row of data each).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { join, resolve } from 'node:path';
import type { Confirmation } from '../../../src-shared/model/confirmation';
import type { ResetRequest } from '../../../src-shared/model/reset';
import type { MigrationTarget } from '../../../src-main/targets/migrationTarget';
import { readCondition } from '../../../src-main/reset/databaseCondition';
import { runReset } from '../../../src-main/reset/resetRun';
import type { SnapshotScope } from '../../../src-main/reset/snapshots';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { postgresTarget } from '../../support/migrationTargets';
import { runTarget } from '../../../src-main/runner/runnerService';
import { scratchDatabase, type ServerAddress } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

export { postgresTarget };

export const shop: RevisionSpec[] = [
  { id: 'cust01', parents: [], message: 'customers', up: 'CREATE TABLE customers (id int PRIMARY KEY, name text);' },
  { id: 'ordr02', parents: ['cust01'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers(id));' },
];

export async function unlockedServices(): Promise<Services> {
  const services = createServices({ dataDir: tempDir(), onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider('reset test passphrase', { N: 1024, r: 8, p: 1 }));
  return services;
}

export function shopProject(revisions: RevisionSpec[] = shop): string {
  const dir = join(tempDir(), 'migrations');
  writeNativeProject(dir, revisions);
  return dir;
}

export function scopeOf(target: MigrationTarget): SnapshotScope {
  return { key: `url:${target.name}`, target };
}

export function reset(services: Services, target: MigrationTarget, request: Partial<ResetRequest>, confirmation: Confirmation = {}) {
  return runReset(
    services.snapshots,
    scopeOf(target),
    { mode: 'recreate', takeSnapshot: true, ...request },
    {
      actor: 'tester via test',
      confirmation: { typedName: target.connection.database, ...confirmation },
      audit: (record) => services.session.store.audit.append(record),
    },
  );
}

/** A client that stays connected, as a colleague's psql would. */
export async function openSession(server: ServerAddress, database: string): Promise<pg.Client> {
  const client = new pg.Client({ ...server, database, application_name: 'colleague-psql' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export async function rows(server: ServerAddress, database: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ ...server, database });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A scratch database at the shop's heads with a few rows and a table the migrations do not know. */
export async function shopWithData(server: ServerAddress, prefix = 'reset') {
  const database = await scratchDatabase(server, prefix);
  const project = shopProject();
  const target = postgresTarget(server, database, project);
  await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
  await rows(server, database, "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'); INSERT INTO orders VALUES (10, 1); CREATE TABLE leftovers (note text);");
  return { database, project, target };
}

/** What opening the connection says first, as the UI and the CLI read it. */
export async function conditionOf(services: Services, target: MigrationTarget) {
  const database = await services.snapshots.open(target);
  try {
    return await readCondition(services.snapshots, services.snapshots.journal, scopeOf(target), database, 'tester');
  } finally {
    await database.close();
  }
}

/** The id of a process that has ended: what a killed CLI leaves in the store. */
export function endedProcessId(): number {
  const ended = spawnSync(process.execPath, ['-e', '']);
  return ended.pid ?? 0;
}

/** Runs a child to its end without blocking this process: the fault proxy it talks through lives here. */
export function finished(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('close', (status) => done({ status, stdout, stderr })));
}

/** A `switchyard` on the PATH, so a printed command runs in a shell exactly as printed. */
export function shellWithSwitchyard(env: NodeJS.ProcessEnv) {
  const bin = join(tempDir(), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'switchyard'), `#!/bin/sh\nexec "${process.execPath}" "${resolve('bin/switchyard.mjs')}" "$@"\n`);
  chmodSync(join(bin, 'switchyard'), 0o755);
  return (line: string) => finished('sh', ['-c', line], { ...env, PATH: `${bin}:${process.env.PATH ?? ''}` });
}
