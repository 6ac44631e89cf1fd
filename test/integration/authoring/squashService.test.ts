// Squash on real databases: 38 revisions of a native project (tables made, changed and dropped, an
// index, a view) squashed into one on PostgreSQL, proved by replaying both projects up and down to the
// run's parent; the run's files archived byte for byte and the CRLF + BOM child keeping its bytes but
// its parents line; the stamp the bound database needs; undo. Refusals: a SQLite database standing
// inside the run, and a run holding a branch point — nothing written either time.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { ProfileInput } from '../../../src-shared/model/profile';
import { undoLastWrite } from '../../../src-main/authoring/projectWrites';
import { UndoRecords } from '../../../src-main/authoring/undoRecords';
import { loadProject } from '../../../src-main/migrations/project';
import { runTarget } from '../../../src-main/runner/runnerService';
import { createServices, type Services } from '../../../src-main/services';
import { passphraseKeyProvider } from '../../../src-main/store/keyProvider';
import { postgresTarget, sqliteTarget } from '../../support/migrationTargets';
import { writeNativeProject, type RevisionSpec } from '../../support/nativeProject';
import { scratchDatabase } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const setup = { actor: 'tester' };
const id = (n: number) => `r${String(n).padStart(2, '0')}`;

/** r01, then 38 revisions r02..r39 that make, change and drop tables (an index, a view), then r40 building on them. */
function history(): RevisionSpec[] {
  const legacy = (k: number) => `CREATE TABLE legacy${k} (id integer PRIMARY KEY, code char(3) UNIQUE);`;
  const revisions: RevisionSpec[] = [
    {
      id: 'r01',
      parents: [],
      message: 'accounts',
      up: `CREATE TABLE accounts (id integer PRIMARY KEY);\n${[1, 2, 3].map(legacy).join('\n')}`,
      down: 'SELECT 1;',
    },
  ];
  const table = (t: string) => `CREATE TABLE ${t} (id integer PRIMARY KEY, name varchar(40) NOT NULL, account_id integer REFERENCES accounts (id));`;
  const made: string[] = [];
  for (let n = 2; n <= 39; n += 1) {
    const last = made[made.length - 1] as string;
    let step: Pick<RevisionSpec, 'up' | 'down'>;
    if (n % 5 === 0) step = { up: `ALTER TABLE ${last} ADD COLUMN note varchar(20) DEFAULT 'x';`, down: `ALTER TABLE ${last} DROP COLUMN note;` };
    else if (n % 7 === 0) step = { up: `ALTER TABLE ${last} ALTER COLUMN name TYPE text;`, down: `ALTER TABLE ${last} ALTER COLUMN name TYPE varchar(40);` };
    else if (n % 11 === 0) step = { up: `DROP TABLE legacy${n / 11};`, down: legacy(n / 11) };
    else if (n === 13) step = { up: 'CREATE VIEW account_ids AS SELECT id FROM accounts;', down: 'DROP VIEW account_ids;' };
    else {
      made.push(`t${n}`);
      step = { up: `${table(`t${n}`)}\nCREATE INDEX t${n}_name ON t${n} (name);`, down: `DROP TABLE t${n};` };
    }
    revisions.push({ id: id(n), parents: [id(n - 1)], message: `step ${n}`, ...step });
  }
  revisions.push({ id: 'r40', parents: ['r39'], message: 'audit', up: 'CREATE TABLE audit (id integer PRIMARY KEY);', down: 'DROP TABLE audit;' });
  return revisions;
}

/** A file saved on Windows: a BOM and CRLF line ends. */
function windowsStyle(file: string): void {
  writeFileSync(file, `\uFEFF${readFileSync(file, 'utf8').replace(/\n/g, '\r\n')}`);
}

async function unlocked(): Promise<{ services: Services; dataDir: string }> {
  const dataDir = tempDir();
  const services = createServices({ dataDir, onUnexpectedError: () => undefined });
  onTestFinished(() => services.close());
  await services.session.unlock(passphraseKeyProvider('squash test passphrase', { N: 1024, r: 8, p: 1 }));
  return { services, dataDir };
}

async function saved(services: Services, profile: ProfileInput): Promise<string> {
  const created = await services.dispatch('profiles.create', { profile }, setup);
  if (!created.ok) throw new Error(created.error.message);
  return (created.value as { id: string }).id;
}

function filesOf(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => (name.endsWith('.sql') ? [[name, readFileSync(join(dir, name))]] : [])),
  );
}

