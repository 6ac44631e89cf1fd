// What a schema read could not do is said wherever its result is shown: a large database read by a
// role the server will not let share its snapshot (pg_export_snapshot revoked) is read on one
// connection instead of three, and `switchyard diff` (text, --json, --markdown, --sql), `switchyard
// drift` (text, --json), the check after `switchyard upgrade` and `revision adopt` each say so, even
// when nothing differs.
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import type { DriftReport } from '../../../src-shared/model/drift';
import type { SchemaComparison } from '../../../src-shared/model/schemaComparison';
import { quoteIdentifier as q } from '../../../src-main/drivers/identifier';
import { output } from '../../support/cliProcess';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { adminQuery } from '../../support/scratchDatabase';
import { tempDir } from '../../support/tempDir';

const server = inject('postgres');
const passphrase = 'read notes test passphrase';

// 210 tables: a read of 200 relations or more is shared among sessions on one exported snapshot.
const wideTables = `DO $$ BEGIN
  FOR i IN 1..210 LOOP
    EXECUTE format('CREATE TABLE %I (id int PRIMARY KEY, name text NOT NULL)', 'wide_' || i);
  END LOOP;
END $$;`;

const refusedNote =
  /Note on reading (.+): Read on one connection instead of 3: the server would not share this read's snapshot with another session \(.*pg_export_snapshot.*\)\./;

/**
 * A role of the test's own (the server's password, so PGPASSWORD serves both) owning a new database in
 * which it may not export a snapshot; both dropped after the test.
 */
async function refusingDatabase(name: string, roleOptions = ''): Promise<{ role: string; database: string }> {
  const role = `${name}_${process.pid}`;
  const database = `${name} ${process.pid}`;
  await adminQuery(server, `CREATE ROLE ${role} LOGIN ${roleOptions} PASSWORD '${server.password.replaceAll("'", "''")}'`);
  await adminQuery(server, `CREATE DATABASE ${q(database)} OWNER ${role}`);
  onTestFinished(async () => {
    await adminQuery(server, `DROP DATABASE IF EXISTS ${q(database)} WITH (FORCE)`);
    await adminQuery(server, `DROP ROLE ${role}`);
  });
  await adminQuery(server, 'REVOKE EXECUTE ON FUNCTION pg_export_snapshot() FROM PUBLIC', database);
  return { role, database };
}

const urlOf = (user: string, database: string) => `postgres://${user}@${server.host}:${server.port}/${encodeURIComponent(database)}`;

describe('notes on a schema read, in the CLI', () => {
  it('switchyard diff says a side was read on one connection instead of three, in text, --json, --markdown and --sql, also when the schemas are the same', async () => {
    const { role, database } = await refusingDatabase('diff_notes');
    await adminQuery(server, `SET ROLE ${role}; ${wideTables}`, database);
    const run = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password });
    // The same database on both sides: read by the role that may not share its snapshot, and by the server's own user.
    const args = ['diff', '--from', urlOf(role, database), '--to', urlOf(server.user, database)];

    const text = await run.run(args);
    expect(text.code, output(text)).toBe(0);
    expect(text.stdout).toContain('The schemas are the same.');
    expect(text.stdout).toMatch(refusedNote);
    expect(text.stdout.match(new RegExp(refusedNote, 'g'))).toHaveLength(1);

    const json = await run.run([...args, '--json']);
    expect(json.code).toBe(0);
    const comparison = JSON.parse(json.stdout) as SchemaComparison;
    expect(comparison.diff.notes?.from).toEqual([expect.stringMatching(/^Read on one connection instead of 3: .*pg_export_snapshot/)]);
    expect(comparison.diff.notes?.to).toEqual([]);

    const markdown = await run.run([...args, '--markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(new RegExp(`## Notes on the read\\n\\n- ${refusedNote.source}`));

    const sql = await run.run([...args, '--sql']);
    expect(sql.code).toBe(0);
    expect(sql.stdout).toContain('-- No statement is needed.');
    expect(sql.stdout).toMatch(new RegExp(`\\n-- ${refusedNote.source}\\n$`));
  });

  it('switchyard drift, the check after switchyard upgrade and revision adopt say the database was read on one connection instead of three', async () => {
    // CREATEDB: the expected schema replays in a database of its own on this server (where exporting is allowed).
    const { role, database } = await refusingDatabase('drift_notes', 'CREATEDB');
    const project = join(tempDir(), 'migrations');
    const revisions = [
      { id: 'wide01', parents: [], message: 'wide tables', up: wideTables },
      { id: 'ord02', parents: ['wide01'], message: 'orders', up: 'CREATE TABLE orders (id int PRIMARY KEY, total int);' },
    ];
    writeNativeProject(project, revisions);
    const run = await cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: passphrase, PGPASSWORD: server.password });
    const upgrade = await run.run(['upgrade', '--url', urlOf(role, database), '--project', project]);
    expect(upgrade.code, output(upgrade)).toBe(0);
    expect(output(upgrade)).toMatch(/Schema checked: what the migrations make at ord02, column by column \(.*; 1 note on the read below\)\./);
    expect(output(upgrade)).toMatch(/Note on reading the database: Read on one connection instead of 3: /);

    const added = await run.run(
      [
        'profiles',
        'add',
        '--name',
        'wide',
        '--host',
        server.host,
        '--port',
        String(server.port),
        '--database',
        database,
        '--user',
        role,
        '--project',
        project,
        '--password-stdin',
      ],
      `${server.password}\n`,
    );
    expect(added.code, output(added)).toBe(0);

    const drift = await run.run(['drift', '--profile', 'wide']);
    expect(drift.code, output(drift)).toBe(0);
    expect(drift.stdout).toContain('no drift.');
    expect(drift.stdout).toMatch(refusedNote);
    expect(drift.stdout).toContain('Note on reading the database: ');

    const json = await run.run(['drift', '--profile', 'wide', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as DriftReport;
    expect(report.notes.actual).toEqual([expect.stringMatching(/^Read on one connection instead of 3: .*pg_export_snapshot/)]);
    // The replay ran in a database of its own, where the snapshot could be shared.
    expect(report.notes.expected).toEqual([]);

    // A revision whose table is in the database already, made by hand: adopting it compares, and says how the database was read.
    writeNativeProject(project, [...revisions, { id: 'inv03', parents: ['ord02'], message: 'invoices', up: 'CREATE TABLE invoices (id int PRIMARY KEY);' }]);
    await adminQuery(server, `SET ROLE ${role}; CREATE TABLE invoices (id int PRIMARY KEY);`, database);
    const adopt = await run.run(['revision', 'adopt', 'inv03', '--url', urlOf(role, database), '--project', project]);
    expect(adopt.code, output(adopt)).toBe(0);
    expect(adopt.stdout).toMatch(refusedNote);
  });
});
