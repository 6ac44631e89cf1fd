// A reset SIGKILLed right after its DROP DATABASE (issue 10, findings 3 and 7): the next open of the
// database says the reset was interrupted at that step and which snapshot restores it; a plan does
// not invent an owner nor try to copy a database that is gone; a re-run never says "unchanged"; and
// the restore command the CLI prints works exactly as printed, bringing every row and the owner back.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { quoteIdentifier } from '../../../src-main/drivers/identifier';
import { planWith } from '../../../src-main/reset/resetRun';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy';
import { adminQuery, scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';
import { conditionOf, finished, postgresTarget, reset, rows, scopeOf, shellWithSwitchyard, shopProject } from './resetSupport';

const server = inject('postgres');
const owner = `interrupted_owner_${process.pid}`;
const passphrase = 'interrupted reset test';
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(server);
  await adminQuery(server, `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} NOLOGIN; END IF; END $$`);
});
afterAll(async () => {
  await proxy.close();
  const left = await adminQuery(server, "SELECT datname FROM pg_database WHERE datname LIKE 'switchyard\\_snapshot\\_%'");
  for (const { datname } of left.rows as Array<{ datname: string }>) await adminQuery(server, `DROP DATABASE ${quoteIdentifier(datname)} WITH (FORCE)`);
});

/** A data folder whose store the CLI and these services share (a cheap key derivation, recorded beside it). */
async function sharedHome(): Promise<{ home: string; services: Services }> {
  const home = tempDir();
  const services = createServices({ dataDir: home, onUnexpectedError: () => undefined });
  await services.session.unlock(passphraseKeyProvider(passphrase, { N: 1024, r: 8, p: 1 }));
  return { home, services };
}

const cliEnv = (home: string) => ({ ...process.env, SWITCHYARD_HOME: home, SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password });

describe('a reset killed after its drop', () => {
  it('is reported on the next open with the step and the snapshot, and the printed restore brings everything back', async () => {
    const database = await scratchDatabase(server, 'interrupted');
    await adminQuery(server, `ALTER DATABASE ${quoteIdentifier(database)} OWNER TO ${owner}`);
    const project = shopProject();
    // Through the proxy, as the killed CLI reached it: the database is known by that address.
    const target = postgresTarget({ ...server, host: proxy.host, port: proxy.port }, database, project);
    await runTarget(target, { action: 'upgrade', to: 'heads' }, { actor: 'setup' });
    await rows(server, database, "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace'); INSERT INTO orders VALUES (10, 1)");
    const before = await rows(server, database, 'SELECT id, name FROM customers ORDER BY id');
    const { home, services } = await sharedHome();
    const url = `postgres://${server.user}@${proxy.host}:${proxy.port}/${database}`;

    const dropped = proxy.holdAt((sql) => sql.startsWith(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`), 'afterReply');
    const cli = spawn(
      process.execPath,
      [resolve('bin/switchyard.mjs'), 'reset', '--url', url, '--project', project, '--mode', 'recreate', '--to', 'heads', '--confirm', database],
      { env: cliEnv(home), stdio: 'ignore' },
    );
    const held = await dropped;
    cli.kill('SIGKILL');
    await held.clientGone;

    const condition = await conditionOf(services, target);
    expect(condition.databaseExists).toBe(false);
    expect(condition.interruptedReset).toMatchObject({ stepNumber: 3, step: 'drop', snapshot: { name: expect.stringMatching(/^Before reset/) } });
    expect(condition.notices).toContain(condition.interruptedReset?.message);
    expect(condition.interruptedReset?.message).toMatch(
      /^A reset started .* was interrupted at step 3 of 6 \(Drop the database\); the snapshot to restore is "Before reset/,
    );
    expect(condition.latestSnapshot?.id).toBe(condition.interruptedReset?.snapshot?.id);

    const plan = await planWith(services.snapshots, scopeOf(target), { mode: 'recreate', to: 'heads', takeSnapshot: true }, 'tester');
    expect(plan.steps.map((s) => s.step)).toEqual(['create', 'migrate', 'verify']);
    expect(plan.steps[0]?.statements.join(' ')).toContain(`OWNER ${quoteIdentifier(owner)}`);

    const status = await finished(process.execPath, [resolve('bin/switchyard.mjs'), 'status', '--url', url, '--project', project], cliEnv(home));
    expect(status.status).toBe(1);
    expect(status.stderr).toContain(`${database} does not exist. Its latest snapshot is "Before reset`);
    expect(status.stderr).toContain('to restore it: switchyard snapshot restore');
    const listed = await finished(process.execPath, [resolve('bin/switchyard.mjs'), 'snapshot', 'list', '--url', url], cliEnv(home));
    expect(listed.stderr).toContain('was interrupted at step 3 of 6');
    const printed = /to restore it: (switchyard snapshot restore .*)$/m.exec(listed.stderr)?.[1] ?? '';
    const restored = await shellWithSwitchyard(cliEnv(home))(printed);
    expect(restored.status, `${printed}\n${restored.stderr}`).toBe(0);
    expect(await rows(server, database, 'SELECT id, name FROM customers ORDER BY id')).toEqual(before);
    expect(await rows(server, 'postgres', `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = '${database}'`)).toEqual([{ owner }]);
    expect((await conditionOf(services, target)).notices).toEqual([]);
  });

  it('a re-run on the missing database creates it with the recorded owner and never says "unchanged"', async () => {
    const database = await scratchDatabase(server, 'rerun');
    await adminQuery(server, `ALTER DATABASE ${quoteIdentifier(database)} OWNER TO ${owner}`);
    const target = postgresTarget(server, database, shopProject());
    const { services } = await sharedHome();
    const first = await reset(services, target, {});
    expect(first.ok).toBe(true);
    await adminQuery(server, `DROP DATABASE ${quoteIdentifier(database)}`);

    const rerun = await reset(services, target, { to: 'heads', seedFile: writeSeed('INSERT INTO nowhere VALUES (1);') });

    expect(rerun.steps.map((s) => s.step)).toEqual(['create', 'migrate', 'seed']);
    expect(rerun.databaseState).not.toMatch(/unchanged/);
    expect(await rows(server, 'postgres', `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = '${database}'`)).toEqual([{ owner }]);
  });
});

function writeSeed(sql: string): string {
  const path = join(tempDir(), 'seed.sql');
  writeFileSync(path, sql);
  return path;
}
