// `switchyard reset` SIGKILLed at each of its steps on PostgreSQL (issue 10): the next command says
// the reset was interrupted (and that the database is gone, when it is), offers the snapshot taken
// first as a command that works as printed, and that command brings back every row, the owner,
// the encoding and the collation.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { output } from '../../support/cliProcess';
import type { HoldMode, StatementMatch } from '../../support/faultProxy';
import { openFaultBench, ownerRole, type FaultBench } from './faultSupport';

const server = inject('postgres');
let bench: FaultBench;

beforeAll(async () => {
  bench = await openFaultBench(server, 'fault_reset');
});
afterAll(() => bench.close());

const quoted = (database: string) => `"${database}"`;
const copiesFrom = (database: string) => (sql: string) => /^\s*CREATE DATABASE/i.test(sql) && sql.includes(`TEMPLATE ${quoted(database)}`);

interface KillPoint {
  step: string;
  /** The reset's mode: recreate unless said. */
  resetMode?: 'wipe';
  mode: HoldMode;
  /** The statement to kill at, given the database's name. */
  at: (database: string) => StatementMatch;
  /** The database no longer exists after this kill. */
  gone: boolean;
}

// Each after the snapshot step: a snapshot to offer exists.
const afterSnapshot: KillPoint[] = [
  // The terminate statement of the reset itself, not the one the snapshot step runs on its template.
  { step: 'terminate', mode: 'beforeServer', at: (db) => (sql, earlier) => sql.includes('pg_terminate_backend') && earlier.some(copiesFrom(db)), gone: false },
  { step: 'drop', mode: 'afterReply', at: (db) => (sql) => new RegExp(`^\\s*DROP DATABASE (IF EXISTS )?${quoted(db)}`, 'i').test(sql), gone: true },
  { step: 'create', mode: 'beforeServer', at: (db) => (sql) => new RegExp(`^\\s*CREATE DATABASE ${quoted(db)} OWNER`, 'i').test(sql), gone: true },
  { step: 'migrate', mode: 'beforeServer', at: () => /CREATE TABLE orders/, gone: false },
  { step: 'seed', mode: 'beforeServer', at: () => /INSERT INTO customers VALUES \(100/, gone: false },
  // Wipe mode drops the schemas instead of the database: killed once they are gone.
  { step: 'wipe', resetMode: 'wipe', mode: 'afterReply', at: () => /DROP SCHEMA "?public"?/i, gone: false },
];

function resetArgs(database: string, resetMode: 'recreate' | 'wipe' = 'recreate'): string[] {
  return [
    'reset',
    '--url',
    bench.url(database),
    '--project',
    bench.project,
    '--mode',
    resetMode,
    '--to',
    'heads',
    '--seed',
    bench.seedFile,
    '--confirm',
    database,
  ];
}

// Several CLI runs per test, on a machine that may be busy: more room than the default minute.
describe('switchyard reset killed at a step', { timeout: 180_000 }, () => {
  it.each(afterSnapshot)('at $step: the next command says so and its printed restore brings everything back', async ({ resetMode, mode, at, gone }) => {
    const database = await bench.shopDatabase();
    const original = await bench.fingerprint(database);
    await bench.cli.killAt(bench.proxy, at(database), mode, resetArgs(database, resetMode));
    await bench.settled();
    expect(await bench.exists(database)).toBe(!gone);

    const next = await bench.cli.run(['snapshot', 'list', '--url', bench.url(database)]);
    expect(output(next)).toMatch(/reset .*interrupted|interrupted .*reset/i);
    if (gone) expect(output(next)).toMatch(/does not exist|is missing|was dropped/i);
    const recovery = await bench.runPrinted(next, 'snapshot restore');
    expect(recovery.code, output(recovery)).toBe(0);
    expect(await bench.fingerprint(database)).toEqual(original);
  });

  it('at snapshot: the database is untouched and the half-made copy is listed or cleaned up, never left unseen', async () => {
    const database = await bench.shopDatabase();
    const original = await bench.fingerprint(database);
    const { held } = await bench.cli.killAt(bench.proxy, copiesFrom(database), 'afterReply', resetArgs(database));
    await bench.settled();
    const copy = /^\s*CREATE DATABASE ("[^"]+"|\S+)/i.exec(held.sql)?.[1]?.replace(/"/g, '') ?? '';
    expect(await bench.exists(copy)).toBe(true);
    expect(await bench.fingerprint(database)).toEqual(original);

    const next = await bench.cli.run(['snapshot', 'list', '--url', bench.url(database)]);
    expect(output(next)).toMatch(/reset .*interrupted|interrupted .*reset/i);
    const listed = JSON.parse((await bench.cli.run(['snapshot', 'list', '--url', bench.url(database), '--json'])).stdout) as Array<{ location: string }>;
    expect(listed.some((s) => s.location === copy) || !(await bench.exists(copy))).toBe(true);
  });

  it('after a kill that dropped the database, status and a re-run say it is missing and name its snapshot, never "unchanged", and the first snapshot still restores it', async () => {
    const database = await bench.shopDatabase();
    const original = await bench.fingerprint(database);
    const drop = afterSnapshot.find((k) => k.step === 'drop') as KillPoint;
    await bench.cli.killAt(bench.proxy, drop.at(database), drop.mode, resetArgs(database));
    await bench.settled();

    const status = await bench.cli.run(['status', '--url', bench.url(database), '--project', bench.project]);
    expect(output(status)).toMatch(/does not exist|is missing|was dropped/i);
    expect(output(status)).toContain('Before reset');
    const plan = await bench.cli.run(resetArgs(database).slice(0, -2));
    expect(output(plan)).toMatch(/does not exist|is missing|was dropped/i);
    // Whatever it plans to create, it is owned by the role that owned the database, never by whoever runs the CLI.
    expect(output(plan)).not.toMatch(new RegExp(`OWNER (?!"?${ownerRole}\\b)`));
    const rerun = await bench.cli.run(resetArgs(database));
    expect(output(rerun)).not.toMatch(/unchanged/i);

    const list = await bench.cli.run(['snapshot', 'list', '--url', bench.url(database), '--json']);
    const snapshots = JSON.parse(list.stdout) as Array<{ id: string; name: string; createdAt: string }>;
    const first = [...snapshots].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
    expect(first?.name).toMatch(/^Before reset/);
    const restore = await bench.cli.run(['snapshot', 'restore', first?.id ?? '', '--url', bench.url(database)]);
    expect(restore.code, output(restore)).toBe(0);
    expect(await bench.fingerprint(database)).toEqual(original);
  });
});
