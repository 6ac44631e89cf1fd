// How the CLI says what went wrong: the sentence first, the code on a line of its own after it, so a
// command the message ends with runs as printed; --json keeps its { error: { code, message } }.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWithStore } from '../../support/cliStore';
import { writeNativeProject } from '../../support/nativeProject';
import { execSqlite } from '../../support/sqliteFile';
import { tempDir } from '../../support/tempDir';

const cli = () => cliWithStore({ SWITCHYARD_HOME: tempDir(), SWITCHYARD_PASSPHRASE: 'error output test passphrase' });

describe('the CLI’s error output', () => {
  it('leads with the sentence and puts the code on its own line after it, with the same exit code and JSON as before', async () => {
    const project = join(tempDir(), 'migrations');
    writeNativeProject(project, [
      { id: 'a', parents: ['b'], message: 'a', up: 'CREATE TABLE a (id int);' },
      { id: 'b', parents: ['a'], message: 'b', up: 'CREATE TABLE b (id int);' },
    ]);
    const terminal = await cli();

    const plan = await terminal.run(['plan', '--project', project, '--to', 'heads']);
    expect(plan.code).toBe(1);
    const lines = plan.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^switchyard: .*cycle/i);
    expect(lines[0]).not.toContain('E_CYCLE');
    expect(lines.at(-1)).toBe('  [E_CYCLE]');

    const json = await terminal.run(['plan', '--project', project, '--to', 'heads', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'E_CYCLE', message: lines[0]!.slice('switchyard: '.length), detail: { cycles: [['a', 'b']], target: 'heads' } },
    });
    expect(json.stderr).toBe('');
  });

  it('ends a refusal with a way on that runs exactly as printed, the code kept off it', async () => {
    const database = join(tempDir(), 'shop.sqlite');
    execSqlite(database, 'CREATE TABLE orders (id integer)');
    const terminal = await cli();

    const refused = await terminal.run(['snapshot', 'create', '--url', `sqlite://${database}`, '--env', 'prod']);
    expect(refused.code).toBe(1);
    const wayOn = refused.stderr.split('\n').find((line) => line.startsWith('To go on: '));
    expect(wayOn).toBeDefined();
    expect(refused.stderr.trimEnd().split('\n').at(-1)).toBe('  [E_CONFIRMATION_REQUIRED]');

    const taken = await terminal.runPrinted(wayOn!.slice('To go on: '.length));
    expect(taken.stderr).toBe('');
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(/^Snapshot ".*" \(.*\) taken/);
  });
});