describe('squash', () => {
  it('squashes 38 revisions into one on PostgreSQL, proved up and down, the files archived byte for byte and the CRLF + BOM child kept but its parents line', async () => {
    const dir = join(tempDir(), 'migrations');
    writeNativeProject(dir, history());
    const names = readdirSync(dir);
    const fileOf = (rev: string) => names.find((n) => n.endsWith(`_${rev}.sql`)) as string;
    for (const rev of ['r01', 'r07', 'r40']) windowsStyle(join(dir, fileOf(rev)));
    const database = await scratchDatabase(server, 'squash');
    await runTarget(postgresTarget(server, database, dir), { action: 'upgrade', to: 'heads' }, setup);
    const { services, dataDir } = await unlocked();
    const { host, port, user, password } = server;
    const profileId = await saved(services, {
      name: 'squash pg',
      environment: 'dev',
      engine: 'postgres',
      host,
      port,
      user,
      password,
      database,
      projectDir: dir,
    });
    const before = filesOf(dir);

    const plan = await services.squashes.write({ projectDir: dir, first: 'r02', last: 'r39', message: 'Consolidated schema' }, 'tester');

    expect(plan.run.revisions).toHaveLength(38);
    expect(plan.proof.proven).toBe(true);
    expect(plan.proof.up.diff.equal && plan.proof.down.diff.equal).toBe(true);
    expect(plan.proof.up.original).toBeGreaterThan(100);
    expect(plan.proof.downNote).toBeUndefined();
    expect(plan.revision.up.statements.length).toBeGreaterThan(0);
    expect(plan.standings).toEqual([expect.objectContaining({ connection: 'squash pg', standing: 'past the run', appliedAfter: ['r40'] })]);
    // r40, applied, implies the squashed revision: no stamp is offered.
    expect(plan.stamps).toEqual([]);
    expect(plan.diff).toContain(`+++ b/${plan.revision.file}`);

    const squashedId = plan.revision.id;
    const after = filesOf(dir);
    for (const rev of plan.run.revisions) {
      expect(after.has(fileOf(rev))).toBe(false);
      expect(after.get(`archive/${squashedId}/${fileOf(rev)}`)).toEqual(before.get(fileOf(rev)));
    }
    expect(after.get(fileOf('r01'))).toEqual(before.get(fileOf('r01')));
    const child = after.get(fileOf('r40'))?.toString('utf8') ?? '';
    expect(child).toBe((before.get(fileOf('r40'))?.toString('utf8') ?? '').replace('-- parents: r39\r\n', `-- parents: ${squashedId}\r\n`));
    expect(child.startsWith('\uFEFF-- revision: r40\r\n')).toBe(true);
    expect(readFileSync(join(dir, plan.proofFile), 'utf8')).toContain('Result: **proven**');
    expect(services.session.store.audit.list(1)[0]).toMatchObject({
      actor: 'tester',
      action: 'revision.write',
      detail: { action: 'squash', revision: squashedId, replaces: plan.run.revisions },
    });

    const squashed = loadProject(dir);
    expect(squashed.graph.topological).toEqual(['r01', squashedId, 'r40']);
    // The archive beside its proof is not reported as files the format would not run.
    expect(squashed.anomalies).toEqual([]);

    const status = await services.runner.status({ profileId });
    expect(status.applied).toEqual(['r01', squashedId, 'r40']);
    expect(status.pending).toEqual([]);
    expect(status.unknown).toHaveLength(38);

    await undoLastWrite(dir, { undo: new UndoRecords(join(dataDir, 'authoring-undo')) });
    expect(filesOf(dir)).toEqual(before);
  }, 120_000);

  it('refuses when a SQLite database bound to the project stands inside the run, and when the run holds a branch point; nothing is written', async () => {
    const dir = join(tempDir(), 'migrations');
    const line = (n: number, parent: string | null): RevisionSpec => ({
      id: id(n),
      parents: parent ? [parent] : [],
      message: `step ${n}`,
      up: `CREATE TABLE t${n} (id integer);`,
    });
    writeNativeProject(dir, [line(1, null), line(2, 'r01'), line(3, 'r02'), line(4, 'r03'), line(5, 'r02')]);
    const path = join(tempDir(), 'app.sqlite');
    await runTarget(sqliteTarget(path, dir), { action: 'upgrade', to: 'r03' }, setup);
    const { services } = await unlocked();
    await saved(services, { name: 'app file', environment: 'staging', engine: 'sqlite', sqlitePath: path, projectDir: dir });
    const before = filesOf(dir);

    await expect(services.squashes.write({ projectDir: dir, first: 'r03', last: 'r04', message: 'x' }, 'tester')).rejects.toMatchObject({
      code: 'E_SQUASH_INSIDE_RUN',
      message: expect.stringContaining('app file (staging) has applied r03 but not the rest'),
    });
    await expect(services.squashes.write({ projectDir: dir, first: 'r01', last: 'r03', message: 'x' }, 'tester')).rejects.toMatchObject({
      code: 'E_SQUASH_NOT_LINEAR',
      message: expect.stringContaining('r02 is a branch point (children r03, r05)'),
    });
    expect(filesOf(dir)).toEqual(before);
  });
});
