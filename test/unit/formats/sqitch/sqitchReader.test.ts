import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src-main/migrations/project';
import { readSqitchProject } from '../../../../src-main/formats/sqitch/sqitchReader';
import { writeFiles } from '../../../support/alembicFolders';
import { tempDir } from '../../../support/tempDir';

const by = '2026-01-05T10:00:00Z Ada Lovelace <ada@shop.example>';

function project(files: Record<string, string>): string {
  const dir = tempDir();
  writeFiles(dir, files);
  return dir;
}

const plan = (lines: string) => `%syntax-version=1.0.0\n%project=shop\n\n${lines}`;

describe('sqitch project', () => {
  it('is detected by its sqitch.plan and read in plan order, not in file-name order', () => {
    const dir = project({
      'sqitch.plan': plan(`b_second ${by}\na_third [b_second] ${by}\n`),
      'deploy/b_second.sql': 'CREATE TABLE b (id int);',
      'deploy/a_third.sql': 'CREATE TABLE a (id int);',
      'revert/b_second.sql': 'DROP TABLE b;',
    });
    const loaded = loadProject(dir);
    expect(loaded.files.format).toBe('sqitch');
    expect(loaded.files.detection).toContain('sqitch.plan');
    expect(loaded.graph.topological).toEqual(['b_second', 'a_third']);
    const [second, third] = loaded.files.files;
    expect(second).toMatchObject({ up: { transaction: false }, down: { file: 'revert/b_second.sql', transaction: false }, verify: null });
    expect(third?.down).toBeNull();
    expect(third?.noDowngrade).toBe(
      'Change a_third has no revert script (revert/a_third.sql), so sqitch cannot revert it either. Stamp it down instead if the change was undone by hand.',
    );
    expect(second?.noDowngrade).toBeUndefined();
    expect(loaded.anomalies).toEqual([]);
  });

  it('reads the scripts where sqitch.conf puts them, the engine section over core', () => {
    const dir = project({
      'sqitch.conf': '[core]\n\tengine = pg\n\ttop_dir = nowhere\n[engine "pg"]\n\ttop_dir = db\n\tplan_file = db/changes.plan\n\tverify_dir = db/checks\n',
      'db/changes.plan': plan(`users ${by}\n`),
      'db/deploy/users.sql': 'CREATE TABLE users (id int);',
      'db/revert/users.sql': 'DROP TABLE users;',
      'db/checks/users.sql': 'SELECT id FROM users WHERE FALSE;',
    });
    const [users] = readSqitchProject(dir).files;
    expect(users?.revision.file).toBe('db/deploy/users.sql');
    expect(users?.down?.file).toBe('db/revert/users.sql');
    expect(users?.verify?.file).toBe('db/checks/users.sql');
    expect(loadProject(dir).anomalies).toEqual([]);
  });

  it('reads a reworked change from its name@tag scripts and names it change@tag', () => {
    const dir = project({
      'sqitch.plan': plan(`users ${by}\n@v1 ${by}\nusers [users@v1] ${by}\n`),
      'deploy/users@v1.sql': 'CREATE TABLE users (id int);',
      'deploy/users.sql': 'ALTER TABLE users ADD COLUMN email text;',
      'revert/users@v1.sql': 'DROP TABLE users;',
      'revert/users.sql': 'ALTER TABLE users DROP COLUMN email;',
    });
    const read = readSqitchProject(dir);
    expect(read.files.map((f) => [f.revision.id, f.revision.file, f.revision.parents, f.down?.file])).toEqual([
      ['users@v1', 'deploy/users@v1.sql', [], 'revert/users@v1.sql'],
      ['users', 'deploy/users.sql', ['users@v1'], 'revert/users.sql'],
    ]);
    expect(read.unreadable).toEqual([]);
    expect(read.files.map((f) => f.revision.message)).toEqual(['@v1', '']);
  });

  it('shows a note of several lines on one line, with the change’s tags as sqitch shows them', () => {
    const dir = project({ 'sqitch.plan': plan(`users ${by} # Users\\nand their names.\n@v1 ${by}\n`), 'deploy/users.sql': 'SELECT 1;' });
    expect(readSqitchProject(dir).files[0]?.revision.message).toBe('Users and their names. @v1');
  });

  it('names every script sqitch would not run and every line it would not read', () => {
    const dir = project({
      'sqitch.plan': plan(`users ${by}\norders [users payments other:accounts] ${by}\n`),
      'deploy/users.sql': 'BEGIN;\n\\set ON_ERROR_STOP 1\nCREATE TABLE users (id int);\nCOMMIT;',
      'deploy/forgotten.sql': 'CREATE TABLE forgotten (id int);',
      'revert/orders.sql': 'DROP TABLE orders;',
    });
    const anomalies = loadProject(dir).anomalies.map((a) => `${a.kind} ${a.message}`);
    expect(anomalies).toEqual(
      expect.arrayContaining([
        'unreadableFile deploy/users.sql:2: a psql meta-command (\\set ON_ERROR_STOP 1): sqitch runs scripts through psql, Switchyard sends them to the server, which refuses it',
        'unreadableFile deploy/orders.sql:1: the deploy script of change "orders" (sqitch.plan:5) is missing; sqitch cannot deploy it',
        'unreadableFile sqitch.plan:5: sqitch refuses this plan: "orders" requires payments, which is not planned before it',
        'unreadableFile sqitch.plan:5: "orders" requires other:accounts, a change of another sqitch project: Switchyard does not check that it is deployed before this one (sqitch does)',
        'unusedFile deploy/forgotten.sql: no change in sqitch.plan uses this script, so sqitch never runs it; not run',
      ]),
    );
    expect(anomalies).toHaveLength(5);
  });

  it('says when sqitch.conf names an engine other than PostgreSQL', () => {
    const dir = project({ 'sqitch.conf': '[core]\n\tengine = mysql\n', 'sqitch.plan': plan('') });
    expect(readSqitchProject(dir).unreadable.map((a) => `${a.kind} ${a.message}`)).toEqual([
      'unsupportedSetting sqitch.conf:2: engine = mysql: the scripts are written for that engine, and Switchyard runs sqitch projects on PostgreSQL (engine pg) only',
    ]);
  });

  it('says when sqitch.conf names a registry Switchyard does not keep', () => {
    const dir = project({ 'sqitch.conf': '[engine "pg"]\n\tregistry = meta\n[core]\n\tengine = pg\n', 'sqitch.plan': plan('') });
    expect(readSqitchProject(dir).unreadable.map((a) => `${a.kind} ${a.message}`)).toEqual([
      'unsupportedSetting sqitch.conf:2: registry = meta: Switchyard reads and writes sqitch\'s registry in the schema "sqitch" only, so its status would not be this registry\'s',
    ]);
  });
});
