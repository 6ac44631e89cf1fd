import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../../src-main/sqliteModule';
import { tempDir } from '../../support/tempDir';

const bin = resolve('bin/switchyard.mjs');
const esc = '\x1b';
const bell = '\x07';

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: '' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project whose file name, message and SQL carry terminal escapes, as a hostile branch could. */
function hostileProject(): string {
  const dir = tempDir();
  writeFileSync(
    join(dir, '001_base.sql'),
    '-- revision: base\n-- parents: none\n-- message: base\n-- migrate:up\nCREATE TABLE base (id integer);\n-- migrate:down\nDROP TABLE base;\n',
  );
  writeFileSync(
    join(dir, `005_${esc}[31mred.sql`),
    `-- revision: red\n-- parents: base\n-- message: ${esc}]0;owned${bell}retitles the terminal\n-- migrate:up\nSELECT * FROM "missing${esc}[2J";\n-- migrate:down\nSELECT 1;\n`,
  );
  return dir;
}

function expectNoRawControls(text: string): void {
  expect(text).not.toContain(esc);
  expect(text).not.toContain(bell);
}

describe('text from files and databases on a terminal', () => {
  it('shows the escapes in file names and messages as text in graph and plan', () => {
    const project = hostileProject();
    const graph = cli(['graph', '--project', project]);
    expect(graph.code).toBe(0);
    expectNoRawControls(graph.stdout);
    expect(graph.stdout).toContain('\\x1b]0;owned\\x07retitles the terminal');

    const plan = cli(['plan', '--project', project, '--to', 'head']);
    expect(plan.code).toBe(0);
    expectNoRawControls(plan.stdout);
    expect(plan.stdout).toContain('005_\\x1b[31mred.sql');
  });

  it('keeps JSON output JSON, with the characters escaped the JSON way', () => {
    const graph = cli(['graph', '--project', hostileProject(), '--json']);
    expectNoRawControls(graph.stdout);
    const report = JSON.parse(graph.stdout) as { revisions: { file: string }[] };
    expect(report.revisions.map((r) => r.file)).toContain(`005_${esc}[31mred.sql`);
  });

  it('shows escapes in a table name read from the database as text', () => {
    const database = join(tempDir(), 'hostile.sqlite');
    const db = openSqlite(database);
    db.exec(`CREATE TABLE "evil${esc}[2Jtable" (x integer)`);
    db.close();
    const inventory = cli(['inventory', '--url', `sqlite://${database}`]);
    expect(inventory.code).toBe(0);
    expectNoRawControls(inventory.stdout);
    expect(inventory.stdout).toContain('evil\\x1b[2Jtable');
  });

  it("shows escapes in a run's progress and in the database's error message as text", () => {
    const database = join(tempDir(), 'target.sqlite');
    openSqlite(database).close();
    const upgrade = cli(['upgrade', '--url', `sqlite://${database}`, '--project', hostileProject(), '--to', 'heads']);
    expect(upgrade.code).toBe(1);
    expectNoRawControls(upgrade.stdout);
    expectNoRawControls(upgrade.stderr);
    expect(`${upgrade.stdout}${upgrade.stderr}`).toContain('missing\\x1b[2J');
  });

  it('shows escapes in an error message as text', () => {
    const missing = cli(['graph', '--project', join(tempDir(), `gone${esc}[31m`)]);
    expect(missing.code).toBe(1);
    expectNoRawControls(missing.stderr);
    expect(missing.stderr).toContain('gone\\x1b[31m');
  });
});
